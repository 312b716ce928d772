import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

describe('extension', () => {
  it('is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('activates without the code of its command-only features; a first command loads its bundle, once', async () => {
    const { perf } = await api();
    assert.deepStrictEqual(perf.activation.bundles, [], 'no bundle is read before activate() returns');
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'oneOnOne.generateReview',
      'oneOnOne.search',
      'oneOnOne.showBalance',
      'oneOnOne.jotTopic',
      'oneOnOne.importInvite',
    ])
      assert.ok(commands.includes(id), `${id} is registered at activation`);
    // A review packet with a bad range: the command's own refusal, from its bundle.
    const refused = await vscode.commands.executeCommand('oneOnOne.generateReview', { from: 'soon', to: 'later' });
    assert.strictEqual(refused, undefined);
    assert.ok(perf.loadedBundles().includes('review.js'), `review.js loaded: ${perf.loadedBundles().join(', ')}`);
    const again = perf.loadedBundles().length;
    await vscode.commands.executeCommand('oneOnOne.generateReview', { from: 'soon', to: 'later' });
    assert.strictEqual(perf.loadedBundles().length, again, 'a second call loads nothing more');
  });
});
