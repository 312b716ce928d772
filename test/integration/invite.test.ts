// Calendar invites in a real VS Code: `oneOnOne.importInvite` from each entry
// point (arguments with the invite's text or file, the CodeLens on an open
// .ics, a file dropped on a person in the Meetings tree, the person's context
// menu), what it writes (minimal edits, CRLF and comments kept, undoable,
// idempotent), what it refuses (leaving every byte as it was), and what the
// imported cadence does next: the next meeting on the invite's date, the call
// link on the prep sheet and the reminder's "Join Call".
//
// Longer than 300 lines on purpose: the invites are built here, relative to
// today, by one small builder the tests share, and each entry point is worth a
// test of its own; split in two, the builder and the clean-up would be copied.

import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Reminder } from '../../src/features/before-the-call/reminders';
import {
  api,
  closeAllEditors,
  EXTENSION_ID,
  exists,
  isoDaysFromToday,
  journalUri,
  readBytes,
  readText,
  rows,
  waitFor,
  workspaceRoot,
  writeText,
} from './helpers';
import { MessageSpy } from './message-spy';

const LA = 'America/Los_Angeles';
const MEET = 'https://meet.google.com/abc-defg-hij';
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

// --- dates, relative to today (local calendar dates, as the journal plans) --

const pad = (n: number): string => String(n).padStart(2, '0');
const parts = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];
function plusDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(y, m - 1, d + days, 12);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}
const weekday = (date: string): number => new Date(parts(date)[0], parts(date)[1] - 1, parts(date)[2], 12).getDay();
const utc = (date: string): number => Date.UTC(parts(date)[0], parts(date)[1] - 1, parts(date)[2]);
const daysBetween = (a: string, b: string): number => Math.round((utc(b) - utc(a)) / 86_400_000);
const compact = (date: string): string => date.replace(/-/g, '');

const TODAY = isoDaysFromToday(0);
/**
 * The series meets every two weeks on the weekday three days from now: never
 * within two days of today, so the next meeting is the same whichever zone's
 * today counts (this computer's or the invite's).
 */
const DAY = weekday(plusDays(TODAY, 3));
const RULE = `FREQ=WEEKLY;INTERVAL=2;BYDAY=${['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][DAY]}`;
/** The series' first date, four weeks ago or a little more. */
let START = plusDays(TODAY, -28);
while (weekday(START) !== DAY) START = plusDays(START, -1);
/** The series' dates from today on, found by walking the days: that weekday, an even number of weeks after START. */
const UPCOMING: string[] = [];
for (let d = TODAY; UPCOMING.length < 2; d = plusDays(d, 1))
  if (weekday(d) === DAY && daysBetween(START, d) % 14 === 0) UPCOMING.push(d);
const [U1, U2] = UPCOMING as [string, string];

/** The instant a wall-clock time on `date` happens in `zone`, found with Intl alone. */
function instantIn(date: string, hour: number, minute: number, zone: string): Date {
  const [y, m, d] = parts(date);
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' },
  });
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = Object.fromEntries(format.formatToParts(new Date(guess)).map((x) => [x.type, Number(x.value)]));
    guess += wanted - Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!);
  }
  return new Date(guess);
}

// --- invites ----------------------------------------------------------------

interface Spec {
  readonly start?: string;
  readonly time?: string; // HHMM in the TZID's zone
  readonly tzid?: string;
  readonly rule?: string | null; // null: a single meeting
  readonly props?: readonly string[]; // more lines of the series' VEVENT
  readonly before?: readonly string[]; // lines before it (a VTIMEZONE)
  readonly after?: readonly string[]; // lines after it (changed instances)
}

