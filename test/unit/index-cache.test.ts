import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { JournalIndex } from '../../src/core/journal-index';
import { JournalEntry } from '../../src/core/journal-entry';
import { decodeEntry, encodeEntry } from '../../src/core/index-cache-entry';
import {
  CachedFile,
  checkOf,
  contentHash,
  FileStamp,
  INDEX_CACHE_FORMAT,
  INDEX_CACHE_VERSION,
  IndexCacheKey,
  MTIME_MARGIN_MS,
  parseIndexCache,
  serializeIndexCache,
  stampedLater,
  stampMatches,
  textMatches,
  UNCHECKED,
} from '../../src/core/index-cache';
import { markdownFile, RUNS } from './arbitraries';

const KEY: IndexCacheKey = { root: 'file:///home/me/one-on-ones', code: '1.2.3', language: 'en' };
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const OLD = NOW - 60_000;

/** Every markdown file under `dir`, as journal-relative paths and texts. */
function journalAt(dir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.md')) out.push([`${rel}${e.name}`, fs.readFileSync(path.join(d, e.name), 'utf8')]);
    }
  };
  walk(dir, '');
  return out.sort(([a], [b]) => (a < b ? -1 : 1));
}

const repo = path.resolve(__dirname, '../../..');
const samples = [
  ...journalAt(path.join(repo, 'samples/journal/one-on-ones')),
  ...journalAt(path.join(repo, 'test/unit/fixtures/review-journal')).map(([p, t]): [string, string] => [
    `review/${p}`,
    t,
  ]),
];

const ODD: [string, string][] = [
  [
    'people/sam-lee.md',
    '---\nname: Sam Lee\nrole: boss\ncadence: FREQ=WEEKLY;BYDAY=TU\nstarts: 2026-01-06\nskip: 2026-12-22, 2027-01-05\nmoved: 2026-12-15 to 2026-12-16 14:00\nextra: 2027-02-03 15:00\ncall: https://meet.example.com/abc\ntimezone: Europe/Berlin\n---\n',
  ],
  ['people/no-name.md', '---\nrole: nonsense\ncadence: sometimes\n---\n'],
  [
    'meetings/sam-lee/2026-11-10-afternoon.md',
    '---\ndate: 2026-11-10\nstatus: odd\nattendees: [sam-lee, me]\n---\n\n# 1:1 — Ünïcödé 🎉 \ud800\n\n## Agenda\n\n- [ ] Talk about `retryBudget` #growth #team/process\n  Source: [src/retry.ts:10-12](https://github.com/acme/x/blob/abc/src/retry.ts#L10-L12)\n- [x] A code point\n  Source: `src/a.ts:3`\n- no box #private\n\n## Action items\n\n- [ ] Sam: write it up (due 2026-12-01)\n  Carried from [2026-11-03](2026-11-03.md#carry-k2x9)\n\n## Wins\n\n- Shipped [goals/learn-rust.md](../../goals/learn-rust.md) #win #goal/lead-a-design-review\n\n## Private\n\n- secret\n',
  ],
  ['goals/no-title.md', '# A heading title\n\n## Progress\n\n- 2026-10-01: started\n- 2026-11-01 — more\n'],
  ['goals/broken.md', '---\ntitle: [unclosed\nstatus: x: y\n---\nbody\n'],
  ['notes.md', 'no front matter at all'],
  ['meetings/sam-lee/not-a-date.md', '---\ndate: tomorrow\n---\n'],
];

function entry(p: string, text: string): JournalEntry {
  return new JournalIndex().update(p, text);
}

/** What the cache refuses to keep: an item, progress entry or title tagged private. */
function holdsPrivate(e: JournalEntry): boolean {
  const tagged = (t: string): boolean => t === 'private' || t.startsWith('private/');
  return (
    [...e.agenda, ...e.actions, ...e.wins].some((i) => i.tags.some(tagged)) ||
    (e.progress ?? []).some((p) => p.private) ||
    /#private\b/i.test(e.title)
  );
}

function kept(entries: readonly JournalEntry[], check: Partial<CachedFile> = {}): string {
  return serializeIndexCache(
    KEY,
    entries.map((e) => ({ size: 10, mtime: OLD, hash: '', ...check, entry: e })),
  );
}

