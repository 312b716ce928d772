// End-to-end checks: the real workbench (code-server + headless chromium) on a
// fresh copy of samples/journal with the extension under development loaded,
// clicked through with playwright-core. Every test/e2e/*.check.mjs exports
// `checks` ([{ name, run }]); see test/e2e/harness.mjs. Expects
// `node scripts/build.mjs` to have run. Screenshots go to test-results/.
//
// Env: ONE_ON_ONE_TEST_GREP (run only checks whose name contains it),
// ONE_ON_ONE_TEST_TIMEOUT_MS (overall, default 600000), ONE_ON_ONE_DEBUG.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, ensureCodeServer } from './offline-vscode.mjs';

const timeoutMs = Number(process.env.ONE_ON_ONE_TEST_TIMEOUT_MS || 600000);
const started = Date.now();

if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
  console.error('test-e2e: dist/extension.js is missing; run `node scripts/build.mjs` first (or `npm test`).');
  process.exit(2);
}

const overall = setTimeout(() => {
  console.error(`test-e2e: TIMEOUT after ${timeoutMs} ms (ONE_ON_ONE_TEST_TIMEOUT_MS)`);
  console.log('0 passed, 1 failed');
  // the harness owns the server group; a hard exit here must still take it down
  process.exit(1);
}, timeoutMs);

let failed;
try {
  ensureCodeServer();
  const { runChecks } = await import('../test/e2e/harness.mjs');
  const dir = path.join(repoRoot, 'test', 'e2e');
  const checks = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.check.mjs'))
    .sort()) {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    for (const check of mod.checks ?? [])
      checks.push({ ...check, name: `${file.replace(/\.check\.mjs$/, '')}: ${check.name}` });
  }
  if (checks.length === 0) throw new Error(`no checks found in ${dir}/*.check.mjs`);
  console.log(`test-e2e: ${checks.length} check(s)`);
  failed = await runChecks(checks);
} catch (err) {
  console.error(`test-e2e: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
  failed = 1;
}
clearTimeout(overall);
console.error(`test-e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed > 0 ? 1 : 0);
