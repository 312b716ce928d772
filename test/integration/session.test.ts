// Before and after the call, in a real VS Code: the agenda beside its prep
// sheet, carry-forward, finishing a meeting, the shareable agenda, the
// CodeLens, and (on a clock the tests control) the status-bar countdown and
// the reminders.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { JournalEntry } from '../../src/core/journal-entry';
import type { TestApi } from '../../src/features';
import type { Reminder } from '../../src/features/before-the-call/reminders';
import { api, closeAllEditors, exists, journalUri, readText, waitFor, workspaceRoot, writeText } from './helpers';

type Session = TestApi['meetings'] & TestApi['beforeTheCall'];

async function session(): Promise<Session> {
  const journal = await api();
  assert.ok(journal.meetings && journal.beforeTheCall, 'the meeting features are activated');
  return { ...journal.meetings, ...journal.beforeTheCall };
}

/** A local wall-clock instant. */
function at(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, hour, minute);
}

/** Replaces the extension's clock; `restoreClock` puts the real one back. */
let realNow: (() => Date) | undefined;
async function setClock(date: string, hour: number, minute: number): Promise<void> {
  const { services } = await api();
  realNow ??= services.clock.now;
  const fixed = at(date, hour, minute);
  services.clock.now = () => new Date(fixed.getTime());
}
async function restoreClock(): Promise<void> {
  const { services } = await api();
  if (realNow) services.clock.now = realNow;
  realNow = undefined;
}

/** Carry ids differ by text; compare files with them written as `carry-ID`. */
function normalizeIds(text: string): string {
  return text.replace(/#carry-[a-z0-9]+\)/g, '#carry-ID)');
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function meeting(slug: string, date: string): vscode.Uri {
  return journalUri('meetings', slug, `${date}.md`);
}

/** Writes a meeting file and waits until the index has it (and `ready`, when given, holds). */
async function writeMeeting(
  slug: string,
  date: string,
  text: string,
  ready?: (entry: JournalEntry) => boolean,
): Promise<vscode.Uri> {
  const { services } = await api();
  const uri = meeting(slug, date);
  await writeText(uri, text);
  await waitFor(() => {
    const entry = services.store.index.get(`meetings/${slug}/${date}.md`);
    return entry && entry.date === date && (!ready || ready(entry));
  }, `meetings/${slug}/${date}.md to be indexed`);
  return uri;
}

async function addPerson(name: string, cadence: string): Promise<string> {
  const { services } = await api();
  const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addPerson', { name, role: 'peer', cadence });
  assert.ok(uri, `${name} was added`);
  const person = await waitFor(
    () => services.store.index.findPerson(name)?.schedule && services.store.index.findPerson(name),
    `${name} to be indexed`,
  );
  return person.slug;
}

/** The CodeLenses VS Code shows on a file (the provider command needs the document loaded). */
async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri);
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await codeLenses(uri)).map((l) => l.command?.title ?? '');
}

