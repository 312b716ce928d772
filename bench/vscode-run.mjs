// Opens the real VS Code (code-server 1.100.3 + Debian's chromium, the
// offline route of the integration tests: scripts/offline-vscode.mjs) on a
// generated journal, with an extension folder loaded as under development,
// and runs bench/vscode-suite.cjs in its extension host. One fresh server
// and browser profile per run. A run is two starts of the workbench in that
// profile: the first (a fresh profile: the suite opens the 1:1 Journal
// sidebar) and, after a reload of the page, the second, which is measured:
// the workbench restores the sidebar left open and the extension finds what
// it kept in the workspace's state, as on every start after the first. Each
// start has a new extension host, so each is a cold start of the extension
// (the journal's files stay in the OS page cache).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchChromium, startCodeServer, workbenchUrl } from '../scripts/offline-vscode.mjs';

const RUN_TIMEOUT_MS = Number(process.env.BENCH_VSCODE_TIMEOUT_MS || 240000);

/**
 * One run: a first start, then the measured second start. `extensionPath`
 * holds package.json and dist/ (the staged production build); `suite` is the
 * suite's path (inside `extensionPath`, so VS Code's `require('vscode')` maps
 * it to the extension).
 * @returns {Promise<object>} the suite's BENCH_RESULT (the second start), with
 * the first start's figures as `first`
 */
export async function measureOnce({ workspace, extensionPath, suite, debug = false, env = {} }) {
  const cleanups = [];
  let result;
  let first;
  let exitCode;
  const log = [];
  const phaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-on-one-bench-'));
  cleanups.push(() => fs.rmSync(phaseDir, { recursive: true, force: true }));
  const phaseFile = path.join(phaseDir, 'phase');
  try {
    const server = await startCodeServer({ quiet: !debug, env: { ...env, BENCH_PHASE_FILE: phaseFile } });
    cleanups.push(() => server.stop());
    const chrome = await launchChromium();
    cleanups.push(() => chrome.close());
    const page = await chrome.context.newPage();
    // One settle per start: the suite ends each with codeAutomationExit.
    let settle;
    const nextExit = () => {
      const done = new Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
      done.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
      return done;
    };
    let done = nextExit();
    const timer = setTimeout(
      () =>
        settle.reject(
          new Error(
            `no result within ${RUN_TIMEOUT_MS} ms (BENCH_VSCODE_TIMEOUT_MS); last output:\n${log.slice(-20).join('\n')}`,
          ),
        ),
      RUN_TIMEOUT_MS,
    );
    cleanups.push(() => clearTimeout(timer));
    server.child.once('exit', (code, signal) => settle.reject(new Error(`code-server exited (${code ?? signal})`)));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      log.push(text);
      if (debug) console.error(`    [ext host] ${text}`);
      const m = /BENCH_(RESULT|FIRST) (\{.*\})/.exec(text);
      if (m?.[1] === 'RESULT') result = JSON.parse(m[2]);
      else if (m) first = JSON.parse(m[2]);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      settle.resolve();
    });
    await page.goto(
      workbenchUrl({
        origin: server.origin,
        folder: workspace,
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: suite,
      }),
    );
    await done;
    if (!result) {
      if (!first) throw new Error(`the first start reported nothing (exit ${exitCode}):\n${log.slice(-10).join('\n')}`);
      // The second start: the same profile, a new workbench and extension
      // host. The first one's host would go on reading the journal for
      // seconds (a server keeps a host for a while after its window goes, to
      // reconnect): it ends now, as it does when a user closes VS Code.
      try {
        process.kill(first.pid, 'SIGKILL');
      } catch {
        // gone already
      }
      done = nextExit();
      await page.reload();
      await done;
    }
  } finally {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        // best effort: the server and browser are going away anyway
      }
    }
  }
  if (!result) {
    const errors = log
      .filter((l) => /error|Error|failed/.test(l))
      .slice(-10)
      .join('\n');
    throw new Error(`the VS Code suite reported no result (exit ${exitCode}):\n${errors || log.slice(-10).join('\n')}`);
  }
  return first ? { ...result, first } : result;
}

/** `warmups` discarded cold starts, then `runs` measured ones. */
export async function measureInVsCode({
  workspace,
  extensionPath,
  suite,
  runs,
  warmups = 1,
  debug = false,
  env = {},
  onRun = () => {},
}) {
  if (!fs.existsSync(path.join(extensionPath, 'dist', 'extension.js')))
    throw new Error(`${extensionPath}/dist/extension.js is missing`);
  const samples = [];
  for (let i = 0; i < warmups + runs; i++) {
    const r = await measureOnce({ workspace, extensionPath, suite, debug, env });
    onRun(i < warmups ? 'warm-up' : `run ${i - warmups + 1}/${runs}`, r);
    if (i >= warmups) samples.push(r);
  }
  return samples;
}
