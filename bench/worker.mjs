// One measurement in a process of its own (started by scripts/bench.mjs with
// --expose-gc), so no task inherits another's heap or JIT state:
//
//   node --expose-gc bench/worker.mjs <task> <journal folder> [runs] [warmups]
//
// tasks:
//   floor    list the journal and read every file's bytes (nothing else)
//   core     list, read, decode and index every file with our core
//            (JournalIndex.update, bundled from src/core by scripts/bench.mjs)
//   remark   list, read and parse every file the way popular notes
//            extensions do: unified + remark-parse + remark-frontmatter, and
//            yaml for the front matter
//   update   index everything, then time re-indexing one changed file
//            (read, decode, JournalIndex.update: what the store does), many times
//   returning  a start with the index the last session kept (core/index-cache.ts),
//            one file changed since: list, stat every file, read the kept index,
//            restore the entries of the files found as kept, read and index the
//            changed one (what JournalStore does at such a start)
//   heap     index everything, then the heap the index retains (after gc)
//   heap-remark  the same for a cache of remark trees and front matter
//
// The last line printed is `RESULT {json}`: every run's milliseconds (after
// the warm-up runs), or the heap figures.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { createRequire } from 'node:module';
import { decode, listMarkdown, MAX_FILE_BYTES, median, percentile } from './corpus.mjs';

const [task, root, runsArg = '5', warmupsArg = '1'] = process.argv.slice(2);
const runs = Number(runsArg);
const warmups = Number(warmupsArg);
const coreBundle = process.env.BENCH_CORE_BUNDLE;

if (!task || !root) {
  console.error(
    'usage: node --expose-gc bench/worker.mjs <floor|core|remark|update|returning|search|completion|heap|heap-remark> <journal folder> [runs] [warmups]',
  );
  process.exit(2);
}
const gc = globalThis.gc ?? (() => {});
const now = () => performance.now();

function loadCore() {
  if (!coreBundle || !fs.existsSync(coreBundle))
    throw new Error(`BENCH_CORE_BUNDLE (${coreBundle}) is missing: run scripts/bench.mjs, which builds it`);
  return createRequire(import.meta.url)(coreBundle);
}

async function loadRemark() {
  const [{ unified }, { default: remarkParse }, { default: remarkFrontmatter }, YAML] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-frontmatter'),
    import('yaml'),
  ]);
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  /** A file as a notes extension keeps it: its tree and its front matter. */
  return (text) => {
    const tree = processor.parse(text);
    let data = {};
    const first = tree.children[0];
    if (first && first.type === 'yaml') {
      try {
        data = YAML.parse(first.value, { logLevel: 'silent' }) ?? {};
      } catch {
        data = {};
      }
    }
    return { tree, data };
  };
}

/** The store's read of one file: the bytes (one call, the 1 MB cap checked on them), decode; then the index. */
function indexFile(index, full, rel) {
  const bytes = fs.readFileSync(full);
  if (bytes.length > MAX_FILE_BYTES) return index.markUnreadable(rel, 'too large');
  const text = decode(bytes);
  return text === undefined ? index.markUnreadable(rel, 'not UTF-8') : index.update(rel, text);
}

/** Wall-clock ms of each run after the warm-ups, and the process's CPU ms (user + system) alongside: on a busy machine the gap between them is time spent waiting for a core. */
async function timed(fn) {
  const samples = [];
  const cpu = [];
  for (let i = 0; i < warmups + runs; i++) {
    // No forced gc() between runs: a forced full GC also drops V8's compiled
    // code and regexps, which doubled the core's CPU time at 100 files. The
    // previous run's garbage is collected as the next one runs, as in real use.
    await new Promise((r) => setImmediate(r));
    const c0 = process.cpuUsage();
    const t0 = now();
    const check = fn();
    const ms = now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= warmups) {
      samples.push(ms);
      cpu.push((c.user + c.system) / 1000);
    }
    globalThis.__benchSink = check; // keep the result alive through the timing
  }
  return { samples, median: median(samples), min: Math.min(...samples), cpuMedian: median(cpu) };
}