describe('index cache: entries', () => {
  it('gives back every entry of the sample journals, the review fixture and odd files exactly; keeps none with private text', () => {
    let withPrivate = 0;
    for (const [p, text] of [...samples, ...ODD]) {
      const e = entry(p, text);
      const encoded = encodeEntry(e);
      if (holdsPrivate(e)) {
        withPrivate++;
        assert.strictEqual(encoded, undefined, `${p} holds private text: it is read at every start, never kept`);
        continue;
      }
      assert.ok(encoded !== undefined, `${p} is kept`);
      assert.deepStrictEqual(decodeEntry(p, JSON.parse(JSON.stringify(encoded))), e, p);
    }
    assert.ok(withPrivate > 0, 'the fixtures hold private items');
    const secret = entry('goals/g.md', '---\ntitle: G\n---\n\n## Progress\n\n- 2026-11-01: SECRET #private\n');
    assert.strictEqual(encodeEntry(secret), undefined, 'private progress is never kept');
  });

  it('gives back unreadable files with their problem', () => {
    const index = new JournalIndex();
    for (const p of ['meetings/sam-lee/2026-01-02.md', 'people/x.md', 'big.md']) {
      const e = index.markUnreadable(p, 'Skipped: too large');
      assert.deepStrictEqual(decodeEntry(p, JSON.parse(JSON.stringify(encodeEntry(e)))), e);
    }
  });

  it('does not keep what JSON would not give back', () => {
    for (const value of ['.inf', '-.inf', '-0', '.nan']) {
      const e = entry('goals/g.md', `---\ntitle: G\nx: ${value}\n---\n`);
      assert.strictEqual(encodeEntry(e), undefined, value);
    }
    const odd = { ...entry('goals/g.md', '---\ntitle: G\n---\n'), extra: 1 } as JournalEntry;
    assert.strictEqual(encodeEntry(odd), undefined, 'a key it does not know');
    const moved = { ...entry('goals/g.md', '---\ntitle: G\n---\n'), path: 'goals/h.md' } as JournalEntry;
    assert.strictEqual(encodeEntry(moved), undefined, 'a slug the path does not give');
  });

  it('refuses entries not shaped as it writes them', () => {
    const good = encodeEntry(entry(ODD[2]![0], ODD[2]![1])) as Record<string, unknown>;
    const bad: unknown[] = [
      null,
      [],
      {},
      { d: [] },
      { ...good, i: 'x' },
      { ...good, i: [1, 0, 0, 64] },
      { ...good, i: [1, 0, 0, 64, 'x', 'extra'] },
      { ...good, i: [2, 0, 0, 64, 'x'] },
      { ...good, i: [-1, 0, 0] },
      { ...good, i: [0, 1, 0, 67, 'x'] },
      { ...good, i: [0, 1, 0, -64, 'x'] },
      { ...good, i: [0, 1, 0, 64.5, 'x'] },
      { ...good, i: [0, 1, 0, 2 ** 40, 'x'] },
      { ...good, i: [0, 0, 1, 64, 2] },
      { ...good, i: [0, 0, 1, 68, 'x'] },
      { ...good, i: [0, 0, 1, 80, 'x', 'https://x'] },
      { ...good, i: [0, 0, 1, 72, 'x', 5] },
      { ...good, i: [0, 0, 1, 96, 'x', null] },
      { ...good, p: [['m', 1, 'fatal']] },
      { ...good, g: [1] },
      { ...good, o: -1 },
      { ...good, t: 5 },
      { ...good, s: { cadence: 'weekly' } },
      { ...good, s: { cadence: 'weekly', durationMinutes: 30, skip: 'x' } },
      { ...good, r: [] },
      { ...good, a: [1, 0, 1, 'x'] },
      { ...good, r: [[1, '2026-01-01', 'x']] },
      { ...good, r: [{ line: 1, date: 5, text: 'x' }] },
    ];
    for (const value of bad) assert.strictEqual(decodeEntry(ODD[2]![0], value), undefined, JSON.stringify(value));
  });
});

