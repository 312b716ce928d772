// Mocha runner for the integration suites, in the standard @vscode/test-electron
// shape (`run(): Promise<void>`). The same file runs inside desktop VS Code
// (scripts/test-electron.mjs) and inside code-server's extension host
// (scripts/test-integration.mjs, offline). It loads every *.test.js below
// out/test/integration/ and ends with a line `N passed, N failed`.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import * as rrule from 'rrule';
import * as yaml from 'yaml';
import { installRRule } from '../../src/core/rrule';
import { installYaml } from '../../src/core/yaml';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export async function run(): Promise<void> {
  // The suites compute expected texts with their own copy of the core (out/src), which has yaml and rrule from the
  // start as the unit tests' does; the extension under test loads its own on first need (src/host/libraries.ts).
  installYaml(yaml);
  installRRule(rrule);
  const mocha = new Mocha({
    ui: 'bdd',
    // Generous: CI machines are shared and slower than a laptop; a test that
    // passes takes its own time, and speed is the benchmark's business.
    timeout: 60_000,
    color: !!process.stdout.isTTY,
    reporter: 'spec',
  });
  const grep = process.env.ONE_ON_ONE_TEST_GREP;
  if (grep) mocha.grep(grep);

  // The daily due reminder and the close-out nudge fire on the wall clock, so
  // one could land inside any suite that records the messages a command
  // shows. Off for all; the follow-through suite turns them on, on its own clock.
  const config = vscode.workspace.getConfiguration('oneOnOne');
  await config.update('dueReminder', false, vscode.ConfigurationTarget.Global);
  await config.update('closeOutNudge', false, vscode.ConfigurationTarget.Global);

  const testsRoot = __dirname;
  const files = findTests(testsRoot).filter((f) => path.resolve(f) !== path.resolve(__filename));
  for (const file of files) mocha.addFile(file);

  if (files.length === 0) {
    console.log(`no *.test.js files found under ${testsRoot}`);
    console.log('0 passed, 1 failed');
    throw new Error(`no integration tests found under ${testsRoot}`);
  }

  try {
    await mocha.loadFilesAsync();
  } catch (err) {
    console.error('could not load the integration tests:', err);
    console.log('0 passed, 1 failed');
    throw err;
  }
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => {
      resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 });
    });
  });
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
