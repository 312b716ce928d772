// Summarises a V8 .cpuprofile (node --cpu-prof) of bench/worker.mjs: self
// time by source module and by function. Functions in the esbuild bundle of
// the core are attributed to their source file through the `// src/...` and
// `// node_modules/...` comments esbuild writes before each module.
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
  if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return 'V8/native (program)';
  if (!url) return `native: ${functionName || '(anonymous)'}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
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

/** @returns {{ totalMs: number, byGroup: [string, number][], byFunction: [string, number][] }} shares of self time */
export function summarizeProfile(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
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
