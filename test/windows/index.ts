// Mocha runner for one of the two windows of scripts/test-windows.mjs: the
// same suite runs in both, each in its own extension host, and each ends with
// a line `N passed, N failed` that the runner adds up.
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // Everything the windows wait for has its own deadline (sync.ts); mocha's is only a backstop.
  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: !!process.stdout.isTTY, reporter: 'spec', bail: true });
  mocha.addFile(path.join(__dirname, 'two-windows.test.js'));
  try {
    await mocha.loadFilesAsync();
  } catch (err) {
    console.error('could not load the two-windows suite:', err);
    console.log('0 passed, 1 failed');
    throw err;
  }
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() =>
      resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }),
    );
  });
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} two-windows test(s) failed`);
}
