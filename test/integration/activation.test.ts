import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'one-on-one-journal.one-on-one-journal';

describe('extension', () => {
  it('is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
