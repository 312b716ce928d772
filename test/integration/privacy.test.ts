// Privacy in a real VS Code: private notes never reach the clipboard, a
// carried-forward agenda, a prep sheet kept in the notes or a review packet;
// a journal in a git repository with a remote is warned about once (and
// excluded, moved or left alone as the user says), also through the git
// extension on a real repository; an untrusted workspace writes nothing and
// contacts nobody; and no log line holds a token, a name or a note. The suite
// keeps its journal in folders of its own and gives the sample journal back.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/features/evidence/link';
import type { PrivacyReport } from '../../src/features/privacy';
import type { JournalLog, LogLine } from '../../src/host/logger';
import { FakeGitHub, pullRequest, TEST_TOKEN } from './fake-github';
import {
  api,
  closeAllEditors,
  EXTENSION_ID,
  exists,
  isoDaysFromToday,
  readText,
  waitFor,
  workspaceRoot,
  writeText,
} from './helpers';

const REPO = 'privacy-repo';
const JOURNAL = `${REPO}/journal`;
const ws = (...path: string[]): vscode.Uri =>
  vscode.Uri.joinPath(workspaceRoot(), ...path.flatMap((p) => p.split('/')));
const journal = (path: string): vscode.Uri => ws(JOURNAL, path);

const NAME = 'Zed Quimby';
const SLUG = 'zed-quimby';
const LAST = isoDaysFromToday(-7);
const NEXT = isoDaysFromToday(0);
/** A credential in a remote's address: never shown, never logged. */
const REMOTE_SECRET = 'ghp_remoteSecret0123456789abcdefghij';
const CONFIG = [
  '[core]',
  '\tbare = false',
  '[remote "origin"]',
  `\turl = https://octo:${REMOTE_SECRET}@github.com/acme/notes.git`,
  '\tfetch = +refs/heads/*:refs/remotes/origin/*',
  '',
].join('\n');

const SECRETS = Array.from({ length: 12 }, (_, i) => `SECRET${i}X`);
const LAST_MEETING = [
  '---',
  `date: ${LAST}`,
  'status: done',
  '---',
  '',
  `# 1:1 with ${NAME} — ${LAST}`,
  '',
  '## Agenda',
  '',
  '- [ ] Public point PUBLIC1X',
  '- [ ] Raise SECRET0X #private',
  '- [ ] Topic SECRET1X',
  '  detail SECRET2X #private',
  '- [ ] Public parent PUBLIC2X',
  '  - [ ] child SECRET3X #private/career',
  '',
  '### Private',
  '',
  '- [ ] Under a Private heading SECRET4X',
  '',
  '## Wins',
  '',
  '- Shipped PUBLIC3X #win',
  '- Bonus talk SECRET5X #private',
  '',
  '## Action items',
  '',
  '- [ ] Me: send PUBLIC4X',
  '- [ ] Me: ask about SECRET6X #private',
  '',
  '## Notes',
  '',
  'A public note PUBLIC5X.',
  '',
  'Worried about SECRET7X. #private',
  '',
  '<!-- SECRET8X in a comment -->',
  '',
  '## Compensation #private',
  '',
  'SECRET9X numbers',
  '',
  '## Private',
  '',
  'Reflections SECRET10X.',
  '- [ ] Open private SECRET11X',
  '',
].join('\n');

const TEMPLATE =
  '---\ndate: {{date}}\nstatus: planned\n---\n\n# 1:1 with {{person}} — {{date}}\n\n## Agenda\n\n## Wins\n\n## Notes\n\n## Action items\n\n## Private\n';

interface Message {
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
  readonly items: readonly string[];
}

/** Answers the extension's messages and dialogs instead of showing them (the tests and the extension share one API object). */
class Prompts {
  readonly messages: Message[] = [];
  readonly commands: string[] = [];
  answer: (m: Message) => string | undefined = () => undefined;
  openDialog: (() => vscode.Uri[] | undefined) | undefined;
  private readonly restores: (() => void)[] = [];

