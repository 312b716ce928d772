// The journal as the rest of the extension sees it: the core's JournalIndex
// kept in step with the files, one full read when the journal is opened, then
// one debounced re-read per changed file, all through workspace.fs (so it
// works over Remote-SSH and on vscode.dev). This file holds the state, its
// announcements and the events, and composes the parts that do the work:
// where the journal is (location.ts), the full read (loader.ts), the watcher
// (watcher.ts), the startup cache (startup-cache.ts), the index kept between
// sessions (index-cache.ts), the Problems panel (diagnostics.ts).

import * as vscode from 'vscode';
import { JournalIndex } from '../../core/journal-index';
import { FOLDERS } from '../../core/layout';
import { ContextKeys, setContext } from '../context-keys';
import { Logger } from '../logger';
import { markStartup } from '../startup-timeline';
import { librariesLoading, onLibraryLoaded } from '../libraries';
import { JournalDiagnostics } from './diagnostics';
import { IndexCacheKeeper, IndexCacheOutcome } from './index-cache';
import { JournalLoader, LoadCount, LoadSteps } from './loader';
import {
  JournalLocation,
  JournalState,
  likelyRoots,
  onDidChangeJournalLocation,
  pathIn,
  resolveJournalLocation,
  rootOf,
  uriIn,
} from './location';
import { StartupCacheKeeper, StartupCacheSlot } from './startup-cache';
import { JournalWatcher } from './watcher';

export type { JournalLocation, JournalState } from './location';
export { describeLocation, hasLocalDisk, homeFolder } from './location';
export { STARTUP_CACHE_KEY } from './startup-cache';
export type { IndexCacheOutcome } from './index-cache';

/** What the last full read did (see `JournalStore.lastLoad`). */
export interface LoadReport extends Readonly<LoadCount> {
  /** Whether the index kept by the last session was used: none kept, ignored (another kind, or damaged), used; off: none is kept. */
  readonly cache: IndexCacheOutcome;
  /** With a kept index: the files read and parsed because they were not as kept (new or changed). */
  readonly parsed: readonly string[];
}

export class JournalStore implements vscode.Disposable {
  readonly index = new JournalIndex();
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the journal-relative paths that changed (an empty list: everything). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly loadEmitter = new vscode.EventEmitter<Promise<void>>();
  /** Fires when the journal starts to be read in full, with the promise of its end (the views show progress). */
  readonly onDidStartLoading = this.loadEmitter.event;
  private readonly diagnostics = new JournalDiagnostics();
  private readonly loader: JournalLoader;
  private readonly watcher: JournalWatcher;
  private readonly cache: StartupCacheKeeper;
  private readonly indexCache: IndexCacheKeeper;
  /** The next full read may restore entries from the index kept by the last session (set by `start()`). */
  private useKept = false;
  private report: LoadReport | undefined;
  private readonly disposables: vscode.Disposable[];
  private currentState: JournalState = { kind: 'no-workspace' };
  private currentLocation: JournalLocation | undefined;
  private loading: Promise<void> | undefined;
  /** The state the last change event was fired for (kind and root). */
  private announced = '';

  /** `startupCache`: where the people are kept between sessions, and the code's version (none: nothing is kept). */
  constructor(
    private readonly log: Logger,
    startupCache?: StartupCacheSlot,
  ) {
    const readyRoot = (): vscode.Uri | undefined =>
      this.currentState.kind === 'ready' ? this.currentState.root : undefined;
    // Not written while a file waits for a library: its entry is not the one its stamp belongs to yet.
    const busy = (): boolean => this.loader.reading || this.index.waitingForLibraries;
    this.indexCache = new IndexCacheKeeper(this.index, log, startupCache?.code, readyRoot, busy);
    this.loader = new JournalLoader(this.index, log, (path) => this.uriOf(path), this.indexCache);
    this.watcher = new JournalWatcher(this, this.loader, log);
    this.cache = new StartupCacheKeeper(this.index, log, startupCache, readyRoot);
    this.disposables = [
      this.diagnostics,
      this.changeEmitter,
      this.loadEmitter,
      { dispose: this.index.onDidChange((paths) => this.onIndexChanged(paths)) },
      onDidChangeJournalLocation(() => void this.reload()),
      // A library the core lacked has come (core/on-demand.ts): the files that waited for it are indexed, and
      // what was shown without it (the dates of a restored RRULE cadence) is shown again.
      onLibraryLoaded(() => {
        this.index.librariesSettled();
        this.changeEmitter.fire([]);
      }),
    ];
  }

