// Two windows, one personal journal: one code-server whose user settings point
// oneOnOne.journalFolder at a fresh folder outside every workspace, and two
// workbench pages on two different repositories, each running
// out/test/windows/index.js in its own extension host. The windows meet at
// barrier files in a shared folder (test/windows/sync.ts). Ends with the sum
// of both windows' `N passed, N failed`. Expects `npx tsc -p .` and
// `node scripts/build.mjs` to have run.
//
// Env: ONE_ON_ONE_WINDOWS_TIMEOUT_MS (default 180000), ONE_ON_ONE_DEBUG (the workbench's own console).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import {
  repoRoot,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  cleanUpAndExit,
  requireBuilt,
} from './offline-vscode.mjs';

const timeoutMs = Number(process.env.ONE_ON_ONE_WINDOWS_TIMEOUT_MS || 180000);
const testsEntry = path.join(repoRoot, 'out', 'test', 'windows', 'index.js');
const ROLES = ['payments-service', 'web-app'];

requireBuilt('test-windows', [
  [path.join(repoRoot, 'dist', 'extension.js'), 'node scripts/build.mjs'],
  [testsEntry, 'npx tsc -p .'],
]);

const started = Date.now();
const cleanups = [];
const windows = new Map(); // role → { passed, failed, code }
let finishing = false;

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  clearTimeout(overall);
  if (message) console.error(message);
  let passed = 0;
  let failed = 0;
  for (const role of ROLES) {
    const w = windows.get(role);
    passed += w?.passed ?? 0;
    // a window that never reported (crash, timeout) counts as one failure
    failed += w?.failed ?? (w?.code === 0 ? 0 : 1);
  }
  if (code === 0 && failed > 0) code = 1;
  console.log(`${passed} passed, ${failed} failed`);
  await cleanUpAndExit('test-windows', cleanups, started, code);
}

const overall = setTimeout(
  () => finish(1, `test-windows: TIMEOUT after ${timeoutMs} ms (ONE_ON_ONE_WINDOWS_TIMEOUT_MS)`),
  timeoutMs,
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => finish(130, `test-windows: interrupted (${sig})`));

/** The fixture: a personal journal with one person, two repositories, and the windows' meeting place. */
function makeFixture() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'one-on-one-windows-'));
  cleanups.push(() => fs.rmSync(base, { recursive: true, force: true, maxRetries: 3 }));
  const journal = path.join(base, 'my-1on1s');
  fs.mkdirSync(path.join(journal, 'people'), { recursive: true });
  fs.writeFileSync(
    path.join(journal, 'people', 'sam-lee.md'),
    '---\nname: Sam Lee\nrole: manager\ncadence: weekly\n---\n\n# Sam Lee\n',
  );
  const folders = {};
  for (const role of ROLES) {
    folders[role] = path.join(base, role);
    fs.mkdirSync(path.join(folders[role], 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(folders[role], 'src', 'retry.ts'),
      'export async function retry(fn) {\n  for (let i = 0; i < 3; i++) {\n    try { return await fn(); } catch {}\n  }\n}\n',
    );
  }
  const sync = path.join(base, 'sync');
  fs.mkdirSync(sync);
  return { journal, folders, sync };
}

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const noise =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating|Creation of workbench contribution)/;

async function openWindow(context, origin, role, folder) {
  const page = await context.newPage();
  const state = {};
  windows.set(role, state);
  const prefix = `[${role}] `;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args])).replace(ansi, '');
    if (!process.env.ONE_ON_ONE_DEBUG && noise.test(text)) return;
    const counts = /^(\d+) passed, (\d+) failed$/m.exec(text);
    if (counts) Object.assign(state, { passed: Number(counts[1]), failed: Number(counts[2]) });
    const out = text.replace(/^/gm, prefix) + '\n';
    (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(out);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    state.code = typeof code === 'number' ? code : 1;
    const done = ROLES.every((r) => windows.get(r)?.code !== undefined);
    if (done) finish(ROLES.some((r) => windows.get(r).code !== 0) ? 1 : 0);
  });
  if (process.env.ONE_ON_ONE_DEBUG)
    page.on('console', (m) => console.error(`${prefix}[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (err) => console.error(`${prefix}[browser pageerror] ${err.message}`));
  const url = workbenchUrl({ origin, folder, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsEntry });
  await page.goto(url);
}

try {
  const { journal, folders, sync } = makeFixture();
  console.log(`test-windows: personal journal ${journal}`);
  const server = await startCodeServer({
    // The user's own setting, as "Create Personal Journal" would write it.
    settings: { 'oneOnOne.journalFolder': journal },
    env: { ONE_ON_ONE_WINDOWS_SYNC: sync, ONE_ON_ONE_WINDOWS_JOURNAL: journal },
    quiet: !process.env.ONE_ON_ONE_DEBUG,
  });
  cleanups.push(() => server.stop());
  server.child.once('exit', (code, signal) =>
    finish(1, `test-windows: code-server exited unexpectedly (${code ?? signal})`),
  );
  const chrome = await launchChromium();
  cleanups.push(() => chrome.close());
  await Promise.all(ROLES.map((role) => openWindow(chrome.context, server.origin, role, folders[role])));
} catch (err) {
  if (!finishing) await finish(1, `test-windows: ${err?.stack ?? err}`);
}
