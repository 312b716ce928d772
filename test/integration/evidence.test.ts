// Linking pull requests as wins, in a real VS Code, against a local fake of
// GitHub's REST API (fake-github.ts): the multi-select list of my recent work
// driven through VS Code's own quick-input commands, pasted addresses, hostile
// titles, GitHub failing in each way it can, filling in later, goals, tokens,
// the Wins tree, and a GitHub Enterprise host. The suites use a journal folder
// of their own, so the sample journal is left as it was.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GitHubAuth } from '../../src/host/github/auth';
import type { EnrichOutcome } from '../../src/features/evidence/enrich';
import type { LinkOutcome } from '../../src/features/evidence/link';
import type { Node } from '../../src/ui/nodes';
import {
  FakeGitHub,
  FakePull,
  HOSTILE_TITLES,
  ME,
  pullRequest,
  RECENT,
  seedRecentWork,
  TEST_TOKEN,
} from './fake-github';
import {
  api,
  closeAllEditors,
  isoDaysFromToday,
  readText,
  Row,
  rows,
  waitFor,
  workspaceRoot,
  writeText,
} from './helpers';

const FOLDER = 'evidence-journal';
const root = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), FOLDER);
const uriOf = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const meetingPath = (slug: string, date: string): string => `meetings/${slug}/${date}.md`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const TODAY = isoDaysFromToday(0);
const LAST_WEEK = isoDaysFromToday(-7);
const LAST_MEETING = isoDaysFromToday(-14);

// People of this journal, one per concern, each with their next meeting.
const MORGAN = { slug: 'morgan-lee', name: 'Morgan Lee', next: TODAY };
const SAM = { slug: 'sam-ortiz', name: 'Sam Ortiz', next: isoDaysFromToday(2) };
const HANA = { slug: 'hana-sato', name: 'Hana Sato', next: isoDaysFromToday(3) };
const JO = { slug: 'jo-park', name: 'Jo Park', next: isoDaysFromToday(4) };
const LEE = { slug: 'lee-wong', name: 'Lee Wong', next: isoDaysFromToday(5) };
const RAVI = { slug: 'ravi-das', name: 'Ravi Das', next: isoDaysFromToday(6) };
const TESS = { slug: 'tess-moreau', name: 'Tess Moreau' };
const UMA = { slug: 'uma-berg', name: 'Uma Berg', next: isoDaysFromToday(7) };
const VIC = { slug: 'vic-chen', name: 'Vic Chen', next: isoDaysFromToday(8) };
const PEOPLE = [MORGAN, SAM, HANA, JO, LEE, RAVI, TESS, UMA, VIC];

const TEMPLATE =
  '---\ndate: {{date}}\nstatus: planned\n---\n\n# 1:1 with {{person}} — {{date}}\n\n## Agenda\n\n## Wins\n\n## Notes\n\n## Action items\n\n## Private\n';

function meetingText(
  name: string,
  date: string,
  parts: { status?: string; agenda?: string[]; wins?: string[]; notes?: string[]; eol?: string } = {},
): string {
  const lines = [
    '---',
    `date: ${date}`,
    `status: ${parts.status ?? 'planned'}`,
    '---',
    '',
    `# 1:1 with ${name} — ${date}`,
    '',
    '## Agenda',
    '',
  ];
  if (parts.agenda?.length) lines.push(...parts.agenda, '');
  lines.push('## Wins', '');
  if (parts.wins?.length) lines.push(...parts.wins, '');
  lines.push('## Notes', '');
  if (parts.notes?.length) lines.push(...parts.notes, '');
  lines.push('## Action items', '', '## Private', '');
  return lines.join(parts.eol ?? '\n');
}

const MORGAN_HAND_LINKED = `- Hand-linked earlier — [acme/app#${RECENT.linked}](https://github.com/acme/app/pull/${RECENT.linked}) #win`;
const SAM_EXISTING = '- Mentored the new hire through their first on-call #win';
const GOAL = `---
title: Ship search v2
status: active
target: 2027-03-31
circle: individual
---

# Ship search v2

## Progress

- 2026-10-01: Kicked off the design.

## Notes

Keep it simple.
`;

// --- spying on the UI the commands show ---------------------------------------

interface ShownPick {
  readonly title: string | undefined;
  items: readonly vscode.QuickPickItem[];
  settled: boolean;
  value: unknown;
}

interface Message {
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
  readonly items: readonly string[];
}

/**
 * Watches the extension's prompts by wrapping `vscode.window` (the extension
 * and its tests share one API object): the real quick picks and messages still
 * show; the tests see what was asked and drive the answers through VS Code's
 * own quick-input commands.
 */
class UiSpy {
  readonly quickPicks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  readonly shown: ShownPick[] = [];
  readonly messages: Message[] = [];
  readonly opened: string[] = [];
  readonly logged: string[] = [];
  /** Answers a message instead of showing it (the button's title), when it returns one. */
  answer: ((m: Message) => string | undefined) | undefined;
  private readonly restores: (() => void)[] = [];

  install(log: { info(m: string): void; warn(m: string): void; error(m: string): void }): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    const env = vscode.env as unknown as Record<string, unknown>;
    const logger = log as unknown as Record<string, unknown>;