  get state(): JournalState {
    return this.currentState;
  }

  /** Whether the journal is the user's own folder outside the workspace (the same in every window). */
  get personal(): boolean {
    return 'personal' in this.currentState && this.currentState.personal;
  }

  /** Where the journal is (whether or not it exists yet); undefined when there is none to open. */
  get location(): JournalLocation | undefined {
    return this.currentLocation;
  }

  /** The journal folder's URI when a workspace is open (whether or not it exists yet). */
  get root(): vscode.Uri | undefined {
    return rootOf(this.currentState);
  }

  /** Resolves once the first full read is done. */
  ready(): Promise<void> {
    return this.loading ?? this.reload();
  }

  uriOf(path: string): vscode.Uri {
    const root = this.root;
    if (!root) throw new Error(vscode.l10n.t('No journal folder is open.'));
    return uriIn(root, path);
  }

  /** The journal-relative path of a URI inside the journal, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    const root = this.root;
    return root ? pathIn(root, uri) : undefined;
  }

  /**
   * Opens the journal when the extension starts: its people as the last
   * session left them, from the startup cache, at once (the Meetings tree
   * has its rows before any file is read or parsed: putting back a few
   * entries takes well under a millisecond), then the full read, which
   * confirms them without a change event or corrects them.
   */
  start(): Promise<void> {
    this.useKept = true;
    // Ready first, so that the one change event of the people put back finds rows.
    for (const root of likelyRoots()) {
      const personal = root.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(root);
      if (this.cache.prime(root, (r) => this.setState({ kind: 'ready', root: r, personal }, false))) break;
    }
    return this.reload();
  }

  /** The latest full read (settled once it is done): the views show progress for it. */
  get currentLoad(): Promise<void> | undefined {
    return this.loading;
  }

  /** Re-reads the whole journal (the Refresh command, or a changed setting). */
  reload(): Promise<void> {
    const loading = this.load(this.loader.begin());
    this.loading = loading;
    this.loadEmitter.fire(loading);
    return loading;
  }

  /** Records text just written by the extension, so the trees update before the watcher fires. */
  updateFromText(path: string, text: string): void {
    this.loader.updateFromText(path, text);
  }

  /** Keeps the index between sessions in `storage` (the extension's global storage), a file per journal folder. */
  keepIndexIn(storage: vscode.Uri): void {
    this.indexCache.keepIn(storage);
  }

  /** The file the index of the journal open now is kept in (none: nothing is kept, or no journal is open). */
  get indexCacheUri(): vscode.Uri | undefined {
    return this.indexCache.uriFor(this.root);
  }

  /** Writes the index kept for the next start, if it changed since it was last written; resolves once written. */
  saveIndexCache(): Promise<void> {
    return this.indexCache.save();
  }

  /** What the last full read did: how many files it listed, restored from the kept index and read. */
  get lastLoad(): LoadReport | undefined {
    return this.report;
  }

  /** Keeps the people's entries for the next start (or forgets them when there is no journal); resolves once stored. */
  saveStartupCache(): Promise<void> {
    return this.cache.save();
  }

  /**
   * A journal file's text: an open editor's when it has unsaved changes, else
   * the disk's (a clean editor may not have reloaded an outside change yet);
   * undefined when unreadable or gone.
   */
  async readText(path: string): Promise<string | undefined> {
    const uri = this.uriOf(path);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return open.getText();
    const content = await this.loader.read(path);
    return content.kind === 'text' ? content.text : undefined;
  }

