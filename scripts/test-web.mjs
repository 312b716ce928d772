// Web tests: the shipped bundle in VS Code's web worker extension host (the
// one of vscode.dev and github.dev), offline. code-server's workbench is the
// browser side; the extension runs in the worker of the page, not in
// code-server's node extension host. Ends with a line `N passed, N failed`.
// Expects `npx tsc -p .` and `node scripts/build.mjs` to have run.
//
// How the extension gets into the worker (VS Code 1.100.3, code-server 4.100.3):
// - The payload's `extensionDevelopmentKind` does not do it: the web
//   workbench stores it as `extensionDevelopmentLocationKind`, but the code
//   that picks an extension's host reads `extensionDevelopmentKind`, so the
//   manifest's kinds win (workspace first, as it has a `main`) and the
//   extension runs in the node host.
// - The user setting `remote.extensionKind` is read by that code: set to
//   ["web"], it puts the extension, loaded from the server like any
//   extension under development, in the web worker host.
// - The test runner is loaded in the host of the extension whose folder
//   holds it, with that extension's own `vscode` API object (the suite
//   watches its messages); that host fetches it and gives it only
//   `require('vscode')`: so it is one esbuild bundle (mocha's browser build
//   and the suites), put in a temp copy of the extension's shipped files.
//
// Not covered: the workspace is a folder on code-server's machine, reached
// through workspace.fs as from a browser attached to a remote (a codespace);
// vscode.dev's own browser file systems are not exercised.
//
// Env: ONE_ON_ONE_WEB_TIMEOUT_MS (default 90000), ONE_ON_ONE_DEBUG (the workbench's own console).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import {
  repoRoot,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  copyToTemp,
  cleanUpAndExit,
  requireBuilt,
} from './offline-vscode.mjs';

const EXTENSION_ID = 'one-on-one-journal.one-on-one-journal';
const timeoutMs = Number(process.env.ONE_ON_ONE_WEB_TIMEOUT_MS || 90000);
const testsEntry = path.join(repoRoot, 'out', 'test', 'web', 'index.js');

requireBuilt('test-web', [
  [path.join(repoRoot, 'dist', 'extension.js'), 'node scripts/build.mjs'],
  [testsEntry, 'npx tsc -p .'],
]);

const started = Date.now();
const cleanups = [];
const result = {};
let finishing = false;

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  clearTimeout(overall);
  if (message) console.error(message);
  // a run that never reported its counts (crash, timeout, load error) counts as one failure
  const passed = result.passed ?? 0;
  const failed = result.failed ?? (code === 0 ? 0 : 1);
  if (code === 0 && (failed > 0 || result.passed === undefined)) code = 1;
  console.log(`${passed} passed, ${failed} failed`);
  await cleanUpAndExit('test-web', cleanups, started, code);
}

const overall = setTimeout(
  () =>
    finish(
      1,
      `test-web: TIMEOUT after ${timeoutMs} ms (ONE_ON_ONE_WEB_TIMEOUT_MS): the suite did not report back. ` +
        'If no test output came at all, the extension or the runner did not start in the web worker host.',
    ),
  timeoutMs,
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => finish(130, `test-web: interrupted (${sig})`));

// mocha's browser build is a UMD file in a `"type": "module"` package, so esbuild bundles it as
// ES module code, where its `module.exports = factory()` would replace the runner's own exports
// (VS Code would then call mocha.run as the runner). Without those names it defines the `mocha` global.
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await fs.promises.readFile(args.path, 'utf8')}\n})();\n`,
      loader: 'js',
    }));
  },
};

/** The files the extension runs from (as the .vsix ships them), in a temp folder, with the bundled suite beside them. */
async function stageExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-on-one-web-ext-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  for (const rel of [
    'package.json',
    'package.nls.json',
    'l10n',
    // every bundle, as the .vsix ships them (the lazy ones are read on first use)
    ...fs
      .readdirSync(path.join(repoRoot, 'dist'))
      .filter((name) => name.endsWith('.js') || name === 'extension.js.map')
      .map((name) => `dist/${name}`),
    'media',
    'README.md',
    'LICENSE',
  ]) {
    const from = path.join(repoRoot, rel);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, rel), { recursive: true });
  }
  const runner = path.join(dir, 'web-test', 'index.js');
  await esbuild.build({
    entryPoints: [testsEntry],
    outfile: runner,
    bundle: true,
    external: ['vscode'],
    // the host evaluates the runner as CommonJS: `exports.run`, `require('vscode')`
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    plugins: [mochaAsGlobal],
    logLevel: 'warning',
  });
  return { dir, runner };
}

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
// the workbench's own chatter about connections and the (disabled) gallery
const noise =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating|Creation of workbench contribution)/;

try {
  const extension = await stageExtension();
  const workspace = copyToTemp(path.join(repoRoot, 'samples', 'journal'));
  cleanups.push(() => fs.rmSync(path.dirname(workspace), { recursive: true, force: true, maxRetries: 3 }));
  console.log(`test-web: workspace ${workspace}`);

  const server = await startCodeServer({
    settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
    quiet: !process.env.ONE_ON_ONE_DEBUG,
  });
  cleanups.push(() => server.stop());
  server.child.once('exit', (code, signal) =>
    finish(1, `test-web: code-server exited unexpectedly (${code ?? signal})`),
  );

  const chrome = await launchChromium();
  cleanups.push(() => chrome.close());
  const page = await chrome.context.newPage();
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args])).replace(ansi, '');
    if (!process.env.ONE_ON_ONE_DEBUG && noise.test(text)) return;
    const counts = [...text.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
    if (counts) Object.assign(result, { passed: Number(counts[1]), failed: Number(counts[2]) });
    // finish() prints the closing line
    if (counts && text.trim() === counts[0]) return;
    (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(text + '\n');
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(typeof code === 'number' ? code : 1));
  if (process.env.ONE_ON_ONE_DEBUG) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (err) => console.error(`[browser pageerror] ${err.stack || err.message}`));

  const url = workbenchUrl({
    origin: server.origin,
    folder: workspace,
    extensionDevelopmentPath: extension.dir,
    extensionTestsPath: extension.runner,
  });
  console.log(`test-web: opening ${url}`);
  await page.goto(url);
} catch (err) {
  if (!finishing) await finish(1, `test-web: ${err?.stack ?? err}`);
}
