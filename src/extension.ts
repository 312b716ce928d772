import * as vscode from 'vscode';
import { features } from './features';
import { evidence } from './features/evidence';
import { session } from './features/session';
import { treeProviders } from './features/trees';
import { treeTimings } from './features/trees/meetings-tree';
import { JournalStore } from './host/journal-store';
import { createLogger } from './host/logger';
import { createServices, Services } from './host/services';

/** What the extension exports: used by its integration tests, not a public API. */
export interface JournalApi {
  readonly services: Services;
  readonly trees: typeof treeProviders;
  readonly session: typeof session;
  readonly evidence: typeof evidence;
  /** Timings for `npm run bench` (bench/vscode-suite.cjs). */
  readonly perf: Readonly<typeof treeTimings>;
}

export function activate(context: vscode.ExtensionContext): JournalApi {
  const log = createLogger();
  const store = new JournalStore(log);
  context.subscriptions.push(log, store);
  const services = createServices(log, store);
  for (const feature of features) feature(context, services);
  // Read the journal after activation returns: the trees show as soon as it is in.
  void store.reload();
  return { services, get trees() { return treeProviders; }, get session() { return session; }, get evidence() { return evidence; }, perf: treeTimings };
}

export function deactivate(): void {}