  install(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const [name, level] of [
      ['showInformationMessage', 'info'],
      ['showWarningMessage', 'warning'],
      ['showErrorMessage', 'error'],
    ] as const) {
      this.replace(window, name, (text: string, ...rest: unknown[]) => {
        const items = rest.flatMap((r) =>
          typeof r === 'string'
            ? [r]
            : r && typeof r === 'object' && 'title' in r
              ? [String((r as { title: unknown }).title)]
              : [],
        );
        const message: Message = { level, text, items };
        this.messages.push(message);
        return Promise.resolve(this.answer(message));
      });
    }
    this.replace(window, 'showOpenDialog', () => Promise.resolve(this.openDialog?.()));
    const commands = vscode.commands as unknown as Record<string, unknown>;
    const execute = commands['executeCommand'] as (id: string, ...args: unknown[]) => Thenable<unknown>;
    // Only the trust editor is kept from opening; every other command runs.
    this.replace(commands, 'executeCommand', (id: string, ...args: unknown[]) => {
      this.commands.push(id);
      return id === 'workbench.trust.manage' ? Promise.resolve(undefined) : execute.call(vscode.commands, id, ...args);
    });
  }

  restore(): void {
    for (const undo of this.restores.splice(0).reverse()) undo();
  }

  since(n: number, level?: Message['level']): Message[] {
    return this.messages.slice(n).filter((m) => !level || m.level === level);
  }

  private replace(target: Record<string, unknown>, name: string, replacement: unknown): void {
    const original = target[name];
    target[name] = replacement;
    assert.strictEqual(target[name], replacement, `could not watch ${name}`);
    this.restores.push(() => {
      target[name] = original;
    });
  }
}

