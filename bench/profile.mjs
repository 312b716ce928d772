// Summarises a V8 .cpuprofile (node --cpu-prof of bench/worker.mjs, or the
// extension host's, bench/host-profile.cjs): self time by source module and
// by function, optionally within a window of the profile's clock. Functions
// in an esbuild bundle (the core's, the extension's development build) are
// attributed to their source file through the `// src/...` and
// `// node_modules/...` comments esbuild writes before each module; other
// extensions of the same host by their folder.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundleMaps = new Map();

/** Line → source module of an esbuild bundle (0-based lines). */
function moduleLines(url) {
  if (bundleMaps.has(url)) return bundleMaps.get(url);
  let starts = [];
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = /^\/\/ (?:\.\.\/)*((?:src|node_modules)\/\S+)$/.exec(line);
      if (m) starts.push([i, m[1]]);
    });
  } catch {
    starts = [];
  }
  bundleMaps.set(url, starts);
  return starts;
}

function moduleOf(url, line) {
  const starts = moduleLines(url);
  let found;
  for (const [start, name] of starts) {
    if (start > line) break;
    found = name;
  }
  return found;
}

function groupOf(frame) {
  const { functionName, url, lineNumber } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle (waiting for I/O or a message)';
  if (functionName === '(program)' || functionName === '(root)') return 'V8/native (program)';
  if (!url) return `native: ${functionName || '(anonymous)'}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  const extension = /\/lib\/vscode\/extensions\/([^/]+)\//.exec(url);
  if (extension) return `other extension: ${extension[1]}`;
  if (url.includes('/lib/vscode/')) return `VS Code: ${url.split('/').pop()}`;
  if (url.endsWith('.cjs') || url.endsWith('.js')) {
    const mod = moduleOf(url, lineNumber);
    if (mod) {
      const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(mod);
      return pkg ? pkg[1] : mod;
    }
  }
  return url.split('/').pop();
}

/**
 * @param {{ fromUs: number, toUs: number }} [window] only the samples taken in it (the profile's clock, µs)
 * @returns {{ totalMs: number, byGroup: [string, number][], byFunction: [string, number][] }} shares of self time
 */
export function summarizeProfile(file, window) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    // a sample stands for the time until the next one
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (window && (at < window.fromUs || at >= window.toUs)) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const groups = new Map();
  const functions = new Map();
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} [${group}]`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const shares = (m) => [...m.entries()].map(([k, v]) => [k, v / total]).sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, byGroup: shares(groups), byFunction: shares(functions) };
}
