// Quick start: open the extension on the sample journal, laid out in
// .cache/sample-journal with its dates relative to today (see
// sample-journal.mjs; a copy you have written in is kept). Installs
// dependencies if needed and builds dist/. With a desktop `code` on PATH it
// opens an Extension Development Host window; otherwise it runs code-server
// (offline, no internet needed) and prints the URL to open.
//
// Env: PORT (code-server port, default 8080), HOST (default 127.0.0.1),
// ONE_ON_ONE_NO_DESKTOP=1 (use code-server even if `code` is on PATH).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './offline-vscode.mjs';
import { layOutSample } from './sample-journal.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
  if (r.status !== 0) {
    console.error(`start: \`${cmd} ${args.join(' ')}\` failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

if (!fs.existsSync(path.join(repoRoot, 'node_modules'))) {
  run(npm, fs.existsSync(path.join(repoRoot, 'package-lock.json')) ? ['ci'] : ['install']);
}
run(process.execPath, [path.join('scripts', 'build.mjs')]);

const laidOut = layOutSample(
  path.join(repoRoot, 'samples', 'journal'),
  path.join(repoRoot, '.cache', 'sample-journal'),
);
const sample = laidOut.dest;
console.log(
  laidOut.kept
    ? `start: kept your changes in ${path.relative(repoRoot, sample)} (delete it for a fresh sample with today's dates)`
    : `start: the sample journal is in ${path.relative(repoRoot, sample)}, its dates moved ${laidOut.days} days to today`,
);

const code = process.env.ONE_ON_ONE_NO_DESKTOP ? undefined : onPath('code');
if (code) {
  // Its own user data: a personal journal in your own user settings would be shown instead of the sample.
  const userData = path.join(repoRoot, '.cache', 'vscode-user');
  run(code, [`--user-data-dir=${userData}`, `--extensionDevelopmentPath=${repoRoot}`, sample]);
  console.log('start: opened an Extension Development Host window on the sample journal (its own user data).');
  process.exit(0);
}

// No desktop VS Code: code-server (real VS Code in the browser), offline.
const { startCodeServer, workbenchUrl } = await import('./offline-vscode.mjs');
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
let server;
try {
  server = await startCodeServer({ port, host, quiet: true });
} catch (err) {
  console.error(`start: could not start code-server on ${host}:${port}: ${err.message}`);
  console.error('start: is the port taken? Try PORT=8081 npm start');
  process.exit(1);
}
const url = workbenchUrl({ origin: server.origin, folder: sample, extensionDevelopmentPath: repoRoot });
console.log('');
console.log('  1:1 Journal is running in VS Code (code-server). Open this URL in your browser:');
console.log('');
console.log(`  ${url}`);
console.log('');
console.log('  (the URL loads the extension from this folder; the plain address opens VS Code without it)');
console.log('  After changing src/, run `node scripts/build.mjs` and reload the browser tab. Ctrl+C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstart: stopping code-server');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.once('exit', (c, sig) => {
  if (!stopping) {
    console.error(`start: code-server exited (${c ?? sig})`);
    process.exit(1);
  }
});
