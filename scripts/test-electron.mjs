// Integration tests through @vscode/test-electron: the same mocha suites as
// scripts/test-integration.mjs, in desktop VS Code. It downloads VS Code from
// the update server on first use, so it needs internet (not available on the
// project's offline machines: there, use `npm run test:integration`).
// Selected in `npm test` by ONE_ON_ONE_VSCODE=electron. Expects `npx tsc -p .`
// and `node scripts/build.mjs` to have run.
//
// Env: ONE_ON_ONE_VSCODE_VERSION (default 'stable'), ONE_ON_ONE_TEST_GREP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { repoRoot, copyToTemp } from './offline-vscode.mjs';

const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
for (const [file, how] of [
  [path.join(repoRoot, 'dist', 'extension.js'), 'node scripts/build.mjs'],
  [extensionTestsPath, 'npx tsc -p .'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`test-electron: ${path.relative(repoRoot, file)} is missing; run \`${how}\` first.`);
    process.exit(2);
  }
}

const workspace = copyToTemp(path.join(repoRoot, 'samples', 'journal'));
const extensionTestsEnv = { ONE_ON_ONE_TEST_WORKSPACE: workspace };
if (process.env.ONE_ON_ONE_TEST_GREP) extensionTestsEnv.ONE_ON_ONE_TEST_GREP = process.env.ONE_ON_ONE_TEST_GREP;

let code;
try {
  code = await runTests({
    version: process.env.ONE_ON_ONE_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
    extensionTestsEnv,
  });
} catch (err) {
  if (err instanceof TestRunFailedError) {
    // VS Code ran the suites and exited non-zero: they printed their own counts
    console.error(`test-electron: ${err.message}`);
  } else {
    console.error(`test-electron: ${err?.stack ?? err}`);
    console.log('0 passed, 1 failed');
  }
  code = 1;
} finally {
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true, maxRetries: 3 });
}
process.exit(code);