describe('index cache: the file', () => {
  const entries = [...new Map([...samples, ...ODD]).entries()]
    .map(([p, t]) => entry(p, t))
    .filter((e) => !holdsPrivate(e));

  it('is ASCII, and gives back each file with its check for the same folder, code and language', () => {
    const text = kept(entries);
    assert.ok(/^[\x20-\x7e]*$/.test(text), 'ASCII only');
    const cache = parseIndexCache(text, KEY)!;
    assert.strictEqual(cache.size, entries.length);
    for (const e of entries) {
      const back = cache.get(e.path)!;
      assert.deepStrictEqual(back, { size: 10, mtime: OLD, hash: '', entry: e });
    }
    assert.strictEqual(cache.malformed, 0);
  });

  it('is ASCII for a folder whose name is not', () => {
    const key = { ...KEY, root: 'file:///home/zo\u00eb/\u65e5\u8a18' };
    const text = serializeIndexCache(key, [{ size: 1, mtime: OLD, hash: '', entry: entries[0]! }]);
    assert.ok(/^[\x20-\x7e]*$/.test(text));
    assert.deepStrictEqual(parseIndexCache(text, key)?.get(entries[0]!.path)?.entry, entries[0]);
  });

  it('is ignored when made for another folder, code, language, format or version', () => {
    const text = kept(entries);
    for (const other of [
      { ...KEY, root: 'file:///home/me/other' },
      { ...KEY, code: '1.2.4' },
      { ...KEY, language: 'de' },
    ])
      assert.strictEqual(parseIndexCache(text, other), undefined, JSON.stringify(other));
    const value = JSON.parse(text) as Record<string, unknown>;
    for (const change of [{ format: 'something-else' }, { version: INDEX_CACHE_VERSION + 1 }, { version: '1' }])
      assert.strictEqual(parseIndexCache(JSON.stringify({ ...value, ...change }), KEY), undefined);
    assert.strictEqual(value['format'], INDEX_CACHE_FORMAT);
  });

  it('is ignored when damaged', () => {
    const text = kept(entries);
    const value = JSON.parse(text) as { files: unknown[][] };
    const withFiles = (files: unknown[]): string => JSON.stringify({ ...value, files, count: files.length });
    const first = value.files[0]!;
    const damaged = [
      '',
      'null',
      '[]',
      text.slice(0, text.length / 2),
      text.slice(0, -1),
      `${text}x`,
      text.replace('"count":', '"count":1'),
      withFiles([...value.files, first]),
      withFiles([[5, ...first.slice(1)]]),
      withFiles([[first[0], '10', ...first.slice(2)]]),
      withFiles([[first[0], 10, -1, '', first[4]]]),
      withFiles([first.slice(0, 4)]),
    ];
    for (const d of damaged) assert.strictEqual(parseIndexCache(d, KEY), undefined, d.slice(0, 80));
  });

  it('refuses one malformed entry by itself (its file is read), and hands each entry out once', () => {
    const value = JSON.parse(kept(entries.slice(0, 2))) as { files: unknown[][] };
    value.files[0]![4] = { d: 'not data' };
    const cache = parseIndexCache(JSON.stringify(value), KEY)!;
    assert.strictEqual(cache.get(entries[0]!.path), undefined);
    assert.strictEqual(cache.malformed, 1);
    assert.ok(cache.get(entries[1]!.path));
    assert.strictEqual(cache.get(entries[1]!.path), undefined, 'handed out once');
  });

  it('leaves out files with nothing to check them by', () => {
    const cache = parseIndexCache(kept(entries.slice(0, 1), UNCHECKED), KEY)!;
    assert.strictEqual(cache.size, 0);
  });
});

