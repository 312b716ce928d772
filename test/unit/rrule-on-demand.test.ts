// rrule is loaded the first time a cadence is an RRULE (src/core/rrule.ts).
// Before then: weekly, biweekly and monthly work without it, a person whose
// cadence is an RRULE waits in the index (keeping the entry it had), and a
// person put back as kept asks for it so that its dates can be computed.

import * as assert from 'assert';
import * as rrule from 'rrule';
import { JournalIndex } from '../../src/core/journal-index';
import { nextDate } from '../../src/core/next-meeting';
import { LibraryName, onLibraryWanted, takeLibraryWanted } from '../../src/core/on-demand';
import { installRRule, rruleFailed } from '../../src/core/rrule';
import { describeSchedule, scheduleOf } from '../../src/core/schedule';

const person = (cadence: string): string =>
  `---\nname: Sam Lee\ncadence: ${cadence}\nweekday: tuesday\n---\n# Sam Lee\n`;
const RULE = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU';

describe('rrule on demand: before it is loaded', () => {
  let wanted: LibraryName[] = [];
  beforeEach(() => {
    installRRule(undefined);
    wanted = [];
    onLibraryWanted((name) => wanted.push(name));
    takeLibraryWanted();
  });
  afterEach(() => {
    onLibraryWanted(undefined);
    rruleFailed(undefined);
    installRRule(rrule);
    takeLibraryWanted();
  });

  it('plain cadences need no rrule: their schedule and dates come without it', () => {
    const { schedule, problems } = scheduleOf({ cadence: 'biweekly', weekday: 'tuesday' });
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(nextDate(schedule!, '2026-12-01', '2026-12-07'), '2026-12-15');
    assert.strictEqual(describeSchedule(schedule!), 'every two weeks on Tue');
    assert.deepStrictEqual(wanted, []);
    assert.strictEqual(takeLibraryWanted(), false);
  });

  it('a person with an RRULE cadence waits in the index, keeping the entry it had, until rrule comes', () => {
    const index = new JournalIndex();
    index.update('people/sam-lee.md', person('weekly'));
    const changes: (readonly string[])[] = [];
    index.onDidChange((paths) => changes.push(paths));
    index.update('people/sam-lee.md', person(RULE));
    assert.deepStrictEqual([...new Set(wanted)], ['rrule']);
    assert.ok(index.waitingForLibraries);
    assert.strictEqual(index.get('people/sam-lee.md')!.schedule!.cadence, 'weekly', 'the old entry stays');
    assert.deepStrictEqual(changes, []);

    installRRule(rrule);
    index.librariesSettled();
    assert.ok(!index.waitingForLibraries);
    const entry = index.get('people/sam-lee.md')!;
    assert.deepStrictEqual(entry.problems, []);
    assert.strictEqual(entry.schedule!.cadence, 'rrule');
    assert.strictEqual(nextDate(entry.schedule!, '2026-12-01', '2026-12-07'), '2026-12-15');
    assert.deepStrictEqual(changes, [['people/sam-lee.md']]);
  });

  it('a person put back as kept, with an RRULE cadence, asks for rrule (its dates need it); a weekly one does not', () => {
    installRRule(rrule);
    const kept = new JournalIndex();
    const ruled = kept.update('people/sam-lee.md', person(RULE));
    const weekly = kept.update('people/alex-kim.md', person('weekly'));
    installRRule(undefined);
    takeLibraryWanted();

    const index = new JournalIndex();
    index.restore(weekly);
    assert.deepStrictEqual(wanted, []);
    index.restore(ruled);
    assert.deepStrictEqual(wanted, ['rrule']);
    assert.strictEqual(index.get('people/sam-lee.md'), ruled, 'shown as kept meanwhile');
    assert.strictEqual(nextDate(ruled.schedule!, '2026-12-01', '2026-12-07'), undefined, 'no date without rrule');
  });

  it('a failed load shows the cadence with its problem, and nothing waits', () => {
    rruleFailed('rrule.js could not be loaded (gone). Reload the window.');
    const index = new JournalIndex();
    const entry = index.update('people/sam-lee.md', person(RULE));
    assert.ok(!index.waitingForLibraries);
    assert.strictEqual(index.get('people/sam-lee.md'), entry);
    assert.match(entry.problems.map((p) => p.message).join('\n'), /could not be loaded \(gone\)/);
    assert.deepStrictEqual(wanted, []);
  });
});
