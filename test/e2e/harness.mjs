// A tiny check runner for the end-to-end checks: each check is an async
// function ({ page, workspace, server, shot }) => void that drives the real
// workbench (code-server + chromium) and throws on failure. Each check gets a
// fresh page on a fresh copy of samples/journal; a failing check leaves a
// screenshot test-results/e2e-<name>-failure.png.
//
// Optional fields of a check:
//   prepare(workspace)  runs on the fresh copy before the workbench opens
//                       (e.g. to add a file);
//   ownWorkbench: true  the harness opens no page: the check calls
//                       t.openWorkbench({ server, extensionDevelopmentPath })
//                       itself (e.g. on its own server with a .vsix installed);
//                       the page it returns still gets the failure screenshot.
// t.onCleanup(fn) registers work (e.g. stopping a server of the check's own) to
// run after the failure screenshot, whatever the outcome.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startCodeServer, launchChromium, workbenchUrl, copyToTemp } from '../../scripts/offline-vscode.mjs';

export const resultsDir = path.join(repoRoot, 'test-results');

/**
 * Opens the workbench on `folder` with the extension under development loaded
 * (`extensionDevelopmentPath: null`: only the server's installed extensions).
 */
export async function openWorkbench(context, server, folder, { extensionDevelopmentPath = repoRoot } = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (err) => console.error(`    [browser pageerror] ${err.message}`));
  const url = workbenchUrl({
    origin: server.origin,
    folder,
    extensionDevelopmentPath: extensionDevelopmentPath ?? undefined,
  });
  await page.goto(url);
  // the workbench is up once the activity bar is rendered
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60000 });
  return page;
}

/**
 * Runs checks in order; prints one line per check and `N passed, N failed`.
 * @param {{ name: string, run: (t: object) => Promise<void> }[]} checks
 * @returns {Promise<number>} the number of failed checks
 */
export async function runChecks(checks) {
  fs.mkdirSync(resultsDir, { recursive: true });
  // screenshots of an earlier run would mislead
  for (const f of fs.readdirSync(resultsDir))
    if (/^e2e-.*\.png$/.test(f)) fs.rmSync(path.join(resultsDir, f), { force: true });
  const grep = process.env.ONE_ON_ONE_TEST_GREP;
  const selected = grep ? checks.filter((c) => c.name.includes(grep)) : checks;
  let passed = 0;
  let failed = 0;
  const server = await startCodeServer({ quiet: !process.env.ONE_ON_ONE_DEBUG });
  let chrome;
  try {
    chrome = await launchChromium();
    for (const check of selected) {
      const t0 = Date.now();
      const workspace = copyToTemp(path.join(repoRoot, 'samples', 'journal'), 'one-on-one-e2e-');
      let page;
      const cleanups = [];
      const shot = async (name) => {
        const file = path.join(resultsDir, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      };
      try {
        const open = async (options = {}) => {
          if (page) await page.close().catch(() => {});
          page = await openWorkbench(chrome.context, options.server ?? server, workspace, options);
          return page;
        };
        if (check.prepare) await check.prepare(workspace);
        if (!check.ownWorkbench) await open();
        const onCleanup = (fn) => {
          cleanups.push(fn);
        };
        await check.run({ page, workspace, server, shot, openWorkbench: open, onCleanup });
        passed++;
        console.log(`  ✔ ${check.name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failed++;
        console.log(`  ✖ ${check.name} (${Date.now() - t0} ms)`);
        console.log(indent(String(err?.message ?? err)));
        if (page) {
          const file = path.join(resultsDir, `e2e-${slug(check.name)}-failure.png`);
          try {
            await page.screenshot({ path: file });
            console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
          } catch (shotErr) {
            console.log(`    (no screenshot: ${shotErr.message})`);
          }
        }
      } finally {
        if (page) await page.close().catch(() => {});
        for (const fn of cleanups.reverse()) {
          try {
            await fn();
          } catch (err) {
            console.log(`    (cleanup failed: ${err?.message ?? err})`);
          }
        }
        fs.rmSync(path.dirname(workspace), { recursive: true, force: true, maxRetries: 3 });
      }
    }
  } finally {
    if (chrome) await chrome.close();
    await server.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function indent(text) {
  return text
    .split('\n')
    .slice(0, 30)
    .map((l) => `    ${l}`)
    .join('\n');
}
