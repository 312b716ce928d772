import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Node } from '../../src/ui/nodes';
import { api, closeAllEditors, isoDaysFromToday, journalUri, readText, rows, waitFor, writeText } from './helpers';

const PERSON = 'morgan-lee';
const past = '2026-01-12';
const next = isoDaysFromToday(2);
const later = isoDaysFromToday(9);

const PAST_MEETING = [
  '---',
  `date: ${past}`,
  'status: done # kept',
  '---',
  '',
  '# 1:1',
  '',
  '## Agenda',
  '',
  '- [ ] Carry me over #growth',
  '  Source: `scratch-points.txt:2`',
  '  > the quoted line',
  '- [x] Already discussed #alignment',
  '',
  '## Notes',
  '',
  'Keep\tthis.',
  '',
].join('\n');
const NEXT_MEETING = ['# 1:1', '', '## Agenda', '', '- [ ] First #feedback', '', '## Notes', ''].join('\r\n');

async function setUp(): Promise<void> {
  const { services } = await api();
  await writeText(journalUri('people', `${PERSON}.md`), '---\nname: Morgan Lee\nrole: mentor\n---\n');
  await writeText(journalUri('meetings', PERSON, `${past}.md`), PAST_MEETING);
  await writeText(journalUri('meetings', PERSON, `${next}.md`), NEXT_MEETING);
  await writeText(journalUri('meetings', PERSON, `${later}.md`), '# later\n');
  await waitFor(
    () =>
      services.store.index.get(`meetings/${PERSON}/${later}.md`) &&
      services.store.index.get(`meetings/${PERSON}/${past}.md`)?.agenda.length === 2,
    'the meetings to be indexed',
  );
}

async function meetingRows(): Promise<Awaited<ReturnType<typeof rows>>> {
  const { trees } = await api();
  const person = (await rows(trees!.meetings)).find((r) => r.label === 'Morgan Lee');
  assert.ok(person, 'Morgan Lee is in the tree');
  return rows(trees!.meetings, person.node);
}

async function pointRows(date: string): Promise<Awaited<ReturnType<typeof rows>>> {
  const { trees } = await api();
  const meeting = (await meetingRows()).find((r) => r.label === date);
  assert.ok(meeting, `meeting ${date} is in the tree`);
  return rows(trees!.meetings, meeting.node);
}

