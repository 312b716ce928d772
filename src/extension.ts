import * as vscode from 'vscode';
import { setTranslator } from './core/l10n';
import { activateFeatures, TestApi } from './features';
import { JournalStore } from './host/journal-store';
import { loadedBundles } from './host/lazy-bundle';
import { createLogger } from './host/logger';
import { createServices, Services } from './host/services';
import { markStartup, startupTimeline } from './host/startup-timeline';
import { setLibrarySource } from './host/libraries';

/** What the extension exports: used by its integration tests and the bench, not a public API. */
export interface JournalApi {
  readonly services: Services;
  /** The features' own test seams (src/features/index.ts). */
  readonly test: TestApi;
  /** Timings for `npm run bench` (bench/vscode-suite.cjs): when the Meetings tree first returned rows, and the steps before. */
  readonly perf: {
    readonly firstRowsAt: number | undefined;
    readonly timeline: Readonly<typeof startupTimeline>;
    /** CPU time of the activate() call (node hosts; undefined in a browser), and the bundles loaded before it returned. */
    readonly activation: { readonly cpuMs: number | undefined; readonly bundles: readonly string[] };
    /** The bundles loaded so far (src/host/lazy-bundle.ts): what a first use has read. */
    loadedBundles(): readonly string[];
  };
}

/** User + system CPU time of this process so far, in ms; undefined where there is no `process` (a web worker). */
function cpuNow(): number | undefined {
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (typeof proc?.cpuUsage !== 'function') return undefined;
  const { user, system } = proc.cpuUsage();
  return (user + system) / 1000;
}

export function activate(context: vscode.ExtensionContext): JournalApi {
  const cpuAtStart = cpuNow();
  markStartup('activate');
  // The core's messages in the display language, as the rest of the extension's (src/core/l10n.ts).
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  // yaml and rrule are read from their bundles by the first file that needs them (src/core/on-demand.ts), not here.
  setLibrarySource(context.extensionUri);
  const log = createLogger();
  const code = String((context.extension.packageJSON as { version?: unknown }).version);
  const store = new JournalStore(log, { state: context.workspaceState, code });
  context.subscriptions.push(log, store);
  const services = createServices(log, store, context.globalStorageUri);
  // The people as the last session left them, at once; the journal's files are read after activation returns.
  void store.start();
  const test = activateFeatures(context, services);
  markStartup('activated');
  const cpuAtEnd = cpuNow();
  const activation = {
    cpuMs: cpuAtStart === undefined || cpuAtEnd === undefined ? undefined : cpuAtEnd - cpuAtStart,
    bundles: loadedBundles(),
  };
  const perf = {
    get firstRowsAt() {
      return startupTimeline.firstRows;
    },
    timeline: startupTimeline,
    activation,
    loadedBundles,
  };
  return { services, test, perf };
}

export function deactivate(): void {}
