// Goals and feedback threads across meetings, in a real VS Code: every
// command with its arguments object (exact file text after, a CRLF file
// included), the prompts driven through VS Code's own quick input, the tree
// rows and their context menus, staleness and circle-backs coming due, the
// prep sheet's "Add to agenda" lens, and finishing a meeting that logs goal
// progress (once; undo takes it back). The suite uses a journal folder of its
// own, so the sample journal is left as it was.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AddToAgendaOutcome } from '../../src/features/goals-feedback/agenda';
import {
  api,
  closeAllEditors,
  EXTENSION_ID,
  isoDaysFromToday,
  readText,
  Row,
  rows,
  waitFor,
  workspaceRoot,
  writeText,
} from './helpers';

const FOLDER = 'threads-journal';
const root = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), FOLDER);
const uriOf = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const TODAY = isoDaysFromToday(0);
const IN_14_DAYS = isoDaysFromToday(14);

const ROBIN = { slug: 'robin-diaz', name: 'Robin Diaz', role: 'manager' };
const SASHA = { slug: 'sasha-ivanova', name: 'Sasha Ivanova', role: 'peer' };
const KAI = { slug: 'kai-novak', name: 'Kai Novak', role: 'mentor' };
const PEOPLE = [ROBIN, SASHA, KAI];

const ROBIN_LAST = isoDaysFromToday(-7);
const ROBIN_NEXT = isoDaysFromToday(3);
const meetingPath = (slug: string, date: string): string => `meetings/${slug}/${date}.md`;

const TEMPLATE =
  '---\ndate: {{date}}\nstatus: planned\n---\n\n# 1:1 with {{person}} — {{date}}\n\n## Agenda\n\n## Wins\n\n## Notes\n\n## Action items\n\n## Private\n';

function meetingText(name: string, date: string, status: string, agenda: string[]): string {
  return [
    '---',
    `date: ${date}`,
    `status: ${status}`,
    '---',
    '',
    `# 1:1 with ${name} — ${date}`,
    '',
    '## Agenda',
    '',
    ...agenda,
    '',
    '## Wins',
    '',
    '## Notes',
    '',
    '## Action items',
    '',
    '## Private',
    '',
  ].join('\n');
}

// A goal nobody has talked about for 40 days (stale at the default 4 weeks), with a section after its Progress.
const STALE = {
  path: 'goals/ship-the-search-revamp.md',
  slug: 'ship-the-search-revamp',
  title: 'Ship the search revamp',
  lastProgress: isoDaysFromToday(-40),
};
const STALE_TEXT = `---
title: Ship the search revamp
status: active
target: 2027-06-30
circle: individual
created: ${isoDaysFromToday(-60)}
---

# Ship the search revamp

## Why it matters

Search is the most used page; it is also the slowest.

## Progress

- ${STALE.lastProgress}: Wrote the ranking proposal.

## Notes

Ask Robin about the staffing.
`;

// A goal discussed three days ago, written with CRLF, quoted title and a comment in its front matter.
const MENTOR = { path: 'goals/mentor-a-new-hire.md', slug: 'mentor-a-new-hire', title: 'Mentor a new hire' };
const MENTOR_TEXT = [
  '---',
  'title: "Mentor a new hire"',
  'status: active',
  '# picked with Robin in October',
  'target: 2027-03-31',
  'circle: enabling',
  '---',
  '',
  '# Mentor a new hire',
  '',
  '## Progress',
  '',
  `- ${isoDaysFromToday(-3)}: Paired on the first on-call shift.`,
  '',
].join('\r\n');

// A goal set two days ago, never discussed yet.
const SPEAK = { path: 'goals/speak-at-a-meetup.md', title: 'Speak at a meetup' };
const SPEAK_TEXT = `---\ntitle: Speak at a meetup\nstatus: active\ncreated: ${isoDaysFromToday(-2)}\n---\n\n# Speak at a meetup\n\n## Progress\n`;

// A thread whose circle-back came two days ago.
const DUE = {
  path: 'feedback/declines-meetings-without-a-note.md',
  title: 'Declines meetings without a note',
  circleBack: isoDaysFromToday(-2),
};
const DUE_TEXT = `---
title: Declines meetings without a note
from: Robin Diaz
status: trying
received: ${isoDaysFromToday(-30)}
circleBack: ${DUE.circleBack}
---

# Declines meetings without a note

## What I heard

> People see a decline and assume you do not care.

## What I am trying

- ${isoDaysFromToday(-20)}: A one-line reason with every decline.

## Circle back
`;

// A thread just received, written with CRLF.
const LONG = { path: 'feedback/status-updates-are-too-long.md', title: 'Status updates are too long' };
const LONG_TEXT = [
  '---',
  'title: Status updates are too long',
  'from: Sasha Ivanova',
  'status: received',
  `received: ${isoDaysFromToday(-10)}`,
  '---',
  '',
  '# Status updates are too long',
  '',
  '## What I heard',
  '',
  'Nobody reads past the first paragraph.',
  '',
  '## What I am trying',
  '',
  '## Circle back',
  '',
].join('\r\n');

const ROBIN_NEXT_AGENDA = [
  '- [ ] Team offsite budget #alignment',
  '- [ ] How the new hire is ramping up #goal/mentor-a-new-hire',
];

// --- watching and answering the prompts ------------------------------------------

interface ShownPick {
  readonly options: vscode.QuickPickOptions;
  items: readonly vscode.QuickPickItem[];
  active: vscode.QuickPickItem | undefined;
  settled: boolean;
  value: unknown;
}

interface ShownInput {
  /** As the command asked (before anything was "typed"). */
  readonly options: vscode.InputBoxOptions;
  settled: boolean;
  value: string | undefined;
}

/**
 * Wraps `vscode.window` (the extension and the tests share it): the real quick
 * picks and input boxes show, the tests see what was asked, move and accept
 * with VS Code's own quick-input commands, and "type" into the next input box
 * (its value is set to the typed text as it opens, as if typed over).
 */
class Prompts {
  readonly picks: ShownPick[] = [];
  readonly inputs: ShownInput[] = [];
  readonly messages: { level: 'info' | 'warning' | 'error'; text: string }[] = [];
  /** Text typed into the next input boxes, in order. */
  readonly typing: (string | undefined)[] = [];
  private readonly restores: (() => void)[] = [];