describe('session commands: carry forward, finish, agenda, prep sheet, share', () => {
  afterEach(async () => {
    await restoreClock();
    await closeAllEditors();
  });

  // --- carry forward -------------------------------------------------------

  const PREVIOUS = [
    '---',
    'date: 2026-09-01',
    'status: done',
    '---',
    '',
    '# 1:1 with Rowan Vale — 2026-09-01',
    '',
    '## Agenda',
    '',
    '- [x] Discussed already #growth',
    '- [ ] Budget for the offsite #alignment',
    '  - a sub-point that travels with it',
    '- [ ] Hiring plan',
    '',
    '## Notes',
    '',
    'Plain notes.',
    '',
    '## Action items',
    '',
    '- [x] Me: book the room',
    '- [ ] Rowan Vale: send the RFC',
    '- [ ] Me: draft the proposal (due 2026-09-05)',
    '',
    '## Private',
    '',
    '- [ ] Not for carrying',
    '',
  ].join('\n');
  // CRLF, with one of the open items already here (other case, with a tag).
  const NEXT = [
    '---',
    'date: 2026-09-08',
    'status: planned',
    '---',
    '',
    '# 1:1 with Rowan Vale — 2026-09-08',
    '',
    '## Agenda',
    '',
    '- [ ] New topic',
    '- [ ] hiring plan #team',
    '',
    '## Notes',
    '',
    '## Action items',
    '',
    '## Private',
    '',
  ].join('\r\n');
  const CARRIED = [
    '---',
    'date: 2026-09-08',
    'status: planned',
    '---',
    '',
    '# 1:1 with Rowan Vale — 2026-09-08',
    '',
    '## Agenda',
    '',
    '- [ ] New topic',
    '- [ ] hiring plan #team',
    '- [ ] Budget for the offsite #alignment',
    '  Carried from [2026-09-01](2026-09-01.md#carry-ID)',
    '  - a sub-point that travels with it',
    '',
    '## Notes',
    '',
    '## Action items',
    '',
    '- [ ] Rowan Vale: send the RFC',
    '  Carried from [2026-09-01](2026-09-01.md#carry-ID)',
    '- [ ] Me: draft the proposal (due 2026-09-05)',
    '  Carried from [2026-09-01](2026-09-01.md#carry-ID)',
    '',
    '## Private',
    '',
  ].join('\r\n');

  let rowan = '';

  it('carryForward copies the open items once, each with a link back, and keeps the file CRLF', async () => {
    rowan = await addPerson('Rowan Vale', 'weekly');
    assert.strictEqual(rowan, 'rowan-vale');
    await writeMeeting(rowan, '2026-09-01', PREVIOUS, (e) => e.actions.length === 3);
    const next = await writeMeeting(rowan, '2026-09-08', NEXT, (e) => e.agenda.length === 2);

    const first = await vscode.commands.executeCommand<{ uri: vscode.Uri; carried: number }>('oneOnOne.carryForward', {
      person: 'Rowan Vale',
      date: '2026-09-08',
    });
    assert.ok(first);
    assert.strictEqual(first.uri.toString(), next.toString());
    assert.strictEqual(first.carried, 3);
    const after = await readText(next);
    assert.strictEqual(normalizeIds(after), CARRIED);
    assert.ok(!/[^\r]\n/.test(after), 'every line still ends in CRLF');
    const ids = [...after.matchAll(/#(carry-[a-z0-9]+)\)/g)].map((m) => m[1]);
    assert.strictEqual(new Set(ids).size, 3, `three distinct carry ids: ${ids.join(', ')}`);
    assert.strictEqual(await readText(meeting(rowan, '2026-09-01')), PREVIOUS, 'the previous meeting is not touched');

    // Again, by URI this time: nothing left to carry, not a byte changes.
    const second = await vscode.commands.executeCommand<{ uri: vscode.Uri; carried: number }>(
      'oneOnOne.carryForward',
      next,
    );
    assert.ok(second);
    assert.strictEqual(second.carried, 0);
    assert.strictEqual(await readText(next), after);
  });

  it('CodeLens on a meeting: carry forward with the count, share, previous meeting, prep sheet', async () => {
    const { services } = await api();
    const later = await writeMeeting(
      rowan,
      '2026-09-22',
      ['# 1:1', '', '## Agenda', '', '- [ ] Budget for the offsite', ''].join('\n'),
    );
    // 2026-09-08 leaves open: New topic, hiring plan, Budget (here already), the RFC, the proposal.
    await waitFor(
      async () => (await lensTitles(later)).includes('$(arrow-right) Carry forward (4)'),
      'the carry lens to count 4 items',
    );
    assert.deepStrictEqual(await lensTitles(later), [
      '$(arrow-right) Carry forward (4)',
      '$(clippy) Copy shareable agenda',
      '$(history) Previous: 2026-09-08',
      '$(notebook) Prep sheet',
    ]);
    const lenses = await codeLenses(later);
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.command),
      [
        'oneOnOne.carryForward',
        'oneOnOne.copyShareableAgenda',
        'oneOnOne.openPreviousMeeting',
        'oneOnOne.openPrepSheet',
      ],
    );
    assert.strictEqual((lenses[0]!.command!.arguments![0] as vscode.Uri).toString(), later.toString());

    // Following the carry lens carries the 4; the lens then says so.
    const carried = await vscode.commands.executeCommand<{ carried: number }>(
      lenses[0]!.command!.command,
      ...lenses[0]!.command!.arguments!,
    );
    assert.strictEqual(carried?.carried, 4);
    await waitFor(
      async () => (await lensTitles(later))[0] === '$(check) Nothing to carry',
      'the lens to say there is nothing to carry',
    );

    // The first meeting with someone has no previous meeting and nothing to carry.
    assert.deepStrictEqual(await lensTitles(meeting(rowan, '2026-09-01')), [
      '$(clippy) Copy shareable agenda',
      '$(notebook) Prep sheet',
    ]);
    // A file that is not a meeting gets no lenses.
    assert.deepStrictEqual(await lensTitles(journalUri('people', 'rowan-vale.md')), []);
    await vscode.workspace.fs.delete(later);
    await waitFor(
      () => !services.store.index.get(`meetings/${rowan}/2026-09-22.md`),
      'the deleted meeting to leave the index',
    );
  });

  // --- finish ----------------------------------------------------------------

  it('finishMeeting records takeaways and action items, marks it done, and creates the next meeting with each open item once', async () => {
    const ines = await addPerson('Ines Okoro', 'weekly');
    const CURRENT = [
      '---',
      'date: 2026-10-06',
      'status: planned # until we meet',
      '---',
      '',
      '# 1:1 with Ines Okoro — 2026-10-06',
      '',
      '## Agenda',
      '',
      '- [x] Talked about the launch',
      '- [ ] Conference budget #growth',
      '',
      '## Notes',
      '',
      'We ran out of time.',
      '',
      '## Action items',
      '',
      '- [ ] Ines Okoro: intro me to the data team',
      '',
      '## Private',
      '',
    ].join('\r\n');
    const uri = await writeMeeting(ines, '2026-10-06', CURRENT);
    await setClock('2026-10-06', 11, 0);

    const outcome = await vscode.commands.executeCommand<{
      uri: vscode.Uri;
      next: vscode.Uri | undefined;
      carried: number;
    }>('oneOnOne.finishMeeting', {
      person: 'ines-okoro',
      date: '2026-10-06',
      takeaways: ['Ship smaller PRs', '  Pair on Fridays  '],
      actionItems: ['Write the migration guide', { text: 'Review my design doc', owner: 'them', due: '2026-10-10' }],
    });
    assert.ok(outcome);
    assert.strictEqual(outcome.uri.toString(), uri.toString());
    const finished = CURRENT.replace('status: planned # until we meet', 'status: done # until we meet')
      .replace(
        'We ran out of time.\r\n\r\n',
        'We ran out of time.\r\n\r\n- Ship smaller PRs\r\n- Pair on Fridays\r\n\r\n',
      )
      .replace(
        '- [ ] Ines Okoro: intro me to the data team\r\n',
        '- [ ] Ines Okoro: intro me to the data team\r\n- [ ] Me: Write the migration guide\r\n- [ ] Ines Okoro: Review my design doc (due 2026-10-10)\r\n',
      );
    assert.strictEqual(await readText(uri), finished);

    // Weekly, no weekday: a week later, from the journal's template, everything open carried.
    const next = meeting(ines, '2026-10-13');
    assert.strictEqual(outcome.next?.toString(), next.toString());
    assert.strictEqual(outcome.carried, 4);
    const nextText = await readText(next);
    assert.strictEqual(
      normalizeIds(nextText),
      [
        '---',
        'date: 2026-10-13',
        'status: planned',
        '---',
        '',
        '# 1:1 with Ines Okoro — 2026-10-13',
        '',
        '## Agenda',
        '',
        '- [ ] Conference budget #growth',
        '  Carried from [2026-10-06](2026-10-06.md#carry-ID)',
        '',
        '## Wins',
        '',
        '## Notes',
        '',
        '## Action items',
        '',
        '- [ ] Ines Okoro: intro me to the data team',
        '  Carried from [2026-10-06](2026-10-06.md#carry-ID)',
        '- [ ] Me: Write the migration guide',
        '  Carried from [2026-10-06](2026-10-06.md#carry-ID)',
        '- [ ] Ines Okoro: Review my design doc (due 2026-10-10)',
        '  Carried from [2026-10-06](2026-10-06.md#carry-ID)',
        '',
        '## Private',
        '',
      ].join('\n'),
    );
    for (const item of [
      'Conference budget',
      'intro me to the data team',
      'Write the migration guide',
      'Review my design doc',
    ]) {
      assert.strictEqual(count(nextText, item), 1, `"${item}" is in the next meeting exactly once`);
    }
    assert.strictEqual(count(nextText, 'Talked about the launch'), 0, 'a discussed point is not carried');
    assert.strictEqual(count(nextText, 'Carried from'), 4);

    // Carrying forward afterwards finds nothing left.
    const { services } = await api();
    await waitFor(
      () => services.store.index.get(`meetings/${ines}/2026-10-13.md`)?.actions.length === 3,
      'the next meeting to be indexed',
    );
    const again = await vscode.commands.executeCommand<{ carried: number }>('oneOnOne.carryForward', next);
    assert.strictEqual(again?.carried, 0);
    assert.strictEqual(await readText(next), nextText);
    assert.strictEqual(services.store.index.get(`meetings/${ines}/2026-10-06.md`)?.status, 'done');
  });

  it('finishMeeting without arguments: a meeting still to come asks first; takeaways and action items go in one list, a row chosen goes back to be corrected; the open prep sheet moves on to the next meeting', async function () {
    this.timeout(60_000);
    const jun = await addPerson('Jun Park', 'weekly');
    const TEXT = [
      '---',
      'date: 2026-10-20',
      'status: planned',
      '---',
      '',
      '## Agenda',
      '',
      '- [ ] Roadmap',
      '',
      '## Notes',
      '',
      '## Action items',
      '',
      '## Private',
      '',
    ].join('\n');
    const uri = await writeMeeting(jun, '2026-10-20', TEXT);
    await setClock('2026-10-14', 9, 0);
    const window = vscode.window as unknown as Record<string, unknown>;
    const originalWarning = window['showWarningMessage'];
    const originalCreate = window['createQuickPick'] as () => vscode.QuickPick<vscode.QuickPickItem>;
    const asked: string[] = [];
    let answer: string | undefined;
    const lists: vscode.QuickPick<vscode.QuickPickItem>[] = [];
    window['showWarningMessage'] = async (text: string, ...rest: unknown[]) => {
      asked.push(`${text} [${rest.filter((r) => typeof r === 'string').join(', ')}]`);
      return answer;
    };
    window['createQuickPick'] = () => {
      const qp = originalCreate.call(vscode.window);
      lists.push(qp);
      return qp;
    };
    try {
      // 1. Six days early: asked, and "no" writes nothing.
      assert.strictEqual(await vscode.commands.executeCommand('oneOnOne.finishMeeting', uri), undefined);
      assert.deepStrictEqual(asked, [
        'Your 1:1 with Jun Park on 2026-10-20 is 6 days from now. Finish it now? [Finish Now]',
      ]);
      assert.strictEqual(lists.length, 0, 'nothing asked after "no"');
      assert.strictEqual(await readText(uri), TEXT);

      // 2. Its prep sheet is open when it is finished after all.
      const sheet = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openPrepSheet', {
        person: jun,
        date: '2026-10-20',
      });
      answer = 'Finish Now';
      const running = Promise.resolve(
        vscode.commands.executeCommand<{ next?: vscode.Uri }>('oneOnOne.finishMeeting', uri),
      );
      const qp = await waitFor(() => lists[0], 'the list of takeaways and action items');
      assert.strictEqual(qp.title, 'Finish the 1:1 of 2026-10-20 with Jun Park');
      const enter = async (done: () => boolean, what: string): Promise<void> => {
        const deadline = Date.now() + 15_000;
        while (!done()) {
          assert.ok(Date.now() < deadline, `${what}: Enter had no effect`);
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          for (const until = Date.now() + 3000; !done() && Date.now() < until;)
            await new Promise((r) => setTimeout(r, 50));
        }
      };
      const add = async (line: string, row: string): Promise<void> => {
        qp.value = line;
        await waitFor(() => qp.items[0]?.label === row, `"${row}" to be offered`);
        const before = qp.items.length;
        await enter(
          () => qp.value === '' && qp.items.length > before - 1 && qp.items[0]?.label !== row,
          `"${line}" to be added`,
        );
      };
      await add('Ship it', '$(add) Add takeaway: Ship it');
      await add('Jun: review the doc by 2026-10-25', '$(add) Add action item for Jun Park: review the doc');
      assert.deepStrictEqual(
        qp.items.map((i) => [i.label, i.description ?? '']),
        [
          ['Takeaways', ''],
          ['Ship it', ''],
          ['Action items', ''],
          ['review the doc', 'Jun Park · due 2026-10-25'],
          ['$(check) Finish the meeting', ''],
        ],
      );
      // Correct the takeaway: the first row goes back into the box.
      await waitFor(
        async () => {
          if (qp.activeItems[0]?.label !== 'Ship it') {
            await vscode.commands.executeCommand('quickInput.first');
            await new Promise((r) => setTimeout(r, 200));
          }
          return qp.activeItems[0]?.label === 'Ship it';
        },
        'the takeaway to be the active row',
        15_000,
      );
      await enter(() => qp.value === 'Ship it', 'the takeaway to go back into the box');
      await add('Ship it on Friday', '$(add) Add takeaway: Ship it on Friday');
      let hidden = false;
      qp.onDidHide(() => (hidden = true));
      await enter(() => hidden, 'Enter on the empty box to finish');
      const outcome = await running;
      assert.strictEqual(
        await readText(uri),
        TEXT.replace('status: planned', 'status: done')
          .replace('## Notes\n\n', '## Notes\n\n- Ship it on Friday\n\n')
          .replace('## Action items\n\n', '## Action items\n\n- [ ] Jun Park: review the doc (due 2026-10-25)\n\n'),
      );
      assert.strictEqual(outcome?.next?.toString(), meeting(jun, '2026-10-27').toString());
      const sheets = (): string[] =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .flatMap((t) =>
            t.input instanceof vscode.TabInputText && t.input.uri.scheme === sheet?.scheme
              ? [new URLSearchParams(t.input.uri.query).get('date') ?? '']
              : [],
          );
      await waitFor(() => sheets().join() === '2026-10-27', 'the open prep sheet to show the next meeting');
    } finally {
      window['showWarningMessage'] = originalWarning;
      window['createQuickPick'] = originalCreate;
    }
  });

  it('finishMeeting carries into a meeting already planned later instead of creating one', async () => {
    const { services } = await api();
    const theo = await addPerson('Theo Marsh', 'weekly');
    const current = await writeMeeting(
      theo,
      '2026-10-06',
      [
        '---',
        'date: 2026-10-06',
        'status: planned',
        '---',
        '',
        '## Agenda',
        '',
        '- [ ] Team health check',
        '',
        '## Notes',
        '',
        '## Action items',
        '',
        '- [ ] Me: update the wiki',
        '',
      ].join('\n'),
    );
    const LATER = [
      '---',
      'date: 2026-10-20',
      'status: planned',
      '---',
      '',
      '## Agenda',
      '',
      '- [ ] Team health check',
      '',
      '## Action items',
      '',
    ].join('\n');
    const later = await writeMeeting(theo, '2026-10-20', LATER);
    await setClock('2026-10-06', 16, 0);

    const outcome = await vscode.commands.executeCommand<{
      uri: vscode.Uri;
      next: vscode.Uri | undefined;
      carried: number;
    }>('oneOnOne.finishMeeting', {
      person: 'Theo Marsh',
      date: '2026-10-06',
      takeaways: 'Ask about the reorg',
    });
    assert.ok(outcome);
    assert.strictEqual(outcome.next?.toString(), later.toString());
    assert.strictEqual(outcome.carried, 1);
    assert.strictEqual(await exists(meeting(theo, '2026-10-13')), false, 'no meeting was created on the cadence');
    assert.strictEqual(
      await readText(current),
      [
        '---',
        'date: 2026-10-06',
        'status: done',
        '---',
        '',
        '## Agenda',
        '',
        '- [ ] Team health check',
        '',
        '## Notes',
        '',
        '- Ask about the reorg',
        '',
        '## Action items',
        '',
        '- [ ] Me: update the wiki',
        '',
      ].join('\n'),
    );
    const laterText = await readText(later);
    assert.strictEqual(
      normalizeIds(laterText),
      LATER + '\n- [ ] Me: update the wiki\n  Carried from [2026-10-06](2026-10-06.md#carry-ID)\n',
    );
    assert.strictEqual(count(laterText, 'Team health check'), 1);
    assert.strictEqual(count(laterText, 'update the wiki'), 1);
    await waitFor(
      () => services.store.index.get(`meetings/${theo}/2026-10-20.md`)?.actions.length === 1,
      'the later meeting to be re-read',
    );
    const again = await vscode.commands.executeCommand<{ carried: number }>('oneOnOne.carryForward', {
      person: 'theo-marsh',
      date: '2026-10-20',
    });
    assert.strictEqual(again?.carried, 0);
    assert.strictEqual(await readText(later), laterText);
  });

  // --- agenda, prep sheet, previous meeting ----------------------------------

  const NADIA_PREVIOUS = [
    '---',
    'date: 2026-08-04',
    'status: done',
    '---',
    '',
    '# 1:1 with Nadia Frost — 2026-08-04',
    '',
    '## Agenda',
    '',
    '- [ ] Team rituals #team',
    '',
    '## Action items',
    '',
    '- [ ] Me: draft the career ladder notes',
    '- [x] Nadia Frost: send the survey',
    '',
  ].join('\n');

  it('openNextAgenda creates the meeting with open items carried and opens it beside its prep sheet', async () => {
    const { services } = await api();
    const nadia = await addPerson('Nadia Frost', 'weekly');
    await writeMeeting(nadia, '2026-08-04', NADIA_PREVIOUS, (e) => e.actions.length === 2);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openNextAgenda', {
      person: 'Nadia Frost',
      date: '2026-08-11',
    });
    assert.ok(uri);
    assert.strictEqual(uri.toString(), meeting(nadia, '2026-08-11').toString());
    const created = await readText(uri);
    assert.strictEqual(
      normalizeIds(created),
      [
        '---',
        'date: 2026-08-11',
        'status: planned',
        '---',
        '',
        '# 1:1 with Nadia Frost — 2026-08-11',
        '',
        '## Agenda',
        '',
        '- [ ] Team rituals #team',
        '  Carried from [2026-08-04](2026-08-04.md#carry-ID)',
        '',
        '## Wins',
        '',
        '## Notes',
        '',
        '## Action items',
        '',
        '- [ ] Me: draft the career ladder notes',
        '  Carried from [2026-08-04](2026-08-04.md#carry-ID)',
        '',
        '## Private',
        '',
      ].join('\n'),
    );

    const editors = await waitFor(() => {
      const visible = vscode.window.visibleTextEditors;
      const agenda = visible.find((e) => e.document.uri.toString() === uri.toString());
      const prep = visible.find((e) => e.document.uri.scheme === 'one-on-one-prep');
      return agenda && prep ? { agenda, prep } : undefined;
    }, 'the agenda and the prep sheet to be visible');
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      uri.toString(),
      'the agenda keeps the focus',
    );
    assert.notStrictEqual(editors.agenda.viewColumn, editors.prep.viewColumn, 'the prep sheet is beside the agenda');
    const prep = editors.prep.document;
    assert.strictEqual(prep.languageId, 'markdown');
    const person = services.store.index.person(nadia)!;
    assert.strictEqual(prep.uri.toString(), (await session()).prep.uriFor(person, '2026-08-11').toString());
    const text = prep.getText();
    assert.ok(text.startsWith('# Prep: 1:1 with Nadia Frost\n'), text);
    assert.match(text, /^## Open action items\n\n- \[ \] Me: draft the career ladder notes\n/m);
    assert.ok(!text.includes('send the survey'), 'a done action item is not on the prep sheet');
    assert.match(text, /^Not discussed on 2026-08-04:\n\n- \[ \] Team rituals/m);
    // The sheet follows the journal: once the new meeting is indexed it lists its agenda.
    await waitFor(
      () => prep.getText().includes('## On the agenda\n\n- [ ] Team rituals'),
      'the prep sheet to show the agenda of 2026-08-11',
    );

    // A second call opens the same file and carries nothing twice.
    const again = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openNextAgenda', {
      person: 'nadia-frost',
      date: '2026-08-11',
    });
    assert.strictEqual(again?.toString(), uri.toString());
    assert.strictEqual(await readText(uri), created);
  });

  it('openPrepSheet opens the sheet for a meeting given by URI or by person and date, and keeps it current', async () => {
    const { services } = await api();
    const nadia = 'nadia-frost';
    const current = meeting(nadia, '2026-08-11');
    await waitFor(() => services.store.index.get(`meetings/${nadia}/2026-08-11.md`), 'the meeting of 2026-08-11');
    const prepUri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openPrepSheet', current);
    assert.ok(prepUri);
    assert.strictEqual(prepUri.scheme, 'one-on-one-prep');
    const query = new URLSearchParams(prepUri.query);
    assert.deepStrictEqual([query.get('person'), query.get('date')], [nadia, '2026-08-11']);
    const byArgs = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openPrepSheet', {
      person: 'Nadia Frost',
      date: '2026-08-11',
    });
    assert.strictEqual(byArgs?.toString(), prepUri.toString());

    const editor = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === prepUri.toString()),
      'the prep sheet to be visible',
    );
    const doc = editor.document;
    // A short journal path in the text, which the sheet's link provider opens as the file.
    const link = `meetings/${nadia}/2026-08-04.md`;
    assert.ok(doc.getText().includes(`Last 1:1: [2026-08-04](${link}), `), doc.getText());
    assert.ok(!doc.getText().includes('file:'), 'no long file: links');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', prepUri);
    const at = doc.positionAt(doc.getText().indexOf(`](${link})`) + 2);
    const targets = links.filter((l) => l.range.contains(at)).map((l) => l.target?.toString());
    assert.deepStrictEqual(targets, [services.store.uriOf(link).toString()]);
    assert.ok(doc.getText().includes('- [ ] Me: draft the career ladder notes'));

    // Tick the action item in the previous meeting: the open sheet updates.
    const previous = meeting(nadia, '2026-08-04');
    try {
      await writeText(previous, NADIA_PREVIOUS.replace('- [ ] Me: draft', '- [x] Me: draft'));
      await waitFor(
        () => doc.getText().includes('## Open action items\n\nNothing left open on 2026-08-04.'),
        'the prep sheet to drop the ticked item',
      );
      assert.ok(!doc.getText().includes('career ladder'));
    } finally {
      await writeText(previous, NADIA_PREVIOUS);
    }
    await waitFor(
      () => doc.getText().includes('- [ ] Me: draft the career ladder notes'),
      'the prep sheet to show the item again',
    );
  });

  it('openPreviousMeeting opens the meeting before, by URI or by person and date', async () => {
    const nadia = 'nadia-frost';
    const previous = meeting(nadia, '2026-08-04');
    const byUri = await vscode.commands.executeCommand<vscode.Uri>(
      'oneOnOne.openPreviousMeeting',
      meeting(nadia, '2026-08-11'),
    );
    assert.strictEqual(byUri?.toString(), previous.toString());
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString() === previous.toString(),
      'the previous meeting to be the active editor',
    );
    const byArgs = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openPreviousMeeting', {
      person: 'Nadia Frost',
      date: '2026-08-11',
    });
    assert.strictEqual(byArgs?.toString(), previous.toString());
    // The first meeting has none.
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.openPreviousMeeting', { person: nadia, date: '2026-08-04' }),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.openPreviousMeeting', { person: nadia, date: '2026-08-05' }),
      undefined,
      'no meeting on that date',
    );
  });

  // --- share -----------------------------------------------------------------

  it('copyShareableAgenda puts the agenda on the clipboard without front matter, private parts or carry links', async () => {
    const uri = await writeMeeting(
      rowan,
      '2026-09-15',
      [
        '---',
        'date: 2026-09-15',
        'status: planned',
        '---',
        '',
        '# 1:1 with Rowan Vale — 2026-09-15',
        '',
        '## Agenda',
        '',
        '- [ ] Team offsite plans #alignment',
        '  Carried from [2026-09-08](2026-09-08.md#carry-abc123)',
        '- [ ] My compensation #private',
        '  - the numbers I have in mind',
        '- [ ] Roadmap review',
        '',
        '<!-- remember to be brief -->',
        '',
        '## Notes',
        '',
        '## Private',
        '',
        'Worried about the reorg.',
        '',
      ].join('\r\n'),
    );
    await vscode.env.clipboard.writeText('something else');
    const shared = await vscode.commands.executeCommand<string>('oneOnOne.copyShareableAgenda', uri);
    assert.strictEqual(
      shared,
      [
        '# 1:1 with Rowan Vale — 2026-09-15',
        '',
        '## Agenda',
        '',
        '- [ ] Team offsite plans #alignment',
        '- [ ] Roadmap review',
        '',
        '## Notes',
        '',
      ].join('\n'),
    );
    assert.strictEqual(await vscode.env.clipboard.readText(), shared);
    // From the arguments object, the same.
    await vscode.env.clipboard.writeText('something else');
    assert.strictEqual(
      await vscode.commands.executeCommand<string>('oneOnOne.copyShareableAgenda', {
        person: 'rowan-vale',
        date: '2026-09-15',
      }),
      shared,
    );
    assert.strictEqual(await vscode.env.clipboard.readText(), shared);
  });

  it('insertPrepSheet keeps a quoted copy of the prep sheet in Notes, and carry-forward still sees the open items', async () => {
    const { services } = await api();
    const slug = await addPerson('Quinn Ashby', 'weekly');
    await writeMeeting(
      slug,
      '2026-08-04',
      [
        '---',
        'date: 2026-08-04',
        'status: done',
        '---',
        '',
        '## Agenda',
        '',
        '- [x] Intro',
        '',
        '## Action items',
        '',
        '- [ ] Me: draft the on-call proposal',
        '',
      ].join('\n'),
    );
    const before = [
      '---',
      'date: 2026-08-11',
      'status: planned',
      '---',
      '',
      '# 1:1 with Quinn Ashby — 2026-08-11',
      '',
      '## Agenda',
      '',
      '## Notes',
      '',
      'Kept as is.',
      '',
      '## Action items',
      '',
      '## Private',
      '',
    ].join('\r\n');
    const uri = await writeMeeting(slug, '2026-08-11', before);
    const result = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.insertPrepSheet', {
      person: slug,
      date: '2026-08-11',
    });
    assert.strictEqual(result?.toString(), uri.toString());
    const after = await readText(uri);
    // One block, after the Notes text, in the file's CRLF; everything else byte for byte.
    const start = after.indexOf(`**Prep sheet, ${services.today()}**`);
    assert.ok(start > after.indexOf('Kept as is.'), after);
    const end = after.indexOf('## Action items');
    assert.strictEqual(
      after.slice(0, start),
      before.slice(0, before.indexOf('## Action items')),
      'text before the block unchanged',
    );
    assert.strictEqual(
      after.slice(end),
      before.slice(before.indexOf('## Action items')),
      'text after the block unchanged',
    );
    const block = after.slice(start, end);
    assert.ok(!/(^|[^\r])\n/.test(block), 'the block uses CRLF');
    assert.ok(block.includes('\r\n> **Open action items**\r\n'), block);
    assert.ok(block.includes('> - Me: draft the on-call proposal\r\n'), block);
    assert.ok(!/^- \[/m.test(block) && !/^#/m.test(block), 'no list item or heading of its own');
    // The quoted copy is not an item: the open action item still carries.
    const carried = await vscode.commands.executeCommand<{ carried: number }>('oneOnOne.carryForward', uri);
    assert.strictEqual(carried?.carried, 1);
    assert.strictEqual(count(await readText(uri), '- [ ] Me: draft the on-call proposal'), 1);
  });
});

