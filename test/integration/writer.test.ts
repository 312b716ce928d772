import * as assert from 'assert';
import * as vscode from 'vscode';
import { addListItem } from '../../src/core/edits';
import { api, closeAllEditors, journalUri, readBytes, readText, writeText } from './helpers';

const AGENDA = { heading: 'Agenda', createAt: 'start' } as const;

describe('the one WorkspaceEdit write path', () => {
  afterEach(closeAllEditors);

  it('edits a closed file by its lines only, keeping CRLF, BOM and no final newline', async () => {
    const { services } = await api();
    const uri = journalUri('meetings', 'priya-nair', '2026-12-01.md');
    const original =
      '\uFEFF---\r\ndate: 2026-12-01 # first December slot\r\nstatus: planned\r\n---\r\n\r\n## Agenda\r\n\r\n- [ ] existing\r\n\r\n## Notes\r\n\tkept\ttabs';
    await writeText(uri, original);
    const result = await services.writer.edit(
      'meetings/priya-nair/2026-12-01.md',
      (doc) => addListItem(doc, AGENDA, { text: 'added #growth' }),
      'test',
    );
    assert.ok(result.ok, !result.ok ? result.reason : '');
    const text = await readText(uri);
    assert.strictEqual(text, original.replace('- [ ] existing\r\n', '- [ ] existing\r\n- [ ] added #growth\r\n'));
  });

  it('puts the edit into an open editor with unsaved changes, leaves it unsaved, and undo removes it', async () => {
    const { services } = await api();
    const uri = journalUri('meetings', 'priya-nair', '2026-12-15.md');
    await writeText(uri, '# 1:1\n\n## Agenda\n\n- [ ] one\n\n## Notes\n');
    const onDisk = await readBytes(uri);
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((b) => b.insert(new vscode.Position(7, 0), 'typed but not saved\n'));
    assert.ok(editor.document.isDirty);
    const result = await services.writer.edit(
      'meetings/priya-nair/2026-12-15.md',
      (doc) => addListItem(doc, AGENDA, { text: 'two' }),
      'test',
    );
    assert.ok(result.ok, !result.ok ? result.reason : '');
    assert.strictEqual(
      editor.document.getText(),
      '# 1:1\n\n## Agenda\n\n- [ ] one\n- [ ] two\n\n## Notes\ntyped but not saved\n',
    );
    assert.ok(editor.document.isDirty, 'still unsaved: the user decides when to save');
    assert.deepStrictEqual(await readBytes(uri), onDisk, 'the file on disk is untouched');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), '# 1:1\n\n## Agenda\n\n- [ ] one\n\n## Notes\ntyped but not saved\n');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses a file with mixed line endings rather than let VS Code rewrite every line', async () => {
    const { services } = await api();
    const uri = journalUri('meetings', 'priya-nair', '2026-12-29.md');
    const original = '## Agenda\r\n\n- [ ] one\n\r\n## Notes\r\n';
    await writeText(uri, original);
    const result = await services.writer.edit(
      'meetings/priya-nair/2026-12-29.md',
      (doc) => addListItem(doc, AGENDA, { text: 'two' }),
      'test',
    );
    assert.strictEqual(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /mixes line endings/);
    assert.strictEqual(await readText(uri), original);
  });

  it('refuses to write outside the journal', async () => {
    const { services } = await api();
    const result = await services.writer.create([{ path: '../escape.md', contents: 'x' }], 'test');
    assert.strictEqual(result.ok, false);
  });
});