  install(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    const showQuickPick = window['showQuickPick'] as (...args: unknown[]) => Thenable<unknown>;
    this.replace(window, 'showQuickPick', (items: unknown, options: vscode.QuickPickOptions = {}, token?: unknown) => {
      const shown: ShownPick = { options, items: [], active: undefined, settled: false, value: undefined };
      this.picks.push(shown);
      void Promise.resolve(items).then((list) => (shown.items = list as vscode.QuickPickItem[]));
      const watched: vscode.QuickPickOptions = {
        ...options,
        onDidSelectItem: (item) => {
          shown.active = typeof item === 'string' ? { label: item } : item;
          return options.onDidSelectItem?.(item);
        },
      };
      const result = Promise.resolve(showQuickPick.call(vscode.window, items, watched, token));
      void result.then((value) => {
        shown.value = value;
        shown.settled = true;
      });
      return result;
    });
    const showInputBox = window['showInputBox'] as (...args: unknown[]) => Thenable<string | undefined>;
    this.replace(window, 'showInputBox', (options: vscode.InputBoxOptions = {}, token?: unknown) => {
      const shown: ShownInput = { options, settled: false, value: undefined };
      this.inputs.push(shown);
      const typed = this.typing.shift();
      const result = Promise.resolve(
        showInputBox.call(vscode.window, typed === undefined ? options : { ...options, value: typed }, token),
      );
      void result.then((value) => {
        shown.value = value;
        shown.settled = true;
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
        this.messages.push({ level, text });
        return original.call(vscode.window, text, ...rest);
      });
    }
  }

  restore(): void {
    for (const undo of this.restores.splice(0).reverse()) undo();
  }

  errorsSince(n: number): string[] {
    return this.messages
      .slice(n)
      .filter((m) => m.level === 'error')
      .map((m) => m.text);
  }

  /** The `index`-th quick pick, once shown with its items. */
  async pick(index: number): Promise<ShownPick> {
    return waitFor(
      () => (this.picks[index]?.items.length ? this.picks[index] : undefined),
      `quick pick #${index + 1} to show`,
      10_000,
    );
  }

  /** Moves down the `index`-th quick pick to the row labelled `label` (Down arrow), then Enter. */
  async choose(index: number, label: string): Promise<ShownPick> {
    const shown = await this.pick(index);
    const target = shown.items.findIndex((i) => i.label === label);
    assert.ok(target >= 0, `"${label}" is not offered: ${shown.items.map((i) => i.label).join(', ')}`);
    // The first row is active when the list opens.
    await waitFor(
      () => shown.active ?? (target === 0 ? shown.items[0] : undefined),
      'the first row to be active',
      3000,
    ).catch(() => undefined);
    for (let at = 1; at <= target; at++) {
      const want = shown.items[at]!;
      const started = Date.now();
      while (shown.active !== want) {
        const from = shown.active;
        await vscode.commands.executeCommand('quickInput.next');
        const until = Date.now() + 1000;
        while (Date.now() < until && shown.active === from) await sleep(20);
        assert.ok(
          shown.active === want || shown.active === from,
          `Down made "${shown.active?.label}" active, not "${want.label}"`,
        );
        assert.ok(Date.now() - started < 10_000, `"${want.label}" did not become the active row`);
      }
    }
    await this.accept(shown);
    return shown;
  }

  /** Enter on the `index`-th input box. */
  async enter(index: number): Promise<ShownInput> {
    const shown = await waitFor(() => this.inputs[index], `input box #${index + 1} to show`, 10_000);
    await this.accept(shown);
    return shown;
  }

  private async accept(shown: { settled: boolean }): Promise<void> {
    await waitFor(
      async () => {
        if (!shown.settled) {
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          await sleep(150);
        }
        return shown.settled;
      },
      'the prompt to be accepted',
      10_000,
    );
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

// --- package.json menus ---------------------------------------------------------------

interface MenuItem {
  readonly command: string;
  readonly when: string;
  readonly group?: string;
}

/** Whether a `view == … && viewItem =~ /…/` clause holds, evaluated the way the workbench does. */
function whenHolds(when: string, context: { view: string; viewItem: string }): boolean {
  return when.split('&&').every((raw) => {
    const clause = raw.trim();
    let m = /^view == (\S+)$/.exec(clause);
    if (m) return context.view === m[1];
    m = /^viewItem =~ \/(.*)\/$/.exec(clause);
    if (m) return new RegExp(m[1]!).test(context.viewItem);
    m = /^viewItem == (\S+)$/.exec(clause);
    if (m) return context.viewItem === m[1];
    throw new Error(`the test cannot evaluate "${clause}" of "${when}"`);
  });
}

/** The context-menu entries (`command@group`) a row of the view gets. */
function menuFor(view: string, viewItem: string): string[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const items =
    (ext.packageJSON as { contributes: { menus: Record<string, MenuItem[]> } }).contributes.menus[
      'view/item/context'
    ] ?? [];
  return items
    .filter((m) => m.when.includes(`view == ${view}`))
    .filter((m) => whenHolds(m.when, { view, viewItem }))
    .map((m) => `${m.command}@${m.group ?? ''}`)
    .sort();
}

// --- the suite -------------------------------------------------------------------------

describe('goals and feedback threads across meetings', () => {
  const prompts = new Prompts();

  async function trees(): Promise<NonNullable<Awaited<ReturnType<typeof api>>['trees']>> {
    const { trees } = await api();
    assert.ok(trees, 'the trees are activated');
    return trees;
  }

  /** The row of `title` in the goals or feedback tree, and the label of its status group. */
  async function row(view: 'goals' | 'feedback', title: string): Promise<Row & { group: string }> {
    const provider = (await trees())[view];
    for (const group of await rows(provider)) {
      const found = (await rows(provider, group.node)).find((r) => r.label === title);
      if (found) return { ...found, group: group.label };
    }
    assert.fail(`"${title}" is not in the ${view} tree`);
  }

  async function rowWhen(
    view: 'goals' | 'feedback',
    title: string,
    holds: (r: Row & { group: string }) => boolean,
    what: string,
  ): Promise<Row & { group: string }> {
    let last: (Row & { group: string }) | undefined;
    const check = async (): Promise<(Row & { group: string }) | undefined> => {
      last = await row(view, title);
      return holds(last) ? last : undefined;
    };
    try {
      return await waitFor(check, what, 4000).catch(async () => {
        // VS Code's file watcher can go quiet for seconds in this host: read the journal again, as Refresh does.
        console.warn(`threads: no change seen in 4 s waiting for ${what}; refreshing the journal instead.`);
        await vscode.commands.executeCommand('oneOnOne.refresh');
        return waitFor(check, what);
      });
    } catch (error) {
      throw new Error(
        `${String(error)}; the row is ${JSON.stringify(last && { group: last.group, description: last.description, icon: last.icon, contextValue: last.contextValue })}`,
        { cause: error },
      );
    }
  }

  /** Every file of this journal with its text: nothing may change when a command refuses. */
  async function snapshot(dir = root()): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory) for (const [k, v] of await snapshot(child)) out.set(k, v);
      else out.set(child.path, await readText(child));
    }
    return out;
  }

  before(async function () {
    this.timeout(60_000);
    const { services } = await api();
    const files: [string, string][] = [
      ['templates/meeting.md', TEMPLATE],
      [STALE.path, STALE_TEXT],
      [MENTOR.path, MENTOR_TEXT],
      [SPEAK.path, SPEAK_TEXT],
      [DUE.path, DUE_TEXT],
      [LONG.path, LONG_TEXT],
      [
        meetingPath(ROBIN.slug, ROBIN_LAST),
        meetingText(ROBIN.name, ROBIN_LAST, 'done', ['- [x] Quarter planning #alignment']),
      ],
      [meetingPath(ROBIN.slug, ROBIN_NEXT), meetingText(ROBIN.name, ROBIN_NEXT, 'planned', ROBIN_NEXT_AGENDA)],
      ...PEOPLE.map((p): [string, string] => [
        `people/${p.slug}.md`,
        `---\nname: ${p.name}\nrole: ${p.role}\ncadence: weekly\n---\n`,
      ]),
    ];
    for (const [path, text] of files) await writeText(uriOf(path), text);
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('journalFolder', FOLDER, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      () =>
        services.store.state.kind === 'ready' &&
        services.store.index.people().length === PEOPLE.length &&
        services.store.index.ofKind('meeting').length === 2 &&
        services.store.index.ofKind('goal').length === 3 &&
        services.store.index.ofKind('feedback').length === 2,
      'the threads journal to load',
      15_000,
    );
    // A full read still under way (a second change event of the setting) empties the index before it refills it.
    await services.store.currentLoad;
    prompts.install();
  });

  after(async function () {
    this.timeout(60_000);
    const { services } = await api();
    prompts.restore();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('staleGoalWeeks', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      () => services.store.state.kind === 'ready' && services.store.index.findPerson('alex-kim'),
      'the sample journal to load again',
    );
    await vscode.workspace.fs.delete(root(), { recursive: true });
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(workspaceRoot(), 'review-comment.txt'))
      .then(undefined, () => undefined);
  });

