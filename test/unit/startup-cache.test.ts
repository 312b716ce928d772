import * as assert from 'assert';
import fc from 'fast-check';
import { JournalIndex } from '../../src/core/journal-index';
import { JournalEntry } from '../../src/core/journal-entry';
import {
  MAX_CACHED_ENTRY,
  readStartupCache,
  sameEntry,
  STARTUP_CACHE_VERSION,
  startupCacheOf,
} from '../../src/core/startup-cache';
import { markdownFile, RUNS } from './arbitraries';

const ROOT = 'file:///home/me/notes/one-on-ones';
const CODE = '1.2.3';

function entryOf(path: string, text: string): JournalEntry {
  return new JournalIndex().update(path, text);
}

/** What the workspace's state hands back: the value after a JSON round trip. */
function stored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const alex = entryOf(
  'people/alex-kim.md',
  '---\nname: Alex Kim\nrole: manager\ncadence: weekly\nweekday: tuesday\ntime: "10:00"\ntimezone: Europe/Berlin\n---\n\n# Alex\n\nPrefers a written agenda.\n',
);
const sam = entryOf('people/sam-lee.md', '---\nname: Sam Lee\nrole: boss\ncadence: FREQ=MONTHLY;BYDAY=1TH\n---\n');

describe('startup cache', () => {
  it('gives back the person entries it kept, for the same folder and code, equal to what the index made', () => {
    const value = stored(startupCacheOf(ROOT, CODE, [sam, alex])!);
    assert.strictEqual(value.version, STARTUP_CACHE_VERSION);
    assert.deepStrictEqual(
      value.people.map((e) => e.path),
      ['people/alex-kim.md', 'people/sam-lee.md'],
    );
    const back = readStartupCache(value, ROOT, CODE)!;
    assert.ok(sameEntry(back[0], alex) && sameEntry(back[1], sam));
    assert.strictEqual(back[1]!.problems.length, 1, "Sam's unknown role is a problem, kept with the entry");
    // Restored, the index serves them as it served the parsed ones.
    const index = new JournalIndex();
    for (const e of back) index.restore(e);
    assert.deepStrictEqual(
      index.people().map((p) => [p.name, p.role, p.schedule?.timeZone]),
      [
        ['Alex Kim', 'manager', 'Europe/Berlin'],
        ['Sam Lee', 'boss', undefined],
      ],
    );
  });

  it('keeps what the front matter says, never the notes below it', () => {
    const value = JSON.stringify(startupCacheOf(ROOT, CODE, [alex]));
    assert.ok(value.includes('Alex Kim'));
    assert.ok(!value.includes('agenda.'), value);
  });

  it('keeps person files only, and nothing when there are none', () => {
    const goal = entryOf('goals/ship.md', '---\ntitle: Ship\n---\n');
    const meeting = entryOf('meetings/alex-kim/2026-01-05.md', '## Agenda\n\n- [ ] one\n');
    assert.deepStrictEqual(
      startupCacheOf(ROOT, CODE, [goal, alex, meeting])!.people.map((e) => e.path),
      ['people/alex-kim.md'],
    );
    assert.strictEqual(startupCacheOf(ROOT, CODE, [goal]), undefined);
    const odd = entryOf('people/odd.md', '---\nname: Odd\nx: .inf\ny: -0\n---\n');
    assert.deepStrictEqual(
      startupCacheOf(ROOT, CODE, [odd, alex])!.people.map((e) => e.path),
      ['people/alex-kim.md'],
      'values JSON would change are not kept',
    );
    const huge = entryOf('people/huge.md', `---\nname: Huge\nnotes: "${'x'.repeat(MAX_CACHED_ENTRY)}"\n---\n`);
    assert.deepStrictEqual(
      startupCacheOf(ROOT, CODE, [huge, alex])!.people.map((e) => e.path),
      ['people/alex-kim.md'],
    );
  });

  it('is ignored when made for another folder, code or format, or when anything in it is not a person entry', () => {
    const value = stored(startupCacheOf(ROOT, CODE, [alex, sam])!);
    const withAlex = (patch: Record<string, unknown>): unknown => ({
      ...value,
      people: [{ ...value.people[0], ...patch }],
    });
    const bad: unknown[] = [
      undefined,
      null,
      'text',
      [],
      { ...value, root: 'file:///elsewhere/one-on-ones' },
      { ...value, code: '1.2.4' },
      { ...value, version: STARTUP_CACHE_VERSION + 1 },
      { ...value, people: 'x' },
      { ...value, people: [] },
      { ...value, people: [value.people[0], value.people[0]] },
      { ...value, people: [42] },
      withAlex({ path: 'goals/alex-kim.md' }),
      withAlex({ path: 'people/../alex-kim.md' }),
      withAlex({ kind: 'meeting' }),
      withAlex({ slug: 'someone-else' }),
      withAlex({ title: 7 }),
      withAlex({ data: null }),
      withAlex({ data: [] }),
      withAlex({ status: 1 }),
      withAlex({ problems: [{ message: 'x' }] }),
      withAlex({ agenda: undefined }),
      withAlex({ wins: [{ text: 'x' }] }),
      withAlex({ openActionItems: 2 }),
      withAlex({ person: 'alex-kim' }),
      withAlex({ schedule: { cadence: 'weekly' } }),
      withAlex({ data: { notes: 'x'.repeat(MAX_CACHED_ENTRY) } }),
    ];
    for (const v of bad)
      assert.strictEqual(readStartupCache(v, ROOT, CODE), undefined, JSON.stringify(v)?.slice(0, 120));
  });

  it('round-trips any person file the index reads', () => {
    fc.assert(
      fc.property(markdownFile, (file) => {
        const entry = entryOf('people/someone.md', file.text);
        const value = startupCacheOf(ROOT, CODE, [entry]);
        if (!value) {
          assert.ok(JSON.stringify(entry).length > MAX_CACHED_ENTRY);
          return;
        }
        const back = readStartupCache(stored(value), ROOT, CODE);
        assert.ok(back && back.length === 1 && sameEntry(back[0], entry), JSON.stringify(entry));
        assert.deepStrictEqual(stored(back[0]), stored(entry));
      }),
      { numRuns: RUNS },
    );
  });

  it('tells entries apart when they say anything different', () => {
    const text = '---\nname: Alex Kim\nrole: manager\n---\n';
    assert.ok(sameEntry(entryOf('people/alex-kim.md', text), entryOf('people/alex-kim.md', `${text}\nNotes.\n`)));
    assert.strictEqual(
      sameEntry(entryOf('people/a.md', '---\nx: .inf\n---\n'), entryOf('people/a.md', '---\nx: ~\n---\n')),
      false,
    );
    for (const other of [
      '---\nname: Alex Kim\nrole: peer\n---\n',
      '---\nname: Alex Kim\nrole: boss\n---\n',
      '---\nname: Alex Kim\nrole: manager\ncadence: weekly\n---\n',
    ]) {
      assert.strictEqual(
        sameEntry(entryOf('people/alex-kim.md', text), entryOf('people/alex-kim.md', other)),
        false,
        other,
      );
    }
  });
});
