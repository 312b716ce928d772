// Bundles the extension twice: a node bundle (`main`, desktop and Remote-SSH)
// and a browser bundle (`browser`, vscode.dev / github.dev). Both come from
// the same sources because every file access goes through workspace.fs.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  external: ['vscode'],
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
};

const targets = [
  { ...common, platform: 'node', target: 'node18', outfile: 'dist/extension.js' },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    outfile: 'dist/web/extension.js',
    // The browser extension host has no `process`; nothing in our sources
    // needs node built-ins, and this fails the build if one sneaks in.
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  },
];

if (watch) {
  for (const options of targets) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching src/ …');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