describe('index cache: when a file is trusted', () => {
  const stamp: FileStamp = { size: 120, mtime: OLD };

  it('keeps a stat taken before (or after) the read when the file is older than the read by the margin', () => {
    assert.deepStrictEqual(checkOf(stamp, NOW, 'text', true), { size: 120, mtime: OLD, hash: '' });
    assert.deepStrictEqual(stampedLater(stamp, NOW, true), { size: 120, mtime: OLD, hash: '' });
  });

  it('keeps the hash of the text instead when the time cannot be trusted', () => {
    const hashed = { size: 120, mtime: -1, hash: contentHash('text') };
    const recent = { size: 120, mtime: NOW - MTIME_MARGIN_MS + 1 };
    assert.deepStrictEqual(checkOf(recent, NOW, 'text', true), hashed, 'modified within the margin of the read');
    assert.deepStrictEqual(checkOf({ size: 120, mtime: NOW + 5000 }, NOW, 'text', true), hashed, 'in the future');
    assert.deepStrictEqual(checkOf({ size: 120, mtime: 0 }, NOW, 'text', true), hashed, 'a file system without times');
    assert.deepStrictEqual(checkOf(stamp, NOW, 'text', false), hashed, 'a virtual file system');
    assert.deepStrictEqual(checkOf(undefined, NOW, 'text', false), { ...hashed, size: -1 });
    assert.strictEqual(checkOf(recent, NOW, undefined, true), UNCHECKED, 'no text to hash: nothing');
    assert.strictEqual(stampedLater(recent, NOW, true), UNCHECKED);
    assert.strictEqual(stampedLater(stamp, NOW, false), UNCHECKED);
    assert.strictEqual(stampedLater(undefined, NOW, true), UNCHECKED);
  });

  it('leaves a file read without a stat to be stat-ed later', () => {
    assert.strictEqual(checkOf(undefined, NOW, 'text', true), UNCHECKED);
  });

  it('trusts a kept file only when the fresh stat is the kept one, or its text hashes the same', () => {
    const check = { size: 120, mtime: OLD, hash: '' };
    assert.ok(stampMatches(check, stamp));
    assert.ok(!stampMatches(check, { size: 121, mtime: OLD }));
    assert.ok(!stampMatches(check, { size: 120, mtime: OLD + 1 }));
    assert.ok(!stampMatches(check, undefined));
    assert.ok(!stampMatches({ size: 120, mtime: -1, hash: 'x' }, { size: 120, mtime: -1 }));
    const hashed = checkOf(undefined, NOW, 'some text', false);
    assert.ok(textMatches(hashed, 'some text'));
    assert.ok(!textMatches(hashed, 'some text!'));
    assert.ok(!textMatches(check, 'some text'));
    assert.notStrictEqual(contentHash('ab'), contentHash('ba'));
  });
});

// -- a returning start, as the store does it, against a full read -------------

interface DiskFile {
  readonly text: string;
  /** When it was last written (ms); the file system reports it rounded down to its tick. */
  readonly writtenAt: number;
}

interface FileSystem {
  /** The clock's tick (FAT: 2 s); 0: no times at all. */
  readonly tick: number;
  /** Whether the store trusts times there (a disk, not a virtual file system). */
  readonly reliable: boolean;
}

function statOf(file: DiskFile, fsys: FileSystem): FileStamp {
  const mtime = fsys.tick === 0 ? 0 : Math.floor(file.writtenAt / fsys.tick) * fsys.tick;
  return { size: Buffer.byteLength(file.text), mtime };
}

function fullRead(disk: ReadonlyMap<string, DiskFile>): JournalIndex {
  const index = new JournalIndex();
  for (const [p, f] of disk) index.update(p, f.text);
  return index;
}

/** The index kept after a full read that began at `readAt` (each file stat'ed before its read). */
function keepAfterRead(disk: ReadonlyMap<string, DiskFile>, fsys: FileSystem, readAt: number): string {
  const index = fullRead(disk);
  const files: CachedFile[] = [];
  for (const [p, f] of disk)
    files.push({ ...checkOf(statOf(f, fsys), readAt, f.text, fsys.reliable), entry: index.get(p)! });
  return serializeIndexCache(KEY, files);
}

/** The store's returning start: stat, restore what is as kept, read (and parse what is not). Counts the parses. */
function returningStart(disk: ReadonlyMap<string, DiskFile>, fsys: FileSystem, text: string): [JournalIndex, number] {
  const cache = parseIndexCache(text, KEY)!;
  const index = new JournalIndex();
  let parsed = 0;
  for (const [p, f] of disk) {
    const file = cache.get(p);
    const stamp = fsys.reliable ? statOf(f, fsys) : undefined;
    if (file && stampMatches(file, stamp)) index.restore(file.entry);
    else if (file && textMatches(file, f.text)) index.restore(file.entry);
    else {
      index.update(p, f.text);
      parsed++;
    }
  }
  return [index, parsed];
}