    const createQuickPick = window['createQuickPick'] as () => vscode.QuickPick<vscode.QuickPickItem>;
    this.replace(window, 'createQuickPick', () => {
      const qp = createQuickPick.call(vscode.window);
      this.quickPicks.push(qp);
      return qp;
    });
    const showQuickPick = window['showQuickPick'] as (...args: unknown[]) => Thenable<unknown>;
    this.replace(window, 'showQuickPick', (items: unknown, options?: vscode.QuickPickOptions, token?: unknown) => {
      const entry: ShownPick = { title: options?.title, items: [], settled: false, value: undefined };
      this.shown.push(entry);
      void Promise.resolve(items).then((list) => (entry.items = list as vscode.QuickPickItem[]));
      const result = Promise.resolve(showQuickPick.call(vscode.window, items, options, token));
      void result.then((value) => {
        entry.value = value;
        entry.settled = true;
      });
      return result;
    });
    for (const [name, level] of [
      ['showInformationMessage', 'info'],
      ['showWarningMessage', 'warning'],
      ['showErrorMessage', 'error'],
    ] as const) {
      const original = window[name] as (...args: unknown[]) => Thenable<unknown>;
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
        const answer = this.answer?.(message);
        if (answer !== undefined) return Promise.resolve(answer);
        return original.call(vscode.window, text, ...rest);
      });
    }
    this.replace(env, 'openExternal', async (uri: vscode.Uri) => {
      this.opened.push(uri.toString(true));
      return true;
    });
    for (const name of ['info', 'warn', 'error'] as const) {
      const original = logger[name] as (m: string) => void;
      this.replace(logger, name, (m: string) => {
        this.logged.push(m);
        original.call(log, m);
      });
    }
  }

  restore(): void {
    for (const undo of this.restores.splice(0).reverse()) undo();
  }

  messagesSince(n: number, level?: Message['level']): Message[] {
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

// --- the suite -------------------------------------------------------------------

describe('evidence: linking pull requests as wins (against a fake GitHub)', () => {
  const gh = new FakeGitHub();
  const spy = new UiSpy();
  const authCalls: { provider: string; host: string; apiBase: string; mode: string }[] = [];
  const tokenAuth: GitHubAuth = {
    async token(target, mode) {
      authCalls.push({ provider: target.provider, host: target.host, apiBase: target.apiBase, mode });
      return TEST_TOKEN;
    },
  };
  let originalAuth: GitHubAuth | undefined;
  const github = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('oneOnOne.github');
  const enterprise = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('github-enterprise');

  async function linker(): Promise<NonNullable<Awaited<ReturnType<typeof api>>['evidence']['linker']>> {
    const { evidence } = await api();
    assert.ok(evidence.linker, 'the evidence feature is activated');
    return evidence.linker;
  }

  async function winTexts(path: string): Promise<string[]> {
    const { services } = await api();
    return services.store.index.get(path)?.wins.map((w) => w.text) ?? [];
  }

  /** Waits until the index has `count` wins in the meeting (the watcher is asynchronous). */
  async function indexedWins(path: string, count: number): Promise<string[]> {
    await waitFor(async () => (await winTexts(path)).length === count, `${path} to be indexed with ${count} win(s)`);
    return winTexts(path);
  }

  async function link(args: Record<string, unknown>): Promise<LinkOutcome | undefined> {
    return vscode.commands.executeCommand<LinkOutcome | undefined>('oneOnOne.linkPullRequest', args);
  }

  /** The line a fetched pull request of `pull` becomes (the format of the feature's description). */
  function winLine(pull: FakePull, circle: string, title = pull.title, extraTags = ''): string {
    const files = `${pull.files.length} file${pull.files.length === 1 ? '' : 's'}`;
    return `- ${title} — [${pull.owner}/${pull.repo}#${pull.number}](https://github.com/${pull.owner}/${pull.repo}/pull/${pull.number}), merged ${pull.mergedAt!.slice(0, 10)}, +${pull.additions}/-${pull.deletions} lines, ${files} #win #impact/${circle}${extraTags}`;
  }

  function pendingLine(ref: string, circle?: string, host = 'github.com'): string {
    const [repo, n] = ref.split('#') as [string, string];
    return `- [${ref}](https://${host}/${repo}/pull/${n}) — details to fetch #win${circle ? ` #impact/${circle}` : ''} #enrich`;
  }

  /** Every text file of this journal, to search for what must never be written. */
  async function journalFiles(dir = root()): Promise<{ path: string; text: string }[]> {
    const out: { path: string; text: string }[] = [];
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory) out.push(...(await journalFiles(child)));
      else if (type === vscode.FileType.File) out.push({ path: child.path, text: await readText(child) });
    }
    return out;
  }

  /** Change events of one document while `run` runs (only those that change text). */
  async function textChanges<T>(uri: vscode.Uri, run: () => Thenable<T>): Promise<{ result: T; changes: number }> {
    let changes = 0;
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString() && e.contentChanges.length > 0) changes++;
    });
    try {
      const result = await run();
      return { result, changes };
    } finally {
      sub.dispose();
    }
  }

  before(async function () {
    this.timeout(60_000);
    const { services } = await api();
    await gh.start();
    seedRecentWork(gh);
    const web = (n: number, title: string, extra: Partial<FakePull> = {}): void =>
      gh.addPull(pullRequest(n, { repo: 'web', title, ...extra }));
    web(21, 'Retry uploads on 503');
    web(22, 'Speed up the CSV export', { additions: 200, deletions: 50, files: ['src/export.ts'] });
    web(23, 'Fix the login redirect', { additions: 3, deletions: 3 });
    web(24, 'Trim the request logs');
    web(31, HOSTILE_TITLES.link);
    web(32, HOSTILE_TITLES.markdown);
    web(33, HOSTILE_TITLES.lines);
    web(34, HOSTILE_TITLES.list);
    for (const n of [201, 202, 301, 302, 303, 402, 501, 601, 602])
      gh.addPull(pullRequest(n, { title: n === 501 ? 'Add search facets' : `Change number ${n}` }));
    gh.addPull(
      pullRequest(42, {
        owner: 'platform',
        repo: 'infra',
        title: 'Terraform the staging cluster',
        files: ['infra/staging.tf'],
      }),
    );
    gh.addPull(pullRequest(43, { owner: 'platform', repo: 'infra', title: 'Rotate the deploy keys' }));

    // The journal of these tests.
    const files: [string, string][] = [
      ['templates/meeting.md', TEMPLATE],
      ['goals/ship-search.md', GOAL],
      [
        meetingPath(MORGAN.slug, LAST_MEETING),
        meetingText(MORGAN.name, LAST_MEETING, { status: 'done', agenda: ['- [x] Quarter planning'] }),
      ],
      [
        meetingPath(MORGAN.slug, MORGAN.next),
        meetingText(MORGAN.name, MORGAN.next, {
          agenda: ['- [ ] Promotion timeline #growth'],
          wins: [MORGAN_HAND_LINKED],
        }),
      ],
      [
        meetingPath(SAM.slug, LAST_WEEK),
        meetingText(SAM.name, LAST_WEEK, {
          status: 'done',
          wins: [
            `- Old work — [acme/web#20](https://github.com/acme/web/pull/20), merged 2026-01-05, +1/-1 lines, 1 file #win #impact/individual`,
          ],
        }),
      ],
      // CRLF, with text in every section: every byte but the new lines must stay.
      [
        meetingPath(SAM.slug, SAM.next),
        meetingText(SAM.name, SAM.next, {
          agenda: ['- [ ] Team health check #alignment', '  - with a sub-point'],
          wins: [SAM_EXISTING],
          notes: ['Some *notes* already.'],
          eol: '\r\n',
        }),
      ],
      [
        meetingPath(TESS.slug, LAST_WEEK),
        meetingText(TESS.name, LAST_WEEK, { status: 'done', agenda: ['- [x] Intro'] }),
      ],
    ];
    for (const p of [HANA, JO, LEE, RAVI, UMA, VIC])
      files.push([
        meetingPath(p.slug, p.next),
        meetingText(p.name, p.next, { agenda: [`- [ ] Catch up with ${p.name}`] }),
      ]);
    for (const p of PEOPLE)
      files.push([`people/${p.slug}.md`, `---\nname: ${p.name}\nrole: peer\ncadence: weekly\n---\n`]);
    for (const [path, text] of files) await writeText(uriOf(path), text);

    await github().update('apiUrl', gh.origin, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('journalFolder', FOLDER, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => github().get('apiUrl') === gh.origin, 'the API address setting to take');
    await waitFor(
      () =>
        services.store.state.kind === 'ready' &&
        services.store.index.people().length === PEOPLE.length &&
        services.store.index.ofKind('meeting').length === files.filter(([p]) => p.startsWith('meetings/')).length &&
        services.store.index.ofKind('goal').length === 1,
      'the evidence journal to load',
      15_000,
    );
    const l = await linker();
    originalAuth = l.auth;
    l.auth = tokenAuth;
    spy.install(services.log);
  });

  after(async function () {
    this.timeout(60_000);
    const { services } = await api();
    spy.restore();
    if (originalAuth) (await linker()).auth = originalAuth;
    await closeAllEditors();
    await github().update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await enterprise().update('uri', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      () => services.store.state.kind === 'ready' && services.store.index.findPerson('alex-kim'),
      'the sample journal to load again',
    );
    await vscode.workspace.fs.delete(root(), { recursive: true });
    await gh.stop();
  });

  afterEach(async () => {
    spy.answer = undefined;
    gh.recover();
    // A question left open by a failed test must not answer the next test's.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  // --- the list of my recent work ----------------------------------------------

  const isRef =
    (ref: string) =>
    (item: vscode.QuickPickItem | undefined): boolean =>
      !!item?.description?.startsWith(`${ref} ·`);

  /**
   * Runs a quick-input command until the quick pick's active row is the
   * expected one. The list reaches the workbench a moment after the extension
   * fills it, so a command that changed nothing is sent again; one that moved
   * elsewhere fails the test.
   */
  async function press(qp: vscode.QuickPick<vscode.QuickPickItem>, command: string, ref: string): Promise<void> {
    const from = qp.activeItems[0];
    if (isRef(ref)(from) && (command === 'quickInput.first' || command === 'quickInput.last')) return;
    const started = Date.now();
    for (;;) {
      await vscode.commands.executeCommand(command);
      const until = Date.now() + 1000;
      while (Date.now() < until && qp.activeItems[0] === from) await sleep(20);
      const now = qp.activeItems[0];
      if (isRef(ref)(now)) return;
      assert.strictEqual(now, from, `${command} made ${now?.description} the active row, not ${ref}`);
      assert.ok(
        Date.now() - started < 10_000,
        `${command} did not make ${ref} the active row (it is ${now?.description})`,
      );
    }
  }

  /** Space on the active row: checks it (sent again while nothing changed). */
  async function toggle(qp: vscode.QuickPick<vscode.QuickPickItem>, ref: string, selected: number): Promise<void> {
    const started = Date.now();
    const before = qp.selectedItems.length;
    for (;;) {
      await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
      const until = Date.now() + 1000;
      while (Date.now() < until && qp.selectedItems.length === before) await sleep(20);
      if (qp.selectedItems.length !== before) break;
      assert.ok(Date.now() - started < 10_000, `${ref} could not be checked`);
    }
    assert.strictEqual(qp.selectedItems.length, selected);
    assert.ok(
      qp.selectedItems.some(isRef(ref)),
      `${ref} is checked: ${qp.selectedItems.map((i) => i.description).join(', ')}`,
    );
  }

  /** Enter on the multi-select list (sent again while the list stays open). */
  async function acceptList(list: {
    qp: vscode.QuickPick<vscode.QuickPickItem>;
    hidden: () => boolean;
  }): Promise<void> {
    await waitFor(
      async () => {
        if (!list.hidden()) {
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          await sleep(200);
        }
        return list.hidden();
      },
      'the list to be accepted',
      10_000,
    );
  }

  /** Accepts the `index`-th quick pick the extension shows (its first, suggested row), with Enter as a user would. */
  async function acceptShown(index: number): Promise<ShownPick> {
    const shown = await waitFor(() => spy.shown[index], `quick pick #${index + 1} to show`, 10_000);
    await waitFor(
      async () => {
        if (!shown.settled) {
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          await sleep(100);
        }
        return shown.settled;
      },
      `"${shown.title}" to be accepted`,
      10_000,
    );
    return shown;
  }

  async function openList(
    args?: Record<string, unknown>,
    loaded: (qp: vscode.QuickPick<vscode.QuickPickItem>) => boolean = (qp) => qp.items.length > 0,
  ): Promise<{
    qp: vscode.QuickPick<vscode.QuickPickItem>;
    hidden: () => boolean;
    running: Promise<LinkOutcome | undefined>;
  }> {
    const from = spy.quickPicks.length;
    const running = Promise.resolve(
      vscode.commands.executeCommand<LinkOutcome | undefined>('oneOnOne.linkPullRequest', ...(args ? [args] : [])),
    );
    const qp = await waitFor(() => spy.quickPicks[from], 'the list of pull requests to open', 10_000);
    let hidden = false;
    qp.onDidHide(() => (hidden = true));
    await waitFor(() => !qp.busy && loaded(qp), 'the pull requests to be listed', 15_000);
    return { qp, hidden: () => hidden, running };
  }

  it('right before a 1:1 lists my pull requests merged since the last one (newest first, both search pages) and my reviews; three picked become circle-tagged wins', async function () {
    this.timeout(90_000);
    const path = meetingPath(MORGAN.slug, MORGAN.next);
    const before = await readText(uriOf(path));
    gh.clearRequests();
    authCalls.length = 0;
    const shownBefore = spy.shown.length;

    const list = await openList({ person: MORGAN.name });
    const { qp, running } = list;
    assert.strictEqual(qp.title, `Link pull requests to your 1:1 with ${MORGAN.name} on ${MORGAN.next}`);
    assert.ok(qp.canSelectMany, 'several pull requests can be picked');

    // What is listed: my 119 merged pull requests not linked yet (newest first), then the two reviews.
    const items = qp.items;
    const expectedAuthored: number[] = [];
    for (let n = RECENT.last; n >= RECENT.first; n--) if (n !== RECENT.linked) expectedAuthored.push(n);
    assert.strictEqual(items[0]!.kind, vscode.QuickPickItemKind.Separator);
    assert.strictEqual(items[0]!.label, `Merged since ${LAST_MEETING}`);
    const authored = items.slice(1, 1 + expectedAuthored.length);
    assert.deepStrictEqual(
      authored.map((i) => i.description),
      expectedAuthored.map((n) => `acme/app#${n} · merged ${gh.pull('acme', 'app', n).mergedAt!.slice(0, 10)}`),
    );
    assert.strictEqual(authored[0]!.label, '$(git-merge) Cache the search index');
    assert.strictEqual(authored.at(-1)!.label, '$(git-merge) Document the search API');
    const rest = items.slice(1 + expectedAuthored.length);
    const reviewDay = (n: number): string =>
      gh
        .pull('acme', 'api', n)
        .reviews.find((r) => r.login === ME)!
        .submittedAt.slice(0, 10);
    assert.deepStrictEqual(
      rest.map((i) => [
        i.kind === vscode.QuickPickItemKind.Separator ? 'separator' : 'item',
        i.label,
        i.description ?? '',
      ]),
      [
        ['separator', 'Reviews you gave', ''],
        ['item', '$(eye) Paginate the audit log', `acme/api#78 · @eli-dev · you reviewed ${reviewDay(78)}`],
        ['item', '$(eye) Rate-limit the export endpoint', `acme/api#77 · @dana-dev · you reviewed ${reviewDay(77)}`],
      ],
    );
    for (const n of [990, 991, 995, RECENT.linked, 60])
      assert.ok(!items.some(isRef(`acme/${n === 60 ? 'api' : 'app'}#${n}`)), `#${n} is not offered`);

    // What was asked: both search pages, my review on the second page of #77's reviews, all with the token.
    const searches = gh.requestsTo('/search/issues');
    const authoredSearches = searches.filter(
      (r) => r.query['q'] === `is:pr author:${ME} is:merged merged:>=${LAST_MEETING}`,
    );
    assert.deepStrictEqual(
      authoredSearches.map((r) => r.query['page'] ?? '1'),
      ['1', '2'],
      'the authored search follows Link: rel="next" to page 2',
    );
    assert.ok(
      searches.some((r) => r.query['q'] === `is:pr reviewed-by:${ME} -author:${ME} updated:>=${LAST_MEETING}`),
      'the reviews are searched',
    );
    assert.ok(
      gh.requestsTo('/repos/acme/api/pulls/77/reviews').some((r) => r.query['page'] === '2'),
      'the second page of reviews is read',
    );
    assert.ok(
      gh.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`),
      'every request carries the token',
    );
    assert.ok(
      authCalls.length > 0 &&
        authCalls.every((c) => c.provider === 'github' && c.mode === 'silent' && c.apiBase === gh.origin),
      JSON.stringify(authCalls),
    );

    // Pick three the way a user does: move, Space, move, Space…, Enter.
    await press(qp, 'quickInput.first', 'acme/app#1120');
    await toggle(qp, 'acme/app#1120', 1);
    await press(qp, 'quickInput.last', 'acme/api#77');
    await toggle(qp, 'acme/api#77', 2);
    await press(qp, 'quickInput.previous', 'acme/api#78');
    await press(qp, 'quickInput.previous', `acme/app#${RECENT.first}`); // from the second search page
    await toggle(qp, `acme/app#${RECENT.first}`, 3);
    await acceptList(list);

    // One circle question per pull request, the suggestion first; Enter takes it.
    const asked = [
      await acceptShown(shownBefore),
      await acceptShown(shownBefore + 1),
      await acceptShown(shownBefore + 2),
    ];
    const outcome = await running;
    assert.strictEqual(
      spy.shown.length,
      shownBefore + 3,
      'no goal question: the command was given an arguments object',
    );
    const byRef = new Map(asked.map((s) => [/of (\S+) \(\d of 3\)$/.exec(s.title ?? '')?.[1], s]));
    const suggested = (ref: string): [string, string | undefined] => [
      byRef.get(ref)!.items[0]!.label,
      byRef.get(ref)!.items[0]!.description,
    ];
    assert.deepStrictEqual(suggested('acme/app#1120'), ['Individual contribution', 'suggested: your own change']);
    assert.deepStrictEqual(suggested(`acme/app#${RECENT.first}`), [
      'Enabling others',
      'suggested: documentation-only change',
    ]);
    assert.deepStrictEqual(suggested('acme/api#77'), ['Collaboration', "suggested: review of @dana-dev's change"]);

    assert.ok(outcome, 'the command returns what it did');
    assert.strictEqual(outcome.uri?.toString(), uriOf(path).toString());
    assert.deepStrictEqual(
      [...outcome.linked].sort(),
      ['acme/api#77', `acme/app#${RECENT.first}`, 'acme/app#1120'].sort(),
    );
    assert.deepStrictEqual([outcome.pending, outcome.skipped, outcome.failed], [[], [], []]);

    const review = gh.pull('acme', 'api', 77);
    const lines: Record<string, string> = {
      'acme/app#1120': winLine(gh.pull('acme', 'app', 1120), 'individual'),
      [`acme/app#${RECENT.first}`]: winLine(gh.pull('acme', 'app', RECENT.first), 'enabling'),
      'acme/api#77': `- Review: Rate-limit the export endpoint by @dana-dev — [acme/api#77](https://github.com/acme/api/pull/77), reviewed ${reviewDay(77)}, merged ${review.mergedAt!.slice(0, 10)}, +40/-8 lines, 3 files #win #impact/collaboration`,
    };
    const expected = before.replace(
      `${MORGAN_HAND_LINKED}\n`,
      `${MORGAN_HAND_LINKED}\n${outcome.linked.map((r) => `${lines[r]}\n`).join('')}`,
    );
    assert.strictEqual(await readText(uriOf(path)), expected);
    await indexedWins(path, 4);
  });

  it('closing the list links nothing', async () => {
    const path = meetingPath(MORGAN.slug, MORGAN.next);
    const before = await readText(uriOf(path));
    const list = await openList({ person: MORGAN.name });
    // The three just linked are no longer offered.
    for (const ref of ['acme/app#1120', 'acme/api#77', `acme/app#${RECENT.first}`])
      assert.ok(!list.qp.items.some(isRef(ref)), `${ref} is not offered again`);
    // Escape.
    await waitFor(async () => {
      if (!list.hidden()) {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await sleep(200);
      }
      return list.hidden();
    }, 'the list to close');
    assert.strictEqual(await list.running, undefined);
    assert.strictEqual(await readText(uriOf(path)), before);
  });

  it('the meetings tree shows the wins under the meeting and, by circle, in the person’s Wins', async () => {
    const { trees } = await api();
    const provider = trees!.meetings;
    const morgan = (await rows(provider)).find((r) => r.label === MORGAN.name);
    assert.ok(morgan, 'Morgan Lee is in the tree');
    const children = await rows(provider, morgan.node);
    assert.deepStrictEqual(
      children.map((r) => [r.label, r.icon]),
      [
        ['Wins', 'star-full'],
        [MORGAN.next, 'arrow-circle-right'],
        [LAST_MEETING, 'pass'],
      ],
    );
    assert.deepStrictEqual([children[0]!.description, children[0]!.contextValue], ['4', 'oneOnOne.wins']);

    // Under the meeting: the agenda point, then its wins in file order.
    const meetingRows = await rows(provider, children[1]!.node);
    const merged = (o: string, r: string, n: number): string => gh.pull(o, r, n).mergedAt!.slice(0, 10);
    const winRows = meetingRows.filter((r) => (r.node as Node).type === 'win');
    assert.strictEqual(meetingRows[0]!.label, 'Promotion timeline');
    assert.strictEqual(winRows.length, 4);
    assert.deepStrictEqual(winRows[0]!.label, 'Hand-linked earlier');
    const byLabel = new Map(winRows.map((r) => [r.label, r]));
    assert.deepStrictEqual(
      ['Cache the search index', 'Document the search API', 'Rate-limit the export endpoint'].map((l) => [
        byLabel.get(l)?.description,
        byLabel.get(l)?.icon,
        byLabel.get(l)?.contextValue,
      ]),
      [
        [
          `acme/app#1120 · merged ${merged('acme', 'app', 1120)} · Individual contribution`,
          'git-merge',
          'oneOnOne.win.link',
        ],
        [
          `acme/app#${RECENT.first} · merged ${merged('acme', 'app', RECENT.first)} · Enabling others`,
          'git-merge',
          'oneOnOne.win.link',
        ],
        [`acme/api#77 · merged ${merged('acme', 'api', 77)} · Collaboration`, 'eye', 'oneOnOne.win.link'],
      ],
    );

    // The person's Wins, by circle, each win naming its meeting.
    const circles = await rows(provider, children[0]!.node);
    assert.deepStrictEqual(
      circles.map((r) => [r.label, r.description]),
      [
        ['Individual contribution', '1'],
        ['Collaboration', '1'],
        ['Enabling others', '1'],
        ['Circle not set', '1'],
      ],
    );
    const inCircle = async (i: number): Promise<Row[]> => rows(provider, circles[i]!.node);
    assert.deepStrictEqual(
      (await inCircle(0)).map((r) => [r.label, r.description]),
      [['Cache the search index', `acme/app#1120 · merged ${merged('acme', 'app', 1120)} · ${MORGAN.next}`]],
    );
    assert.deepStrictEqual(
      (await inCircle(1)).map((r) => r.label),
      ['Rate-limit the export endpoint'],
    );
    assert.deepStrictEqual(
      (await inCircle(2)).map((r) => r.label),
      ['Document the search API'],
    );
    const unset = await inCircle(3);
    assert.deepStrictEqual(
      unset.map((r) => [r.label, r.description, r.contextValue]),
      [['Hand-linked earlier', `acme/app#${RECENT.linked} · ${MORGAN.next}`, 'oneOnOne.win.link']],
    );
    const winNode = (await inCircle(0))[0]!.node;
    assert.strictEqual(provider.getParent(winNode)?.id, circles[0]!.node.id);

    // "Open Pull Request" on a win opens its address.
    const opened = spy.opened.length;
    await vscode.commands.executeCommand('oneOnOne.openPullRequest', winNode);
    assert.deepStrictEqual(spy.opened.slice(opened), ['https://github.com/acme/app/pull/1120']);
  });

  it('with no arguments: the meeting in the editor, the list, a circle, then the optional goal question', async function () {
    this.timeout(60_000);
    const path = meetingPath(MORGAN.slug, MORGAN.next);
    const before = await readText(uriOf(path));
    await vscode.window.showTextDocument(uriOf(path));
    const shownBefore = spy.shown.length;
    const list = await openList();
    const { qp, running } = list;
    assert.strictEqual(
      qp.title,
      `Link pull requests to your 1:1 with ${MORGAN.name} on ${MORGAN.next}`,
      'the meeting in the editor is the one written to',
    );
    await press(qp, 'quickInput.first', 'acme/app#1119');
    await toggle(qp, 'acme/app#1119', 1);
    await acceptList(list);
    const circle = await acceptShown(shownBefore);
    assert.strictEqual(circle.title, 'Impact circle of acme/app#1119');
    const goal = await acceptShown(shownBefore + 1);
    assert.strictEqual(goal.title, 'Also log progress on a goal?');
    assert.deepStrictEqual(
      goal.items.map((i) => i.label),
      ['No goal', 'Ship search v2'],
    );
    const outcome = await running;
    assert.deepStrictEqual(outcome?.linked, ['acme/app#1119']);
    const line = winLine(gh.pull('acme', 'app', 1119), 'individual');
    const lastWin = before
      .split('\n')
      .filter((l) => l.startsWith('- ') && l.includes('#win'))
      .at(-1)!;
    assert.strictEqual(await readText(uriOf(path)), before.replace(`${lastWin}\n`, `${lastWin}\n${line}\n`));
    assert.strictEqual(await readText(uriOf('goals/ship-search.md')), GOAL, '"No goal": the goal is not touched');
    await indexedWins(path, 5);
  });

  // --- pasted addresses ----------------------------------------------------------

  it('links several pasted addresses in one edit, every other byte of the meeting unchanged (CRLF kept)', async () => {
    const path = meetingPath(SAM.slug, SAM.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    const { result: outcome, changes } = await textChanges(uri, () =>
      link({
        person: SAM.slug,
        url: [
          'https://github.com/acme/web/pull/21/files?diff=split#r1',
          'https://api.github.com/repos/acme/web/pulls/22',
          'acme/web#23',
        ],
        circle: 'collaboration',
      }),
    );
    assert.ok(outcome);
    assert.strictEqual(outcome.uri?.toString(), uri.toString());
    assert.deepStrictEqual(outcome.linked, ['acme/web#21', 'acme/web#22', 'acme/web#23']);
    assert.deepStrictEqual([outcome.pending, outcome.skipped, outcome.failed], [[], [], []]);
    assert.strictEqual(changes, 1, 'one edit');
    const added = [21, 22, 23].map((n) => winLine(gh.pull('acme', 'web', n), 'collaboration'));
    assert.strictEqual(
      added[1],
      `- Speed up the CSV export — [acme/web#22](https://github.com/acme/web/pull/22), merged ${gh.pull('acme', 'web', 22).mergedAt!.slice(0, 10)}, +200/-50 lines, 1 file #win #impact/collaboration`,
    );
    assert.strictEqual(
      await readText(uri),
      before.replace(`${SAM_EXISTING}\r\n`, `${SAM_EXISTING}\r\n${added.map((l) => `${l}\r\n`).join('')}`),
    );
    // The API address went to the configured API, not to api.github.com.
    assert.ok(gh.requestsTo('/repos/acme/web/pulls/22').length > 0);
    await indexedWins(path, 4);
  });

  it('skips pull requests already linked in any meeting with the person, and a pull request given twice', async () => {
    const path = meetingPath(SAM.slug, SAM.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    const outcome = await link({
      person: SAM.name,
      // #21 is in this meeting, #20 in last week's; #24 is new, given twice.
      url: ['acme/web#21', 'https://github.com/acme/web/pull/20', 'https://github.com/acme/web/pull/24', 'acme/web#24'],
      circle: 'individual',
    });
    assert.ok(outcome);
    assert.deepStrictEqual(outcome.skipped, ['acme/web#21', 'acme/web#20']);
    assert.deepStrictEqual(outcome.linked, ['acme/web#24']);
    const after = await readText(uri);
    const line24 = winLine(gh.pull('acme', 'web', 24), 'individual');
    assert.strictEqual(after.split(line24).length - 1, 1, 'the pull request given twice is linked once');
    assert.strictEqual(after.split('[acme/web#21]').length - 1, 1);
    assert.ok(!after.includes('[acme/web#20]'), 'a pull request linked in another meeting is not linked again');
    assert.strictEqual(after.replace(`${line24}\r\n`, ''), before);
    await indexedWins(path, 5);

    // Only pull requests linked already: nothing changes, and the user is told.
    const messages = spy.messages.length;
    const again = await link({
      person: SAM.slug,
      url: ['https://github.com/acme/web/pull/24', 'acme/web#20'],
      circle: 'individual',
    });
    assert.deepStrictEqual(again, {
      uri: undefined,
      linked: [],
      pending: [],
      skipped: ['acme/web#24', 'acme/web#20'],
      failed: [],
    });
    assert.strictEqual(await readText(uri), after);
    assert.ok(
      spy.messagesSince(messages, 'info').some((m) => m.text.includes('already linked')),
      JSON.stringify(spy.messagesSince(messages)),
    );
  });

  it('escapes hostile titles: one item per pull request, no link, HTML, heading, task or tag of their own', async () => {
    const path = meetingPath(HANA.slug, HANA.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    const outcome = await link({
      person: HANA.slug,
      url: [31, 32, 33, 34].map((n) => `https://github.com/acme/web/pull/${n}`),
      circle: 'individual',
    });
    assert.deepStrictEqual(outcome?.linked, ['acme/web#31', 'acme/web#32', 'acme/web#33', 'acme/web#34']);
    const escaped = [
      '\\[Click me\\](`https://evil.example/steal?c=1)` \\<img src=x onerror=alert(1)\\> \\<script\\>alert(1)\\</script\\>',
      '\\`rm -rf /\\` \\*\\*bold\\*\\* \\_em\\_ \\~\\~strike\\~\\~ \\$(zap) \\#urgent \\#impact/enabling',
      'Fix retry --- \\#\\# Notes - \\[ \\] injected task last line',
      '\\- \\[ \\] looks like a task',
    ];
    const added = [31, 32, 33, 34].map((n, i) => winLine(gh.pull('acme', 'web', n), 'individual', escaped[i]));
    const after = await readText(uri);
    assert.strictEqual(after, before.replace('## Wins\n\n', `## Wins\n\n${added.map((l) => `${l}\n`).join('')}\n`));
    assert.deepStrictEqual(after.match(/^#+ .*$/gm), before.match(/^#+ .*$/gm), 'no heading added');

    // The index (what the extension reads back) sees exactly four wins, each with its own tags only.
    const { services } = await api();
    await waitFor(() => services.store.index.get(path)?.wins.length === 4, 'the four wins to be indexed');
    const entry = services.store.index.get(path)!;
    assert.deepStrictEqual(
      entry.wins.map((w) => [...w.tags].sort()),
      Array(4).fill(['impact/individual', 'win']),
    );
    assert.strictEqual(entry.agenda.length, 1, 'no task was injected into the agenda');

    // Rendered by VS Code's own markdown: four list items, the four pull request links and nothing else.
    const section = after.slice(after.indexOf('## Wins'), after.indexOf('## Notes'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', section);
    assert.strictEqual(html.match(/<li[ >]/g)?.length, 4, html);
    assert.deepStrictEqual(
      [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]),
      [31, 32, 33, 34].map((n) => `https://github.com/acme/web/pull/${n}`),
      html,
    );
    assert.ok(!/<(img|script|h[1-6]|hr|strong|em|del|input)\b/.test(html.replace(/^<h2[^>]*>Wins<\/h2>/, '')), html);
    assert.ok(!html.includes('evil.example/steal?c=1"'), 'the evil address is no link');

    // The tree shows each title as GitHub wrote it (whitespace folded), as text.
    const { trees } = await api();
    const hana = (await rows(trees!.meetings)).find((r) => r.label === HANA.name)!;
    const meeting = (await rows(trees!.meetings, hana.node)).find((r) => r.label === HANA.next)!;
    const labels = (await rows(trees!.meetings, meeting.node))
      .filter((r) => (r.node as Node).type === 'win')
      .map((r) => r.label);
    assert.deepStrictEqual(labels, [
      HOSTILE_TITLES.link,
      HOSTILE_TITLES.markdown,
      HOSTILE_TITLES.lines.replace(/\s+/g, ' '),
      HOSTILE_TITLES.list,
    ]);
  });

  // --- GitHub failing ------------------------------------------------------------

  it('a dropped connection or a 500 links the address marked #enrich; Enrich Evidence fills it in once GitHub is back, keeping the circle', async () => {
    const path = meetingPath(JO.slug, JO.next);
    const uri = uriOf(path);
    const original = await readText(uri);
    gh.fail('/repos/acme/app/pulls/201', 'drop');
    gh.fail('/repos/acme/app/pulls/202', 'server-error');

    const messages = spy.messages.length;
    const first = await link({ person: JO.slug, url: 'https://github.com/acme/app/pull/201', circle: 'enabling' });
    assert.deepStrictEqual(first && [first.linked, first.pending, first.failed], [[], ['acme/app#201'], []]);
    await indexedWins(path, 1);
    // Without a circle and without details there is nothing to suggest from: it is not asked.
    const shown = spy.shown.length;
    const second = await link({ person: JO.slug, url: 'https://github.com/acme/app/pull/202' });
    assert.deepStrictEqual(second && [second.linked, second.pending, second.failed], [[], ['acme/app#202'], []]);
    assert.strictEqual(spy.shown.length, shown, 'no question asked');
    const pending = original.replace(
      '## Wins\n\n',
      `## Wins\n\n${pendingLine('acme/app#201', 'enabling')}\n${pendingLine('acme/app#202')}\n\n`,
    );
    assert.strictEqual(await readText(uri), pending);
    const warnings = spy.messagesSince(messages, 'warning');
    assert.strictEqual(warnings.length, 2, JSON.stringify(warnings));
    assert.ok(
      warnings.every(
        (w) =>
          w.text.startsWith('GitHub could not be reached.') &&
          w.text.includes('#enrich') &&
          w.items.includes('Enrich Now'),
      ),
      JSON.stringify(warnings),
    );
    await indexedWins(path, 2);

    // The tree marks them as waiting for details.
    const { trees } = await api();
    const jo = (await rows(trees!.meetings)).find((r) => r.label === JO.name)!;
    const wins = (await rows(trees!.meetings, jo.node))[0]!;
    assert.deepStrictEqual(
      [wins.label, wins.description, wins.contextValue],
      ['Wins', '2 · 2 to enrich', 'oneOnOne.wins.pending'],
    );
    const circles = await rows(trees!.meetings, wins.node);
    assert.deepStrictEqual(
      circles.map((r) => r.label),
      ['Enabling others', 'Circle not set'],
    );
    const waiting = (await rows(trees!.meetings, circles[0]!.node))[0]!;
    assert.deepStrictEqual(
      [waiting.label, waiting.description, waiting.icon, waiting.contextValue],
      ['acme/app#201', `acme/app#201 · details to fetch · ${JO.next}`, 'cloud-download', 'oneOnOne.win.link.pending'],
    );

    // Still failing: nothing changes, both remain.
    const still = await vscode.commands.executeCommand<EnrichOutcome>('oneOnOne.enrichEvidence', {
      path,
      circle: 'collaboration',
    });
    assert.deepStrictEqual(still, { enriched: [], remaining: ['acme/app#201', 'acme/app#202'] });
    assert.strictEqual(await readText(uri), pending);

    // GitHub is back: both lines are replaced in place; #201 keeps its circle, #202 takes the one given.
    gh.recover();
    const done = await vscode.commands.executeCommand<EnrichOutcome>('oneOnOne.enrichEvidence', {
      path,
      circle: 'collaboration',
    });
    assert.deepStrictEqual(done, { enriched: ['acme/app#201', 'acme/app#202'], remaining: [] });
    assert.strictEqual(
      await readText(uri),
      original.replace(
        '## Wins\n\n',
        `## Wins\n\n${winLine(gh.pull('acme', 'app', 201), 'enabling')}\n${winLine(gh.pull('acme', 'app', 202), 'collaboration')}\n\n`,
      ),
    );
    await waitFor(
      async () => !(await winTexts(path)).some((t) => t.includes('#enrich')),
      'the index to see the enriched wins',
    );
    // Nothing left to enrich anywhere.
    assert.deepStrictEqual(await vscode.commands.executeCommand<EnrichOutcome>('oneOnOne.enrichEvidence'), {
      enriched: [],
      remaining: [],
    });
  });

  it('a rate limit (403, x-ratelimit-remaining: 0) links the address marked #enrich and says when the limit resets', async () => {
    const path = meetingPath(LEE.slug, LEE.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    gh.rateLimitReset = Math.floor(Date.now() / 1000) + 37 * 60;
    gh.fail('/repos/acme/app/pulls/301', 'rate-limit');
    const messages = spy.messages.length;
    const outcome = await link({ person: LEE.slug, url: 'https://github.com/acme/app/pull/301', circle: 'individual' });
    assert.ok(outcome);
    assert.deepStrictEqual(
      [outcome.uri?.toString(), outcome.linked, outcome.pending, outcome.failed],
      [uri.toString(), [], ['acme/app#301'], []],
    );
    assert.strictEqual(
      await readText(uri),
      before.replace('## Wins\n\n', `## Wins\n\n${pendingLine('acme/app#301', 'individual')}\n\n`),
    );
    const resetAt = new Date(gh.rateLimitReset * 1000).toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
    });
    const warnings = spy.messagesSince(messages, 'warning');
    assert.deepStrictEqual(
      warnings.map((w) => w.text),
      [
        `GitHub's rate limit was reached; it resets at ${resetAt}. acme/app#301 was linked without details and marked #enrich; "1:1: Enrich Evidence" fills them in later.`,
      ],
    );
    assert.ok(gh.requestsTo('/repos/acme/app/pulls/301').length > 0);
    await indexedWins(path, 1);

    // Another one without a circle; once the limit has reset, Enrich Evidence (on the meeting's URI) asks only for that one's circle.
    gh.fail('/repos/acme/app/pulls/302', 'rate-limit');
    const another = await link({ person: LEE.slug, url: 'acme/app#302' });
    assert.deepStrictEqual(another?.pending, ['acme/app#302']);
    await indexedWins(path, 2);
    gh.recover();
    const shownBefore = spy.shown.length;
    const running = Promise.resolve(vscode.commands.executeCommand<EnrichOutcome>('oneOnOne.enrichEvidence', uri));
    const asked = await acceptShown(shownBefore);
    assert.strictEqual(asked.title, 'Impact circle of acme/app#302 (2 of 2)');
    assert.deepStrictEqual(
      [asked.items[0]!.label, asked.items[0]!.description],
      ['Individual contribution', 'suggested: your own change'],
    );
    assert.deepStrictEqual(await running, { enriched: ['acme/app#301', 'acme/app#302'], remaining: [] });
    assert.strictEqual(spy.shown.length, shownBefore + 1, 'the circle of #301 is kept, not asked');
    assert.strictEqual(
      await readText(uri),
      before.replace(
        '## Wins\n\n',
        `## Wins\n\n${winLine(gh.pull('acme', 'app', 301), 'individual')}\n${winLine(gh.pull('acme', 'app', 302), 'individual')}\n\n`,
      ),
    );
  });

  it('a rate-limited search says in the list when the limit resets; a pasted address is still linked', async () => {
    const path = meetingPath(LEE.slug, LEE.next);
    const before = await readText(uriOf(path));
    gh.rateLimitReset = Math.floor(Date.now() / 1000) + 52 * 60;
    gh.fail('/search/issues', 'rate-limit');
    const list = await openList({ person: LEE.slug, circle: 'individual' }, (qp) =>
      /rate limit/.test(qp.placeholder ?? ''),
    );
    const resetAt = new Date(gh.rateLimitReset * 1000).toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
    });
    assert.strictEqual(
      list.qp.placeholder,
      `GitHub's rate limit was reached (it resets at ${resetAt}). Paste an address to link it now; its details follow later.`,
    );
    assert.deepStrictEqual(list.qp.items, [], 'nothing listed');
    // The user pastes an address into the list and presses Enter.
    list.qp.value = 'https://github.com/acme/app/pull/303';
    await acceptList(list);
    const outcome = await list.running;
    assert.deepStrictEqual(outcome?.linked, ['acme/app#303']);
    const line = winLine(gh.pull('acme', 'app', 303), 'individual');
    const lastWin = before
      .split('\n')
      .filter((l) => l.includes('#win'))
      .at(-1)!;
    assert.strictEqual(await readText(uriOf(path)), before.replace(`${lastWin}\n`, `${lastWin}\n${line}\n`));
    await indexedWins(path, 3);
  });

  it('signed out: an address typed into the sign-in list shows as a row and Enter links it, without signing in', async () => {
    gh.addPull(pullRequest(711, { title: 'Cache the feature flags' }));
    const path = meetingPath(LEE.slug, LEE.next);
    const before = await readText(uriOf(path));
    const l = await linker();
    const modes: string[] = [];
    l.auth = {
      async token(_target, mode) {
        modes.push(mode);
        return mode === 'silent' ? undefined : TEST_TOKEN;
      },
    };
    try {
      const list = await openList({ person: LEE.slug, circle: 'individual' });
      assert.deepStrictEqual(
        list.qp.items.map((i) => i.label),
        ['$(sign-in) Sign in to GitHub', '$(link) Paste a pull request address'],
      );
      list.qp.value = 'https://github.com/acme/app/pull/711';
      await waitFor(() => list.qp.items[0]?.label === '$(link) Link acme/app#711', 'the typed address to become a row');
      assert.strictEqual(list.qp.activeItems[0]?.label, '$(link) Link acme/app#711', 'Enter links it');
      await acceptList(list);
      const outcome = await list.running;
      assert.deepStrictEqual(outcome?.linked, ['acme/app#711']);
      assert.deepStrictEqual(modes, ['silent'], 'no sign-in was asked for');
      const line = winLine(gh.pull('acme', 'app', 711), 'individual');
      const lastWin = before
        .split('\n')
        .filter((line) => line.includes('#win'))
        .at(-1);
      assert.strictEqual(
        await readText(uriOf(path)),
        lastWin
          ? before.replace(`${lastWin}\n`, `${lastWin}\n${line}\n`)
          : before.replace('## Wins\n\n', `## Wins\n\n${line}\n\n`),
      );
    } finally {
      l.auth = tokenAuth;
    }
  });

  it('404 and 401 write nothing and report each as failed, offering to sign in or add the link anyway', async () => {
    const path = meetingPath(RAVI.slug, RAVI.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    gh.fail('/repos/acme/app/pulls/402', 'unauthorized');
    const urls = ['https://github.com/acme/private/pull/401', 'https://github.com/acme/app/pull/402'];
    const messages = spy.messages.length;
    const outcome = await link({ person: RAVI.slug, url: urls, circle: 'individual' });
    assert.ok(outcome);
    assert.deepStrictEqual(
      [outcome.uri, outcome.linked, outcome.pending, outcome.skipped, outcome.failed.map((f) => [f.ref, f.kind])],
      [
        undefined,
        [],
        [],
        [],
        [
          ['acme/private#401', 'not-found'],
          ['acme/app#402', 'unauthorized'],
        ],
      ],
    );
    assert.ok(outcome.failed.every((f) => f.reason.length > 0));
    assert.strictEqual(await readText(uri), before);
    const errors = spy.messagesSince(messages, 'error');
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    assert.ok(
      errors[0]!.text.startsWith('GitHub did not show acme/private#401, acme/app#402 (not found).'),
      errors[0]!.text,
    );
    assert.deepStrictEqual(errors[0]!.items, ['Sign In to GitHub', 'Add Link Anyway']);

    // "Add Link Anyway" writes them as links waiting for details.
    spy.answer = (m) => (m.items.includes('Add Link Anyway') ? 'Add Link Anyway' : undefined);
    const anyway = await link({ person: RAVI.slug, url: urls, circle: 'individual' });
    assert.strictEqual(anyway?.failed.length, 2);
    await waitFor(async () => (await readText(uri)) !== before, 'the links to be added anyway');
    assert.strictEqual(
      await readText(uri),
      before.replace(
        '## Wins\n\n',
        `## Wins\n\n${pendingLine('acme/private#401', 'individual')}\n${pendingLine('acme/app#402', 'individual')}\n\n`,
      ),
    );
    await indexedWins(path, 2);
  });

  it('refuses an address that is not a pull request: nothing asked of GitHub, nothing written', async () => {
    const path = meetingPath(RAVI.slug, RAVI.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    gh.clearRequests();
    const cases: [string | string[], string][] = [
      [
        ['https://github.com/acme/app/pull/5', 'https://github.com/acme/app/issues/5'],
        'acme/app#5 is an issue, not a pull request.',
      ],
      ['https://github.com/acme/app/commit/0123abc', 'That is a commit, not a pull request.'],
      [
        'https://gitlab.com/acme/app/-/merge_requests/3',
        '"https://gitlab.com/acme/app/-/merge_requests/3" is not the address of a pull request (…/owner/repo/pull/123).',
      ],
    ];
    for (const [url, error] of cases) {
      const messages = spy.messages.length;
      assert.strictEqual(await link({ person: RAVI.slug, url, circle: 'individual' }), undefined);
      assert.deepStrictEqual(
        spy.messagesSince(messages, 'error').map((m) => m.text),
        [error],
      );
    }
    assert.deepStrictEqual(gh.requests, [], 'GitHub was not asked');
    assert.strictEqual(await readText(uri), before);
  });

  // --- goals, tokens, GitHub Enterprise -------------------------------------------

  it('with a goal, tags the win and appends a progress entry to the goal, creating the next meeting from the template', async () => {
    const { services } = await api();
    const goalUri = uriOf('goals/ship-search.md');
    // An unknown goal is refused before anything happens.
    assert.strictEqual(
      await link({ person: TESS.slug, url: 'acme/app#501', circle: 'individual', goal: 'No such goal' }),
      undefined,
    );
    assert.strictEqual(services.store.index.meetingsOf(TESS.slug).length, 1, 'no meeting was created');

    const outcome = await link({
      person: TESS.name,
      url: 'https://github.com/acme/app/pull/501',
      circle: 'individual',
      goal: 'Ship search v2',
    });
    assert.ok(outcome?.uri);
    assert.deepStrictEqual(outcome.linked, ['acme/app#501']);
    const date = /\/(\d{4}-\d{2}-\d{2})\.md$/.exec(outcome.uri.path)?.[1];
    assert.ok(date && date >= TODAY, `the next meeting (${outcome.uri.path}) is not in the past`);
    assert.strictEqual(outcome.uri.toString(), uriOf(meetingPath(TESS.slug, date)).toString());
    const pull = gh.pull('acme', 'app', 501);
    const win = winLine(pull, 'individual', pull.title, ' #goal/ship-search');
    assert.strictEqual(
      await readText(outcome.uri),
      TEMPLATE.replace(/\{\{date\}\}/g, date)
        .replace('{{person}}', TESS.name)
        .replace('## Wins\n\n', `## Wins\n\n${win}\n\n`),
    );
    assert.strictEqual(
      await readText(goalUri),
      GOAL.replace(
        '- 2026-10-01: Kicked off the design.\n',
        `- 2026-10-01: Kicked off the design.\n- ${services.today()}: Merged [acme/app#501](https://github.com/acme/app/pull/501) Add search facets\n`,
      ),
    );
  });

  it('sends no Authorization header without a token; with one, sends it and never writes or logs it', async () => {
    const path = meetingPath(UMA.slug, UMA.next);
    const l = await linker();
    // VS Code's own GitHub sign-in, which has no account in this offline VS Code.
    l.auth = originalAuth!;
    try {
      gh.clearRequests();
      const anonymous = await link({
        person: UMA.slug,
        url: 'https://github.com/acme/app/pull/601',
        circle: 'individual',
      });
      assert.deepStrictEqual(anonymous?.linked, ['acme/app#601']);
      assert.ok(gh.requestsTo('/repos/acme/app/pulls/601').length > 0);
      assert.deepStrictEqual(
        gh.requests.filter((r) => r.authorization !== undefined),
        [],
        'no request carries credentials',
      );
      assert.ok(!gh.requests.some((r) => r.path === '/user'), 'nobody to ask about');
    } finally {
      l.auth = tokenAuth;
    }

    gh.clearRequests();
    const logged = spy.logged.length;
    const signedIn = await link({
      person: UMA.slug,
      url: ['https://github.com/acme/app/pull/602', 'https://github.com/acme/private/pull/603'],
      circle: 'individual',
    });
    assert.deepStrictEqual(signedIn?.linked, ['acme/app#602']);
    assert.deepStrictEqual(
      signedIn?.failed.map((f) => f.kind),
      ['not-found'],
    );
    assert.ok(gh.requests.some((r) => r.path === '/user'));
    assert.ok(
      gh.requests.length > 2 && gh.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`),
      JSON.stringify(gh.requests),
    );
    await indexedWins(path, 2);

    // Not in any file of the journal, not in the log, not in an outcome or a message.
    for (const f of await journalFiles())
      assert.ok(!f.text.includes(TEST_TOKEN) && !/bearer/i.test(f.text), `${f.path} holds the token`);
    const lines = spy.logged.slice(logged);
    assert.ok(
      lines.some((m) => m.includes('acme/private#603')),
      `the failure is logged: ${JSON.stringify(lines)}`,
    );
    assert.ok(
      spy.logged.every((m) => !m.includes(TEST_TOKEN)),
      'the token is not logged',
    );
    assert.ok(!JSON.stringify(signedIn).includes(TEST_TOKEN));
    assert.ok(spy.messages.every((m) => !m.text.includes(TEST_TOKEN)));
  });

  it('a GitHub Enterprise Server host (github-enterprise.uri) goes to its API, with its own sign-in', async () => {
    const path = meetingPath(VIC.slug, VIC.next);
    const uri = uriOf(path);
    const before = await readText(uri);
    await enterprise().update('uri', 'https://ghe.example.test', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => enterprise().get('uri') === 'https://ghe.example.test', 'the enterprise setting to take');
      gh.clearRequests();
      authCalls.length = 0;
      // A web address on the Enterprise host, and owner/repo#N, which now means that host.
      const outcome = await link({
        person: VIC.slug,
        url: ['https://ghe.example.test/platform/infra/pull/42', 'platform/infra#43'],
        circle: 'enabling',
      });
      assert.deepStrictEqual(outcome?.linked, ['platform/infra#42', 'platform/infra#43']);
      assert.ok(
        gh.requestsTo('/repos/platform/infra/pulls/42').length > 0 &&
          gh.requestsTo('/repos/platform/infra/pulls/43').length > 0,
      );
      assert.ok(gh.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`));
      assert.ok(authCalls.length > 0, 'a token was asked for');
      assert.deepStrictEqual(
        [...new Set(authCalls.map((c) => `${c.provider} ${c.host} ${c.apiBase}`))],
        [`github-enterprise ghe.example.test ${gh.origin}`],
      );
      const ghe = (n: number): string =>
        winLine(gh.pull('platform', 'infra', n), 'enabling').replace(
          `(https://github.com/platform/infra/pull/${n})`,
          `(https://ghe.example.test/platform/infra/pull/${n})`,
        );
      assert.strictEqual(await readText(uri), before.replace('## Wins\n\n', `## Wins\n\n${ghe(42)}\n${ghe(43)}\n\n`));
      await indexedWins(path, 2);
    } finally {
      await enterprise().update('uri', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
