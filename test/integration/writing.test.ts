// Help while writing in the journal, through VS Code's own provider commands:
// completion after `#` and at an action item's start, `#goal/…` links and the
// hover on a carried item; and none of it in a markdown file outside the journal.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, journalUri, waitFor, workspaceRoot, writeText } from './helpers';

const MEETING = [
  '# 1:1',
  '',
  '## Agenda',
  '',
  '- [ ] Ask about #gr',
  '- [ ] Plan #goal/write-the-rfc',
  '- [ ] Retry budget #team/process',
  '  Carried from [2026-11-10](2026-11-10.md#carry-1x3k9q)',
  '',
  '## Action items',
  '',
  '- [ ] ',
  '',
].join('\n');

describe('writing help in journal files', () => {
  const meeting = journalUri('meetings', 'wren-writer', '2026-12-20.md');
  const goal = journalUri('goals', 'write-the-rfc.md');
  const outside = vscode.Uri.joinPath(workspaceRoot(), 'outside-notes.md');

  before(async () => {
    const { services } = await api();
    await writeText(journalUri('people', 'wren-writer.md'), '---\nname: Wren Writer\n---\n');
    await writeText(goal, '---\ntitle: Write the RFC\nstatus: active\n---\n');
    await writeText(meeting, MEETING);
    await writeText(outside, MEETING);
    await waitFor(
      () =>
        services.store.index.get('meetings/wren-writer/2026-12-20.md') &&
        services.store.index.get('goals/write-the-rfc.md'),
      'the files to be indexed',
    );
  });

  after(async () => {
    await closeAllEditors();
    for (const uri of [meeting, goal, outside, journalUri('people', 'wren-writer.md')])
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.fs
      .delete(journalUri('meetings', 'wren-writer'), { recursive: true })
      .then(undefined, () => undefined);
  });

  async function labels(uri: vscode.Uri, line: number, character: number, trigger?: string): Promise<string[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(line, character),
      trigger,
    );
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  }

  it('completes theme tags and active goals after #, and owners at the start of an action item', async () => {
    await vscode.workspace.openTextDocument(meeting);
    const tags = await labels(meeting, 4, 18, '#');
    assert.ok(tags.includes('#growth') && tags.includes('#goal/write-the-rfc'), tags.join(' | '));
    const owners = await labels(meeting, 11, 6, ' ');
    assert.deepStrictEqual(owners.slice(0, 2), ['Me: ', 'Wren Writer: '], owners.join(' | '));
  });

  it('links #goal/<slug> to the goal, and a carried item’s hover says where and when it came from', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', meeting);
    const toGoal = links.find((l) => l.target?.toString() === goal.toString());
    assert.ok(toGoal, links.map((l) => l.target?.toString()).join(' | '));
    assert.deepStrictEqual([toGoal.range.start.line, toGoal.range.start.character], [5, 11]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      meeting,
      new vscode.Position(6, 10),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Carried forward from the 1:1 of \*\*2026-11-10\*\*/);
  });

  it('offers nothing of the journal in a markdown file outside it', async () => {
    await vscode.workspace.openTextDocument(outside);
    const tags = await labels(outside, 4, 18, '#');
    assert.ok(!tags.includes('#growth'), tags.join(' | '));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', outside);
    assert.ok(!links.some((l) => l.target?.toString() === goal.toString()));
  });
});
