// Bundles the extension once, into dist/extension.js, which package.json
// names as both `main` (the node extension host: desktop, Remote-SSH, WSL,
// code-server) and `browser` (the web worker extension host: vscode.dev,
// github.dev). One file serves both because every file access goes through
// workspace.fs and nothing needs node built-ins; the browser platform makes
// the build fail if one sneaks in. It also picks the libraries' ES module
// builds (the `browser` and `module` fields, the `import` condition), which
// tree-shake and load faster than their CommonJS/UMD builds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Each module's `import * as vscode from 'vscode'` is built as `import vscode = require('vscode')`, which TypeScript
 * reads the same. For a namespace import of an external module esbuild emits `__toESM(require('vscode'))` in every
 * importing module, and that copies the API's hundreds of properties once per module (65 in the main bundle): 35 of
 * the 64 ms of CPU that loading the main bundle took (bench/load-cpu.cjs). The sources keep the usual import.
 */
const vscodeAsRequire = {
  name: 'vscode-as-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replace(
        /^import \* as vscode from 'vscode';$/m,
        "import vscode = require('vscode');",
      ),
      loader: 'ts',
    }));
  },
};

const options = {
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  external: ['vscode'],
  // both extension hosts load CommonJS: `require('vscode')`, `exports.activate`
  format: 'cjs',
  platform: 'browser',
  // VS Code 1.95's node (20) and the browsers it supports
  target: 'es2022',
  // The web extension host has no `process`; the node one must behave the same.
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [vscodeAsRequire],
};

// Code a few commands need, with a library too large to load at every start
// (ical.js, for calendar invites) or answers only some users ask for
// (Copilot's), goes into bundles of its own that the extension reads on first
// use (src/host/lazy-bundle.ts), in both hosts. A lazy bundle does not carry
// its own copy of a module the main bundle has: it imports it as
// `journal:src/…` and the main bundle hands over its own (setSharedModules),
// so the two share one index, one translator, one of everything.
const lazyBundles = [
  { entryPoints: ['src/core/calendar/invite.ts'], outfile: 'dist/calendar.js' },
  // Libraries the core needs only for some files (src/core/on-demand.ts): yaml for front matter the flat shortcut
  // declines and for front-matter edits, rrule for a cadence written as an RRULE.
  { entryPoints: ['src/core/yaml-library.ts'], outfile: 'dist/yaml.js' },
  { entryPoints: ['src/core/rrule-library.ts'], outfile: 'dist/rrule.js' },
  // What the language-model tools and @1on1 answer (src/features/copilot loads it on first use).
  { entryPoints: ['src/core/copilot/index.ts'], outfile: 'dist/copilot.js' },
  // Features whose only way in is their commands: index.ts registers each id at activation
  // (src/ui/lazy-commands.ts), the bundle is read on the first call.
  ...[
    ['src/features/review/review.ts', 'review'],
    ['src/features/search/search.ts', 'search'],
    ['src/features/balance/balance.ts', 'balance'],
    ['src/features/capture/capture.ts', 'capture'],
    ['src/features/calendar/commands.ts', 'invite-import'],
    ['src/features/evidence/commands.ts', 'evidence'],
    ['src/features/journal/commands.ts', 'journal'],
    ['src/features/goals-feedback/commands.ts', 'goals-feedback'],
  ].map(([entry, name]) => ({ entryPoints: [entry], outfile: `dist/${name}.js` })),
];
const SHARED = 'journal:';

/** Marks imports of modules the main bundle has as external `journal:<path>`, and records which. */
function sharedWithMain(mainInputs, used) {
  return {
    name: 'shared-with-main',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: 'inner',
        });
        if (resolved.errors.length > 0) return undefined;
        const rel = path.relative(process.cwd(), resolved.path).split(path.sep).join('/');
        if (!rel.startsWith('src/') || !mainInputs.has(rel)) return undefined;
        used.add(rel);
        return { path: `${SHARED}${rel}`, external: true };
      });
    },
  };
}

/** The main bundle's entry: extension.ts, and the modules the lazy bundles take from it. */
function mainEntry(shared, buildId) {
  const names = [...shared].sort();
  const imports = names.map((rel, i) => `import * as m${i} from './${rel.replace(/\.ts$/, '')}';`).join('\n');
  const table = names.map((rel, i) => `  ${JSON.stringify(rel)}: m${i},`).join('\n');
  return {
    contents: `${imports}\nimport { setSharedModules } from './src/host/lazy-bundle';\nsetSharedModules({\n${table}\n}, ${JSON.stringify(buildId)});\nexport * from './src/extension';\n`,
    resolveDir: process.cwd(),
    sourcefile: 'extension-entry.ts',
    loader: 'ts',
  };
}

async function buildAll() {
  // 1. What the main bundle holds; 2. the lazy bundles, taking those modules from it; 3. the main bundle, handing them
  // over with this build's id (a lazy bundle of another build is refused, not run against the wrong modules). Nothing
  // is written until all three are built.
  const buildId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const probe = await esbuild.build({ ...options, write: false, metafile: true });
  const mainInputs = new Set(Object.keys(probe.metafile?.inputs ?? {}));
  const shared = new Set();
  const lazy = await Promise.all(
    lazyBundles.map((bundle) =>
      esbuild.build({
        ...options,
        ...bundle,
        write: false,
        banner: { js: `// journal-build:${buildId}` },
        plugins: [vscodeAsRequire, sharedWithMain(mainInputs, shared)],
      }),
    ),
  );
  const { entryPoints: _entry, ...rest } = options;
  const main = await esbuild.build({ ...rest, write: false, stdin: mainEntry(shared, buildId) });
  for (const result of [main, ...lazy])
    for (const file of result.outputFiles ?? []) {
      fs.mkdirSync(path.dirname(file.path), { recursive: true });
      fs.writeFileSync(file.path, file.contents);
    }
}

if (watch) {
  // Any change under src/ builds all three steps again (they depend on each other).
  let timer;
  let running = Promise.resolve();
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(buildAll).then(
        () => console.log('esbuild: built'),
        (err) => console.error(`esbuild: ${err.message}`),
      );
    }, 100);
  };
  await buildAll().catch((err) => console.error(`esbuild: ${err.message}`));
  fs.watch('src', { recursive: true }, again);
  console.log('esbuild: watching src/ …');
} else {
  await buildAll();
}
