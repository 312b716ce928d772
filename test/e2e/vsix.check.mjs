// The packaged extension as a user installs it: one-on-one-journal.vsix
// (rebuilt with `npm run package` when missing or older than dist/),
// installed with code-server's --install-extension into a fresh extensions
// dir, on a server of its own with no extensionDevelopmentPath, holds every
// bundle and shows the journal's trees.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, startCodeServer } from '../../scripts/offline-vscode.mjs';
import { showJournal, treeItem } from './ui.mjs';

const VSIX = path.join(repoRoot, 'one-on-one-journal.vsix');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function run(cmd, args, what) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0)
    throw new Error(
      `${what} failed (exit ${r.status ?? r.signal ?? r.error?.message}):\n${out.split('\n').slice(-20).join('\n')}`,
    );
  return Date.now() - t0;
}

/** The .vsix, packaged again when missing or older than the bundles in dist/. */
function ensureVsix() {
  const dist = path.join(repoRoot, 'dist');
  if (fs.existsSync(VSIX) && fs.statSync(VSIX).mtimeMs >= newestMtime(dist)) return;
  const why = fs.existsSync(VSIX) ? 'older than dist/' : 'missing';
  const ms = run('npm', ['run', 'package'], `npm run package (${path.basename(VSIX)} was ${why})`);
  if (!fs.existsSync(VSIX)) throw new Error(`npm run package exited 0 but wrote no ${VSIX}`);
  if (process.env.ONE_ON_ONE_DEBUG) console.log(`    [vsix] packaged (${why}) in ${ms} ms`);
  // `vscode:prepublish` left a minified production build in dist/: put the
  // development build (with source maps) back, as the other checks and F5 expect.
  try {
    run(process.execPath, ['scripts/build.mjs'], 'restoring the development build (node scripts/build.mjs)');
  } catch (err) {
    console.log(`    (warning: ${err.message.split('\n')[0]}; dist/ holds the production build)`);
  }
}

/** @param {{ openWorkbench: Function, onCleanup: Function, shot: (name: string) => Promise<string> }} t */
export async function packagedExtensionShowsTrees({ openWorkbench, onCleanup, shot }) {
  ensureVsix();
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const server = await startCodeServer({ quiet: !process.env.ONE_ON_ONE_DEBUG, installVsix: [VSIX] }).catch((err) => {
    throw new Error(`installing ${path.basename(VSIX)} into a fresh extensions dir: ${err.message}`);
  });
  onCleanup(() => server.stop());
  const installed = path.join(server.root, 'ext', `${publisher}.${name}-${version}`);
  if (!fs.existsSync(path.join(installed, 'package.json'))) {
    throw new Error(
      `--install-extension reported success but ${installed} has no package.json; ext dir: ` +
        fs.readdirSync(path.join(server.root, 'ext')).join(', '),
    );
  }

  // Every bundle the build wrote: the ones read on first use too (dist/calendar.js: importing an invite;
  // dist/copilot.js: the first tool call or @1on1 answer; a command-only feature's: its first command).
  const built = fs.readdirSync(path.join(repoRoot, 'dist')).filter((f) => f.endsWith('.js'));
  for (const bundle of ['extension.js', 'calendar.js', 'copilot.js', 'search.js', ...built]) {
    if (!fs.existsSync(path.join(installed, 'dist', bundle)))
      throw new Error(`the installed .vsix has no dist/${bundle}: is it listed in .vscodeignore?`);
  }
  // The manifest's words (without them VS Code shows %keys%), and every translation of the code's messages there is;
  // the English source bundle and docs/ stay out (the README links to the repository).
  const translations = fs.existsSync(path.join(repoRoot, 'l10n'))
    ? fs.readdirSync(path.join(repoRoot, 'l10n')).filter((f) => /^bundle\.l10n\..+\.json$/.test(f))
    : [];
  for (const file of ['package.nls.json', ...translations.map((f) => `l10n/${f}`)]) {
    if (!fs.existsSync(path.join(installed, file)))
      throw new Error(`the installed .vsix has no ${file}: is it listed in .vscodeignore?`);
  }
  for (const file of ['l10n/bundle.l10n.json', 'docs'])
    if (fs.existsSync(path.join(installed, file)))
      throw new Error(`the installed .vsix ships ${file}, which it does not need`);

  const page = await openWorkbench({ server, extensionDevelopmentPath: null });
  const meetings = await showJournal(page);
  const alex = await treeItem(page, meetings, /^Alex Kim\b/, '"Alex Kim" (from the installed .vsix)', 30000);
  if ((await alex.getAttribute('aria-expanded')) !== 'true') await alex.locator('.monaco-tl-twistie').click();
  await treeItem(
    page,
    meetings,
    /2026-11-24/,
    'containing "2026-11-24" under "Alex Kim" (from the installed .vsix)',
    10000,
  );
  for (const view of ['Goals', 'Feedback']) {
    await treeItem(page, page.getByRole('tree', { name: view }), /./, 'at all (from the installed .vsix)', 10000, view);
  }
  await shot('e2e-vsix');
}

export const checks = [
  { name: 'the packaged .vsix installs and shows the trees', ownWorkbench: true, run: packagedExtensionShowsTrees },
];
