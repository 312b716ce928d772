// Bundles the extension once, into dist/extension.js, which package.json
// names as both `main` (the node extension host: desktop, Remote-SSH, WSL,
// code-server) and `browser` (the web worker extension host: vscode.dev,
// github.dev). One file serves both because every file access goes through
// workspace.fs and nothing needs node built-ins; the browser platform makes
// the build fail if one sneaks in. It also picks the libraries' ES module
// builds (the `browser` and `module` fields, the `import` condition), which
// tree-shake and load faster than their CommonJS/UMD builds.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
};

// Code a few commands need, with a library too large to load at every start
// (ical.js, for calendar invites), goes into bundles of its own that the
// extension reads on first use (src/host/lazy-bundle.ts), in both hosts.
const lazyBundles = [
  { entryPoints: ['src/core/calendar/invite.ts'], outfile: 'dist/calendar.js' },
  // What the language-model tools and @1on1 answer (src/features/copilot loads it on first use).
  { entryPoints: ['src/core/copilot/index.ts'], outfile: 'dist/copilot.js' },
];
const all = [options, ...lazyBundles.map((bundle) => ({ ...options, ...bundle }))];

if (watch) {
  for (const o of all) await (await esbuild.context(o)).watch();
  console.log('esbuild: watching src/ …');
} else {
  await Promise.all(all.map((o) => esbuild.build(o)));
}
