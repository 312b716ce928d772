// The extension as it ships, built and packaged in a folder of its own
// (.bench/stage/), so `npm run bench` never touches the dist/ and .vsix that
// other work (tests, F5) uses: the files `npm run package` needs are copied
// there, node_modules is linked, and `npm run package` runs there
// (vscode:prepublish → scripts/build.mjs --production, then vsce package).
// The same staged folder is what the VS Code measurements load.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './generate.mjs';

const COPIED = [
  'package.json',
  'package.nls.json',
  'l10n',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
  'tsconfig.json',
  'media',
  'docs/format.md',
  'scripts/build.mjs',
  'src',
];

/**
 * `source`: the tree to package (the repository, or a commit exported by
 * `npm run bench -- --ref`); node_modules is always the repository's.
 * @returns {{ dir: string, vsix: string, packageMs: number }}
 */
export function stageAndPackage(dir, source = repoRoot) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const rel of COPIED) {
    const from = path.join(source, rel);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.cpSync(from, path.join(dir, rel), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', 'package'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300000,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  const packageMs = Date.now() - t0;
  const vsix = path.join(dir, 'one-on-one-journal.vsix');
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`npm run package in ${dir} failed (exit ${r.status ?? r.signal ?? r.error?.message}):\n${out}`);
  }
  return { dir, vsix, packageMs };
}

/** Entries of a .zip (the .vsix) from its central directory: name, stored and packed sizes. */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size, packed });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes: buf.length, entries };
}

/**
 * Where the bundle's bytes come from: the bundle `npm run package` ships,
 * built again with esbuild's metafile, grouped by package (or by src/
 * folder). The options are the ones that tree's scripts/build.mjs passes
 * for `--production` (platform, target, define, minify…): the script runs
 * once against a stand-in for esbuild that only records them, so the
 * composition follows the script rather than a copy of its options. When the
 * script builds more than one bundle (older commits: node and browser), the
 * one package.json names as `main`.
 */
export async function bundleComposition(source = repoRoot) {
  const esbuild = await import('esbuild');
  const options = recordBuildOptions(source);
  const main = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).main ?? '';
  const chosen = options.find((o) => path.normalize(o.outfile ?? '') === path.normalize(main)) ?? options[0];
  // Plugins do not survive the recording (functions); the build's only rewrite the imports, not which code is in.
  const { plugins: _plugins, ...shipped } = chosen;
  const result = await esbuild.build({
    ...shipped,
    absWorkingDir: source,
    nodePaths: [path.join(repoRoot, 'node_modules')],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out =
    Object.values(result.metafile.outputs).find((o) => o.entryPoint) ?? Object.values(result.metafile.outputs)[0];
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = m ? m[1] : sourceGroup(input);
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return {
    total: out.bytes,
    platform: shipped.platform ?? 'browser',
    outfile: shipped.outfile,
    groups: [...groups.entries()].sort((a, b) => b[1] - a[1]),
  };
}

/** The options `source`'s scripts/build.mjs passes to esbuild for `--production`, recorded by a stand-in esbuild. */
function recordBuildOptions(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-on-one-build-options-'));
  try {
    const shim = path.join(dir, 'node_modules', 'esbuild');
    fs.mkdirSync(shim, { recursive: true });
    fs.writeFileSync(
      path.join(shim, 'package.json'),
      JSON.stringify({ name: 'esbuild', type: 'module', main: 'index.js' }),
    );
    const record = path.join(dir, 'options.jsonl');
    fs.writeFileSync(
      path.join(shim, 'index.js'),
      `import * as fs from 'node:fs';
const save = (options) => fs.appendFileSync(${JSON.stringify(record)}, JSON.stringify(options) + '\\n');
export async function build(options) { save(options); return { errors: [], warnings: [] }; }
export async function context(options) { save(options); return { watch: async () => {}, rebuild: async () => ({}), dispose: async () => {} }; }
export default { build, context };
`,
    );
    const script = path.join(dir, 'scripts', 'build.mjs');
    fs.mkdirSync(path.dirname(script), { recursive: true });
    fs.copyFileSync(path.join(source, 'scripts', 'build.mjs'), script);
    const r = spawnSync(process.execPath, [script, '--production'], { cwd: source, encoding: 'utf8' });
    if (r.status !== 0 || !fs.existsSync(record))
      throw new Error(`recording scripts/build.mjs's options failed:\n${r.stderr}`);
    return fs
      .readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `src/core/x.ts` → `src/core`, `src/features/trees/x.ts` → `src/features/trees`. */
function sourceGroup(input) {
  const parts = input.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return parts.length < 3 ? input : parts.slice(0, 2).join('/');
  return parts.slice(0, parts[1] === 'features' && parts.length >= 4 ? 3 : 2).join('/');
}
