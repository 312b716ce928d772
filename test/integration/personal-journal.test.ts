// One journal, wherever you work: a personal journal (the user's own
// oneOnOne.journalFolder, a folder outside the workspace) shown and written
// from a window whose workspace is a code repository — every command family
// once, the outside world's changes reaching the trees, and the repository
// left byte-identical. Then the values that cannot be used, each refused with
// a message and nothing written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAllEditors, isoDaysFromToday, readText, rows, waitFor, workspaceRoot, git } from './helpers';
import type { GitHubAuth } from '../../src/host/github/auth';
import { FakeGitHub, pullRequest, TEST_TOKEN } from './fake-github';
import { MessageSpy } from './message-spy';

/** Every file under `dir` (but `.git`) with its bytes, to compare before and after. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String)) {
    if (rel.split(path.sep)[0] === '.git') continue;
    const full = path.join(dir, rel);
    if (fs.lstatSync(full).isFile()) out.set(rel, fs.readFileSync(full).toString('base64'));
  }
  return out;
}

const RETRY = [
  'export async function retry(fn) {',
  '  for (let i = 0; i < 3; i++) {',
  '    try { return await fn(); } catch {}',
  '  }',
  '}',
  '',
].join('\n');

async function setUserFolder(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('oneOnOne').update('journalFolder', value, vscode.ConfigurationTarget.Global);
}

describe('a personal journal outside the workspace', function () {
  this.timeout(60000);
  // In the home folder, so that the setting can say `~/…` as users write it; made in before(), so a run that
  // filters this suite out leaves nothing behind.
  let base = '';
  let personal = '';
  const gh = new FakeGitHub();
  let originalAuth: GitHubAuth | undefined;
  const repoDir = path.join(workspaceRoot().fsPath, 'payments-service');
  let repoBefore: Map<string, string>;
  let workspaceJournal: Map<string, string>;

  before(async () => {
    base = fs.mkdtempSync(path.join(os.homedir(), '.one-on-one-personal-'));
    personal = path.join(base, 'my-1on1s');
    fs.mkdirSync(path.join(repoDir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(repoDir, 'src', 'retry.ts'), RETRY);
    git(repoDir, 'init', '-q');
    git(repoDir, 'add', '.');
    git(repoDir, 'commit', '-qm', 'init');
    git(repoDir, 'remote', 'add', 'origin', 'https://github.com/acme/payments-service.git');
    repoBefore = snapshot(repoDir);
    workspaceJournal = snapshot(path.join(workspaceRoot().fsPath, 'one-on-ones'));
    await gh.start();
    gh.addPull(pullRequest(12, { repo: 'payments-service', title: 'Retry with a budget' }));
    await vscode.workspace
      .getConfiguration('oneOnOne.github')
      .update('apiUrl', gh.origin, vscode.ConfigurationTarget.Global);
    const { evidence } = await api();
    assert.ok(evidence.linker, 'the evidence feature is activated');
    originalAuth = evidence.linker.auth;
    evidence.linker.auth = { token: async () => TEST_TOKEN };
  });

  after(async () => {
    const { evidence } = await api();
    if (evidence.linker && originalAuth) evidence.linker.auth = originalAuth;
    await vscode.workspace
      .getConfiguration('oneOnOne.github')
      .update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await gh.stop();
    await closeAllEditors();
    await setUserFolder(undefined);
    const { services } = await api();
    await waitFor(
      () =>
        !services.store.personal &&
        services.store.state.kind === 'ready' &&
        services.store.index.findPerson('alex-kim'),
      'the workspace journal to be back',
    );
    if (base) fs.rmSync(base, { recursive: true, force: true });
    fs.rmSync(repoDir, { recursive: true, force: true });
  });

  it('is the journal as soon as the user setting names it, and Create Journal makes it there, not in the workspace', async () => {
    const { services } = await api();
    await setUserFolder(personal.replace(os.homedir(), '~'));
    await waitFor(
      () => services.store.state.kind === 'missing' && services.store.personal,
      'the store to follow the user setting',
    );
    assert.strictEqual(services.store.root?.fsPath, personal);
    const made = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.initJournal', {
      name: 'Sam Lee',
      role: 'manager',
    });
    assert.ok(made, 'Create Journal returned the journal folder');
    assert.ok(fs.existsSync(path.join(personal, 'people', 'sam-lee.md')), 'people/sam-lee.md in the personal folder');
    assert.ok(fs.existsSync(path.join(personal, 'templates', 'meeting.md')));
    await waitFor(() => services.store.state.kind === 'ready' && services.store.index.findPerson('sam-lee'), 'Sam Lee');
    assert.strictEqual(services.store.index.findPerson('alex-kim'), undefined, 'the workspace journal is not shown');
    const { trees } = await api();
    assert.deepStrictEqual(
      (await rows(trees!.meetings)).map((r) => r.label),
      ['Sam Lee'],
    );
  });

  it('takes a selection in the repository to the next 1:1, recording the repository, and Go to Source opens it', async () => {
    const { services, trees } = await api();
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(path.join(repoDir, 'src', 'retry.ts')));
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    // The git extension discovers the repository asynchronously; the files say the same meanwhile.
    const meeting = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTalkingPoint', {
      person: 'sam-lee',
      theme: 'question',
      summary: 'Is three retries enough?',
    });
    assert.ok(meeting);
    assert.ok(meeting.fsPath.startsWith(personal + path.sep), meeting.fsPath);
    const text = await readText(meeting);
    assert.match(
      text,
      /- \[ \] Is three retries enough\? #question\n {2}Source: \S*src\/retry\.ts:2-3 in acme\/payments-service/,
    );
    assert.ok(text.includes('for (let i = 0; i < 3; i++) {'), text);

    await closeAllEditors();
    const sam = (await rows(trees!.meetings)).find((r) => r.label === 'Sam Lee')!;
    const next = (await rows(trees!.meetings, sam.node))[0]!;
    const point = (await rows(trees!.meetings, next.node)).find((r) => r.label.startsWith('Is three retries'))!;
    assert.ok(point, 'the point is in the tree');
    await vscode.commands.executeCommand('oneOnOne.openTalkingPointSource', point.node);
    const opened = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.fsPath === path.join(repoDir, 'src', 'retry.ts')
          ? vscode.window.activeTextEditor
          : undefined,
      'the source to open',
    );
    assert.strictEqual(opened.selection.start.line, 1);
    assert.ok(services.store.pathOf(meeting)?.startsWith('meetings/sam-lee/'));
  });

  it('runs every command family against it: jot, terminal, feedback, goals, agenda, finish, carry, a pull request, review, balance', async () => {
    const { services } = await api();
    const jot = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.jotTopic', {
      text: 'Ask about the on-call rotation #alignment',
      person: 'sam-lee',
    });
    assert.ok(jot?.fsPath.startsWith(personal));

    const terminal = vscode.window.createTerminal({ name: 'build', cwd: repoDir });
    terminal.show();
    terminal.sendText('echo personal-terminal-marker');
    const fromTerminal = await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.terminal.focus');
        await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
        const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTerminalSelection', {
          person: 'sam-lee',
          theme: 'blocker',
          summary: 'The build fails',
        });
        return uri && (await readText(uri)).includes('personal-terminal-marker') ? uri : undefined;
      },
      'the terminal output to be captured',
      15000,
    );
    terminal.dispose();
    assert.ok(fromTerminal.fsPath.startsWith(personal));

    const thread = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newFeedbackThread', {
      title: 'Retry review',
      from: 'sam-lee',
      heard: 'Smaller pull requests, please',
      source: 'review of #12',
    });
    assert.ok(thread?.fsPath.startsWith(path.join(personal, 'feedback')), thread?.fsPath);

    const goal = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newGoal', {
      title: 'Lead a design review',
      circle: 'collaboration',
    });
    assert.ok(goal?.fsPath.startsWith(path.join(personal, 'goals')));
    const progress = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.logGoalProgress', {
      goal: 'lead-a-design-review',
      text: 'Drafted the agenda',
    });
    assert.ok(progress && (await readText(progress)).includes('Drafted the agenda'));

    await vscode.commands.executeCommand('oneOnOne.openNextAgenda', { person: 'sam-lee' });
    const finished = await vscode.commands.executeCommand<{ uri: vscode.Uri; next: vscode.Uri | undefined }>(
      'oneOnOne.finishMeeting',
      { person: 'sam-lee', takeaways: 'Retries: three is fine', actionItems: ['Write the runbook'] },
    );
    assert.ok(finished?.uri.fsPath.startsWith(personal), 'finished in the personal journal');
    assert.ok(finished.next?.fsPath.startsWith(personal), 'the next meeting is in the personal journal');
    const nextText = await readText(finished.next!);
    assert.ok(nextText.includes('Write the runbook'), 'the open action item was carried');
    const carried = await vscode.commands.executeCommand<{ carried: number }>('oneOnOne.carryForward', {
      person: 'sam-lee',
    });
    assert.ok(carried, 'carry forward ran');

    const linked = await vscode.commands.executeCommand<{ uri: vscode.Uri }>('oneOnOne.linkPullRequest', {
      url: 'https://github.com/acme/payments-service/pull/12',
      person: 'sam-lee',
      circle: 'individual',
    });
    assert.ok(linked?.uri.fsPath.startsWith(personal), 'the win is in the personal journal');
    assert.ok((await readText(linked.uri)).includes('Retry with a budget'));

    const review = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.generateReview', {
      from: isoDaysFromToday(-30),
      to: isoDaysFromToday(30),
    });
    assert.ok(review?.fsPath.startsWith(path.join(personal, 'reviews')), review?.fsPath);
    assert.ok((await readText(review)).includes('Retry with a budget'));

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('oneOnOne.showBalance', {
      person: 'sam-lee',
    });
    assert.ok(panel?.webview.html.includes('Sam Lee'));
    panel.dispose();
    assert.ok(services.store.index.findPerson('sam-lee'));
  });

  it('follows changes made outside VS Code: a new person, a changed one, one deleted', async () => {
    const { services, trees } = await api();
    fs.writeFileSync(path.join(personal, 'people', 'riley-park.md'), '---\nname: Riley Park\nrole: peer\n---\n');
    await waitFor(() => services.store.index.findPerson('riley-park'), 'the new person file to be read', 15000);
    const date = isoDaysFromToday(5);
    const meeting = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', {
      person: 'riley-park',
      date,
    });
    assert.strictEqual(meeting?.fsPath, path.join(personal, 'meetings', 'riley-park', `${date}.md`));
    fs.writeFileSync(path.join(personal, 'people', 'riley-park.md'), '---\nname: Riley Parker\nrole: peer\n---\n');
    await waitFor(
      async () => (await rows(trees!.meetings)).some((r) => r.label === 'Riley Parker'),
      'the renamed person in the tree',
      15000,
    );
    fs.rmSync(path.join(personal, 'people', 'riley-park.md'));
    // Riley keeps a row for the meeting made above; the person file is what goes.
    await waitFor(() => !services.store.index.get('people/riley-park.md'), 'the deleted person file to go', 15000);
    assert.ok(services.store.index.get(`meetings/riley-park/${date}.md`), 'the meeting stays');
  });

  it('wrote nothing into the repository or the workspace journal', () => {
    assert.deepStrictEqual(snapshot(repoDir), repoBefore);
    assert.deepStrictEqual(snapshot(path.join(workspaceRoot().fsPath, 'one-on-ones')), workspaceJournal);
  });

  it('Move Journal to a Personal Folder moves a workspace journal out, as one rename, and points the setting at it', async () => {
    const { services } = await api();
    await setUserFolder(undefined);
    const config = vscode.workspace.getConfiguration('oneOnOne');
    const inWorkspace = path.join(workspaceRoot().fsPath, 'move-me');
    fs.mkdirSync(path.join(inWorkspace, 'people'), { recursive: true });
    const person = '---\nname: Robin Vale\nrole: mentor\n---\n\nKept byte for byte.\r\n';
    fs.writeFileSync(path.join(inWorkspace, 'people', 'robin-vale.md'), person);
    await config.update('journalFolder', 'move-me', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        () => services.store.state.kind === 'ready' && services.store.index.findPerson('robin-vale'),
        'the workspace journal move-me',
      );
      const taken = path.join(base, 'taken');
      fs.mkdirSync(taken);
      const messages = new MessageSpy();
      messages.install();
      try {
        assert.strictEqual(await vscode.commands.executeCommand('oneOnOne.moveJournal', { folder: taken }), undefined);
        assert.ok(messages.errorsSince(0).some((m) => /already a folder/.test(m)));
      } finally {
        messages.restore();
      }
      assert.ok(fs.existsSync(inWorkspace), 'refused: nothing moved');

      const target = path.join(base, 'moved');
      const moved = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.moveJournal', { folder: target });
      assert.strictEqual(moved?.fsPath, target);
      assert.ok(!fs.existsSync(inWorkspace), 'the folder left the workspace');
      assert.strictEqual(fs.readFileSync(path.join(target, 'people', 'robin-vale.md'), 'utf8'), person);
      assert.strictEqual(config.inspect('journalFolder')?.globalValue, target);
      await waitFor(
        () => services.store.personal && services.store.index.findPerson('robin-vale'),
        'the moved journal, now personal',
      );
    } finally {
      await config.update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(inWorkspace, { recursive: true, force: true });
    }
  });

  describe('values that cannot be used: a message, and nothing written', () => {
    const messages = new MessageSpy();
    beforeEach(() => messages.install());
    afterEach(() => messages.restore());

    async function refused(what: string, why: RegExp): Promise<string> {
      const { services } = await api();
      await waitFor(
        () => services.store.state.kind === 'unusable' && why.test(services.store.state.problem),
        `${what} to make the journal unusable`,
      );
      const state = services.store.state;
      assert.ok(state.kind === 'unusable');
      const n = messages.shown.length;
      const result = await vscode.commands.executeCommand('oneOnOne.addPerson', { name: 'Nobody Here' });
      assert.strictEqual(result, undefined, `${what}: nothing written`);
      assert.ok(
        messages.errorsSince(n).some((m) => m === state.problem),
        `${what}: says why`,
      );
      return state.problem;
    }

    it('a personal folder inside the open workspace', async () => {
      await setUserFolder(path.join(workspaceRoot().fsPath, 'notes'));
      const problem = await refused('a folder inside the workspace', /inside the open folder/);
      assert.match(problem, /"notes"/);
      assert.ok(!fs.existsSync(path.join(workspaceRoot().fsPath, 'notes')));
    });

    it('a home path naming another user, and a path with ".."', async () => {
      await setUserFolder('~someone-else/journal');
      await refused('~user', /another user's home/);
      await setUserFolder(`${base}/../escape`);
      await refused('..', /"\.\."/);
    });

    it('a personal folder that is a file', async () => {
      const file = path.join(base, 'a-file');
      fs.writeFileSync(file, 'not a folder');
      await setUserFolder(file);
      const { services } = await api();
      await waitFor(() => services.store.state.kind === 'not-a-folder', 'the store to see a file');
      const n = messages.shown.length;
      assert.strictEqual(
        await vscode.commands.executeCommand('oneOnOne.addPerson', { name: 'Nobody Here' }),
        undefined,
      );
      assert.ok(messages.errorsSince(n).some((m) => /is a file, not a folder/.test(m)));
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'not a folder');
    });

    it('a folder that does not exist yet is offered to be created', async () => {
      const missing = path.join(base, 'not-yet');
      await setUserFolder(missing);
      const { services } = await api();
      await waitFor(
        () => services.store.state.kind === 'missing' && services.store.personal,
        'a missing personal journal',
      );
      const n = messages.shown.length;
      assert.strictEqual(
        await vscode.commands.executeCommand('oneOnOne.addPerson', { name: 'Nobody Here' }),
        undefined,
      );
      assert.ok(messages.errorsSince(n).some((m) => m.includes(missing) && m.includes('yet')));
      assert.ok(!fs.existsSync(missing));
    });

    it('Create Personal Journal refuses a relative folder and keeps the setting', async () => {
      await setUserFolder(personal);
      const n = messages.shown.length;
      assert.strictEqual(
        await vscode.commands.executeCommand('oneOnOne.createPersonalJournal', { folder: 'notes/1on1', name: 'X Y' }),
        undefined,
      );
      assert.ok(messages.errorsSince(n).some((m) => /needs a full path/.test(m)));
      assert.strictEqual(vscode.workspace.getConfiguration('oneOnOne').inspect('journalFolder')?.globalValue, personal);
    });

    it('Create Personal Journal on a folder that has a journal shows it', async () => {
      await setUserFolder(undefined);
      const root = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.createPersonalJournal', {
        folder: personal,
      });
      assert.strictEqual(root?.fsPath, personal);
      const { services } = await api();
      assert.ok(services.store.personal && services.store.index.findPerson('sam-lee'));
    });
  });
});
