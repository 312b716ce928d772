// Follow-through in a real VS Code, on a clock the tests control: the Open
// Items view and its badge, ticking an action item done from it, the nudge to
// finish a meeting once it ended, and the daily reminder of what is due —
// each once across windows, and neither when its setting is off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Nudge } from '../../src/features/follow-through/nudges';
import { api, isoDaysFromToday, journalUri, readText, waitFor, writeText } from './helpers';
import { MessageSpy } from './message-spy';

const SLUG = 'fay-follow';
const TODAY = isoDaysFromToday(0);
const LATE = isoDaysFromToday(-3);
const SOON = isoDaysFromToday(4);
const PAST = isoDaysFromToday(-7);
const PAST_MEETING = [
  '## Action items',
  '',
  `- [ ] Me: send Fay the rota (due ${LATE})`,
  `- [ ] Fay Follow: review my RFC (due ${SOON})`,
  '',
].join('\n');

function at(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, hour, minute);
}

describe('follow-through: open items, the badge and the nudges', () => {
  const messages = new MessageSpy();
  let realNow: (() => Date) | undefined;

  async function follow() {
    const journal = await api();
    assert.ok(journal.followThrough, 'the follow-through feature is activated');
    return journal.followThrough;
  }

  async function setClock(when: Date): Promise<void> {
    const { services } = await api();
    realNow ??= services.clock.now;
    services.clock.now = () => new Date(when.getTime());
  }

  /**
   * Every nudge this window shows from now on, timer ticks included: a test starts it before it moves the clock or
   * turns a nudge on, as the extension's own ticks (a file change, the window's focus) may come first and claim it.
   */
  async function recordNudges(): Promise<{ seen: Nudge[]; tick(): Promise<void>; dispose(): void }> {
    const f = await follow();
    const seen: Nudge[] = [];
    const subscription = f.nudges.onDidNudge((n) => seen.push(n));
    return {
      seen,
      async tick() {
        await f.tick();
        await new Promise((r) => setTimeout(r, 200));
      },
      dispose: () => subscription.dispose(),
    };
  }

  /** The runner turns both off for every suite (index.ts); this suite is where they run. */
  async function setNudges(on: boolean): Promise<void> {
    const config = vscode.workspace.getConfiguration('oneOnOne');
    await config.update('dueReminder', on, vscode.ConfigurationTarget.Global);
    await config.update('closeOutNudge', on, vscode.ConfigurationTarget.Global);
  }

  before(async () => {
    // Before Fay's 1:1 of today ends (10:30), whatever the time of the run: a tick of the first tests on the real
    // clock after 10:30 claimed its close-out before the test that looks for it.
    await setClock(at(TODAY, 9, 0));
    await setNudges(true);
    messages.install();
    const { services } = await api();
    await writeText(
      journalUri('people', `${SLUG}.md`),
      '---\nname: Fay Follow\nrole: peer\ncadence: weekly\ntime: "10:00"\nduration: 30\n---\n',
    );
    await writeText(journalUri('meetings', SLUG, `${PAST}.md`), PAST_MEETING);
    await writeText(
      journalUri('meetings', SLUG, `${TODAY}.md`),
      `---\ndate: ${TODAY}\nstatus: planned\n---\n\n## Agenda\n`,
    );
    await waitFor(
      () =>
        services.store.index.get(`meetings/${SLUG}/${PAST}.md`)?.actions.length === 2 &&
        services.store.index.get(`meetings/${SLUG}/${TODAY}.md`),
      'the meetings to be indexed',
    );
  });

  after(async () => {
    messages.restore();
    const { services } = await api();
    if (realNow) services.clock.now = realNow;
    await vscode.workspace.fs
      .delete(journalUri('meetings', SLUG), { recursive: true })
      .then(undefined, () => undefined);
    await vscode.workspace.fs.delete(journalUri('people', `${SLUG}.md`)).then(undefined, () => undefined);
    await setNudges(false);
  });

  it('lists the open action items, overdue first, mine and theirs; the badge counts mine due today or late', async () => {
    const f = await follow();
    await f.tick();
    const rows = f.openItems.current().filter((i) => i.path.startsWith(`meetings/${SLUG}/`));
    assert.deepStrictEqual(
      rows.map((i) => [i.text, i.due, i.mine]),
      [
        [`Me: send Fay the rota (due ${LATE})`, LATE, true],
        [`Fay Follow: review my RFC (due ${SOON})`, SOON, false],
      ],
    );
    const mineDue = f.openItems.current().filter((i) => i.mine && i.due !== undefined && i.due <= TODAY).length;
    assert.strictEqual(f.badge()?.value, mineDue);
    const item = await f.openItems.getTreeItem(rows[0]!);
    assert.match(String(item.description), /Fay Follow · 3 days late/);
  });

  it('ticking an action item done there writes its [x], and it leaves the list and the badge', async () => {
    const f = await follow();
    const before = f.badge()?.value ?? 0;
    const late = f.openItems.current().find((i) => i.text.startsWith('Me: send Fay the rota'))!;
    assert.ok(await f.tickDone(late));
    assert.strictEqual(
      await readText(journalUri('meetings', SLUG, `${PAST}.md`)),
      PAST_MEETING.replace('- [ ] Me: send Fay', '- [x] Me: send Fay'),
    );
    await waitFor(async () => {
      await f.tick();
      return !f.openItems.current().some((i) => i.text.startsWith('Me: send Fay the rota'));
    }, 'the ticked item to leave the list');
    assert.strictEqual(f.badge()?.value ?? 0, before - 1);
  });

  it('once the meeting ended, offers Finish Meeting once, across windows; not with the setting off', async () => {
    const f = await follow();
    const config = vscode.workspace.getConfiguration('oneOnOne');
    await config.update('closeOutNudge', false, vscode.ConfigurationTarget.Global);
    const nudges = await recordNudges();
    const closeOuts = () => nudges.seen.filter((n) => n.kind === 'close-out' && n.message.includes('Fay Follow'));
    try {
      await setClock(at(TODAY, 10, 35));
      await nudges.tick();
      assert.deepStrictEqual(
        nudges.seen.filter((n) => n.kind === 'close-out'),
        [],
      );
      await config.update('closeOutNudge', true, vscode.ConfigurationTarget.Global);
      await nudges.tick();
      assert.strictEqual(closeOuts().length, 1, JSON.stringify(nudges.seen));
      assert.deepStrictEqual(closeOuts()[0]!.actions, ['Finish Meeting…']);
      await nudges.tick();
      assert.strictEqual(closeOuts().length, 1, `once: ${JSON.stringify(nudges.seen)}`);
    } finally {
      nudges.dispose();
    }
    const other = f.newWindowNudges('another-window');
    const seen: Nudge[] = [];
    other.onDidNudge((n) => seen.push(n));
    await other.check([]);
    assert.deepStrictEqual(
      seen.filter((n) => n.message.includes('Fay Follow')),
      [],
    );
    other.dispose();
  });

  it('reminds once a day of what of mine is due, across windows', async () => {
    const f = await follow();
    const nudges = await recordNudges();
    const due = () => nudges.seen.filter((n) => n.kind === 'due');
    try {
      // A day of its own, so no earlier tick of this run claimed it.
      await setClock(at('2031-03-04', 9, 0));
      await nudges.tick();
      assert.strictEqual(due().length, 1, JSON.stringify(nudges.seen));
      assert.match(due()[0]!.message, /of yours due today or late/);
      assert.deepStrictEqual(due()[0]!.actions, ['Show Open Items']);
      await nudges.tick();
      assert.strictEqual(due().length, 1, `once: ${JSON.stringify(nudges.seen)}`);
    } finally {
      nudges.dispose();
    }
    const other = f.newWindowNudges('another-window-2');
    const seen: Nudge[] = [];
    other.onDidNudge((n) => seen.push(n));
    await other.check(f.openItems.needsMe());
    assert.deepStrictEqual(seen, []);
    other.dispose();
  });
});
