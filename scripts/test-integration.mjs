// Integration tests, offline route: runs the mocha suites of
// out/test/integration/ inside code-server's extension host (real VS Code
// 1.100.3), driven by headless chromium. No download from outside the npm
// registry. Expects `npx tsc -p .` and `node scripts/build.mjs` to have run.
//
// Env: ONE_ON_ONE_TEST_TIMEOUT_MS (default 1800000: the whole integration tier, on a loaded 2-core machine where VS Code's file watcher goes quiet and the suites fall back to slower paths), ONE_ON_ONE_TEST_GREP
// (mocha grep, passed through to the tests). The tests get the path of their
// writable workspace (a fresh copy of samples/journal) in ONE_ON_ONE_TEST_WORKSPACE.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import {
  repoRoot,
  ensureCodeServer,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  copyToTemp,
  cleanUpAndExit,
} from './offline-vscode.mjs';

const timeoutMs = Number(process.env.ONE_ON_ONE_TEST_TIMEOUT_MS || 1800000);
const extensionBundle = path.join(repoRoot, 'dist', 'extension.js');
const testsEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

for (const [file, how] of [
  [extensionBundle, 'node scripts/build.mjs'],
  [testsEntry, 'npx tsc -p .'],
]) {
  if (!fs.existsSync(file)) {
    console.error(
      `test-integration: ${path.relative(repoRoot, file)} is missing; run \`${how}\` first (or \`npm test\`, which builds everything).`,
    );
    process.exit(2);
  }
}

const started = Date.now();
const cleanups = [];
let finishing = false;

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  clearTimeout(overall);
  if (message) console.error(message);
  await cleanUpAndExit('test-integration', cleanups, started, code);
}

const overall = setTimeout(() => {
  console.log('0 passed, 1 failed');
  finish(
    1,
    `test-integration: TIMEOUT after ${timeoutMs} ms (ONE_ON_ONE_TEST_TIMEOUT_MS): the suites did not report back. ` +
      'Look above for the last test output; a test may hang on a UI prompt or an unresolved promise.',
  );
}, timeoutMs);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => finish(130, `test-integration: interrupted (${sig})`));

try {
  ensureCodeServer();
  const workspace = copyToTemp(path.join(repoRoot, 'samples', 'journal'));
  cleanups.push(() => fs.rmSync(path.dirname(workspace), { recursive: true, force: true, maxRetries: 3 }));
  console.log(`test-integration: workspace ${workspace}`);

  const env = { ONE_ON_ONE_TEST_WORKSPACE: workspace };
  if (process.env.ONE_ON_ONE_TEST_GREP) env.ONE_ON_ONE_TEST_GREP = process.env.ONE_ON_ONE_TEST_GREP;
  const server = await startCodeServer({ env, quiet: !process.env.ONE_ON_ONE_DEBUG });
  cleanups.push(() => server.stop());
  server.child.once('exit', (code, signal) =>
    finish(1, `test-integration: code-server exited unexpectedly (${code ?? signal})`),
  );

  const chrome = await launchChromium();
  cleanups.push(() => chrome.close());
  const page = await chrome.context.newPage();

  const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
  // the workbench's own chatter about connections and the (disabled) gallery
  const noise =
    /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating|Creation of workbench contribution)/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    let text = util.format(...(Array.isArray(args) ? args : [args]));
    if (!process.stdout.isTTY) text = text.replace(ansi, '');
    if (!process.env.ONE_ON_ONE_DEBUG && noise.test(text)) return;
    if (type === 'error' || type === 'warn') process.stderr.write(text + '\n');
    else process.stdout.write(text + '\n');
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    finish(typeof code === 'number' ? code : 1);
  });
  if (process.env.ONE_ON_ONE_DEBUG) {
    page.on('console', (msg) => console.error(`[browser ${msg.type()}] ${msg.text()}`));
  }
  page.on('pageerror', (err) => console.error(`[browser pageerror] ${err.message}`));

  const url = workbenchUrl({
    origin: server.origin,
    folder: workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsEntry,
  });
  console.log(`test-integration: opening ${url}`);
  await page.goto(url);
} catch (err) {
  // after finish() has begun, errors are just the browser/server going away
  if (!finishing) {
    console.log('0 passed, 1 failed');
    await finish(1, `test-integration: ${err?.stack ?? err}`);
  }
}