function heapUsedMb() {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

const result = await (async () => {
  switch (task) {
    case 'floor':
      return timed(() => {
        let bytes = 0;
        for (const rel of listMarkdown(root)) bytes += fs.readFileSync(path.join(root, rel)).length;
        return bytes;
      });
    case 'core': {
      const { JournalIndex } = loadCore();
      return timed(() => {
        const index = new JournalIndex();
        index.batch(() => {
          for (const rel of listMarkdown(root)) indexFile(index, path.join(root, rel), rel);
        });
        return index;
      });
    }
    case 'remark': {
      const parse = await loadRemark();
      return timed(() => {
        let nodes = 0;
        for (const rel of listMarkdown(root)) {
          const text = fs.readFileSync(path.join(root, rel)).toString('utf8');
          nodes += parse(text).tree.children.length;
        }
        return nodes;
      });
    }
    case 'update': {
      const { JournalIndex } = loadCore();
      const index = new JournalIndex();
      const files = listMarkdown(root);
      for (const rel of files) indexFile(index, path.join(root, rel), rel);
      // Meetings spread over the journal, each re-read and re-indexed with one
      // checkbox ticked (what a save after "Mark Discussed" does).
      const meetings = files.filter((f) => f.startsWith('meetings/'));
      const picks = Array.from({ length: 50 }, (_, i) => meetings[Math.floor((i * 7919) % meetings.length)]);
      const once = (rel) => {
        const full = path.join(root, rel);
        const t0 = now();
        const bytes = fs.readFileSync(full);
        let text = bytes.length <= MAX_FILE_BYTES ? decode(bytes) : undefined;
        if (text !== undefined)
          text = text.includes('- [ ]') ? text.replace('- [ ]', '- [x]') : `${text}\n- [ ] one more\n`;
        const entry = text === undefined ? index.markUnreadable(rel, 'unreadable') : index.update(rel, text);
        const ms = now() - t0;
        globalThis.__benchSink = entry;
        return ms;
      };
      for (let i = 0; i < 200; i++) once(picks[i % picks.length]); // warm-up
      const perRun = [];
      const all = [];
      for (let r = 0; r < runs; r++) {
        const samples = picks.map(once);
        perRun.push(median(samples));
        all.push(...samples);
      }
      return {
        samples: perRun,
        median: median(perRun),
        p95: percentile(all, 95),
        max: Math.max(...all),
        files: files.length,
      };
    }
    case 'returning': {
      const core = loadCore();
      if (!core.parseIndexCache) return { samples: [], median: null };
      const key = { root: `file://${root}`, code: 'bench', language: 'en' };
      // The last session: every file stat'ed, read and indexed, and the index
      // kept (as if read a moment after the newest file was written, so that
      // every time can be trusted). One meeting has changed since: its kept
      // stamp is older than its file's, as after a write (the corpus itself is
      // never touched), so it is found changed, read and indexed again.
      const files = listMarkdown(root);
      const stamps = files.map((rel) => fs.statSync(path.join(root, rel)));
      const readAt = Math.max(Date.now(), ...stamps.map((s) => s.mtimeMs + 2 * core.MTIME_MARGIN_MS));
      let full = new core.JournalIndex();
      const meetings = files.filter((f) => f.startsWith('meetings/'));
      const changed = meetings[Math.floor(meetings.length / 2)];
      const cacheFile = path.join(os.tmpdir(), `one-on-one-bench-index-${process.pid}.json`);
      const kept = files.map((rel, i) => {
        const entry = indexFile(full, path.join(root, rel), rel);
        const stamp = { size: stamps[i].size, mtime: stamps[i].mtimeMs - (rel === changed ? 1000 : 0) };
        return { ...core.checkOf(stamp, readAt, undefined, true), entry };
      });
      fs.writeFileSync(cacheFile, core.serializeIndexCache(key, kept));
      const cacheMb = fs.statSync(cacheFile).size / 1024 / 1024;
      // A file with private text is not kept (nothing private leaves the journal), so it is read at every start too.
      const cached = core.parseIndexCache(fs.readFileSync(cacheFile, 'utf8'), key);
      const notKept = files.filter((rel) => !cached?.has(rel)).length;
      const expected = notKept + (cached?.has(changed) ? 1 : 0);
      let parsed = 0;
      const start = () => {
        parsed = 0;
        const index = new core.JournalIndex();
        const cache = core.parseIndexCache(new TextDecoder().decode(fs.readFileSync(cacheFile)), key);
        index.batch(() => {
          for (const rel of listMarkdown(root)) {
            const where = path.join(root, rel);
            const file = cache.get(rel);
            const stat = fs.statSync(where, { throwIfNoEntry: false });
            if (file && stat && core.stampMatches(file, { size: stat.size, mtime: stat.mtimeMs }))
              index.restore(file.entry);
            else {
              parsed++;
              indexFile(index, where, rel);
            }
          }
        });
        return index;
      };
      try {
        // Once, untimed: the same index as a full read, with one file parsed.
        const index = start();
        const same = files.every((rel) => JSON.stringify(index.get(rel)) === JSON.stringify(full.get(rel)));
        if (!same || index.size !== full.size || parsed !== expected)
          throw new Error(
            `a returning start differs from a full read (parsed ${parsed}, expected ${expected}; ${index.size} entries)`,
          );
        // The last session's index is gone by the next start: only the runs' own indexes are in the heap.
        const count = kept.length - notKept;
        full = undefined;
        kept.length = 0;
        for (let i = 0; i < 4; i++) gc();
        const timing = await timed(start);
        return { ...timing, cacheMb, kept: count, parsed };
      } finally {
        fs.rmSync(cacheFile, { force: true });
      }
    }
    case 'search': {
      const core = loadCore();
      if (!core.searchRows) return { samples: [], median: null, rows: 0 };
      const index = new core.JournalIndex();
      for (const rel of listMarkdown(root)) indexFile(index, path.join(root, rel), rel);
      const query = core.parseQuery('#growth is:open review');
      let rows = 0;
      const once = () => {
        const t0 = now();
        const all = core.searchRows(index).rows;
        globalThis.__benchSink = all.filter((r) => core.matchesQuery(r, query));
        rows = all.length;
        return now() - t0;
      };
      for (let i = 0; i < warmups; i++) once();
      const samples = Array.from({ length: runs }, once);
      return { samples, median: median(samples), rows };
    }
    case 'completion': {
      const core = loadCore();
      if (!core.completionAt) return { samples: [], median: null, items: 0 };
      const index = new core.JournalIndex();
      for (const rel of listMarkdown(root)) indexFile(index, path.join(root, rel), rel);
      const person = index.people()[0]?.slug;
      const doc = core.parseDocument('## Agenda\n\n- [ ] Ask about #gr\n\n## Action items\n\n- [ ] Al\n');
      let items = 0;
      // What the provider computes per request: where the cursor is, then the suggestions from the index.
      const once = () => {
        const t0 = now();
        const tag = core.completionAt(doc, 2, 19);
        const owner = core.completionAt(doc, 6, 8);
        const tags = tag ? core.tagSuggestions(index) : [];
        const owners = owner ? core.ownerSuggestions(index, person) : [];
        globalThis.__benchSink = [tags, owners];
        items = tags.length + owners.length;
        return now() - t0;
      };
      for (let i = 0; i < warmups; i++) once();
      const samples = Array.from({ length: runs }, once);
      return { samples, median: median(samples), items };
    }
    case 'heap': {
      const { JournalIndex } = loadCore();
      const files = listMarkdown(root);
      const before = heapUsedMb();
      const index = new JournalIndex();
      index.batch(() => {
        for (const rel of files) indexFile(index, path.join(root, rel), rel);
      });
      const after = heapUsedMb();
      globalThis.__benchSink = index;
      return { retainedMb: after - before, heapUsedMb: after, baselineMb: before, entries: index.size };
    }
    case 'heap-remark': {
      const parse = await loadRemark();
      const files = listMarkdown(root);
      const before = heapUsedMb();
      const cache = new Map();
      for (const rel of files) cache.set(rel, parse(fs.readFileSync(path.join(root, rel)).toString('utf8')));
      const after = heapUsedMb();
      globalThis.__benchSink = cache;
      return { retainedMb: after - before, heapUsedMb: after, baselineMb: before, entries: cache.size };
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
})();

console.log(`RESULT ${JSON.stringify(result)}`);