  private async load(generation: number): Promise<void> {
    markStartup('loadStarted');
    this.watcher.stop();
    const resolved = await resolveJournalLocation();
    if (!this.loader.isCurrent(generation)) return;
    // Only the load start() began may restore entries from the index the last session kept.
    const useKept = this.useKept;
    this.useKept = false;
    const location = 'location' in resolved ? resolved.location : undefined;
    this.currentLocation = location;
    // Only the load start() began confirms what the cache showed (and keeps its problems shown); any other starts afresh.
    const shown = this.cache.takeShown(location !== undefined && this.root?.toString() === location.root.toString());
    if (!shown) this.diagnostics.clear();
    if (!location) {
      if ('problem' in resolved) this.log.warn(resolved.problem);
      this.setState('problem' in resolved ? { kind: 'unusable', problem: resolved.problem } : { kind: 'no-workspace' });
      this.index.clear();
      return;
    }
    this.watcher.start(location);
    const root = location.root;
    const personal = location.kind === 'personal';
    // The kept index is read while the folder is looked at.
    const kept = useKept ? this.indexCache.read(root) : undefined;
    const parsed: string[] = [];
    const steps: LoadSteps = {
      notAFolder: (kind) => {
        this.index.clear();
        this.setState(
          kind === undefined ? { kind: 'missing', root, personal } : { kind: 'not-a-folder', root, personal },
        );
        if (kind !== undefined) this.log.warn(`The journal path ${root.toString(true)} is a file, not a folder.`);
      },
      // Ready without a change event (the people's batch will fire one), so the files can be read by path.
      reading: () => {
        if (!shown) this.currentState = { kind: 'ready', root, personal };
      },
      peopleIndexed: () => {
        this.setState({ kind: 'ready', root, personal });
        markStartup('peopleIndexed');
        this.cache.schedule();
      },
    };
    const from = kept && { cache: kept.then((k) => k.cache), parsed: (path: string) => parsed.push(path) };
    const count = await this.loader.load(generation, root, shown, steps, from);
    if (!count) return;
    // Read in full means every file indexed, those that needed a library too.
    await librariesLoading();
    this.report = { ...count, cache: kept ? (await kept).outcome : 'off', parsed };
    this.indexCache.loaded();
  }

  /**
   * Sets the state and its context keys; fires a change (everything) when it
   * is not the state last announced: a reload of the same folder, or the
   * people read after the cache showed them, refresh through the index's own
   * change event instead.
   */
  private setState(state: JournalState, announce = true): void {
    this.currentState = state;
    void setContext(ContextKeys.journalExists, state.kind === 'ready');
    void setContext(ContextKeys.workspaceOpen, state.kind !== 'no-workspace');
    void setContext(ContextKeys.personalJournal, 'personal' in state && state.personal);
    void setContext(ContextKeys.journalProblem, state.kind === 'unusable');
    if (state.kind !== 'ready') this.cache.schedule();
    const key = `${state.kind}|${rootOf(state)?.toString() ?? ''}|${state.kind === 'unusable' ? state.problem : ''}`;
    if (key === this.announced) return;
    this.announced = key;
    if (announce) this.changeEmitter.fire([]);
  }

  private onIndexChanged(paths: readonly string[]): void {
    this.diagnostics.update(this.root, paths, this.index);
    // A person added, changed or gone: the next start's first rows change too.
    if (!this.loader.reading && paths.some((p) => p.startsWith(`${FOLDERS.people}/`))) this.cache.schedule();
    // Anything changed after the full read: the kept index is written again after a quiet moment.
    if (!this.loader.reading) this.indexCache.changed();
    this.changeEmitter.fire(paths);
  }

  dispose(): void {
    this.cache.dispose();
    this.indexCache.dispose();
    this.watcher.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
