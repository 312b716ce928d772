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
//   timeline   the extension's own start-up steps (src/host/startup-timeline.ts)
//              on the same clock: activate() entered and returned, the people
//              shown from the startup cache, the workbench's first request for
//              the tree's root, the person files listed and indexed
//
// A measured start is the second start of a session (bench/vscode-run.mjs
// reloads the workbench between the two, with the same browser profile and
// server data): as every day after the first, the 1:1 Journal sidebar is open
// because it was left open, and the extension finds what it kept in the
// workspace's state (the startup cache of the people). So:
//
//   phase "first"    (BENCH_PHASE_FILE does not exist yet): a fresh profile.
//                    Opens the sidebar by command first thing, waits for the
//                    first rows and for the startup cache to be written,
//                    prints `BENCH_FIRST {json}` (the same figures, for a
//                    first start, whose first rows wait for that command) and
//                    writes the phase file.
//   phase "restart"  (the file exists): asks the workbench for nothing. The
//                    restored sidebar makes the workbench ask the tree for
//                    its rows as soon as the extension registers it; the
//                    suite only waits for them and reads the marks. Prints
//                    `BENCH_RESULT {json}`.
//
// Without BENCH_PHASE_FILE it runs one phase "first" and prints its figures
// as BENCH_RESULT (the measure of builds before the restart phase).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as VS Code's extension host loads it */
const vscode = require('vscode');

const ID = 'one-on-one-journal.one-on-one-journal';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

exports.run = async function run() {
  const suiteStartedAt = Date.now();
  const fs = require('fs');
  const phaseFile = process.env.BENCH_PHASE_FILE;
  const phase = phaseFile && fs.existsSync(phaseFile) ? 'restart' : 'first';
  const shown =
    phase === 'first'
      ? Promise.resolve(vscode.commands.executeCommand('workbench.view.extension.oneOnOne')).then(() => Date.now())
      : Promise.resolve(undefined);
  const ext = vscode.extensions.getExtension(ID);
  if (!ext) throw new Error(`extension ${ID} is not loaded`);
  const api = await ext.activate();
  const viewShownAt = await shown;
  // Restored sidebar: the workbench asks on its own, soon after activation; a long wait means it was not restored.
  const deadline =
    Date.now() +
    (phase === 'restart'
      ? Number(process.env.BENCH_RESTORE_TIMEOUT_MS || 60000)
      : Number(process.env.BENCH_TREE_TIMEOUT_MS || 180000));
  // Builds from before the `perf` export (`npm run bench -- --ref <older commit>`):
  // ask the tree ourselves every 2 ms instead; it answers no earlier than to the workbench.
  const recorded = api.perf !== undefined;
  let polledAt;
  const hasRows = () =>
    recorded
      ? api.perf.firstRowsAt !== undefined
      : api.services.store.state.kind === 'ready' && (api.test ?? api).trees.meetings.getChildren().length > 0;
  while (!hasRows()) {
    if (Date.now() > deadline) {
      throw new Error(
        phase === 'restart'
          ? 'the Meetings tree was never asked for rows: the 1:1 Journal sidebar was not restored at the second start'
          : 'the Meetings tree never returned rows',
      );
    }
    await sleep(2);
  }
  if (!recorded) polledAt = Date.now();
  // With --profile (bench/host-profile.cjs): this host sampled from its start; the measured start's profile ends here.
  const profiled = phase !== 'first' || !phaseFile ? globalThis.__oneOnOneBenchProfile : undefined;
  const profileFile = process.env.BENCH_PROFILE_FILE;
  const clock = { hrUs: Number(process.hrtime.bigint() / 1000n), now: Date.now() };
  if (profiled && profileFile) await profiled(profileFile);
  if (phase === 'first' && phaseFile) {
    // What the next start finds in the workspace's state, written now rather than a moment later (builds without a startup cache keep nothing).
    if (typeof api.services.store.saveStartupCache === 'function') await api.services.store.saveStartupCache();
    // the workbench writes its storage (the open sidebar, the extension's state) to IndexedDB after a short delay
    await sleep(1500);
  } else {
    await api.services.store.ready();
  }
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
  const provider = (api.test ?? api).trees.meetings;
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
    /** The extension's start-up steps (src/host/startup-timeline.ts), from willLoadExtensionCode. */
    /** This extension host's process (the runner ends the first start's before the second). */
    pid: process.pid,
    timeline: Object.fromEntries(
      Object.entries((recorded && api.perf.timeline) || {}).map(([k, v]) => [k, v - willLoad]),
    ),
    suiteStartMs: suiteStartedAt - willLoad,
    phase,
    /** When the suite's command showed the sidebar (phase "first" only). */
    viewShownMs: viewShownAt === undefined ? null : viewShownAt - willLoad,
    /** The profile's samples from willLoadExtensionCode to the first rows, in its clock (µs). */
    profileWindow:
      profiled && profileFile
        ? {
            fromUs: clock.hrUs - (clock.now - willLoad) * 1000,
            toUs: clock.hrUs - (clock.now - (recorded ? api.perf.firstRowsAt : polledAt)) * 1000,
          }
        : undefined,
    /** CPU time of the activate() call, and the lazy bundles loaded before it returned (builds before them: none). */
    activateCallCpuMs: (recorded && api.perf.activation && api.perf.activation.cpuMs) ?? null,
    bundlesAtActivation: (recorded && api.perf.activation && api.perf.activation.bundles) || [],
    fullTreeMs,
    fullTreeRows: rows,
    indexed: api.services.store.index.size,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    vscodeVersion: vscode.version,
  };
  if (phase === 'first' && phaseFile) {
    fs.writeFileSync(phaseFile, 'first start done\n');
    console.log(`BENCH_FIRST ${JSON.stringify(result)}`);
  } else console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
};