const PATHS = [
  'people/alex-kim.md',
  'people/sam-lee.md',
  'meetings/alex-kim/2026-11-03.md',
  'meetings/alex-kim/2026-11-10.md',
  'meetings/alex-kim/2026-11-10-afternoon.md',
  'meetings/sam-lee/2026-11-12.md',
  'meetings/ghost/2026-01-01.md',
  'goals/learn-rust.md',
  'feedback/blunt.md',
  'templates/meeting.md',
  'questions.md',
  'notes/odd.md',
];

const fileText = fc.oneof(
  markdownFile.map((f) => f.text),
  fc.constantFrom(...[...samples, ...ODD].map(([, t]) => t)),
  fc
    .tuple(fc.constantFrom('done', 'planned'), fc.constantFrom('a', 'b #growth', 'c #private', 'ä'), fc.boolean())
    .map(([status, item, box]) => `---\nstatus: ${status}\n---\n\n## Agenda\n\n- ${box ? '[ ] ' : ''}${item}\n`),
);

/** The text with its first letter's case changed: another text of the same size (or the same text, without a letter). */
function tweak(text: string): string {
  const i = text.search(/[a-zA-Z]/);
  if (i < 0) return text;
  const c = text[i]!;
  return text.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + text.slice(i + 1);
}

const change = fc.record({
  path: fc.constantFrom(...PATHS),
  /** write: new text; tweak: one letter changed (the same size); touch: the same text written again. */
  kind: fc.constantFrom('write', 'tweak', 'touch', 'delete'),
  text: fileText,
  /** ms after the read began (a write lands after it: either while it ran, or while VS Code was closed). */
  after: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60_000 })),
});

describe('index cache: a returning start', () => {
  it('gives the index a full read gives, for any files and any of them changed, added or deleted', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...PATHS),
          fc.tuple(fileText, fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 60_000 }))),
        ),
        fc.array(change, { maxLength: 8 }),
        fc.constantFrom<FileSystem>(
          { tick: 1, reliable: true },
          { tick: 2000, reliable: true },
          { tick: 0, reliable: true },
          { tick: 1, reliable: false },
        ),
        (files, changes, fsys) => {
          const readAt = NOW;
          // Written up to 20 s before the read began: some within the margin.
          const disk = new Map<string, DiskFile>(
            Object.entries(files).map(([p, [text, before]]) => [p, { text, writtenAt: readAt - before }]),
          );
          const text = keepAfterRead(disk, fsys, readAt);
          for (const c of changes) {
            const old = disk.get(c.path);
            if (c.kind === 'delete') disk.delete(c.path);
            else {
              const text = !old || c.kind === 'write' ? c.text : c.kind === 'tweak' ? tweak(old.text) : old.text;
              disk.set(c.path, { text, writtenAt: readAt + c.after });
            }
          }
          const [returned] = returningStart(disk, fsys, text);
          const full = fullRead(disk);
          const byPath = (index: JournalIndex): JournalEntry[] =>
            [...index.all()].sort((a, b) => (a.path < b.path ? -1 : 1));
          assert.deepStrictEqual(byPath(returned), byPath(full));
          assert.deepStrictEqual(returned.people(), full.people());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('parses only the file that changed', () => {
    const disk = new Map<string, DiskFile>(samples.map(([p, text]) => [p, { text, writtenAt: OLD }]));
    const fsys = { tick: 1, reliable: true };
    const text = keepAfterRead(disk, fsys, NOW);
    const [p, f] = [...disk][3]!;
    disk.set(p, { text: `${f.text}\n- [ ] one more\n`, writtenAt: NOW + 10 });
    const [returned, parsed] = returningStart(disk, fsys, text);
    assert.strictEqual(parsed, 1);
    assert.deepStrictEqual(returned.get(p), fullRead(disk).get(p));
  });
});
