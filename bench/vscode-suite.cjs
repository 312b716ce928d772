// Runs inside the real VS Code's extension host (code-server, offline route),
// as the `extensionTestsPath` of a workbench opened on a generated journal by
// bench/vscode-run.mjs. It measures, and prints one line
// `BENCH_RESULT {json}`:
//
//   activate   the activation time VS Code reports for the extension
//              ("Developer: Show Running Extensions" shows codeLoadingTime +
//              activateCallTime), from VS Code's own marks in the extension
//              host (globalThis.MonacoPerformanceMarks, Date.now() based):
//              willLoadExtensionCode → didLoadExtensionCode (loading the
//              bundle) plus willActivateExtension → didActivateExtension
//              (calling activate()). The wait in between, VS Code preparing
//              the extension's context (storage, secrets), is reported apart.
//   firstTree  from willLoadExtensionCode to the moment the Meetings tree's
//              root getChildren first returned rows, as the workbench asked
//              for them (recorded by src/features/trees/meetings-tree.ts and
//              exposed as `perf` on the extension's exports)
//
// It opens the 1:1 Journal sidebar first thing, so the workbench asks the
// tree for its rows as a user with the sidebar open would; and reports when
// it did, so a late request can be told from a slow tree.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as VS Code's extension host loads it */
const vscode = require('vscode');

const ID = 'one-on-one-journal.one-on-one-journal';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** With BENCH_PROFILE_FILE set: a CPU profile of this extension host from here to the tree's first rows. */
async function startProfile() {
  const file = process.env.BENCH_PROFILE_FILE;
  if (!file) return async () => {};
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    require('fs').writeFileSync(file, JSON.stringify(profile));
  };
}

exports.run = async function run() {
  const suiteStartedAt = Date.now();
  const stopProfile = await startProfile();
  const shown = Promise.resolve(vscode.commands.executeCommand('workbench.view.extension.oneOnOne')).then(() => Date.now());
  const ext = vscode.extensions.getExtension(ID);
  if (!ext) throw new Error(`extension ${ID} is not loaded`);
  const api = await ext.activate();
  const viewShownAt = await shown;
  const deadline = Date.now() + Number(process.env.BENCH_TREE_TIMEOUT_MS || 180000);
  // Builds from before the `perf` export (`npm run bench -- --ref <older commit>`):
  // ask the tree ourselves every 2 ms instead; it answers no earlier than to the workbench.
  const recorded = api.perf !== undefined;
  let polledAt;
  const hasRows = () => (recorded ? api.perf.firstRowsAt !== undefined : api.services.store.state.kind === 'ready' && api.trees.meetings.getChildren().length > 0);
  while (!hasRows()) {
    if (Date.now() > deadline) throw new Error('the Meetings tree never returned rows');
    await sleep(2);
  }
  if (!recorded) polledAt = Date.now();
  await stopProfile();
  await api.services.store.ready();
  const perfMarks = globalThis.MonacoPerformanceMarks;
  const marks = perfMarks && typeof perfMarks.getMarks === 'function' ? perfMarks.getMarks() : [];
  const mark = (name) => marks.find((m) => m.name === `code/extHost/${name}/${ID}`)?.startTime;
  const willLoad = mark('willLoadExtensionCode');
  const didLoad = mark('didLoadExtensionCode');
  const willActivate = mark('willActivateExtension');
  const didActivate = mark('didActivateExtension');
  if (willLoad === undefined || didActivate === undefined) {
    throw new Error(`VS Code's activation marks for ${ID} are missing (found ${marks.length} marks)`);
  }

  // What one refresh of the whole tree costs in the extension host, with every
  // person expanded as they start: the root, each person's meetings, and a
  // tree item for every row (the workbench asks for all of these after a
  // refresh; IPC and rendering come on top).
  const provider = api.trees.meetings;
  let rows = 0;
  const t0 = performance.now();
  for (const person of provider.getChildren()) {
    provider.getTreeItem(person);
    rows++;
    for (const child of provider.getChildren(person)) {
      provider.getTreeItem(child);
      rows++;
    }
  }
  const fullTreeMs = performance.now() - t0;

  const result = {
    activateMs: didLoad - willLoad + (didActivate - willActivate),
    /** From starting to load the bundle to activate() returned, the wait for the context included. */
    activateWallMs: didActivate - willLoad,
    codeLoadMs: didLoad - willLoad,
    activateCallMs: didActivate - willActivate,
    /** From the bundle loaded to activate() called: VS Code preparing the extension context (storage, secrets) in parallel with loading. */
    contextWaitMs: willActivate - didLoad,
    firstTreeMs: (recorded ? api.perf.firstRowsAt : polledAt) - willLoad,
    firstTreeFrom: recorded ? 'workbench' : 'polled',
    suiteStartMs: suiteStartedAt - willLoad,
    viewShownMs: viewShownAt - willLoad,
    fullTreeMs,
    fullTreeRows: rows,
    indexed: api.services.store.index.size,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    vscodeVersion: vscode.version,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
};
