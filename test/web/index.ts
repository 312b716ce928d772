// Test runner for the web worker extension host (scripts/test-web.mjs), in the
// `run(): Promise<void>` shape VS Code expects of extensionTestsPath. That host
// loads the runner with fetch and evaluates it with a `require` that knows only
// `vscode`, so the runner ships as one esbuild bundle of this file, mocha and
// the suites. It ends with a line `N passed, N failed`.
import './setup';
import './browser-host.test';

export function run(): Promise<void> {
  if (typeof process !== 'undefined') {
    // mocha's browser build cannot run in node anyway: say what went wrong rather than how it breaks.
    console.log('0 passed, 1 failed');
    return Promise.reject(
      new Error(
        'the web tests were started in a node extension host: the extension was not put in the web worker host',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const passes = runner.stats?.passes ?? 0;
      const failures = runner.stats?.failures ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}
