// Real VS Code, offline: code-server 4.100.3 (VS Code 1.100.3, the last
// release that runs on node 20) installed from npm into a cache folder, driven
// by playwright-core in Debian's chromium. Facts and traps are described in
// shared/docs/offline-vscode.md; this module is the project's single place
// that knows them. Used by test-integration.mjs, test-e2e.mjs and start.mjs.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep as pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json)
// and the ripgrep-prebuilt release its lib/postinstall.js asks for (VERSION).
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_PREBUILT_VERSION = 'v13.0.0-10';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const log = (...args) => console.log('[offline-vscode]', ...args);

// Safety net: whatever way this process ends (a timeout's process.exit, an
// uncaught error), no code-server group or temp folder started here survives it.
const liveGroups = new Set();
const liveTempDirs = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  for (const dir of liveTempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
});

export function codeServerDir() {
  if (process.env.ONE_ON_ONE_CODE_SERVER_DIR) return path.resolve(process.env.ONE_ON_ONE_CODE_SERVER_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'one-on-one-journal', `code-server-${CODE_SERVER_VERSION}`);
}

function entryPath(dir) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function installedVersion(dir) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'code-server', 'package.json'), 'utf8'));
    return pkg.version;
  } catch {
    return undefined;
  }
}

// Names of the prebuilt ripgrep archives @vscode/ripgrep's postinstall looks
// for on this architecture (it accepts a cached tarball instead of GitHub).
function ripgrepTargets() {
  switch (process.env.npm_config_arch || os.arch()) {
    case 'x64':
      return ['x86_64-unknown-linux-musl'];
    case 'arm64':
      return ['aarch64-unknown-linux-musl', 'aarch64-unknown-linux-gnu'];
    case 'arm':
      return ['arm-unknown-linux-gnueabihf'];
    default:
      return ['x86_64-unknown-linux-musl'];
  }
}

function seedRipgrepCache(tmpDir) {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) {
    throw new Error(
      `${rg} is missing. code-server's @vscode/ripgrep would download rg from GitHub, which is unreachable here; ` +
        "install Debian's ripgrep first: apt-get update && apt-get install -y ripgrep",
    );
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(tmpDir, 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  for (const target of ripgrepTargets()) {
    const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_PREBUILT_VERSION}-${target}.tar.gz`);
    const r = spawnSync('tar', ['-czf', tarball, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`could not create ${tarball} (tar exited ${r.status})`);
    log(`ripgrep cache: ${tarball}`);
  }
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * Installs code-server once into a cache folder (outside the project's own
 * dependencies) and returns the path of its entry.js. Idempotent.
 */
export function ensureCodeServer() {
  const dir = codeServerDir();
  const entry = entryPath(dir);
  if (
    fs.existsSync(entry) &&
    installedVersion(dir) === CODE_SERVER_VERSION &&
    fs.existsSync(path.join(dir, '.install-complete'))
  ) {
    return entry;
  }
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (first use; about 1-2 minutes)`);
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(path.join(dir, '.install-complete'), { force: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify(
        { name: 'one-on-one-journal-code-server', private: true, description: 'test tool cache' },
        null,
        2,
      ) + '\n',
    );
  }
  // Our own TMPDIR for the install: @vscode/ripgrep looks for its cache under os.tmpdir().
  const tmpDir = path.join(dir, '.tmp');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);

  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    // node-pty's postinstall runs `npx node-gyp`: never prompt (there is no stdin in CI).
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp would otherwise download node headers from nodejs.org (offline here).
  if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  // Never let an outer `npm test`/`npm ci` leak its lifecycle settings into this install.
  for (const k of Object.keys(env)) {
    if (k.startsWith('npm_lifecycle_') || k === 'npm_package_json' || k === 'INIT_CWD') delete env[k];
  }

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = [
    'install',
    '--unsafe-perm',
    '--no-save',
    '--no-package-lock',
    '--loglevel=warn',
    `code-server@${CODE_SERVER_VERSION}`,
  ];
  log(`$ npm ${args.join(' ')}`);
  const r = spawnSync(npm, args, { cwd: dir, env, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(entry)) {
    throw new Error(
      `installing code-server@${CODE_SERVER_VERSION} failed (npm exited ${r.status ?? r.signal}). ` +
        'It needs build tools (make, g++, python3) and libkrb5-dev for its native modules, and ripgrep at /usr/bin/rg. ' +
        `Remove ${dir} to start over.`,
    );
  }
  // code-server's postinstall installs VS Code's own modules (lib/vscode) and builds
  // their native parts; if npm skipped install scripts, the server cannot start.
  const vscodeModules = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const pty = path.join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node');
  if (!fs.existsSync(pty)) {
    throw new Error(
      `code-server's postinstall did not complete (${pty} is missing): npm may have skipped install scripts ` +
        '(see any "install-scripts" warning above) or a native build failed. Remove ' +
        dir +
        ' and retry.',
    );
  }
  const rgInstalled = path.join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(rgInstalled)) log(`warning: ${rgInstalled} not found; search in the workbench may not work`);
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, '.install-complete'), new Date().toISOString() + '\n');
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return entry;
}