const UID = 'one-on-one-invite-test@example.com';
const at = (date: string, time: string): string => `${compact(date)}T${time}00`;
function ics(spec: Spec = {}): string {
  const tzid = spec.tzid ?? LA;
  const time = spec.time ?? '1000';
  const [hh, mm] = [Number(time.slice(0, 2)), Number(time.slice(2))];
  const end = `${pad(hh + Math.floor((mm + 30) / 60))}${pad((mm + 30) % 60)}`; // 30 minutes
  const day = spec.start ?? START;
  const rule = spec.rule === undefined ? RULE : spec.rule;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    ...(spec.before ?? []),
    'BEGIN:VEVENT',
    `UID:${UID}`,
    'SUMMARY:1:1',
    `DTSTART;TZID=${tzid}:${at(day, time)}`,
    `DTEND;TZID=${tzid}:${at(day, end)}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    ...(spec.props ?? []),
    'END:VEVENT',
    ...(spec.after ?? []),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
const exdate = (date: string): string => `EXDATE;TZID=${LA}:${at(date, '1000')}`;
/** The series' instance on `from` at `time`, moved to `to` at 14:00, or cancelled. */
function instance(from: string, to: string | 'cancelled', time: string): string[] {
  const change =
    to === 'cancelled'
      ? [`DTSTART;TZID=${LA}:${at(from, time)}`, 'STATUS:CANCELLED']
      : [`DTSTART;TZID=${LA}:${at(to, '1400')}`, `DTEND;TZID=${LA}:${at(to, '1430')}`];
  return ['BEGIN:VEVENT', `UID:${UID}`, `RECURRENCE-ID;TZID=${LA}:${at(from, time)}`, ...change, 'END:VEVENT'];
}
const VTIMEZONE = [
  ...['BEGIN:VTIMEZONE', `TZID:${LA}`, 'BEGIN:DAYLIGHT', 'TZOFFSETFROM:-0800', 'TZOFFSETTO:-0700', 'TZNAME:PDT'],
  ...['DTSTART:19700308T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'END:DAYLIGHT', 'BEGIN:STANDARD'],
  ...['TZOFFSETFROM:-0700', 'TZOFFSETTO:-0800', 'TZNAME:PST', 'DTSTART:19701101T020000'],
  ...['RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'END:STANDARD', 'END:VTIMEZONE'],
];
/** The series with a Meet link, one past and one upcoming date excluded. */
const WITH_MEET = ics({ props: [`X-GOOGLE-CONFERENCE:${MEET}`, exdate(plusDays(START, 14)), exdate(U1)] });

// --- the journal ------------------------------------------------------------

const personText = (name: string): string =>
  ['---', `name: ${name}`, 'role: report', 'cadence: weekly', 'weekday: tuesday', 'time: "09:00"', '---']
    .concat(['', `# ${name}`, '', 'Notes that must not change.', ''])
    .join('\n');

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  assert.ok(m, `no front matter in:\n${text}`);
  return parse(m[1]!) as Record<string, unknown>;
}
const body = (text: string): string => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('calendar invite import (oneOnOne.importInvite)', () => {
  const messages = new MessageSpy();
  const made: vscode.Uri[] = [];
  const slugs: string[] = [];
  // Reminder claims live in the extension's global storage: people reminded of get a fresh slug per run.
  const RUN = Math.random().toString(36).slice(2, 8);

  async function addPerson(name: string, slug: string, text = personText(name)): Promise<vscode.Uri> {
    const { services } = await api();
    const uri = journalUri('people', `${slug}.md`);
    await writeText(uri, text);
    made.push(uri, journalUri('meetings', slug));
    slugs.push(slug);
    await waitFor(() => services.store.index.findPerson(slug)?.name === name, `${slug} to be indexed`);
    return uri;
  }
  async function inviteFile(name: string, contents: string | Uint8Array): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'invites', name);
    await vscode.workspace.fs.writeFile(
      uri,
      typeof contents === 'string' ? new TextEncoder().encode(contents) : contents,
    );
    made.push(uri);
    return uri;
  }
  const importInvite = (args: object): Thenable<vscode.Uri | undefined> =>
    vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.importInvite', args);
  const infosSince = (n: number): string[] =>
    messages.shown
      .slice(n)
      .filter((m) => m.level === 'info')
      .map((m) => m.text);
  const listing = async (): Promise<string> => {
    const names = async (uri: vscode.Uri): Promise<string[]> =>
      (await vscode.workspace.fs.readDirectory(uri)).map(([n]) => n).sort();
    const meetings = await names(journalUri('meetings'));
    const inside = await Promise.all(
      meetings.map(async (m) => `${m}/${(await names(journalUri('meetings', m))).join()}`),
    );
    return JSON.stringify([await names(journalUri('people')), inside]);
  };

  /** Answers the prompts of `vscode.window` a command opens while `run` runs: a quick pick by label, a message by button. */
  async function answering<T>(
    answers: { pick?: string; button?: string },
    run: () => Thenable<T>,
  ): Promise<{ result: T; picks: string[][]; buttons: string[][] }> {
    const window = vscode.window as unknown as Record<string, unknown>;
    const [pick, info] = [window['showQuickPick'], window['showInformationMessage']];
    const picks: string[][] = [];
    const buttons: string[][] = [];
    window['showQuickPick'] = async (items: unknown) => {
      const list = (await Promise.resolve(items)) as vscode.QuickPickItem[];
      picks.push(list.map((i) => i.label));
      return list.find((i) => i.label === answers.pick);
    };
    window['showInformationMessage'] = (text: string, ...items: unknown[]) => {
      const offered = items.filter((i): i is string => typeof i === 'string');
      buttons.push(offered);
      void (info as (text: string) => Thenable<unknown>)(text);
      return Promise.resolve(offered.find((b) => b === answers.button));
    };
    try {
      return { result: await run(), picks, buttons };
    } finally {
      window['showQuickPick'] = pick;
      window['showInformationMessage'] = info;
    }
  }

  let realNow: (() => Date) | undefined;

  before(async () => {
    await api();
    messages.install();
  });

  afterEach(async () => {
    const { services } = await api();
    if (realNow) services.clock.now = realNow;
    realNow = undefined;
    await closeAllEditors();
  });

  after(async () => {
    messages.restore();
    await closeAllEditors();
    made.push(journalUri('people', 'jo-newcomer.md'), journalUri('meetings', 'jo-newcomer'));
    made.push(vscode.Uri.joinPath(workspaceRoot(), 'invites'));
    for (const uri of made.reverse())
      await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    const { services } = await api();
    await waitFor(
      () => ![...slugs, 'jo-newcomer'].some((s) => services.store.index.findPerson(s)),
      'the people of this suite to leave the index',
    );
  });

  it('{ person, text }: writes the cadence, zone, dates and call link; newMeeting then plans the invite’s next date', async () => {
    const uri = await addPerson('Noor Haddad', 'noor-haddad');
    const before = await readText(uri);
    const n = messages.shown.length;
    const result = await importInvite({ person: 'Noor Haddad', text: WITH_MEET });
    assert.strictEqual(result?.toString(), uri.toString());
    assert.deepStrictEqual(messages.errorsSince(n), []);
    const after = await readText(uri);
    assert.deepStrictEqual(frontMatter(after), {
      name: 'Noor Haddad',
      role: 'report',
      cadence: RULE,
      time: '10:00',
      starts: START,
      duration: 30,
      timezone: LA,
      skip: U1, // the past EXDATE is not written: planning starts today
      call: MEET,
    });
    assert.ok(!/^weekday:/m.test(after), 'weekday is removed');
    assert.strictEqual(body(after), body(before), 'the body is byte-identical');
    assert.ok(
      infosSince(n).some((m) => m.includes(`next 1:1 on ${U2}`)),
      `the next date is announced: ${infosSince(n).join(' | ')}`,
    );

    // The same invite again: nothing to change, not a byte.
    const bytes = await readBytes(uri);
    const m = messages.shown.length;
    assert.strictEqual((await importInvite({ person: 'noor-haddad', text: WITH_MEET }))?.toString(), uri.toString());
    assert.deepStrictEqual(await readBytes(uri), bytes);
    assert.ok(
      infosSince(m).some((t) => /already follows this invite; nothing changed/.test(t)),
      infosSince(m).join(),
    );

    // U1 is excluded: the next 1:1 is the one after it, two weeks on.
    const meeting = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', { person: 'noor-haddad' });
    assert.strictEqual(meeting?.toString(), journalUri('meetings', 'noor-haddad', `${U2}.md`).toString());
    assert.ok(await exists(meeting));

    // The prep sheet of that meeting carries the invite's call link.
    const { services } = await api();
    await waitFor(() => services.store.index.get(`meetings/noor-haddad/${U2}.md`), 'the new meeting to be indexed');
    const prep = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openPrepSheet', {
      person: 'noor-haddad',
      date: U2,
    });
    assert.ok(prep);
    const sheet = await vscode.workspace.openTextDocument(prep);
    await waitFor(() => sheet.getText().includes(`Join the call: <${MEET}>`), `the call link on:\n${sheet.getText()}`);
  });

  it('{ person, file }: an absolute path and a path relative to the workspace folder', async () => {
    const outlook = ics({
      tzid: 'Pacific Standard Time',
      props: [`X-MICROSOFT-SKYPETEAMSMEETINGURL:${TEAMS}`],
    });
    const file = await inviteFile('outlook.ics', outlook);
    const absolute = await addPerson('Ravi Shah', 'ravi-shah');
    assert.ok(path.isAbsolute(file.fsPath));
    assert.strictEqual(
      (await importInvite({ person: 'ravi-shah', file: file.fsPath }))?.toString(),
      absolute.toString(),
    );
    const relative = await addPerson('Lena Ortiz', 'lena-ortiz');
    assert.strictEqual(
      (await importInvite({ person: 'lena-ortiz', file: 'invites/outlook.ics' }))?.toString(),
      relative.toString(),
    );
    for (const uri of [absolute, relative]) {
      const fm = frontMatter(await readText(uri));
      // The Windows zone name is written as its IANA name; the Teams link is the call.
      assert.deepStrictEqual([fm['cadence'], fm['timezone'], fm['time'], fm['call']], [RULE, LA, '10:00', TEAMS]);
    }
  });

  it('a CodeLens above an open invite’s first event imports it; the person is asked, invited people first', async () => {
    const mina = await addPerson('Mina Kato', 'mina-kato');
    const people = [
      'ORGANIZER;CN=Jo Newcomer:mailto:jo@example.com',
      'ATTENDEE;CN=Mina Kato;ROLE=REQ-PARTICIPANT:mailto:mina@example.com',
      `X-GOOGLE-CONFERENCE:${MEET}`,
    ];
    const text = ics({ before: VTIMEZONE, props: people });
    const file = await inviteFile('lens.ics', text);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor(
      async () =>
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file))?.filter(
          (l) => l.command?.command === 'oneOnOne.importInvite',
        ),
      'the import lens',
    );
    assert.strictEqual(lenses.length, 1);
    const lens = lenses[0]!;
    assert.strictEqual(lens.range.start.line, text.split('\r\n').indexOf('BEGIN:VEVENT'));
    assert.ok(lens.command!.title.includes('Import as a 1:1 cadence…'), lens.command!.title);
    assert.deepStrictEqual(lens.command!.arguments, [{ text: document.getText() }]);

    const run = (): Thenable<vscode.Uri | undefined> =>
      vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!);
    const first = await answering({ pick: 'Mina Kato' }, run);
    const labels = first.picks[0]!;
    assert.strictEqual(labels[0], 'Mina Kato', labels.join(' | '));
    const others = labels.indexOf('Everyone else');
    assert.ok(labels.indexOf('$(person-add) Add Jo Newcomer') > 0, labels.join(' | '));
    assert.ok(labels.indexOf('$(person-add) Add Jo Newcomer') < others, labels.join(' | '));
    assert.ok(labels.indexOf('Alex Kim') > others, labels.join(' | '));
    assert.strictEqual(first.result?.toString(), mina.toString());
    assert.deepStrictEqual(Object.keys(frontMatter(await readText(mina))).sort(), [
      ...['cadence', 'call', 'duration', 'name', 'role', 'starts', 'time', 'timezone'],
    ]);

    // "Add Jo Newcomer": a new person file with the invite's cadence and the e-mail to know them by.
    const second = await answering({ pick: '$(person-add) Add Jo Newcomer' }, run);
    const jo = journalUri('people', 'jo-newcomer.md');
    assert.strictEqual(second.result?.toString(), jo.toString());
    const fm = frontMatter(await readText(jo));
    assert.deepStrictEqual(
      [fm['name'], fm['email'], fm['cadence'], fm['timezone']],
      ['Jo Newcomer', 'jo@example.com', RULE, LA],
    );
  });

  it('a meeting already planned on a date the invite skips is named in a warning, and stays as it was', async () => {
    await addPerson('Ola Berg', 'ola-berg');
    const planned = journalUri('meetings', 'ola-berg', `${U1}.md`);
    const text = `---\ndate: ${U1}\nstatus: planned\n---\n\n# 1:1 with Ola Berg — ${U1}\n\n## Agenda\n\n- [ ] Jotted already\n`;
    await writeText(planned, text);
    const { services } = await api();
    await waitFor(() => services.store.index.get(`meetings/ola-berg/${U1}.md`), 'the planned meeting to be indexed');
    const n = messages.shown.length;
    await importInvite({ person: 'ola-berg', text: ics({ props: [exdate(U1)] }) });
    const warnings = messages.shown.slice(n).filter((m) => m.level === 'warning');
    assert.strictEqual(warnings.length, 1, JSON.stringify(messages.shown.slice(n)));
    assert.ok(warnings[0]!.text.includes(`meetings/ola-berg/${U1}.md`), warnings[0]!.text);
    assert.strictEqual(await readText(planned), text, 'the meeting file is left for the user to decide');
  });

  it('a person the invite names by e-mail, whose file has another name, is offered once, never to add again', async () => {
    await addPerson('Kai Probe', 'kprobe', '---\nname: Kai Probe\nemail: kai@example.com\n---\n\n# Kai Probe\n');
    const text = ics({ props: ['ATTENDEE;CN=Kai Probe:mailto:kai@example.com'] });
    const asked = await answering({}, () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.importInvite', { text }),
    );
    const labels = asked.picks[0]!;
    assert.strictEqual(labels[0], 'Kai Probe', labels.join(' | '));
    assert.ok(!labels.some((l) => l.includes('Add Kai Probe')), labels.join(' | '));
    assert.strictEqual(asked.result, undefined, 'nothing picked, nothing imported');
  });

  it('an .ics dropped on a person row of the Meetings tree imports it for that person', async () => {
    const { trees } = await api();
    const uri = await addPerson('Tomas Berg', 'tomas-berg');
    const file = await inviteFile('drop.ics', WITH_MEET);
    const row = await waitFor(
      async () => (await rows(trees!.meetings)).find((r) => r.label === 'Tomas Berg'),
      'the person row',
    );
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(file.toString()));
    assert.ok(trees!.dragAndDrop.dropMimeTypes.includes('text/uri-list'));
    await trees!.dragAndDrop.handleDrop(row.node, data);
    const fm = frontMatter(await readText(uri));
    assert.deepStrictEqual([fm['cadence'], fm['timezone'], fm['skip'], fm['call']], [RULE, LA, U1, MEET]);
  });

  it('the person’s context menu in the Meetings view offers the import', async () => {
    const { trees } = await api();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const entry = manifest.contributes.menus['view/item/context']!.find((m) => m.command === 'oneOnOne.importInvite');
    assert.ok(entry?.when, 'oneOnOne.importInvite is in view/item/context');
    assert.ok(entry.when.includes('view == oneOnOne.meetings'), entry.when);
    const viewItem = /viewItem =~ \/(.+?)\/(\s|$)/.exec(entry.when);
    assert.ok(viewItem, entry.when);
    // The when clause matches a person row as the tree gives it, and no other root row.
    const person = (await rows(trees!.meetings)).find((r) => r.label === 'Alex Kim');
    assert.ok(person && new RegExp(viewItem[1]!).test(person.contextValue ?? ''), person?.contextValue);
    assert.ok(!new RegExp(viewItem[1]!).test('oneOnOne.meeting'));
    assert.ok(manifest.contributes.menus['commandPalette']!.some((m) => m.command === 'oneOnOne.importInvite'));
  });

  it('an updated invite changes only the lines it changed; a moved meeting moves the next one', async () => {
    const uri = await addPerson('Owen Park', 'owen-park');
    assert.ok(await importInvite({ person: 'owen-park', text: ics() }));
    // Quotes aside (the value written is the product's to choose), lines are compared as they are.
    const lines = async (): Promise<string[]> => (await readText(uri)).replace(/"/g, '').split('\n');
    const before = await lines();
    // Now at 11:00, the next meeting moved to the day after at 14:00, the one after that cancelled, one date added.
    const extra = `${plusDays(U2, 2)} 15:00`;
    const updated = ics({
      time: '1100',
      props: [`RDATE;TZID=${LA}:${at(plusDays(U2, 2), '1500')}`],
      after: [...instance(U1, plusDays(U1, 1), '1100'), ...instance(U2, 'cancelled', '1100')],
    });
    assert.ok(await importInvite({ person: 'owen-park', text: updated }));
    const after = await lines();
    const removed = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    assert.deepStrictEqual(removed, ['time: 10:00'], `removed: ${removed.join(' | ')}`);
    assert.deepStrictEqual(added.sort(), [
      `extra: ${extra}`,
      `moved: ${U1} to ${plusDays(U1, 1)} 14:00`,
      `skip: ${U2}`,
      'time: 11:00',
    ]);
    const kept = (all: string[], changed: string[]): string[] => all.filter((l) => !changed.includes(l));
    assert.deepStrictEqual(kept(after, added), kept(before, removed), 'every other line as it was, in order');
    const meeting = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', { person: 'owen-park' });
    assert.strictEqual(meeting?.toString(), journalUri('meetings', 'owen-park', `${plusDays(U1, 1)}.md`).toString());
  });

  it('a CRLF person file with comments and keys of its own stays CRLF and keeps them', async () => {
    const lines = ['---', '# kept by hand', 'name: Cleo Brandt', 'role: peer', 'snack: pretzels # mine'];
    const text = [...lines, 'cadence: weekly', 'weekday: thursday', '---', '', '# Cleo', '', 'Notes.', ''].join('\r\n');
    const uri = await addPerson('Cleo Brandt', 'cleo-brandt', text);
    assert.ok(await importInvite({ person: 'cleo-brandt', text: WITH_MEET }));
    const after = await readText(uri);
    assert.ok(!/[^\r]\n/.test(after), `every line still ends in CRLF:\n${JSON.stringify(after)}`);
    assert.ok(after.startsWith(`${lines.join('\r\n')}\r\ncadence: ${RULE}\r\n`), JSON.stringify(after));
    assert.ok(after.endsWith('---\r\n\r\n# Cleo\r\n\r\nNotes.\r\n'), JSON.stringify(after));
    assert.ok(!after.includes('weekday'));
    assert.strictEqual(frontMatter(after)['timezone'], LA);
  });

  it('into an editor with unsaved changes, the import lands in the editor, stays unsaved and undoes', async () => {
    const uri = await addPerson('Ugo Bianchi', 'ugo-bianchi');
    const disk = await readBytes(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), 'Typed, not saved.\n'));
    const typed = document.getText();
    assert.ok(document.isDirty);
    assert.ok(await importInvite({ person: 'ugo-bianchi', text: WITH_MEET }));
    assert.ok(document.isDirty, 'the editor still has unsaved changes');
    assert.ok(document.getText().includes(`timezone: ${LA}\n`), document.getText());
    assert.ok(document.getText().endsWith('Typed, not saved.\n'));
    assert.deepStrictEqual(await readBytes(uri), disk, 'nothing was saved');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === typed, 'undo to take the import back, and only it');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, 'the editor to be reverted');
  });

  it('a single meeting sets no cadence: it offers to plan that date', async () => {
    const uri = await addPerson('Sia Moreno', 'sia-moreno');
    const bytes = await readBytes(uri);
    const date = plusDays(TODAY, 10);
    const single = ics({ start: date, time: '1500', rule: null });
    const declined = await answering({}, () => importInvite({ person: 'sia-moreno', text: single }));
    assert.strictEqual(declined.result, undefined);
    assert.deepStrictEqual(declined.buttons, [[`Plan ${date}`]]);
    const planned = await answering({ button: `Plan ${date}` }, () =>
      importInvite({ person: 'sia-moreno', text: single }),
    );
    assert.strictEqual(planned.result?.toString(), journalUri('meetings', 'sia-moreno', `${date}.md`).toString());
    assert.ok(await exists(planned.result!));
    assert.deepStrictEqual(await readBytes(uri), bytes, 'the person file is not changed');
  });

  it('refuses bad invites with a message, leaving the person file byte-identical and creating no file', async () => {
    const uri = await addPerson('Bea Lund', 'bea-lund');
    const bytes = await readBytes(uri);
    const yearAgo = compact(plusDays(TODAY, -365));
    const good = ics().split('\r\n');
    const malformed = [...good.slice(0, 5), 'THIS LINE IS NOT A PROPERTY', ...good.slice(5)].join('\r\n');
    const nul = await inviteFile('nul.ics', new Uint8Array([...new TextEncoder().encode(ics()), 0, 0]));
    const big = await inviteFile('big.ics', ics({ props: [`DESCRIPTION:${'x'.repeat(1_100_000)}`] }));
    const cases: [string, object, RegExp][] = [
      [
        'ended (UNTIL)',
        { text: ics({ start: plusDays(START, -728), rule: `${RULE};UNTIL=${yearAgo}T000000Z` }) },
        /has ended/,
      ],
      ['ended (COUNT)', { text: ics({ start: plusDays(START, -728), rule: `${RULE};COUNT=3` }) }, /has ended/],
      ['no VEVENT', { text: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' }, /no event in it \(no VEVENT\)/],
      ['unknown TZID', { text: ics({ tzid: 'Mars/Olympus_Mons' }) }, /time zone "Mars\/Olympus_Mons" is not one/],
      ['malformed line', { text: malformed }, /^Line 6 of the invite is malformed/],
      ['NUL bytes in the text', { text: `${ics()}\u0000` }, /NUL bytes/],
      [
        'NUL bytes in the file',
        { file: nul.fsPath },
        /is not a calendar invite: it looks binary \(it contains NUL bytes\)/,
      ],
      ['over 1 MB in the file', { file: big.fsPath }, /is 1\.\d\d MB, over the 1 MB an invite may be/],
      ['over 1 MB', { text: ics({ props: [`DESCRIPTION:${'x'.repeat(1_100_000)}`] }) }, /over 1 MB/],
    ];
    const files = await listing();
    for (const [what, args, message] of cases) {
      const n = messages.shown.length;
      assert.strictEqual(await importInvite({ person: 'bea-lund', ...args }), undefined, what);
      const errors = messages.errorsSince(n);
      assert.ok(errors.length === 1 && message.test(errors[0]!), `${what}: ${errors.join(' | ')}`);
      assert.deepStrictEqual(await readBytes(uri), bytes, `${what}: the person file is unchanged`);
      assert.strictEqual(await listing(), files, `${what}: no file was created`);
    }
  });

  it('the reminder offers "Join Call" when the invite had a call link, and not without', async () => {
    const { services, beforeTheCall } = await api();
    const withCall = `nadia-call-${RUN}`;
    const without = `omar-nocall-${RUN}`;
    await addPerson('Nadia Call', withCall);
    await addPerson('Omar Nocall', without);
    assert.ok(await importInvite({ person: withCall, text: WITH_MEET }));
    assert.ok(await importInvite({ person: without, text: ics() }));
    const seen: Reminder[] = [];
    const sub = beforeTheCall!.reminders.onDidRemind((r) => seen.push(r));
    try {
      // Five minutes before U2, 10:00 in Los Angeles.
      const fiveBefore = new Date(instantIn(U2, 10, 0, LA).getTime() - 5 * 60_000);
      realNow = services.clock.now;
      services.clock.now = () => new Date(fiveBefore.getTime());
      await beforeTheCall!.reminders.check();
      await beforeTheCall!.reminders.check();
      const of = (slug: string): Reminder | undefined => seen.find((r) => r.slot.person === slug);
      await waitFor(() => of(withCall) && of(without), 'both reminders');
      assert.strictEqual(of(withCall)!.slot.date, U2);
      assert.deepStrictEqual(of(withCall)!.actions, ['Open Agenda', 'Join Call', 'Snooze 5 min']);
      assert.strictEqual(of(withCall)!.slot.call, MEET);
      assert.deepStrictEqual(of(without)!.actions, ['Open Agenda', 'Snooze 5 min']);
      assert.strictEqual(of(without)!.slot.call, undefined);
      assert.match(of(withCall)!.message, /^1:1 with Nadia Call in 5 minutes/);
    } finally {
      sub.dispose();
    }
  });
});