// The status bar and the reminders look at everyone's next 1:1, so these
// tests use a journal folder of their own with a single person in it.
describe('session: status bar and reminders on a controlled clock', () => {
  const FOLDER = 'session-journal';
  // Reminder claims live in the extension's global storage: a fresh slug per run.
  const SLUG = `rhea-okafor-${Math.random().toString(36).slice(2, 8)}`;
  const D0 = '2027-01-12'; // Tuesdays
  const D1 = '2027-01-19';
  const D2 = '2027-01-26';
  const D3 = '2027-02-02';
  const D4 = '2027-02-09'; // its own time, 14:30
  const D5 = '2027-02-16';
  const root = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), FOLDER);
  const planned = (date: string, extra = ''): string =>
    `---\ndate: ${date}\nstatus: planned\n${extra}---\n\n# 1:1 with Rhea Okafor — ${date}\n\n## Agenda\n\n- [ ] Topic for ${date}\n`;

  before(async () => {
    const { services } = await api();
    await writeText(
      vscode.Uri.joinPath(root(), 'people', `${SLUG}.md`),
      '---\nname: Rhea Okafor\nrole: report\ncadence: weekly\nweekday: tuesday\ntime: "10:00"\nduration: 30\n---\n',
    );
    for (const date of [D0, D1, D2, D3, D5])
      await writeText(vscode.Uri.joinPath(root(), 'meetings', SLUG, `${date}.md`), planned(date));
    await writeText(vscode.Uri.joinPath(root(), 'meetings', SLUG, `${D4}.md`), planned(D4, 'time: "14:30"\n'));
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('journalFolder', FOLDER, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      () =>
        services.store.state.kind === 'ready' &&
        services.store.index.people().length === 1 &&
        services.store.index.meetingsOf(SLUG).length === 6,
      'the session journal to load',
    );
  });

  after(async () => {
    const { services } = await api();
    await restoreClock();
    await vscode.workspace
      .getConfiguration('oneOnOne')
      .update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      () => services.store.state.kind === 'ready' && services.store.index.findPerson('alex-kim'),
      'the sample journal to load again',
    );
    await vscode.workspace.fs.delete(root(), { recursive: true });
  });

  afterEach(async () => {
    await restoreClock();
    await closeAllEditors();
  });

  /** Reminders of Rhea's meetings that `reminders` shows from now on. */
  function record(reminders: { onDidRemind: vscode.Event<Reminder> }): { seen: Reminder[]; dispose(): void } {
    const seen: Reminder[] = [];
    const sub = reminders.onDidRemind((r) => {
      if (r.slot.person === SLUG) seen.push(r);
    });
    return { seen, dispose: () => sub.dispose() };
  }

  it('counts down to the next 1:1, says "now" during it, then moves on; a click opens the agenda and prep sheet', async () => {
    const { statusBar } = await session();
    await setClock(D0, 7, 50);
    statusBar.refresh();
    assert.strictEqual(statusBar.item.text, '$(comment-discussion) 1:1 with Rhea · in 2h 10m');
    assert.strictEqual(statusBar.shown?.date, D0);
    assert.deepStrictEqual(statusBar.item.command, {
      title: 'Open Agenda',
      command: 'oneOnOne.openNextAgenda',
      arguments: [{ person: SLUG, date: D0 }],
    });
    const tooltip = statusBar.item.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.ok(tooltip.value.includes('Tuesday 12 January 2027, 10:00–10:30'), tooltip.value);

    await setClock(D0, 9, 59);
    statusBar.refresh();
    assert.strictEqual(statusBar.item.text, '$(comment-discussion) 1:1 with Rhea · in 1m');

    await setClock(D0, 10, 5);
    statusBar.refresh();
    assert.strictEqual(statusBar.item.text, '$(comment-discussion) 1:1 with Rhea · now');
    assert.strictEqual(statusBar.shown?.date, D0);

    // The 30 minutes are over: the next Tuesday's meeting.
    await setClock(D0, 10, 31);
    statusBar.refresh();
    assert.strictEqual(statusBar.shown?.date, D1);
    assert.strictEqual(statusBar.item.text, '$(comment-discussion) 1:1 with Rhea · in 6d 23h');
    assert.deepStrictEqual(statusBar.item.command?.arguments, [{ person: SLUG, date: D1 }]);

    // The click: the agenda of that meeting, with its prep sheet beside.
    const command = statusBar.item.command!;
    const opened = await vscode.commands.executeCommand<vscode.Uri>(command.command, ...command.arguments!);
    const agenda = vscode.Uri.joinPath(root(), 'meetings', SLUG, `${D1}.md`);
    assert.strictEqual(opened?.toString(), agenda.toString());
    await waitFor(
      () =>
        vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === agenda.toString()) &&
        vscode.window.visibleTextEditors.some(
          (e) => e.document.uri.scheme === 'one-on-one-prep' && e.document.getText().includes(`Topic for ${D1}`),
        ),
      'the agenda and its prep sheet to be visible',
    );
  });

  it('uses a meeting’s own time over the person’s', async () => {
    const { statusBar } = await session();
    await setClock(D4, 9, 55);
    statusBar.refresh();
    assert.strictEqual(statusBar.shown?.date, D4);
    assert.strictEqual(statusBar.item.text, '$(comment-discussion) 1:1 with Rhea · in 4h 35m');
    await setClock(D4, 14, 45);
    statusBar.refresh();
    assert.strictEqual(statusBar.item.text, '$(comment-discussion) 1:1 with Rhea · now');
  });

  it('reminds once per meeting, however often it checks, and in one window only', async () => {
    const { reminders, newWindowReminders } = await session();
    const here = record(reminders);
    const other = newWindowReminders('another-window');
    const there = record(other);
    try {
      // Before the reminder window (10 minutes by default): nothing.
      await setClock(D1, 9, 49);
      await reminders.check();
      assert.strictEqual(here.seen.length, 0, `no reminder: ${here.seen.map((r) => r.key).join(', ')}`);

      await setClock(D1, 9, 52);
      await reminders.check();
      await reminders.check();
      (await session()).tick();
      await reminders.check();
      assert.deepStrictEqual(
        here.seen.map((r) => [r.slot.date, r.message]),
        [[D1, '1:1 with Rhea Okafor in 8 minutes (10:00).']],
      );
      // The other window on the same storage sees the claim and stays quiet.
      await other.check();
      await other.check();
      assert.strictEqual(
        there.seen.length,
        0,
        `no reminder in the other window: ${there.seen.map((r) => r.key).join(', ')}`,
      );

      // Another meeting, the other window checking first: of the two windows, exactly one reminds
      // (the other one, unless this window's own 15-second tick happened to get there first).
      await setClock(D5, 9, 55);
      await other.check();
      await reminders.check();
      await other.check();
      await reminders.check();
      const ofD5 = [...here.seen, ...there.seen].filter((r) => r.slot.date === D5);
      assert.strictEqual(ofD5.length, 1, `one reminder for ${D5} across both windows`);
      assert.strictEqual(ofD5[0]!.message, '1:1 with Rhea Okafor in 5 minutes (10:00).');
    } finally {
      here.dispose();
      there.dispose();
      other.dispose();
    }
  });

  it('with oneOnOne.reminderMinutes = 0 nothing reminds, in any window', async () => {
    const { reminders, newWindowReminders } = await session();
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('oneOnOne');
    const here = record(reminders);
    const other = newWindowReminders('a-third-window');
    const there = record(other);
    try {
      await config().update('reminderMinutes', 0, vscode.ConfigurationTarget.Global);
      await waitFor(() => config().get('reminderMinutes') === 0, 'the setting to take');
      await setClock(D2, 9, 55);
      await reminders.check();
      await other.check();
      (await session()).tick();
      await reminders.check();
      assert.strictEqual(here.seen.length, 0, `no reminder: ${here.seen.map((r) => r.key).join(', ')}`);
      assert.strictEqual(
        there.seen.length,
        0,
        `no reminder in the other window: ${there.seen.map((r) => r.key).join(', ')}`,
      );
    } finally {
      await config().update('reminderMinutes', undefined, vscode.ConfigurationTarget.Global);
    }
    try {
      // Back to the default, the same meeting at the same moment is reminded of.
      await waitFor(() => config().get('reminderMinutes') === 10, 'the setting to be back to 10');
      await reminders.check();
      await waitFor(() => here.seen.length === 1, 'the reminder once the setting is back');
      assert.strictEqual(here.seen[0]!.slot.date, D2);
    } finally {
      here.dispose();
      there.dispose();
      other.dispose();
    }
  });

  it('a snoozed reminder comes back after 5 minutes, once', async () => {
    const { reminders } = await session();
    const here = record(reminders);
    try {
      await setClock(D3, 9, 52);
      await reminders.check();
      assert.strictEqual(here.seen.length, 1);
      const first = here.seen[0]!;
      assert.strictEqual(first.slot.date, D3);
      reminders.snooze(first.key);

      await setClock(D3, 9, 56);
      await reminders.check();
      assert.strictEqual(here.seen.length, 1, 'still snoozed after 4 minutes');

      await setClock(D3, 9, 57);
      await reminders.check();
      await reminders.check();
      assert.strictEqual(here.seen.length, 2, 'back after 5 minutes, once');
      assert.strictEqual(here.seen[1]!.key, `${first.key}#1`);
      assert.strictEqual(here.seen[1]!.message, '1:1 with Rhea Okafor in 3 minutes (10:00).');
    } finally {
      here.dispose();
    }
  });
});