  afterEach(async () => {
    prompts.typing.length = 0;
    // A prompt left open by a failed test must not answer the next test's.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  // --- what the trees show, and which menus they offer ------------------------------------

  it('flags a quiet goal and a due thread in the trees, with context values the package.json menus match', async () => {
    const stale = await row('goals', STALE.title);
    assert.deepStrictEqual(
      [stale.group, stale.description, stale.icon, stale.contextValue],
      [
        'Active',
        `quiet 5 wk · last discussed ${STALE.lastProgress} · by 2027-06-30 · Individual contribution`,
        'bell-dot',
        'oneOnOne.goal.active.stale',
      ],
    );
    const mentor = await row('goals', MENTOR.title);
    assert.deepStrictEqual(
      [mentor.description, mentor.icon, mentor.contextValue],
      [
        `on the agenda ${ROBIN_NEXT} · last discussed ${isoDaysFromToday(-3)} · by 2027-03-31 · Enabling others`,
        'target',
        'oneOnOne.goal.active',
      ],
    );
    // The progress log under the goal, newest first.
    const progress = await rows((await trees()).goals, stale.node);
    assert.deepStrictEqual(
      progress.map((r) => [r.label, r.description, r.contextValue]),
      [['Wrote the ranking proposal.', STALE.lastProgress, 'oneOnOne.progress']],
    );

    const due = await row('feedback', DUE.title);
    assert.deepStrictEqual(
      [due.group, due.description, due.icon, due.contextValue],
      ['Trying', `circle back due · from Robin Diaz · ${DUE.circleBack}`, 'bell-dot', 'oneOnOne.feedback.trying.due'],
    );
    const received = await row('feedback', LONG.title);
    assert.deepStrictEqual(
      [received.group, received.description, received.icon, received.contextValue],
      ['Received', 'from Sasha Ivanova', 'mail', 'oneOnOne.feedback.received'],
    );

    // The menus each row gets, from package.json's own `when` clauses.
    assert.deepStrictEqual(menuFor('oneOnOne.goals', stale.contextValue!), [
      'oneOnOne.addToAgenda@2_agenda@1',
      'oneOnOne.addToAgenda@inline@1',
      'oneOnOne.logGoalProgress@1_status@2',
      'oneOnOne.setGoalStatus@1_status@1',
    ]);
    assert.deepStrictEqual(menuFor('oneOnOne.goals', mentor.contextValue!), [
      'oneOnOne.addToAgenda@2_agenda@1',
      'oneOnOne.logGoalProgress@1_status@2',
      'oneOnOne.setGoalStatus@1_status@1',
    ]);
    assert.deepStrictEqual(menuFor('oneOnOne.goals', 'oneOnOne.goal.achieved'), ['oneOnOne.setGoalStatus@1_status@1']);
    assert.deepStrictEqual(menuFor('oneOnOne.goals', 'oneOnOne.progress'), []);
    assert.deepStrictEqual(menuFor('oneOnOne.feedback', due.contextValue!), [
      'oneOnOne.addToAgenda@2_agenda@1',
      'oneOnOne.addToAgenda@inline@1',
      'oneOnOne.setFeedbackStatus@1_status@1',
    ]);
    assert.deepStrictEqual(menuFor('oneOnOne.feedback', received.contextValue!), [
      'oneOnOne.addToAgenda@2_agenda@1',
      'oneOnOne.setFeedbackStatus@1_status@1',
    ]);
    assert.deepStrictEqual(menuFor('oneOnOne.feedback', 'oneOnOne.feedback.closed'), [
      'oneOnOne.setFeedbackStatus@1_status@1',
    ]);
  });

  it('"Add to agenda" on the quiet goal (its inline button) asks whom for, your manager first, and adds a linked point once', async () => {
    const stale = await row('goals', STALE.title);
    const path = meetingPath(ROBIN.slug, ROBIN_NEXT);
    const before = await readText(uriOf(path));
    const from = prompts.picks.length;
    const running = Promise.resolve(
      vscode.commands.executeCommand<AddToAgendaOutcome | undefined>('oneOnOne.addToAgenda', stale.node),
    );
    const asked = await prompts.choose(from, ROBIN.name);
    assert.strictEqual(asked.options.placeHolder, `Add "${STALE.title}" to your next 1:1 with…`);
    assert.deepStrictEqual(
      asked.items.map((i) => i.label),
      [ROBIN.name, KAI.name, SASHA.name],
      'the manager comes first',
    );
    const outcome = await running;
    assert.deepStrictEqual([outcome?.uri.toString(), outcome?.added], [uriOf(path).toString(), true]);
    const point = `- [ ] Goal: [${STALE.title}](../../${STALE.path}) — progress since ${STALE.lastProgress} #growth #goal/${STALE.slug}`;
    assert.strictEqual(
      await readText(uriOf(path)),
      before.replace(`${ROBIN_NEXT_AGENDA[1]}\n`, `${ROBIN_NEXT_AGENDA[1]}\n${point}\n`),
    );

    // Again, with an arguments object: refused with a message, nothing written.
    const messages = prompts.messages.length;
    const again = await vscode.commands.executeCommand<AddToAgendaOutcome | undefined>('oneOnOne.addToAgenda', {
      goal: STALE.slug,
      person: ROBIN.slug,
    });
    assert.strictEqual(again?.added, false);
    assert.deepStrictEqual(
      prompts.messages.slice(messages).map((m) => [m.level, m.text]),
      [['info', `"${STALE.title}" is already on the agenda of your 1:1 with ${ROBIN.name} on ${ROBIN_NEXT}.`]],
    );
    assert.strictEqual(
      await readText(uriOf(path)),
      before.replace(`${ROBIN_NEXT_AGENDA[1]}\n`, `${ROBIN_NEXT_AGENDA[1]}\n${point}\n`),
    );
    // A point planned for a later meeting does not count as discussed, but the goal is about to come up: queued, no longer flagged.
    const queued = await rowWhen(
      'goals',
      STALE.title,
      (r) => r.contextValue === 'oneOnOne.goal.active',
      'the queued goal to lose its flag',
    );
    assert.deepStrictEqual(
      [queued.description, queued.icon],
      [
        `on the agenda ${ROBIN_NEXT} · last discussed ${STALE.lastProgress} · by 2027-06-30 · Individual contribution`,
        'target',
      ],
    );
  });

  it('addToAgenda creates the next meeting with a person who has none', async () => {
    const { services } = await api();
    assert.strictEqual(services.store.index.meetingsOf(KAI.slug).length, 0);
    const outcome = await vscode.commands.executeCommand<AddToAgendaOutcome | undefined>('oneOnOne.addToAgenda', {
      goal: MENTOR.title,
      person: KAI.name,
    });
    assert.ok(outcome?.added);
    const path = services.store.pathOf(outcome.uri);
    assert.ok(path !== undefined && path.startsWith(`meetings/${KAI.slug}/`), String(path));
    const date = path.slice(`meetings/${KAI.slug}/`.length, -'.md'.length);
    assert.ok(date >= TODAY, date);
    const point = `- [ ] Goal: [${MENTOR.title}](../../${MENTOR.path}) — progress since ${isoDaysFromToday(-3)} #growth #goal/${MENTOR.slug}`;
    assert.strictEqual(
      await readText(outcome.uri),
      TEMPLATE.replace(/\{\{date\}\}/g, date)
        .replace('{{person}}', KAI.name)
        .replace('## Agenda\n', `## Agenda\n\n${point}\n`),
    );
    const again = await vscode.commands.executeCommand<AddToAgendaOutcome | undefined>('oneOnOne.addToAgenda', {
      goal: MENTOR.slug,
      person: KAI.slug,
    });
    assert.deepStrictEqual([again?.uri.toString(), again?.added], [outcome.uri.toString(), false]);
    assert.strictEqual(services.store.index.meetingsOf(KAI.slug).length, 1);
  });

  // --- the prep sheet -----------------------------------------------------------------------

  it('the prep sheet lists the due thread with an "Add circle-back to agenda" lens that adds it once', async () => {
    const path = meetingPath(ROBIN.slug, ROBIN_NEXT);
    const sheetUri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openPrepSheet', { person: ROBIN.slug });
    assert.ok(sheetUri);
    assert.strictEqual(sheetUri.scheme, 'one-on-one-prep');
    const sheet = await vscode.workspace.openTextDocument(sheetUri);
    const dueLine = `- [${DUE.title}](${DUE.path}) — trying; circle back was due ${DUE.circleBack}`;
    const goalLine = (title: string, path: string): string => `- [${title}](${path}) — `;
    assert.ok(sheet.getText().includes(`## Feedback to circle back on\n\n${dueLine}\n`), sheet.getText());
    // Not Sasha's thread: it came from someone else, and is not due.
    assert.ok(!sheet.getText().includes(LONG.title));
    // The quiet goal is already on the agenda (the test before), the mentoring one is tagged there: marked, and no lens.
    const sheetLine = (title: string, path: string): string | undefined =>
      sheet
        .getText()
        .split('\n')
        .find((l) => l.startsWith(goalLine(title, path)));
    const staleLine = sheetLine(STALE.title, STALE.path);
    assert.ok(
      staleLine?.startsWith(`${goalLine(STALE.title, STALE.path)}last discussed ${STALE.lastProgress} (`),
      staleLine,
    );
    assert.ok(staleLine?.endsWith('; target 2027-06-30 (on the agenda)'), staleLine);
    assert.ok(sheetLine(MENTOR.title, MENTOR.path)?.endsWith('(on the agenda)'), sheetLine(MENTOR.title, MENTOR.path));
    assert.strictEqual(sheetLine(SPEAK.title, SPEAK.path), `${goalLine(SPEAK.title, SPEAK.path)}never discussed`);

    const lensesOf = async (): Promise<vscode.CodeLens[]> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', sheetUri)).filter(
        (l) => l.command?.command === 'oneOnOne.addToAgenda',
      );
    const lenses = await lensesOf();
    const lineOf = (l: vscode.CodeLens): string => sheet.lineAt(l.range.start.line).text;
    assert.deepStrictEqual(
      lenses.map((l) => [l.command?.title, lineOf(l)]),
      [
        ['$(add) Add circle-back to agenda', dueLine],
        ['$(add) Add to agenda', sheetLine(SPEAK.title, SPEAK.path)],
      ],
    );
    assert.deepStrictEqual(lenses[1]!.command?.arguments, [{ goal: SPEAK.path, person: ROBIN.slug }]);
    const lens = lenses[0]!.command!;
    assert.deepStrictEqual(lens.arguments, [{ thread: DUE.path, person: ROBIN.slug }]);

    const before = await readText(uriOf(path));
    const outcome = await vscode.commands.executeCommand<AddToAgendaOutcome | undefined>(
      lens.command,
      ...(lens.arguments ?? []),
    );
    assert.deepStrictEqual([outcome?.uri.toString(), outcome?.added], [uriOf(path).toString(), true]);
    const point = `- [ ] Circle back on feedback from Robin Diaz: [${DUE.title}](../../${DUE.path}) — is it working? #feedback`;
    const lastPoint = before
      .split('\n')
      .filter((l) => l.startsWith('- [ ]'))
      .pop()!;
    const expected = before.replace(`${lastPoint}\n`, `${lastPoint}\n${point}\n`);
    assert.strictEqual(await readText(uriOf(path)), expected);

    // The sheet follows: the thread is marked on the agenda and its lens is gone.
    await waitFor(
      () => sheet.getText().includes(`${dueLine} (on the agenda)`),
      'the prep sheet to mark the thread on the agenda',
    );
    assert.deepStrictEqual(
      (await lensesOf()).map((l) => lineOf(l)),
      [sheetLine(SPEAK.title, SPEAK.path)],
    );

    // The same lens clicked a second time (a sheet not refreshed yet): refused, nothing added.
    const messages = prompts.messages.length;
    const again = await vscode.commands.executeCommand<AddToAgendaOutcome | undefined>(
      lens.command,
      ...(lens.arguments ?? []),
    );
    assert.strictEqual(again?.added, false);
    assert.deepStrictEqual(
      prompts.messages.slice(messages).map((m) => m.text),
      [`"${DUE.title}" is already on the agenda of your 1:1 with ${ROBIN.name} on ${ROBIN_NEXT}.`],
    );
    assert.strictEqual(await readText(uriOf(path)), expected);
  });

  // --- goals ------------------------------------------------------------------------------

  it('logging progress on a quiet goal clears its flag; staleGoalWeeks sets when it comes', async () => {
    // Off Robin's agenda (where the test above put it) the goal is quiet again; the setting decides when that shows.
    const agenda = uriOf(meetingPath(ROBIN.slug, ROBIN_NEXT));
    const withPoint = await readText(agenda);
    const pointLine = withPoint.split('\n').find((l) => l.includes(`#goal/${STALE.slug}`))!;
    await writeText(agenda, withPoint.replace(`${pointLine}\n`, ''));
    const config = vscode.workspace.getConfiguration('oneOnOne');
    try {
      await rowWhen(
        'goals',
        STALE.title,
        (r) => r.contextValue === 'oneOnOne.goal.active.stale',
        'the goal to be flagged once off the agenda',
      );
      await config.update('staleGoalWeeks', 8, vscode.ConfigurationTarget.Workspace);
      await rowWhen(
        'goals',
        STALE.title,
        (r) => r.contextValue === 'oneOnOne.goal.active',
        'the goal not to be flagged at 8 weeks',
      );
      await config.update('staleGoalWeeks', 0, vscode.ConfigurationTarget.Workspace);
      await rowWhen(
        'goals',
        STALE.title,
        (r) => r.contextValue === 'oneOnOne.goal.active',
        'no goal to be flagged at 0',
      );
      await config.update('staleGoalWeeks', undefined, vscode.ConfigurationTarget.Workspace);
      await rowWhen(
        'goals',
        STALE.title,
        (r) => r.contextValue === 'oneOnOne.goal.active.stale',
        'the goal to be flagged again at the default 4 weeks',
      );
    } finally {
      await config.update('staleGoalWeeks', undefined, vscode.ConfigurationTarget.Workspace);
      await writeText(agenda, withPoint);
    }
    await rowWhen(
      'goals',
      STALE.title,
      (r) => r.contextValue === 'oneOnOne.goal.active',
      'the goal to be queued again',
    );

    const before = await readText(uriOf(STALE.path));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.logGoalProgress', {
      goal: STALE.title,
      text: 'Demoed the new ranking to the team\nthey liked it',
    });
    assert.strictEqual(uri?.toString(), uriOf(STALE.path).toString());
    const entry = `- ${TODAY}: Demoed the new ranking to the team they liked it`;
    assert.strictEqual(
      await readText(uri),
      before.replace(
        `- ${STALE.lastProgress}: Wrote the ranking proposal.\n`,
        `- ${STALE.lastProgress}: Wrote the ranking proposal.\n${entry}\n`,
      ),
    );

    const now = await row('goals', STALE.title);
    assert.deepStrictEqual(
      [now.description, now.icon, now.contextValue],
      [
        `on the agenda ${ROBIN_NEXT} · last discussed ${TODAY} · by 2027-06-30 · Individual contribution`,
        'target',
        'oneOnOne.goal.active',
      ],
    );
    assert.deepStrictEqual(menuFor('oneOnOne.goals', now.contextValue!), [
      'oneOnOne.addToAgenda@2_agenda@1',
      'oneOnOne.logGoalProgress@1_status@2',
      'oneOnOne.setGoalStatus@1_status@1',
    ]);
    assert.deepStrictEqual(
      (await rows((await trees()).goals, now.node)).map((r) => [r.label, r.description]),
      [
        ['Demoed the new ranking to the team they liked it', TODAY],
        ['Wrote the ranking proposal.', STALE.lastProgress],
      ],
    );

    // A past date is logged in date order in the tree, as given.
    const earlier = isoDaysFromToday(-30);
    await vscode.commands.executeCommand('oneOnOne.logGoalProgress', {
      goal: STALE.slug,
      text: 'Sized the work',
      date: earlier,
    });
    assert.ok((await readText(uri)).includes(`${entry}\n- ${earlier}: Sized the work\n\n## Notes\n`));
    assert.deepStrictEqual(
      (await rows((await trees()).goals, now.node)).map((r) => r.description),
      [TODAY, earlier, STALE.lastProgress],
    );
  });

  it('setGoalStatus moves a CRLF goal active → achieved (from its tree row, asked) → active (arguments), logged in Progress', async () => {
    const before = await readText(uriOf(MENTOR.path));
    assert.strictEqual(before, MENTOR_TEXT);
    const lastEntry = `- ${isoDaysFromToday(-3)}: Paired on the first on-call shift.\r\n`;

    // The context menu on the row: which status, then a note.
    const mentor = await row('goals', MENTOR.title);
    const picks = prompts.picks.length;
    const inputs = prompts.inputs.length;
    prompts.typing.push('They ran their first incident alone');
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.setGoalStatus', mentor.node));
    const asked = await prompts.choose(picks, 'Achieved');
    assert.deepStrictEqual(
      asked.items.map((i) => i.label),
      ['Achieved', 'Dropped'],
    );
    assert.strictEqual(asked.options.title, `${MENTOR.title} (Active)`);
    const note = await prompts.enter(inputs);
    assert.strictEqual(note.options.title, `${MENTOR.title}: Achieved`);
    assert.strictEqual(note.value, 'They ran their first incident alone');
    assert.strictEqual((await running)?.toString(), uriOf(MENTOR.path).toString());
    const achieved = before
      .replace('status: active\r\n', 'status: achieved\r\n')
      .replace(lastEntry, `${lastEntry}- ${TODAY}: Achieved — They ran their first incident alone\r\n`);
    assert.strictEqual(await readText(uriOf(MENTOR.path)), achieved);
    const done = await rowWhen('goals', MENTOR.title, (r) => r.group === 'Achieved', 'the goal to move to Achieved');
    assert.deepStrictEqual(
      [done.description, done.icon, done.contextValue],
      ['by 2027-03-31 · Enabling others', 'pass', 'oneOnOne.goal.achieved'],
    );

    // Already achieved: said so, nothing written.
    const messages = prompts.messages.length;
    await vscode.commands.executeCommand('oneOnOne.setGoalStatus', { goal: MENTOR.slug, status: 'achieved' });
    assert.deepStrictEqual(
      prompts.messages.slice(messages).map((m) => m.text),
      [`"${MENTOR.title}" is already achieved.`],
    );
    assert.strictEqual(await readText(uriOf(MENTOR.path)), achieved);

    // Back to active, with an arguments object.
    await vscode.commands.executeCommand('oneOnOne.setGoalStatus', {
      goal: MENTOR.path,
      status: 'active',
      note: 'A second hire joins in March',
    });
    const reactivated = achieved
      .replace('status: achieved\r\n', 'status: active\r\n')
      .replace(
        `Achieved — They ran their first incident alone\r\n`,
        `Achieved — They ran their first incident alone\r\n- ${TODAY}: Reactivated — A second hire joins in March\r\n`,
      );
    assert.strictEqual(await readText(uriOf(MENTOR.path)), reactivated);
    const active = await rowWhen('goals', MENTOR.title, (r) => r.group === 'Active', 'the goal to move back to Active');
    assert.strictEqual(active.contextValue, 'oneOnOne.goal.active');
    assert.deepStrictEqual(
      (await rows((await trees()).goals, active.node)).map((r) => r.label),
      [
        'Reactivated — A second hire joins in March',
        'Achieved — They ran their first incident alone',
        'Paired on the first on-call shift.',
      ],
    );
  });

  it('logGoalProgress on a meeting line tagged #goal/<slug> proposes that point, linked to the meeting', async () => {
    const meeting = meetingPath(ROBIN.slug, ROBIN_NEXT);
    const editor = await vscode.window.showTextDocument(uriOf(meeting));
    const line = editor.document.getText().split('\n').indexOf(ROBIN_NEXT_AGENDA[1]!);
    assert.ok(line > 0);
    editor.selection = new vscode.Selection(line, 12, line, 12);
    const before = await readText(uriOf(MENTOR.path));
    const inputs = prompts.inputs.length;
    const picks = prompts.picks.length;
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.logGoalProgress'));
    const asked = await prompts.enter(inputs);
    const proposed = `How the new hire is ramping up ([1:1 of ${ROBIN_NEXT}](../${meeting}))`;
    assert.deepStrictEqual(
      [asked.options.title, asked.options.value, asked.value],
      [`Progress on: ${MENTOR.title}`, proposed, proposed],
    );
    assert.strictEqual((await running)?.toString(), uriOf(MENTOR.path).toString());
    assert.strictEqual(prompts.picks.length, picks, 'no goal was asked for: the line names it');
    const lines = before.split('\r\n');
    lines.splice(lines.length - 1, 0, `- ${TODAY}: ${proposed}`);
    assert.strictEqual(await readText(uriOf(MENTOR.path)), lines.join('\r\n'));
  });

  it('logGoalProgress reads the meeting as it is in the editor, and proposes a point only with the cursor on it', async () => {
    const meeting = meetingPath(ROBIN.slug, ROBIN_NEXT);
    const editor = await vscode.window.showTextDocument(uriOf(meeting));
    // A point typed just now, not saved: the lines in the editor are not the lines on disk.
    const typed = `- [ ] Pairing plan for next month #goal/${MENTOR.slug}`;
    assert.ok(
      await editor.edit((b) =>
        b.insert(
          new vscode.Position(editor.document.getText().split('\n').indexOf('## Agenda') + 2, 0),
          `${typed}\n  Source: written in the meeting\n`,
        ),
      ),
    );
    const line = editor.document.getText().split('\n').indexOf(typed);
    const before = await readText(uriOf(MENTOR.path));

    // On the line under the point (its Source line): still that point.
    editor.selection = new vscode.Selection(line + 1, 3, line + 1, 3);
    let inputs = prompts.inputs.length;
    let running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.logGoalProgress'));
    const asked = await prompts.enter(inputs);
    const proposed = `Pairing plan for next month ([1:1 of ${ROBIN_NEXT}](../${meeting}))`;
    assert.strictEqual(asked.options.value, proposed);
    assert.strictEqual((await running)?.toString(), uriOf(MENTOR.path).toString());
    const lines = before.split('\r\n');
    lines.splice(lines.length - 1, 0, `- ${TODAY}: ${proposed}`);
    const logged = lines.join('\r\n');
    assert.strictEqual(await readText(uriOf(MENTOR.path)), logged);

    // On the Wins heading, below the last point: no point proposed, the goal is asked for (Escape: nothing written).
    editor.selection = new vscode.Selection(
      editor.document.getText().split('\n').indexOf('## Wins'),
      0,
      editor.document.getText().split('\n').indexOf('## Wins'),
      0,
    );
    const picks = prompts.picks.length;
    inputs = prompts.inputs.length;
    running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.logGoalProgress'));
    const which = await prompts.pick(picks);
    assert.strictEqual(which.options.placeHolder, 'Log progress on which goal?');
    await waitFor(async () => {
      if (!which.settled) {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await sleep(150);
      }
      return which.settled;
    }, 'the goal list to close');
    assert.strictEqual(await running, undefined);
    assert.strictEqual(prompts.inputs.length, inputs, 'nothing proposed');
    assert.strictEqual(await readText(uriOf(MENTOR.path)), logged);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('logGoalProgress from a goal row asks what happened and logs it', async () => {
    const stale = await row('goals', STALE.title);
    const before = await readText(uriOf(STALE.path));
    const inputs = prompts.inputs.length;
    prompts.typing.push('  Paired with Sasha on the index  ');
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.logGoalProgress', stale.node));
    const asked = await prompts.enter(inputs);
    assert.deepStrictEqual([asked.options.title, asked.options.value], [`Progress on: ${STALE.title}`, '']);
    assert.strictEqual((await running)?.toString(), uriOf(STALE.path).toString());
    assert.strictEqual(
      await readText(uriOf(STALE.path)),
      before.replace('\n\n## Notes\n', `\n- ${TODAY}: Paired with Sasha on the index\n\n## Notes\n`),
    );
  });

  it('newGoal with its arguments object writes target, circle and why; a goal can be dropped', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newGoal', {
      title: 'Run the platform guild',
      target: '2027-09-30',
      circle: 'collaboration',
      why: 'More people should shape the roadmap.\nNot just the leads.',
    });
    assert.strictEqual(uri?.toString(), uriOf('goals/run-the-platform-guild.md').toString());
    const text = `---
title: Run the platform guild
status: active
target: 2027-09-30
circle: collaboration
created: ${TODAY}
---

# Run the platform guild

## Why it matters

More people should shape the roadmap. Not just the leads.

## Progress
`;
    assert.strictEqual(await readText(uri), text);
    const created = await rowWhen('goals', 'Run the platform guild', () => true, 'the new goal to show');
    assert.deepStrictEqual(
      [created.group, created.description, created.contextValue],
      ['Active', 'never discussed · by 2027-09-30 · Collaboration', 'oneOnOne.goal.active'],
    );

    await vscode.commands.executeCommand('oneOnOne.setGoalStatus', {
      goal: 'run the platform guild',
      status: 'dropped',
    });
    assert.strictEqual(
      await readText(uri),
      text
        .replace('status: active\n', 'status: dropped\n')
        .replace('## Progress\n', `## Progress\n\n- ${TODAY}: Dropped.\n`),
    );
    const dropped = await rowWhen(
      'goals',
      'Run the platform guild',
      (r) => r.group === 'Dropped',
      'the goal to move to Dropped',
    );
    assert.deepStrictEqual([dropped.icon, dropped.contextValue], ['circle-slash', 'oneOnOne.goal.dropped']);
  });

  // --- feedback threads --------------------------------------------------------------------

  it('a CRLF thread goes received → trying → circled back → closed with arguments objects', async () => {
    const before = await readText(uriOf(LONG.path));
    assert.strictEqual(before, LONG_TEXT);

    // Trying, without a circle-back date: two weeks from today.
    await vscode.commands.executeCommand('oneOnOne.setFeedbackStatus', {
      thread: LONG.title,
      status: 'trying',
      trying: 'Lead with a one-line summary',
    });
    const trying = before
      .replace('status: received\r\n', 'status: trying\r\n')
      .replace(
        `received: ${isoDaysFromToday(-10)}\r\n`,
        `received: ${isoDaysFromToday(-10)}\r\ncircleBack: ${IN_14_DAYS}\r\n`,
      )
      .replace(
        '## What I am trying\r\n\r\n',
        `## What I am trying\r\n\r\n- ${TODAY}: Lead with a one-line summary\r\n\r\n`,
      );
    assert.strictEqual(await readText(uriOf(LONG.path)), trying);
    let r = await rowWhen('feedback', LONG.title, (x) => x.group === 'Trying', 'the thread to move to Trying');
    assert.deepStrictEqual(
      [r.description, r.icon, r.contextValue],
      [`from Sasha Ivanova · circle back ${IN_14_DAYS}`, 'beaker', 'oneOnOne.feedback.trying'],
    );

    await vscode.commands.executeCommand('oneOnOne.setFeedbackStatus', {
      thread: 'status-updates-are-too-long',
      status: 'circled-back',
      outcome: 'Sasha reads them now',
    });
    const circled = trying
      .replace('status: trying\r\n', 'status: circled-back\r\n')
      .replace('## Circle back\r\n', `## Circle back\r\n\r\n- ${TODAY}: Sasha reads them now\r\n`);
    assert.strictEqual(await readText(uriOf(LONG.path)), circled);
    r = await rowWhen('feedback', LONG.title, (x) => x.group === 'Circled back', 'the thread to move to Circled back');
    assert.deepStrictEqual([r.icon, r.contextValue], ['comment-discussion', 'oneOnOne.feedback.circled-back']);
    assert.deepStrictEqual(menuFor('oneOnOne.feedback', r.contextValue!), ['oneOnOne.setFeedbackStatus@1_status@1']);

    await vscode.commands.executeCommand('oneOnOne.setFeedbackStatus', { thread: LONG.path, status: 'closed' });
    const closed = circled.replace('status: circled-back\r\n', 'status: closed\r\n');
    assert.strictEqual(await readText(uriOf(LONG.path)), closed);
    r = await rowWhen('feedback', LONG.title, (x) => x.group === 'Closed', 'the thread to move to Closed');
    assert.deepStrictEqual([r.icon, r.contextValue], ['check', 'oneOnOne.feedback.closed']);
  });

  it('newFeedbackThread with its arguments object writes who, what was heard, where and when to circle back', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newFeedbackThread', {
      title: 'Design docs run long',
      from: 'sasha-ivanova',
      heard: 'Your design docs are thorough,\n\nbut nobody reads past page two.\n',
      source: 'https://github.com/acme/app/pull/7#discussion_r1',
      circleBack: '2027-01-15',
    });
    assert.strictEqual(uri?.toString(), uriOf('feedback/design-docs-run-long.md').toString());
    assert.strictEqual(
      await readText(uri),
      `---
title: Design docs run long
from: Sasha Ivanova
status: received
received: ${TODAY}
circleBack: 2027-01-15
---

# Design docs run long

## What I heard

> Your design docs are thorough,
>
> but nobody reads past page two.

Source: \`https://github.com/acme/app/pull/7#discussion_r1\`

## What I am trying

## Circle back
`,
    );
    const r = await rowWhen('feedback', 'Design docs run long', () => true, 'the new thread to show');
    assert.deepStrictEqual(
      [r.group, r.description, r.contextValue],
      ['Received', 'from Sasha Ivanova · circle back 2027-01-15', 'oneOnOne.feedback.received'],
    );
  });

  it('newFeedbackThread from the palette, nothing selected, asks what was heard and quotes it', async () => {
    await closeAllEditors();
    const picks = prompts.picks.length;
    const inputs = prompts.inputs.length;
    prompts.typing.push('Standups run long', 'Keep updates to a minute; the details can go in the thread.');
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newFeedbackThread'));
    await prompts.enter(inputs);
    await prompts.choose(picks, SASHA.name);
    const heard = await prompts.enter(inputs + 1);
    assert.strictEqual(
      heard.options.prompt,
      `What did ${SASHA.name} say? It goes under "What I heard" (leave empty to write it in the file)`,
    );
    const uri = await running;
    assert.strictEqual(uri?.toString(), uriOf('feedback/standups-run-long.md').toString());
    const text = await readText(uri);
    assert.ok(text.includes(`from: ${SASHA.name}\n`), text);
    assert.ok(
      text.includes('## What I heard\n\n> Keep updates to a minute; the details can go in the thread.\n'),
      text,
    );
    await closeAllEditors();
  });

  it('newFeedbackThread on a selection quotes it under "What I heard"; setFeedbackStatus from the row moves it to trying, asked', async () => {
    const { services } = await api();
    const notes = vscode.Uri.joinPath(workspaceRoot(), 'review-comment.txt');
    await writeText(
      notes,
      'Review on PR #7:\nYour comments read like orders.\nMaybe ask questions instead?\nThanks!\n',
    );
    const editor = await vscode.window.showTextDocument(notes);
    editor.selection = new vscode.Selection(1, 0, 3, 0);

    const picks = prompts.picks.length;
    const inputs = prompts.inputs.length;
    prompts.typing.push(undefined, 'Jo Park (design)'); // keep the suggested title; type who it was
    const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newFeedbackThread'));
    const title = await prompts.enter(inputs);
    assert.deepStrictEqual(
      [title.options.value, title.value],
      ['Your comments read like orders.', 'Your comments read like orders.'],
    );
    const who = await prompts.choose(picks, 'Someone else…');
    assert.deepStrictEqual(
      who.items.map((i) => i.label),
      [KAI.name, ROBIN.name, SASHA.name, 'Someone else…', 'Skip'],
    );
    const typed = await prompts.enter(inputs + 1);
    assert.strictEqual(typed.value, 'Jo Park (design)');
    const uri = await running;
    const path = 'feedback/your-comments-read-like-orders.md';
    assert.strictEqual(uri?.toString(), uriOf(path).toString());
    const text = `---
title: Your comments read like orders.
from: Jo Park (design)
status: received
received: ${TODAY}
---

# Your comments read like orders.

## What I heard

> Your comments read like orders.
> Maybe ask questions instead?

Source: \`review-comment.txt:2-3\`

## What I am trying

## Circle back
`;
    assert.strictEqual(await readText(uri), text);
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      uri.toString(),
      'the new thread is opened',
    );
    await waitFor(() => services.store.index.get(path), 'the new thread to be indexed');
    await closeAllEditors();

    // Its row's context menu: Set Feedback Status…, the next step first, then what you try and when to circle back.
    const r = await row('feedback', 'Your comments read like orders.');
    const picks2 = prompts.picks.length;
    const inputs2 = prompts.inputs.length;
    prompts.typing.push('Ask a question instead of giving an order');
    const moving = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.setFeedbackStatus', r.node));
    const status = await prompts.pick(picks2);
    assert.deepStrictEqual(
      status.items.map((i) => [i.label, i.description]),
      [
        ['Trying', 'next · trying something; set when to circle back'],
        ['Circled back', 'asked how it is going; write what you learned'],
        ['Closed', 'done with this thread'],
      ],
    );
    assert.strictEqual(status.options.title, 'Your comments read like orders. (Received)');
    await prompts.choose(picks2, 'Trying');
    const trying = await prompts.enter(inputs2);
    assert.strictEqual(trying.value, 'Ask a question instead of giving an order');
    const when = await prompts.enter(inputs2 + 1);
    assert.deepStrictEqual([when.options.value, when.value], [IN_14_DAYS, IN_14_DAYS]);
    assert.strictEqual((await moving)?.toString(), uri.toString());
    assert.strictEqual(
      await readText(uri),
      text
        .replace('status: received\n', 'status: trying\n')
        .replace(`received: ${TODAY}\n`, `received: ${TODAY}\ncircleBack: ${IN_14_DAYS}\n`)
        .replace(
          '## What I am trying\n\n',
          `## What I am trying\n\n- ${TODAY}: Ask a question instead of giving an order\n\n`,
        ),
    );
    const moved = await rowWhen(
      'feedback',
      'Your comments read like orders.',
      (x) => x.group === 'Trying',
      'the thread to move to Trying',
    );
    assert.deepStrictEqual(
      [moved.description, moved.contextValue],
      [`from Jo Park (design) · circle back ${IN_14_DAYS}`, 'oneOnOne.feedback.trying'],
    );
  });

  // --- refusals ------------------------------------------------------------------------------

  it('refuses bad arguments with a message and writes nothing', async () => {
    const before = await snapshot();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'oneOnOne.setGoalStatus',
        { goal: 'no-such-goal', status: 'achieved' },
        'No goal "no-such-goal" in the journal.',
      ],
      [
        'oneOnOne.setGoalStatus',
        { goal: STALE.slug, status: 'done' },
        '"status" must be one of: active, achieved, dropped.',
      ],
      ['oneOnOne.setGoalStatus', { status: 'achieved' }, 'Say which goal: pass "goal" (its file name, path or title).'],
      ['oneOnOne.logGoalProgress', { goal: 'no-such-goal', text: 'x' }, 'No goal "no-such-goal" in the journal.'],
      [
        'oneOnOne.logGoalProgress',
        { goal: STALE.slug, text: 'x', date: '2026-02-30' },
        '"date" must be a date written as YYYY-MM-DD.',
      ],
      [
        'oneOnOne.logGoalProgress',
        { goal: STALE.slug, text: 'x', date: 'yesterday' },
        '"date" must be a date written as YYYY-MM-DD.',
      ],
      [
        'oneOnOne.logGoalProgress',
        { goal: STALE.slug, text: '   ' },
        '"text" must say what happened, e.g. "Ran the Platform design review".',
      ],
      [
        'oneOnOne.newGoal',
        { title: 'Learn Go', target: '31/12/2027' },
        '"target" must be a date written as YYYY-MM-DD.',
      ],
      [
        'oneOnOne.newGoal',
        { title: 'Learn Go', circle: 'galaxy' },
        '"circle" must be one of: individual, collaboration, enabling.',
      ],
      ['oneOnOne.newGoal', { title: '!!!' }, '"title" must be text with at least one letter or digit.'],
      [
        'oneOnOne.newFeedbackThread',
        { title: 'Too quiet', circleBack: 'soon' },
        '"circleBack" must be a date written as YYYY-MM-DD.',
      ],
      ['oneOnOne.newFeedbackThread', { from: 'Robin' }, '"title" is missing.'],
      [
        'oneOnOne.setFeedbackStatus',
        { thread: 'no-such-thread', status: 'trying' },
        'No feedback thread "no-such-thread" in the journal.',
      ],
      [
        'oneOnOne.setFeedbackStatus',
        { thread: DUE.title, status: 'done' },
        '"status" must be one of: received, trying, circled-back, closed.',
      ],
      [
        'oneOnOne.setFeedbackStatus',
        { thread: DUE.title, status: 'trying', circleBack: '2027-02-30' },
        '"circleBack" must be a date written as YYYY-MM-DD.',
      ],
      ['oneOnOne.addToAgenda', { goal: 'no-such-goal' }, 'No goal "no-such-goal" in the journal.'],
      [
        'oneOnOne.addToAgenda',
        { thread: DUE.title, person: 'nobody-here' },
        'No person "nobody-here" in the journal. Add them with "1:1: Add Person".',
      ],
      ['oneOnOne.addToAgenda', {}, 'Say what to add: pass "goal" or "thread".'],
    ];
    for (const [command, args, message] of cases) {
      const messages = prompts.messages.length;
      const result = await vscode.commands.executeCommand(command, args);
      assert.strictEqual(result, undefined, `${command} ${JSON.stringify(args)} returned ${String(result)}`);
      assert.deepStrictEqual(prompts.errorsSince(messages), [message], `${command} ${JSON.stringify(args)}`);
    }
    assert.deepStrictEqual(await snapshot(), before, 'no file changed');
  });

  // --- finishing a meeting --------------------------------------------------------------------

  it('finishMeeting logs the discussed points tagged with a goal into its Progress, once, in the same edit that undo takes back', async function () {
    this.timeout(60_000);
    const { services } = await api();
    const path = meetingPath(SASHA.slug, TODAY);
    const agenda = [
      `- [ ] Walked through the search revamp plan #goal/${STALE.slug}`,
      `- [ ] Not reached: the new hire #goal/${MENTOR.slug}`,
      `- [x] Salary question #goal/${STALE.slug} #private`,
    ];
    await writeText(uriOf(path), meetingText(SASHA.name, TODAY, 'planned', agenda));
    await waitFor(() => services.store.index.get(path)?.agenda.length === 3, 'the meeting to be indexed');
    const staleBefore = await readText(uriOf(STALE.path));
    const mentorBefore = await readText(uriOf(MENTOR.path));

    // code-server saves edited files after a second: off, so the meeting stays unsaved as a user's would.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      // In the meeting, the first point is ticked as it is discussed (not saved yet), then the meeting is finished.
      const editor = await vscode.window.showTextDocument(uriOf(path));
      const line = editor.document.getText().split('\n').indexOf(agenda[0]!);
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(line, 2, line, 5), '[x]')));
      const ticked = editor.document.getText();
      const outcome = await vscode.commands.executeCommand<{ uri: vscode.Uri; next: vscode.Uri | undefined }>(
        'oneOnOne.finishMeeting',
        { takeaways: ['Scope agreed for Q1'] },
      );
      assert.strictEqual(outcome?.uri.toString(), uriOf(path).toString());
      const logged = `- ${TODAY}: Discussed with ${SASHA.name}: Walked through the search revamp plan ([1:1 of ${TODAY}](../${path}))`;
      const staleAfter = staleBefore.replace('\n\n## Notes\n', `\n${logged}\n\n## Notes\n`);
      assert.strictEqual(await readText(uriOf(STALE.path)), staleAfter);
      assert.strictEqual(await readText(uriOf(MENTOR.path)), mentorBefore, 'a point not discussed logs nothing');
      const finished = editor.document.getText();
      assert.strictEqual(
        finished,
        ticked
          .replace('status: planned\n', 'status: done\n')
          .replace('## Notes\n\n', '## Notes\n\n- Scope agreed for Q1\n\n'),
      );
      assert.ok(editor.document.isDirty, 'the meeting had unsaved changes: it stays unsaved');

      // Finishing again adds nothing to the goal, and leaves no empty undo step in the meeting.
      await vscode.commands.executeCommand('oneOnOne.finishMeeting', { takeaways: [] });
      assert.strictEqual(await readText(uriOf(STALE.path)), staleAfter);
      assert.strictEqual(editor.document.getText(), finished);

      // Ctrl+Z in the meeting takes back the whole finish: the meeting and the goal's progress.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      const goal = await vscode.workspace.openTextDocument(uriOf(STALE.path));
      await waitFor(() => editor.document.getText() === ticked, 'undo to take the finish out of the meeting');
      assert.strictEqual(goal.getText(), staleBefore, 'undo takes the progress entry out of the goal');
      assert.ok(await goal.save());
      assert.strictEqual(await readText(uriOf(STALE.path)), staleBefore);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