describe('talking points in the Meetings tree', () => {
  before(setUp);
  afterEach(closeAllEditors);

  it('shows a meeting’s talking points under it, tags as description, discussed ones ticked', async () => {
    const points = await pointRows(past);
    assert.deepStrictEqual(
      points.map((p) => [p.label, p.description, p.icon, p.contextValue]),
      [
        ['Carry me over', '#growth', 'circle-large-outline', 'oneOnOne.point.open.source'],
        ['Already discussed', '#alignment', 'pass-filled', 'oneOnOne.point.discussed'],
      ],
    );
    const { trees } = await api();
    const nextRow = (await meetingRows()).find((r) => r.label === next)!;
    const item = await trees!.meetings.getTreeItem(nextRow.node);
    assert.strictEqual(
      item.collapsibleState,
      vscode.TreeItemCollapsibleState.Expanded,
      'the next meeting opens expanded',
    );
  });

  it('marks a point discussed by ticking its box (one character), and back', async () => {
    const uri = journalUri('meetings', PERSON, `${next}.md`);
    const [first] = await pointRows(next);
    await vscode.commands.executeCommand('oneOnOne.markDiscussed', first!.node);
    assert.strictEqual(await readText(uri), NEXT_MEETING.replace('- [ ] First', '- [x] First'));
    const [ticked] = await pointRows(next);
    assert.strictEqual(ticked!.icon, 'pass-filled');
    await vscode.commands.executeCommand('oneOnOne.reopenTalkingPoint', ticked!.node);
    assert.strictEqual(await readText(uri), NEXT_MEETING);
  });

  it('shows each point’s box as the file has it; ticking boxes in the tree writes each tick, in order, none lost', async () => {
    const { trees, services } = await api();
    const box = async (date: string): Promise<(vscode.TreeItemCheckboxState | undefined)[]> =>
      Promise.all(
        (await pointRows(date)).map(async (r) => {
          const state = (await trees!.meetings.getTreeItem(r.node)).checkboxState;
          return typeof state === 'object' ? state.state : state;
        }),
      );
    const { Checked, Unchecked } = vscode.TreeItemCheckboxState;
    assert.deepStrictEqual(await box(past), [Unchecked, Checked]);

    const uri = journalUri('meetings', PERSON, `${past}.md`);
    const [carry, discussed] = (await pointRows(past)).map((r) => r.node);
    // Three ticks in quick succession, as VS Code reports them: none waits for the one before.
    const all = Promise.all([
      trees!.ticks.apply([[carry!, Checked]]),
      trees!.ticks.apply([[discussed!, Unchecked]]),
      trees!.ticks.apply([[carry!, Unchecked]]),
    ]);
    await all;
    assert.strictEqual(await readText(uri), PAST_MEETING.replace('- [x] Already discussed', '- [ ] Already discussed'));
    await waitFor(async () => (await box(past)).every((b) => b === Unchecked), 'both boxes clear in the tree');

    // Both at once (a multi-selection ticked together): one edit each, the file has both.
    await trees!.ticks.apply([
      [carry!, Checked],
      [discussed!, Checked],
    ]);
    assert.strictEqual(await readText(uri), PAST_MEETING.replace('- [ ] Carry me over', '- [x] Carry me over'));
    await waitFor(
      () => services.store.index.get(`meetings/${PERSON}/${past}.md`)?.agenda.every((a) => a.checked),
      'the index to see both ticked',
    );
    await trees!.ticks.apply([[carry!, Unchecked]]);
    assert.strictEqual(await readText(uri), PAST_MEETING);
  });

  it('a tick the file no longer has a point for is refused, saying so, and the row shows the file again', async () => {
    const { trees } = await api();
    const stale: Node = {
      type: 'point',
      id: 'point/stale',
      path: `meetings/${PERSON}/${next}.md`,
      person: PERSON,
      line: 4,
      text: 'A point someone deleted',
    };
    const uri = journalUri('meetings', PERSON, `${next}.md`);
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window['showErrorMessage'];
    const shown: string[] = [];
    window['showErrorMessage'] = (m: string) => {
      shown.push(m);
      return Promise.resolve(undefined);
    };
    let refreshed = false;
    const subscription = trees!.meetings.onDidChangeTreeData(() => (refreshed = true));
    try {
      await trees!.ticks.apply([[stale, vscode.TreeItemCheckboxState.Checked]]);
    } finally {
      window['showErrorMessage'] = original;
      subscription.dispose();
    }
    assert.strictEqual(await readText(uri), NEXT_MEETING);
    assert.ok(
      shown.some((m) => m.includes('"A point someone deleted" is no longer in this meeting')),
      JSON.stringify(shown),
    );
    assert.ok(refreshed, 'the tree is asked for its rows again');
  });

  it('oneOnOne.search with a typed filter lists the matching points; Enter opens the meeting at the line', async () => {
    const searching = vscode.commands.executeCommand<{ path: string; line: number } | undefined>('oneOnOne.search', {
      query: '@morgan #growth is:open carry',
    });
    // The pick is VS Code's own: Enter on its first row, again until it was open to take it.
    let settled = false;
    void searching.then(() => (settled = true));
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
      return settled;
    }, 'the search pick to take Enter');
    const row = await searching;
    assert.deepStrictEqual(row && [row.path, row.line], [
      `meetings/${PERSON}/${past}.md`,
      PAST_MEETING.split('\n').indexOf('- [ ] Carry me over #growth'),
    ]);
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith(`${past}.md`)
          ? vscode.window.activeTextEditor
          : undefined,
      'the meeting to open',
    );
    assert.strictEqual(editor.selection.active.line, row!.line);
  });

  it('jumps to the source file and lines a point came from', async () => {
    await writeText(
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'scratch-points.txt'),
      'one\nthe quoted line\nthree\n',
    );
    const [carry] = await pointRows(past);
    await vscode.commands.executeCommand('oneOnOne.openTalkingPointSource', carry!.node);
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/scratch-points.txt')
          ? vscode.window.activeTextEditor
          : undefined,
      'the source to open',
    );
    assert.strictEqual(editor.selection.start.line, 1);
    assert.strictEqual(editor.document.getText(editor.selection), 'the quoted line');
  });

  it('moves a point to another meeting by drag and drop: its lines leave one file and arrive in the other, once', async () => {
    const { trees } = await api();
    const [carry] = await pointRows(past);
    const target = (await meetingRows()).find((r) => r.label === next)!;
    const data = new vscode.DataTransfer();
    await trees!.dragAndDrop.handleDrag([carry!.node], data);
    await trees!.dragAndDrop.handleDrop(target.node, data);
    const pastText = await readText(journalUri('meetings', PERSON, `${past}.md`));
    const nextText = await readText(journalUri('meetings', PERSON, `${next}.md`));
    assert.strictEqual(
      pastText,
      PAST_MEETING.replace('- [ ] Carry me over #growth\n  Source: `scratch-points.txt:2`\n  > the quoted line\n', ''),
    );
    assert.strictEqual(
      nextText,
      NEXT_MEETING.replace(
        '- [ ] First #feedback\r\n',
        '- [ ] First #feedback\r\n- [ ] Carry me over #growth\r\n  Source: `scratch-points.txt:2`\r\n  > the quoted line\r\n',
      ),
    );
    assert.deepStrictEqual(
      (await pointRows(next)).map((p) => p.label),
      ['First', 'Carry me over'],
    );
    assert.deepStrictEqual(
      (await pointRows(past)).map((p) => p.label),
      ['Already discussed'],
    );
  });

  it('dropping on a person moves the point to that person’s next meeting', async () => {
    const { trees } = await api();
    const laterUri = journalUri('meetings', PERSON, `${later}.md`);
    await writeText(laterUri, '# later\n\n## Agenda\n\n- [ ] Move me back #other\n');
    const { services } = await api();
    await waitFor(
      () => services.store.index.get(`meetings/${PERSON}/${later}.md`)?.agenda.length === 1,
      'the later meeting to be re-read',
    );
    const [moveMe] = await pointRows(later);
    const person = (await rows(trees!.meetings)).find((r) => r.label === 'Morgan Lee')!;
    const data = new vscode.DataTransfer();
    await trees!.dragAndDrop.handleDrag([moveMe!.node as Node], data);
    await trees!.dragAndDrop.handleDrop(person.node, data);
    assert.strictEqual(await readText(laterUri), '# later\n\n## Agenda\n\n');
    assert.ok((await readText(journalUri('meetings', PERSON, `${next}.md`))).includes('- [ ] Move me back #other\r\n'));
  });

  it('askQuestion adds a question from the bank to the next agenda', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.askQuestion', {
      person: 'Morgan Lee',
      question: 'How can I help the team more?',
      theme: 'team/process',
    });
    assert.ok(uri);
    assert.ok((await readText(uri)).includes('- [ ] How can I help the team more? #team/process\r\n'));
  });
});