/**
 * Starts code-server (no auth, no marketplace, no telemetry) in its own
 * process group. Resolves once it listens. `installVsix` lists .vsix files to
 * install into its extensions dir first (`--install-extension`, under a
 * second each), as a user installing the packaged extension would.
 * @param {{ userDataDir?: string, extensionsDir?: string, env?: Record<string,string>,
 *           port?: number, host?: string, quiet?: boolean, settings?: object,
 *           installVsix?: string[] }} [options]
 * @returns {Promise<{ port: number, origin: string, root: string, stop: () => Promise<void>, child: import('node:child_process').ChildProcess }>}
 */
export async function startCodeServer(options = {}) {
  const entry = ensureCodeServer();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'one-on-one-cs-'));
  const userDataDir = options.userDataDir ?? path.join(root, 'data');
  const extensionsDir = options.extensionsDir ?? path.join(root, 'ext');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  for (const d of [userDataDir, extensionsDir, path.join(root, 'config'), path.join(root, 'share')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const settingsDir = path.join(userDataDir, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    // code-server saves after a delay by default; desktop VS Code does not, and tests of unsaved editors need it off.
    'files.autoSave': 'off',
    ...(options.settings ?? {}),
  };
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify(settings, null, 2));
  const configFile = path.join(root, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);

  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--config',
    configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_DATA_HOME: path.join(root, 'share'),
    ...(options.env ?? {}),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // a surrounding VS Code terminal must not capture the child
  for (const vsix of options.installVsix ?? []) {
    const r = spawnSync(
      process.execPath,
      [
        entry,
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        '--config',
        configFile,
        '--install-extension',
        path.resolve(vsix),
      ],
      { env, encoding: 'utf8', timeout: 60_000 },
    );
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      fs.rmSync(root, { recursive: true, force: true });
      throw new Error(
        `code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal ?? r.error?.message}):\n${out}`,
      );
    }
    if (!options.quiet) log(out.trim());
  }
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  liveGroups.add(child.pid);
  liveTempDirs.add(root);

  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  let output = '';
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 3000);
      await exitPromise;
      clearTimeout(timer);
    }
    // the group may still hold helpers (extension host, pty host) after the main process exits
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    liveGroups.delete(child.pid);
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    liveTempDirs.delete(root);
  };

  const listenPort = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not report listening within 60 s. Output:\n${output}`)),
      60_000,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!options.quiet)
        for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`[code-server] ${line}\n`);
      const m = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening. Output:\n${output}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });

  // keep draining its output so the pipe never fills up
  if (options.quiet) {
    child.stdout.resume();
    child.stderr.resume();
  }
  return { port: listenPort, origin: `http://${host}:${listenPort}`, root, stop, child };
}

/** `vscode-remote://host:port/abs/path` for a server path, as the payload expects. */
export function remoteUri(origin, absPath) {
  const authority = new URL(origin).host;
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${p.startsWith('/') ? p : '/' + p}`;
}

/**
 * The workbench URL that opens `folder` with the extension at
 * `extensionDevelopmentPath` loaded and, if given, runs the mocha runner at
 * `extensionTestsPath` in the (server-side) extension host.
 */
export function workbenchUrl({ origin, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const url = new URL(origin);
  url.pathname = '/';
  if (folder) url.searchParams.set('folder', path.resolve(folder));
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(origin, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(origin, extensionTestsPath)]);
  let href = url.toString();
  if (payload.length)
    href += (href.includes('?') ? '&' : '?') + 'payload=' + encodeURIComponent(JSON.stringify(payload));
  return href;
}

export const CHROMIUM_PATH = process.env.ONE_ON_ONE_CHROMIUM || '/usr/bin/chromium';

/**
 * Launches Debian's chromium through playwright-core (no browser download),
 * headless, with a fresh profile. Returns { browser, context, close() }.
 * @param {{ headless?: boolean, viewport?: { width: number, height: number } }} [options]
 */
export async function launchChromium(options = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing. Install Debian's chromium first: apt-get update && apt-get install -y chromium`,
    );
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed (run npm ci): ${err.message}`, { cause: err });
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'one-on-one-chromium-'));
  liveTempDirs.add(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    liveTempDirs.delete(profile);
  };
  return { browser: context.browser(), context, close };
}

/** Copies a folder to a fresh temp dir and returns the copy's path. */
export function copyToTemp(src, prefix = 'one-on-one-ws-') {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  liveTempDirs.add(parent);
  const dest = path.join(parent, path.basename(src));
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

/**
 * The end of a runner script: its cleanups, newest first (a failing one is
 * reported and the rest still run), how long it took, and its exit code.
 */
export async function cleanUpAndExit(name, cleanups, started, code) {
  for (const fn of [...cleanups].reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`${name}: cleanup failed:`, err?.message ?? err);
    }
  }
  console.error(`${name}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
  process.exit(code);
}

/** Exits (2) with the command to run when a file a runner needs has not been built yet. */
export function requireBuilt(name, files) {
  for (const [file, how] of files) {
    if (!fs.existsSync(file)) {
      console.error(`${name}: ${path.relative(repoRoot, file)} is missing; run \`${how}\` first.`);
      process.exit(2);
    }
  }
}
