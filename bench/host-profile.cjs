// `npm run bench -- --profile` loads this into the node processes code-server
// starts (NODE_OPTIONS=--require). In the extension host only, it samples
// from the process's start, so that the profile holds the extension's loading
// and activation, which happen before bench/vscode-suite.cjs runs; the suite
// stops it once the Meetings tree has its first rows, and says which part of
// it is the extension's start (from willLoadExtensionCode to the first rows).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by node's --require */
if (process.argv.some((a) => a.includes('--type=extensionHost'))) {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  globalThis.__oneOnOneBenchProfile = (file) =>
    new Promise((resolve, reject) =>
      session.post('Profiler.stop', (err, res) => {
        if (err) return reject(err);
        require('fs').writeFileSync(file, JSON.stringify(res.profile));
        session.disconnect();
        resolve();
      }),
    );
}
