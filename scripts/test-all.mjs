// `npm test`: every tier in order, stopping at the first that fails, always
// ending with a summary and a closing line `N passed, N failed` (totals).
//
//   deps         npm ci (or npm install) when node_modules is missing
//   compile      tsc -p . into a fresh out/ (typecheck + test compile)
//   lint         eslint, once an eslint.config.mjs exists
//   format       prettier --check (the formatter's verdict; npm run format fixes it)
//   unit         mocha (.mocharc.json: out/test/unit/**/*.test.js)
//   build        node scripts/build.mjs (dist/)
//   integration  scripts/test-integration.mjs (offline, code-server), or
//                scripts/test-electron.mjs when ONE_ON_ONE_VSCODE=electron
//   windows      scripts/test-windows.mjs (two workbenches on one personal journal)
//   web          scripts/test-web.mjs (the bundle in the browser's web worker extension host)
//   e2e          scripts/test-e2e.mjs (playwright-core on code-server)
//
// Env: ONE_ON_ONE_SKIP="e2e,lint" skips tiers by name (reported as skipped).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './offline-vscode.mjs';

const node = process.execPath;
const bin = (name) => path.join(repoRoot, 'node_modules', '.bin', name);
const exists = (p) => fs.existsSync(path.join(repoRoot, p));
const skip = new Set(
  (process.env.ONE_ON_ONE_SKIP || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const electron = process.env.ONE_ON_ONE_VSCODE === 'electron';

function findFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(suffix));
}

function pruneStaleOutput() {
  const out = path.join(repoRoot, 'out');
  for (const rel of findFiles(out, '.js')) {
    const source = path.join(repoRoot, String(rel).replace(/\.js$/, '.ts'));
    if (!fs.existsSync(source)) {
      for (const f of [rel, `${rel}.map`]) fs.rmSync(path.join(out, f), { force: true });
      console.log(`compile: removed stale out/${rel}`);
    }
  }
}

/** Tiers: `counts` says how to read test counts from the output (or none). */
const tiers = [
  {
    name: 'deps',
    when: () => (exists('node_modules') ? 'node_modules present' : undefined),
    cmd: () => (exists('package-lock.json') ? ['npm', 'ci'] : ['npm', 'install']),
  },
  {
    name: 'compile',
    // out/ keeps the .js of deleted .ts files (a removed test would still run): drop them
    before: pruneStaleOutput,
    cmd: () => [node, bin('tsc'), '-p', '.'],
  },
  {
    name: 'lint',
    when: () => (exists('eslint.config.mjs') ? undefined : 'no eslint.config.mjs yet'),
    cmd: () => [node, bin('eslint'), 'src', 'test', 'scripts'],
  },
  {
    // the formatter's check, as in `npm run lint` (`npm run format` fixes it)
    name: 'format',
    when: () => (exists('.prettierrc.json') ? undefined : 'no .prettierrc.json'),
    cmd: () => [node, bin('prettier'), '--check', '.'],
  },
  {
    name: 'unit',
    when: () =>
      findFiles(path.join(repoRoot, 'out', 'test', 'unit'), '.test.js').length
        ? undefined
        : 'no unit tests in out/test/unit',
    cmd: () => [node, bin('mocha')],
    counts: 'mocha',
  },
  { name: 'build', cmd: () => [node, 'scripts/build.mjs'] },
  {
    name: electron ? 'integration (electron)' : 'integration',
    key: 'integration',
    cmd: () => [node, electron ? 'scripts/test-electron.mjs' : 'scripts/test-integration.mjs'],
    counts: 'plain',
  },
  { name: 'windows', cmd: () => [node, 'scripts/test-windows.mjs'], counts: 'plain' },
  { name: 'web', cmd: () => [node, 'scripts/test-web.mjs'], counts: 'plain' },
  { name: 'e2e', cmd: () => [node, 'scripts/test-e2e.mjs'], counts: 'plain' },
];

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const stripAnsi = (s) => s.replace(ansi, '');

function parseCounts(kind, output) {
  const text = stripAnsi(output);
  if (kind === 'mocha') {
    const passing = [...text.matchAll(/^\s*(\d+) passing\b/gm)].pop();
    const failing = [...text.matchAll(/^\s*(\d+) failing\b/gm)].pop();
    if (!passing && !failing) return undefined;
    return { passed: Number(passing?.[1] ?? 0), failed: Number(failing?.[1] ?? 0) };
  }
  const m = [...text.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed\b/gm)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

function runTier(argv) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(argv[0], argv.slice(1), {
      cwd: repoRoot,
      env: { ...process.env, npm_config_yes: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (err) => {
      output += String(err);
      process.stderr.write(`${err}\n`);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const results = [];
let totalPassed = 0;
let totalFailed = 0;
let stopped = false;

for (const tier of tiers) {
  const key = tier.key ?? tier.name;
  if (stopped) {
    results.push({ name: tier.name, status: 'not run' });
    continue;
  }
  if (skip.has(key)) {
    results.push({ name: tier.name, status: 'skipped', note: 'ONE_ON_ONE_SKIP' });
    continue;
  }
  const why = tier.when?.();
  if (why) {
    results.push({ name: tier.name, status: 'skipped', note: why });
    continue;
  }

  const argv = tier.cmd();
  console.log(
    `\n=== ${tier.name}: ${argv.map((a) => (a === node ? 'node' : path.relative(repoRoot, a).startsWith('node_modules') ? path.basename(a) : a)).join(' ')}`,
  );
  tier.before?.();
  const t0 = Date.now();
  const { code, output } = await runTier(argv);
  const seconds = (Date.now() - t0) / 1000;
  let counts = tier.counts ? parseCounts(tier.counts, output) : undefined;
  const ok = code === 0 && (!counts || counts.failed === 0);
  if (!ok && (!counts || counts.failed === 0)) {
    // a tier that failed without a failing test (crash, compile error) still counts as one failure
    counts = { passed: counts?.passed ?? 0, failed: 1 };
  }
  if (tier.counts && ok && !counts) {
    results.push({ name: tier.name, status: 'ok', seconds, note: 'no test counts found in its output' });
  } else {
    results.push({
      name: tier.name,
      status: ok ? 'ok' : 'FAILED',
      seconds,
      counts,
      note: ok ? undefined : `exit ${code}`,
    });
  }
  if (counts) {
    totalPassed += counts.passed;
    totalFailed += counts.failed;
  }
  if (!ok) stopped = true;
}

console.log('\n=== summary');
for (const r of results) {
  const counts = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed` : '';
  const time = r.seconds !== undefined ? `${r.seconds.toFixed(1)} s` : '';
  console.log(
    `  ${r.name.padEnd(24)} ${r.status.padEnd(8)} ${counts.padEnd(22)} ${time.padStart(8)}${r.note ? `  (${r.note})` : ''}`,
  );
}
console.log(`${totalPassed} passed, ${totalFailed} failed`);
process.exit(stopped || totalFailed > 0 ? 1 : 0);