/** Makes the workspace look untrusted to the extension while `run` runs. */
async function untrusted<T>(run: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(vscode.workspace, 'isTrusted');
  assert.ok(original?.configurable, 'workspace.isTrusted can be replaced');
  Object.defineProperty(vscode.workspace, 'isTrusted', { configurable: true, get: () => false });
  try {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    return await run();
  } finally {
    Object.defineProperty(vscode.workspace, 'isTrusted', original);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

describe('privacy: private notes, git, untrusted workspaces and logs', () => {
  const prompts = new Prompts();
  const logged: LogLine[] = [];
  const gh = new FakeGitHub();
  let tap: vscode.Disposable | undefined;
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('oneOnOne');

  async function useJournal(folder: string | undefined, ready = true): Promise<void> {
    const { services } = await api();
    await settings().update('journalFolder', folder, vscode.ConfigurationTarget.Workspace);
    const root = ws(folder ?? 'one-on-ones').toString();
    await waitFor(
      () => services.store.root?.toString() === root && (services.store.state.kind === 'ready') === ready,
      `the journal in ${folder ?? 'one-on-ones'}`,
      15_000,
    );
  }

  async function check(): Promise<PrivacyReport> {
    const report = await vscode.commands.executeCommand<PrivacyReport>('oneOnOne.checkPrivacy');
    assert.ok(report, 'the check reports');
    return report;
  }

  /** Waits for a log line (of any level) matching `pattern` after the first `from` lines. */
  async function logLine(pattern: RegExp, from: number): Promise<void> {
    await waitFor(() => logged.slice(from).some((l) => pattern.test(l.message)), `a log line ${pattern}`, 10_000);
  }

  async function copy(date: string): Promise<string> {
    await vscode.env.clipboard.writeText('before');
    const shared = await vscode.commands.executeCommand<string>('oneOnOne.copyShareableAgenda', { person: SLUG, date });
    const clipboard = await vscode.env.clipboard.readText();
    assert.strictEqual(clipboard, shared, 'what was copied is what the command returned');
    return clipboard;
  }

  function assertNoSecret(text: string, where: string): void {
    for (const s of SECRETS) assert.ok(!text.includes(s), `${s} reached ${where}:\n${text}`);
  }

  before(async function () {
    this.timeout(60_000);
    const { services } = await api();
    const log = services.log as JournalLog;
    assert.strictEqual(typeof log.onDidLog, 'function', 'the logger lets tests read every line');
    tap = log.onDidLog((line) => logged.push(line));
    prompts.install();
    await writeText(ws(REPO, '.git/config'), CONFIG);
    await writeText(ws(REPO, 'README.md'), '# notes repository\n');
    await writeText(journal('templates/meeting.md'), TEMPLATE);
    await writeText(journal(`people/${SLUG}.md`), `---\nname: ${NAME}\nrole: manager\ncadence: weekly\n---\n`);
    await writeText(journal(`meetings/${SLUG}/${LAST}.md`), LAST_MEETING);
    await useJournal(JOURNAL);
    await waitFor(() => services.store.index.get(`meetings/${SLUG}/${LAST}.md`), 'the meeting to be indexed');
  });

  after(async function () {
    this.timeout(60_000);
    prompts.restore();
    tap?.dispose();
    await closeAllEditors();
    await vscode.workspace
      .getConfiguration('oneOnOne.github')
      .update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await useJournal(undefined);
    for (const folder of [REPO, 'privacy-git', 'privacy-outside', 'privacy-nowhere']) {
      if (await exists(ws(folder))) await vscode.workspace.fs.delete(ws(folder), { recursive: true });
    }
    await gh.stop().catch(() => undefined);
  });

  afterEach(() => {
    prompts.answer = () => undefined;
    prompts.openDialog = undefined;
  });

  // --- private notes ------------------------------------------------------------

  it('copies a shareable agenda to the clipboard without any private part', async () => {
    const copied = await copy(LAST);
    assertNoSecret(copied, 'the clipboard');
    for (const p of ['PUBLIC1X', 'PUBLIC2X', 'PUBLIC3X', 'PUBLIC4X', 'PUBLIC5X'])
      assert.ok(copied.includes(p), `${p} is shared:\n${copied}`);
    assert.ok(!/#private/i.test(copied) && !copied.includes('status:'), copied);
  });

  it('carries open items into the next meeting with their privacy: its shared agenda holds no secret', async () => {
    const { services } = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', { person: SLUG, date: NEXT });
    assert.ok(uri);
    const text = await readText(uri);
    assert.ok(
      text.includes('- [ ] Under a Private heading SECRET4X #private'),
      `a point private by its heading keeps a tag:\n${text}`,
    );
    assert.ok(!text.includes('SECRET11X'), 'the Private section is not carried');
    await waitFor(() => services.store.index.get(`meetings/${SLUG}/${NEXT}.md`), 'the new meeting to be indexed');
    const copied = await copy(NEXT);
    assertNoSecret(copied, 'the next agenda');
    for (const p of ['PUBLIC1X', 'PUBLIC2X', 'PUBLIC4X'])
      assert.ok(copied.includes(p), `${p} was carried and is shared:\n${copied}`);
  });

  it('a prep sheet kept in the notes marks private items, so the shared agenda still holds no secret', async () => {
    const { services } = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.insertPrepSheet', {
      person: SLUG,
      date: NEXT,
    });
    assert.ok(uri);
    const text = await readText(uri);
    assert.ok(text.includes('**Prep sheet,') && text.includes('SECRET4X #private'), text);
    await waitFor(
      () =>
        services.store.index.get(`meetings/${SLUG}/${NEXT}.md`) &&
        services.store.readText(`meetings/${SLUG}/${NEXT}.md`).then((t) => t?.includes('Prep sheet')),
      'the notes to be read',
    );
    assertNoSecret(await copy(NEXT), 'the agenda with its prep sheet');
  });

  it('a review packet holds the public win and no secret', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.generateReview', { from: LAST, to: NEXT });
    assert.ok(uri);
    const packet = await readText(uri);
    assert.ok(packet.includes('PUBLIC3X'), packet);
    assertNoSecret(packet, 'the review packet');
  });

  // --- git ----------------------------------------------------------------------

  it('warned once, on its own, that the journal is in a repository with a remote, naming the remote without its credentials', async () => {
    const warnings = () =>
      prompts.messages.filter((m) => m.level === 'warning' && m.text.includes('could be committed and pushed'));
    await waitFor(() => warnings().length > 0, 'the automatic warning');
    const [warning] = warnings();
    assert.strictEqual(warnings().length, 1);
    assert.strictEqual(
      warning!.text,
      `Your 1:1 journal "${JOURNAL}" is in a git repository that has a remote: your candid notes could be committed and pushed to origin (https://github.com/acme/notes.git).`,
    );
    assert.deepStrictEqual(warning!.items, [
      'Exclude from Git',
      'Move to Personal Journal…',
      'Move Journal…',
      "Don't Warn Again",
    ]);

    // Away and back: the same repository, folder and remote are not warned about again.
    const from = logged.length;
    await useJournal('privacy-nowhere', false);
    await useJournal(JOURNAL);
    await logLine(/already warned/, from);
    assert.strictEqual(warnings().length, 1);
  });

  it('"1:1: Check Journal Privacy" always says what it found, and reads the repository from .git when git does not know it', async () => {
    const n = prompts.messages.length;
    const report = await check();
    assert.strictEqual(report.state, 'exposed');
    assert.strictEqual(report.inRepository, 'journal');
    assert.strictEqual(report.repository, ws(REPO).toString());
    assert.deepStrictEqual(report.remotes, ['origin (https://github.com/acme/notes.git)']);
    assert.strictEqual(report.via, 'git-files', 'a .git folder with only a config is no repository to git itself');
    assert.strictEqual(report.action, 'none');
    assert.strictEqual(prompts.since(n, 'warning').length, 1);

    // A repository without a remote: nothing to push to.
    await writeText(ws(REPO, '.git/config'), '[core]\n\tbare = false\n');
    const local = await check();
    assert.strictEqual(local.state, 'no-remote');
    assert.strictEqual(
      prompts.messages.at(-1)!.text,
      `The journal "${JOURNAL}" is in a git repository without a remote, so nothing can be pushed; exclude it before you add one.`,
    );
    await writeText(ws(REPO, '.git/config'), CONFIG);

    // Not in a repository at all.
    await useJournal('privacy-nowhere', false);
    const none = await check();
    assert.strictEqual(none.state, 'no-repository');
    assert.ok(
      prompts.messages.at(-1)!.text.includes('"privacy-nowhere" is not in a git repository'),
      prompts.messages.at(-1)!.text,
    );
    await useJournal(JOURNAL);
  });

  it('"Don\'t Warn Again" silences the automatic warning in this workspace, even for a new remote; the check offers to turn it back on', async () => {
    prompts.answer = (m) => (m.items.includes("Don't Warn Again") ? "Don't Warn Again" : undefined);
    assert.strictEqual((await check()).action, 'never');
    prompts.answer = () => undefined;

    // A second remote is a new situation; still no warning.
    await writeText(ws(REPO, '.git/config'), `${CONFIG}[remote "backup"]\n\turl = /srv/git/notes.git\n`);
    const from = logged.length;
    const n = prompts.messages.length;
    await useJournal('privacy-nowhere', false);
    await useJournal(JOURNAL);
    await logLine(/automatic git check off/, from);
    assert.deepStrictEqual(prompts.since(n, 'warning'), []);

    // On demand it still warns, and offers to warn again.
    prompts.answer = (m) => (m.items.includes('Warn Me Again') ? 'Warn Me Again' : undefined);
    const report = await check();
    assert.deepStrictEqual(report.remotes, [
      'origin (https://github.com/acme/notes.git)',
      'backup (/srv/git/notes.git)',
    ]);
    assert.strictEqual(report.action, 'warn-again');
    prompts.answer = () => undefined;
    const again = prompts.messages.length;
    await useJournal('privacy-nowhere', false);
    await useJournal(JOURNAL);
    await waitFor(
      () =>
        prompts
          .since(again, 'warning')
          .some((m) => m.text.includes('origin (https://github.com/acme/notes.git) (or 1 other remote)')),
      'the warning, back on',
    );
  });

  it('"Exclude from Git" appends one line to .git/info/exclude, keeping every byte already there, and the journal is then excluded', async () => {
    const exclude = ws(REPO, '.git/info/exclude');
    const before = '# git ls-files --others --exclude-from=.git/info/exclude\r\n*.log';
    await writeText(exclude, before);
    prompts.answer = (m) => (m.items.includes('Exclude from Git') ? 'Exclude from Git' : undefined);
    const n = prompts.messages.length;
    const report = await check();
    assert.strictEqual(report.action, 'excluded');
    assert.strictEqual(
      await readText(exclude),
      `${before}\r\n# 1:1 Journal: private notes stay on this machine\r\n/journal/\r\n`,
    );
    assert.ok(prompts.since(n, 'info').some((m) => m.text.startsWith('Added /journal/ to .git/info/exclude')));
    prompts.answer = () => undefined;

    const now = await check();
    assert.strictEqual(now.state, 'excluded');
    assert.strictEqual(now.excludedBy, '.git/info/exclude');
    assert.ok(
      prompts.messages.at(-1)!.text.includes('.git/info/exclude keeps it out of git'),
      prompts.messages.at(-1)!.text,
    );

    // Excluding again writes nothing; a missing info folder is created.
    await vscode.workspace.fs.delete(ws(REPO, '.git/info'), { recursive: true });
    prompts.answer = (m) => (m.items.includes('Exclude from Git') ? 'Exclude from Git' : undefined);
    assert.strictEqual((await check()).action, 'excluded');
    assert.strictEqual(await readText(exclude), '# 1:1 Journal: private notes stay on this machine\n/journal/\n');
  });

  it('on a real repository, reads it through the git extension, and git itself agrees the exclude line keeps the journal out', async function () {
    this.timeout(60_000);
    const dir = ws('privacy-git');
    await writeText(
      vscode.Uri.joinPath(dir, 'notes', 'one-on-ones', 'people', `${SLUG}.md`),
      `---\nname: ${NAME}\n---\n`,
    );
    git(dir.fsPath, 'init', '-q');
    git(dir.fsPath, 'remote', 'add', 'origin', 'git@github.com:acme/real.git');
    await vscode.commands.executeCommand('git.openRepository', dir.fsPath).then(undefined, () => undefined);
    const from = logged.length;
    await useJournal('privacy-git/notes/one-on-ones');
    // The automatic warning comes first (and is dismissed): it must not take the answer meant for the check below.
    await logLine(/warned that the journal folder privacy-git\/notes\/one-on-ones/, from);
    // The git extension opens the repository a moment later.
    const report = await waitFor(
      async () => {
        const r = await check();
        return r.via === 'git-extension' && r.state === 'exposed' ? r : undefined;
      },
      'the git extension to know the repository and its remote',
      20_000,
    );
    assert.strictEqual(report.state, 'exposed');
    assert.strictEqual(report.inRepository, 'notes/one-on-ones');
    assert.deepStrictEqual(report.remotes, ['origin (git@github.com:acme/real.git)']);

    prompts.answer = (m) => (m.items.includes('Exclude from Git') ? 'Exclude from Git' : undefined);
    assert.strictEqual((await check()).action, 'excluded');
    prompts.answer = () => undefined;
    assert.strictEqual(
      await readText(vscode.Uri.joinPath(dir, '.git', 'info', 'exclude')).then((t) => t.split('\n').slice(-2)[0]),
      '/notes/one-on-ones/',
    );
    // git check-ignore exits 0 for an ignored path.
    git(dir.fsPath, 'check-ignore', '-q', `notes/one-on-ones/people/${SLUG}.md`);
    git(dir.fsPath, 'check-ignore', '-q', 'notes/one-on-ones/meetings/x/2026-01-01.md');
    assert.throws(() => git(dir.fsPath, 'check-ignore', '-q', 'notes/other.md'), 'only the journal is excluded');
    // The git extension answers from its own git process; on a loaded machine it has been seen to say "exposed"
    // for a moment after the exclude line was written: asked again until it agrees with git itself.
    const now = await waitFor(
      async () => {
        const r = await check();
        return r.state === 'excluded' ? r : undefined;
      },
      'the git extension to see the exclude line',
      20_000,
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; the check says ${JSON.stringify(await check())}`, { cause: error });
    });
    assert.strictEqual(now.via, 'git-extension');
    await useJournal(JOURNAL);
  });

  it('"Move Journal…" explains why it cannot, when the workspace folder itself is in the repository', async () => {
    await writeText(ws('.git/config'), CONFIG);
    try {
      const from = logged.length;
      await useJournal(undefined);
      await logLine(/warned that the journal folder one-on-ones/, from);
      const n = prompts.messages.length;
      prompts.answer = (m) => (m.items.includes('Move Journal…') ? 'Move Journal…' : undefined);
      const report = await check();
      assert.strictEqual(report.inRepository, 'one-on-ones');
      assert.strictEqual(report.action, 'explained');
      const modal = prompts.since(n, 'warning').at(-1)!;
      assert.strictEqual(modal.text, 'The journal cannot move out of this repository from here.');
      assert.deepStrictEqual(modal.items, ['Exclude from Git', 'Move to Personal Journal…', 'Open Setting']);
      assert.ok(!(await exists(ws('.git/info/exclude'))), 'nothing was written');
    } finally {
      prompts.answer = () => undefined;
      await vscode.workspace.fs.delete(ws('.git'), { recursive: true });
      await useJournal(JOURNAL);
    }
  });

  // --- untrusted workspaces -------------------------------------------------------

  it('declares the settings an untrusted workspace may not set', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    };
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'oneOnOne.journalFolder',
      'oneOnOne.github.apiUrl',
    ]);
  });

  it('in an untrusted workspace, commands that write refuse before asking anything, say why and offer to manage trust; reading still works', async () => {
    const { services } = await api();
    const refused = (m: Message): boolean =>
      m.level === 'error' &&
      m.text.startsWith('This workspace is not trusted, so 1:1 Journal only reads it') &&
      m.items.includes('Manage Workspace Trust');
    prompts.answer = (m) => (refused(m) ? 'Manage Workspace Trust' : undefined);
    const files = services.store.index.size;
    await untrusted(async () => {
      for (const [command, args] of [
        ['oneOnOne.addPerson', { name: 'Untrusted Person' }],
        ['oneOnOne.newMeeting', { person: SLUG, date: isoDaysFromToday(30) }],
        ['oneOnOne.jotTopic', { person: SLUG, summary: 'untrusted topic', theme: 'growth' }],
        ['oneOnOne.newGoal', { title: 'Untrusted goal' }],
        ['oneOnOne.carryForward', { person: SLUG }],
        ['oneOnOne.generateReview', { from: LAST, to: NEXT }],
        ['oneOnOne.linkPullRequest', { person: SLUG, url: 'https://github.com/acme/app/pull/1', circle: 'individual' }],
      ] as const) {
        const n = prompts.messages.length;
        assert.strictEqual(await vscode.commands.executeCommand(command, args), undefined, `${command} did nothing`);
        const said = prompts.since(n);
        assert.strictEqual(said.length, 1, `${command}: ${JSON.stringify(said)}`);
        assert.ok(refused(said[0]!), `${command}: ${said[0]!.text}`);
      }
      // The next agenda opens when it exists; creating one would be a write.
      const n = prompts.messages.length;
      assert.ok(
        await vscode.commands.executeCommand('oneOnOne.openNextAgenda', { person: SLUG }),
        'an existing agenda opens',
      );
      assert.deepStrictEqual(prompts.since(n, 'error'), []);
      // Reading: the shareable agenda is still copied.
      assertNoSecret(await copy(NEXT), 'the clipboard');
      // The git check reads, but excludes nothing.
      const exclude = ws(REPO, '.git/info/exclude');
      const before = await readText(exclude);
      await vscode.workspace.fs.writeFile(exclude, new TextEncoder().encode('# emptied by the test\n'));
      prompts.answer = (m) =>
        m.items.includes('Exclude from Git') ? 'Exclude from Git' : refused(m) ? 'Manage Workspace Trust' : undefined;
      const report = await check();
      assert.strictEqual(report.action, 'refused');
      assert.strictEqual(await readText(exclude), '# emptied by the test\n');
      await vscode.workspace.fs.writeFile(exclude, new TextEncoder().encode(before));
    });
    await waitFor(
      () => prompts.commands.filter((c) => c === 'workbench.trust.manage').length >= 8,
      'the trust editor to be asked for each time',
    );
    assert.ok(!(await exists(journal('people/untrusted-person.md'))));
    assert.ok(!(await exists(journal(`meetings/${SLUG}/${isoDaysFromToday(30)}.md`))));
    assert.strictEqual(services.store.index.size, files, 'no file was written');
    assert.deepStrictEqual(gh.requests, [], 'GitHub was not contacted');
  });

  // --- logs -----------------------------------------------------------------------

  it('the GitHub flow with a token logs no token, no Authorization header, no note and no name; nothing private goes to GitHub', async function () {
    this.timeout(60_000);
    const { evidence } = await api();
    const linker = evidence.linker!;
    await gh.start();
    gh.addPull(pullRequest(7001, { title: 'Speed up the export' }));
    gh.addPull(pullRequest(7003, { title: 'Trim the request logs' }));
    await vscode.workspace
      .getConfiguration('oneOnOne.github')
      .update('apiUrl', gh.origin, vscode.ConfigurationTarget.Global);
    await waitFor(
      () => vscode.workspace.getConfiguration('oneOnOne.github').get('apiUrl') === gh.origin,
      'the API address to take',
    );
    const auth = linker.auth;
    linker.auth = { token: async () => TEST_TOKEN };
    try {
      const outcome = await vscode.commands.executeCommand<LinkOutcome>('oneOnOne.linkPullRequest', {
        person: SLUG,
        url: ['https://github.com/acme/app/pull/7001', 'https://github.com/acme/secret-repo/pull/7002'],
        circle: 'individual',
      });
      assert.deepStrictEqual(outcome?.linked, ['acme/app#7001']);
      assert.deepStrictEqual(
        outcome?.failed.map((f) => f.kind),
        ['not-found'],
      );
      // Unreachable: linked now, details later.
      gh.fail('/repos/acme/app/pulls/7003', 'drop');
      const later = await vscode.commands.executeCommand<LinkOutcome>('oneOnOne.linkPullRequest', {
        person: SLUG,
        url: 'https://github.com/acme/app/pull/7003',
        circle: 'individual',
      });
      assert.deepStrictEqual(later?.pending, ['acme/app#7003']);
      gh.recover();
      // Then GitHub refuses the token: the refusal is logged, the token is not.
      gh.fail('*', 'unauthorized');
      const from = logged.length;
      await vscode.commands.executeCommand('oneOnOne.enrichEvidence', { path: `meetings/${SLUG}/${NEXT}.md` });
      await logLine(/acme\/app#7003/, from);
    } finally {
      linker.auth = auth;
      gh.recover();
    }
    assert.ok(
      gh.requests.length > 0 && gh.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`),
      'the token was used',
    );
    for (const r of gh.requests) assertNoSecret(`${r.path} ${JSON.stringify(r.query)}`, 'a request to GitHub');
    assert.ok(
      logged.some((l) => l.message.includes('acme/secret-repo#7002')),
      `the failure is logged: ${JSON.stringify(logged)}`,
    );
  });

  it("no line logged by this suite, at any level, holds a token, a credential, a person's name or a note", () => {
    assert.ok(logged.length > 10, `lines were logged: ${logged.length}`);
    assert.ok(
      logged.some((l) => l.level === 'debug'),
      'debug lines are written (the channel shows them at Debug level)',
    );
    for (const { level, message } of logged) {
      const line = `[${level}] ${message}`;
      assert.ok(!message.includes(TEST_TOKEN) && !/bearer|authorization/i.test(message), `a token: ${line}`);
      assert.ok(!message.includes(REMOTE_SECRET) && !message.includes('octo:'), `a remote's credentials: ${line}`);
      assert.ok(!message.includes(NAME), `a name: ${line}`);
      assertNoSecret(message, 'the log');
      for (const p of ['PUBLIC1X', 'PUBLIC3X', 'Speed up the export', 'Trim the request logs'])
        assert.ok(!message.includes(p), `a note or title: ${line}`);
    }
    for (const m of prompts.messages)
      assert.ok(!m.text.includes(REMOTE_SECRET) && !m.text.includes(TEST_TOKEN), `a message: ${m.text}`);
  });

  // --- moving the journal (last: the journal changes place) ---------------------

  it('"Move Journal…" moves the journal beside the repository, as one undoable rename, and points the setting at it', async () => {
    const { services } = await api();
    await closeAllEditors();
    const outside = ws('privacy-outside');
    await vscode.workspace.fs.createDirectory(outside);
    const people = await readText(journal(`people/${SLUG}.md`));
    // Inside the repository: refused, nothing moved.
    prompts.answer = (m) => (m.items.includes('Move Journal…') ? 'Move Journal…' : undefined);
    await vscode.workspace.fs.delete(ws(REPO, '.git/info'), { recursive: true });
    prompts.openDialog = () => [ws(REPO)];
    let n = prompts.messages.length;
    assert.strictEqual((await check()).action, 'failed');
    assert.ok(
      prompts.since(n, 'error')[0]!.text.includes('is in the git repository too'),
      JSON.stringify(prompts.since(n)),
    );
    assert.ok(await exists(journal(`people/${SLUG}.md`)));

    prompts.openDialog = () => [outside];
    n = prompts.messages.length;
    assert.strictEqual((await check()).action, 'moved');
    assert.strictEqual(settings().get('journalFolder'), 'privacy-outside/journal');
    assert.ok(
      prompts.since(n, 'info').some((m) => m.text.startsWith('Moved the journal to "privacy-outside/journal"')),
      JSON.stringify(prompts.since(n)),
    );
    assert.ok(!(await exists(ws(JOURNAL))), 'the old folder is gone');
    assert.strictEqual(
      await readText(ws('privacy-outside/journal', `people/${SLUG}.md`)),
      people,
      'the files moved as they were',
    );
    await waitFor(
      () =>
        services.store.root?.toString() === ws('privacy-outside/journal').toString() &&
        services.store.index.findPerson(SLUG),
      'the journal to be read from its new place',
      15_000,
    );
    prompts.answer = () => undefined;
    assert.strictEqual((await check()).state, 'no-repository');
  });
});
