// Two windows, one personal journal: the same suite runs in a window on
// payments-service and in one on web-app (scripts/test-windows.mjs), both
// with the user's oneOnOne.journalFolder pointing at one folder outside
// either. What one window writes, the other must show (through its watcher on
// that folder: nothing else tells it), and both writing into the same meeting
// at the same moment must lose nothing: the writer's freshness checks are
// what stand between the two.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, readText, rows, waitFor, workspaceRoot } from '../integration/helpers';
import { MessageSpy } from '../integration/message-spy';
import { abort, barrier } from './sync';

const ROLES = ['payments-service', 'web-app'] as const;
const me = vscode.workspace.workspaceFolders?.[0]?.name ?? '(no folder)';
const other = me === ROLES[0] ? ROLES[1] : ROLES[0];
const JOURNAL = process.env.ONE_ON_ONE_WINDOWS_JOURNAL;
const K = 5;
// The watcher is debounced, and VS Code's file events for a folder outside the workspace may come late.
const SEE_MS = 30000;
const FIRST = 'Is three retries enough?';
const pointsOf = (role: string): string[] => Array.from({ length: K }, (_, i) => `${role} point ${i + 1} of ${K}`);
const ALL = [FIRST, ...pointsOf(ROLES[0]), ...pointsOf(ROLES[1])];

/** Talking-point lines of `summary` in a meeting file's text: each capture must be there exactly once. */
function linesOf(text: string, summary: string): number {
  return text.split(/\r?\n/).filter((l) => l === `- [ ] ${summary}` || l.startsWith(`- [ ] ${summary} #`)).length;
}

describe(`two windows on one personal journal (this one: ${me})`, function () {
  const spy = new MessageSpy();
  let meeting = '';

  before(() => {
    assert.ok((ROLES as readonly string[]).includes(me), `unexpected workspace folder ${me}`);
    assert.ok(JOURNAL, 'ONE_ON_ONE_WINDOWS_JOURNAL is not set: run this suite with scripts/test-windows.mjs');
    spy.install();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') abort(`${me} failed "${this.currentTest.title}"`);
  });
  after(() => spy.restore());

  it('shows the personal journal, not its own workspace', async () => {
    const { services, trees } = await api();
    await waitFor(
      () => services.store.state.kind === 'ready' && services.store.index.findPerson('sam-lee'),
      'Sam Lee from the personal journal',
      SEE_MS,
    );
    assert.ok(services.store.personal, 'the journal is the personal one');
    assert.strictEqual(services.store.root?.fsPath, JOURNAL);
    assert.deepStrictEqual(
      (await rows(trees!.meetings)).map((r) => r.label),
      ['Sam Lee'],
    );
    await barrier('open', me, other);
  });

  it("a point captured in payments-service appears in web-app's Meetings tree", async () => {
    const { services, trees } = await api();
    if (me === ROLES[0]) {
      const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'src', 'retry.ts'));
      editor.selection = new vscode.Selection(1, 0, 3, 0);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.addTalkingPoint', {
        person: 'sam-lee',
        theme: 'question',
        summary: FIRST,
      });
      assert.ok(uri, `the capture was refused: ${spy.errorsSince(0).join(' | ')}`);
      meeting = services.store.pathOf(uri) ?? '';
      assert.match(meeting, /^meetings\/sam-lee\/\d{4}-\d{2}-\d{2}\.md$/, uri.fsPath);
      await barrier('captured', me, other, meeting);
      await barrier('seen', me, other);
      return;
    }
    meeting = await barrier('captured', me, other);
    const date = meeting.slice(meeting.lastIndexOf('/') + 1, -3);
    const started = Date.now();
    await waitFor(
      async () => {
        const sam = (await rows(trees!.meetings)).find((r) => r.label === 'Sam Lee');
        const next = sam && (await rows(trees!.meetings, sam.node)).find((r) => r.label === date);
        return next && (await rows(trees!.meetings, next.node)).some((r) => r.label === FIRST);
      },
      `"${FIRST}" under Sam Lee › ${date} in ${me}'s Meetings tree`,
      SEE_MS,
    );
    console.log(`      (${me} showed the other window's capture after ${Date.now() - started} ms)`);
    await barrier('seen', me, other);
  });

  it('captures from both windows at the same moment into the same meeting lose nothing', async () => {
    const { services } = await api();
    const shownBefore = spy.shown.length;
    // Every way a capture can go missing is collected, so that one run shows all of them.
    const problems: string[] = [];
    await barrier('go', me, other);
    for (const [i, summary] of pointsOf(me).entries()) {
      // Both capture commands, as a user would mix them: a snippet with a summary, and a jotted line.
      const uri =
        i % 2 === 0
          ? await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.addTalkingPoint', {
              text: `retry(() => call(${i}))`,
              person: 'sam-lee',
              theme: 'question',
              summary,
            })
          : await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.jotTopic', {
              text: `${summary} #question`,
              person: 'sam-lee',
            });
      if (!uri) problems.push(`"${summary}" was refused`);
      else if (services.store.pathOf(uri) !== meeting) problems.push(`"${summary}" went to ${uri.fsPath}`);
    }
    problems.push(...spy.errorsSince(shownBefore).map((m) => `message: ${m}`));
    await barrier('captured-all', me, other);

    const uri = services.store.uriOf(meeting);
    const counts = (text: string): string =>
      ALL.map((s) => `${linesOf(text, s)}× "${s}"`)
        .filter((c) => !c.startsWith('1×'))
        .join(', ');
    let disk = '';
    const onDisk = await waitFor(async () => counts((disk = await readText(uri))) === '', 'the disk', SEE_MS).then(
      () => true,
      () => false,
    );
    if (!onDisk) problems.push(`on disk, not exactly once after ${SEE_MS} ms: ${counts(disk)}`);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) problems.push(`${me} holds unsaved changes to ${meeting}, which disk does not have`);

    // This window's index must have caught up with the other's writes too (its watcher, again).
    const indexed = (): string[] => (services.store.index.get(meeting)?.agenda ?? []).map((p) => p.text);
    // The index follows the disk: with captures missing there, waiting longer shows nothing more.
    const indexWait = onDisk ? SEE_MS : 0;
    await waitFor(
      () => indexed().length === ALL.length && ALL.every((s) => indexed().filter((t) => t.startsWith(s)).length === 1),
      'the index',
      indexWait,
    ).catch(() => problems.push(`${me}'s index after ${indexWait} ms: ${JSON.stringify(indexed())}`));
    // How the two windows' captures landed (P: payments-service, W: web-app): interleaved, or one after the other.
    const order = indexed().map((t) => (t.startsWith(ROLES[0]) ? 'P' : t.startsWith(ROLES[1]) ? 'W' : '·'));
    console.log(`      (${me}: the agenda's points in file order: ${order.join('')})`);
    assert.deepStrictEqual(problems, [], `${me} lost captures; ${meeting} on disk:\n${disk}`);
  });
});
