// Keeps the core's JournalIndex in step with the files: one full read when the
// journal is opened, then one debounced re-read per changed file. All reads go
// through workspace.fs, so this works over Remote-SSH and on vscode.dev.

import * as vscode from 'vscode';
import { statKind, statOf } from './stat';
import { JournalEntry, JournalIndex } from '../core/journal-index';
import { Problem } from '../core/front-matter';
import { FOLDERS } from '../core/layout';
import { fileText } from '../core/file-text';
import { loadOrder } from '../core/load-order';
import { readStartupCache, sameEntry, startupCacheOf } from '../core/startup-cache';
import { ContextKeys, setContext } from './context-keys';
import { Logger } from './logger';
import { markStartup } from './startup-timeline';

export const MAX_FILE_BYTES = 1024 * 1024;
const DEBOUNCE_MS = 100;
const READ_CONCURRENCY = 16;
/** Files read and indexed per batch while the journal loads: each batch refreshes the trees once. */
const LOAD_SLICE = 500;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.obsidian', '.foam', '.vscode']);
/** workspaceState: the person files' entries, for the next start's first rows (src/core/startup-cache.ts). */
export const STARTUP_CACHE_KEY = 'oneOnOne.startupCache';
/** A burst of changes to person files writes the startup cache once. */
const CACHE_WRITE_DELAY_MS = 1000;

export type JournalState =
  | { readonly kind: 'no-workspace' }
  | { readonly kind: 'missing'; readonly root: vscode.Uri }
  | { readonly kind: 'not-a-folder'; readonly root: vscode.Uri }
  | { readonly kind: 'ready'; readonly root: vscode.Uri };

export class JournalStore implements vscode.Disposable {
  readonly index = new JournalIndex();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('oneOnOne');
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the journal-relative paths that changed (an empty list: everything). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly loadEmitter = new vscode.EventEmitter<Promise<void>>();
  /** Fires when the journal starts to be read in full, with the promise of its end (the views show progress). */
  readonly onDidStartLoading = this.loadEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changeEmitter, this.loadEmitter];
  private watcher: vscode.Disposable | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * The text of each file as the extension last wrote it (and indexed it), so
   * the watcher's echo of that write changes nothing: a refresh of the trees
   * then would drop the row a context-menu command was just run on.
   */
  private readonly written = new Map<string, string>();
  private currentState: JournalState = { kind: 'no-workspace' };
  private loading: Promise<void> | undefined;
  /** Files the watcher re-read while the journal was loading: the load's older read of them is dropped. */
  private readonly fresh = new Set<string>();
  private loadingFiles = false;
  private generation = 0;
  /** Parses a person file on the side, to compare it with the entry the startup cache showed. */
  private readonly scratch = new JournalIndex();
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  /** The person entries shown from the startup cache until the first load has read their files. */
  private primed: Map<string, JournalEntry> | undefined;
  /** The state the last change event was fired for (kind and root). */
  private announced = '';

  /** `startupCache`: where the people are kept between sessions, and the code's version (none: nothing is kept). */
  constructor(
    private readonly log: Logger,
    private readonly startupCache?: { readonly state: vscode.Memento; readonly code: string },
  ) {
    this.disposables.push({ dispose: this.index.onDidChange((paths) => this.onIndexChanged(paths)) });
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('oneOnOne.journalFolder')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  get state(): JournalState {
    return this.currentState;
  }

  /** The journal folder's URI when a workspace is open (whether or not it exists yet). */
  get root(): vscode.Uri | undefined {
    return this.currentState.kind === 'no-workspace' ? undefined : this.currentState.root;
  }

  /** Resolves once the first full read is done. */
  ready(): Promise<void> {
    return this.loading ?? this.reload();
  }

  uriOf(path: string): vscode.Uri {
    const root = this.root;
    if (!root) throw new Error('No workspace folder is open.');
    return vscode.Uri.joinPath(root, ...path.split('/'));
  }

  /** The journal-relative path of a URI inside the journal, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    const root = this.root;
    if (!root || uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  /**
   * Opens the journal when the extension starts: its people as the last
   * session left them, from the startup cache, at once (the Meetings tree
   * has its rows before any file is read or parsed: putting back a few
   * entries takes well under a millisecond), then the full read, which
   * confirms them without a change event or corrects them.
   */
  start(): Promise<void> {
    const location = journalLocation();
    this.primed = location ? this.prime(location.root) : undefined;
    return this.reload();
  }

  /** The latest full read (settled once it is done): the views show progress for it. */
  get currentLoad(): Promise<void> | undefined {
    return this.loading;
  }

  /** Re-reads the whole journal (the Refresh command, or a changed setting). */
  reload(): Promise<void> {
    const generation = ++this.generation;
    const loading = this.load(generation);
    this.loading = loading;
    this.loadEmitter.fire(loading);
    return loading;
  }

  /** Records text just written by the extension, so the trees update before the watcher fires. */
  updateFromText(path: string, text: string): void {
    this.written.set(path, text);
    this.markFresh(path);
    this.index.update(path, text);
  }

  private async load(generation: number): Promise<void> {
    markStartup('loadStarted');
    this.watcher?.dispose();
    this.watcher = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.written.clear();
    const location = journalLocation();
    // Only the load start() began confirms what the cache showed (and keeps its problems shown); any other starts afresh.
    const primed =
      location && this.primed && this.root?.toString() === location.root.toString() ? this.primed : undefined;
    this.primed = undefined;
    if (!primed) this.diagnostics.clear();
    if (!location) {
      this.setState({ kind: 'no-workspace' });
      this.index.clear();
      return;
    }
    this.watch(location.folder, location.relative);
    // The person files are listed while the journal folder is looked at: one round trip less before the first rows.
    const peopleFolder = vscode.Uri.joinPath(location.root, FOLDERS.people);
    const [kind, peopleFiles] = await Promise.all([
      statKind(location.root),
      this.listMarkdown(peopleFolder, `${FOLDERS.people}/`, false),
    ]);
    if (generation !== this.generation) return;
    if (kind !== vscode.FileType.Directory) {
      this.index.clear();
      this.setState(
        kind === undefined ? { kind: 'missing', root: location.root } : { kind: 'not-a-folder', root: location.root },
      );
      if (kind !== undefined) {
        this.log.warn(`The journal path ${location.root.toString(true)} is a file, not a folder.`);
      }
      return;
    }
    if (!primed) this.currentState = { kind: 'ready', root: location.root };
    this.loadingFiles = true;
    // People first: with them the Meetings tree has its rows (and the
    // commands their people) while the rest of the journal is still read.
    const started = Date.now();
    markStartup('peopleListed');
    const people = await mapLimit(peopleFiles, READ_CONCURRENCY, (path) => this.read(path));
    if (generation !== this.generation) return;
    this.fresh.clear();
    this.index.batch(() => {
      if (!primed) this.index.clear();
      else {
        // People shown from the cache whose file has gone since go now.
        const listed = new Set(peopleFiles);
        for (const path of primed.keys()) if (!listed.has(path)) this.index.delete(path);
      }
      peopleFiles.forEach((path, i) => {
        const content = people[i]!;
        const shown = primed?.get(path);
        // A person as the cache showed them is left as is: no change, no refresh.
        if (
          shown &&
          content.kind === 'text' &&
          this.index.get(path) === shown &&
          sameEntry(this.scratchEntry(path, content.text), shown)
        )
          return;
        this.apply(path, content);
      });
    });
    this.setState({ kind: 'ready', root: location.root });
    markStartup('peopleIndexed');
    this.scheduleCacheWrite();

    // Then everything else, in slices, each indexed as one batch: goals,
    // feedback and the other small folders, then meetings newest first (the
    // next meeting and the latest ones are what the trees show first).
    const known = new Set(peopleFiles);
    const rest = (await this.listMarkdown(location.root, '')).filter((path) => !known.has(path));
    if (generation !== this.generation) return;
    const ordered = loadOrder(rest);
    for (let from = 0; from < ordered.length; from += LOAD_SLICE) {
      const slice = ordered.slice(from, from + LOAD_SLICE);
      const contents = await mapLimit(slice, READ_CONCURRENCY, (path) => this.read(path));
      if (generation !== this.generation) return;
      this.index.batch(() => slice.forEach((path, i) => this.fresh.has(path) || this.apply(path, contents[i]!)));
    }
    this.fresh.clear();
    this.loadingFiles = false;
    markStartup('loaded');
    this.log.info(`Read ${peopleFiles.length + ordered.length} journal files in ${Date.now() - started} ms.`);
  }

  /** Shows the people of the last session's startup cache, if it was made for this journal folder by this code. */
  private prime(root: vscode.Uri): Map<string, JournalEntry> | undefined {
    if (!this.startupCache) return undefined;
    const entries = readStartupCache(
      this.startupCache.state.get(STARTUP_CACHE_KEY),
      root.toString(),
      this.startupCache.code,
    );
    if (!entries) return undefined;
    const primed = new Map<string, JournalEntry>();
    // Ready first, so that the one change event below finds rows.
    this.setState({ kind: 'ready', root }, false);
    this.index.batch(() => {
      this.index.clear();
      for (const entry of entries) {
        this.index.restore(entry);
        primed.set(entry.path, entry);
      }
    });
    markStartup('primed');
    return primed;
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
    if (state.kind !== 'ready') this.scheduleCacheWrite();
    const key = `${state.kind}|${rootOf(state)?.toString() ?? ''}`;
    if (key === this.announced) return;
    this.announced = key;
    if (announce) this.changeEmitter.fire([]);
  }

  /** Writes the startup cache a moment after the people last changed (never while a burst of changes goes on). */
  private scheduleCacheWrite(): void {
    if (!this.startupCache) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      void this.saveStartupCache();
    }, CACHE_WRITE_DELAY_MS);
  }

  /** Keeps the people's entries for the next start (or forgets them when there is no journal); resolves once stored. */
  async saveStartupCache(): Promise<void> {
    if (!this.startupCache) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    const { state, code } = this.startupCache;
    const root = this.currentState.kind === 'ready' ? this.currentState.root.toString() : undefined;
    const value = root ? startupCacheOf(root, code, this.index.ofKind('person')) : undefined;
    if (JSON.stringify(value) === JSON.stringify(state.get(STARTUP_CACHE_KEY))) return;
    try {
      await state.update(STARTUP_CACHE_KEY, value);
      markStartup('cacheSaved');
      this.log.debug(`Startup cache: ${value ? `${value.people.length} person file(s)` : 'cleared'}.`);
    } catch (error) {
      this.log.warn(`Could not keep the startup cache: ${String(error)}`);
    }
  }

  private watch(folder: vscode.WorkspaceFolder, relative: string): void {
    const pattern = new vscode.RelativePattern(folder, relative === '' ? '**' : `${relative}/**`);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const on = (uri: vscode.Uri): void => this.schedule(uri);
    watcher.onDidCreate(on);
    watcher.onDidChange(on);
    watcher.onDidDelete(on);
    this.watcher = watcher;
  }

  /** Per-file debounce: a burst of events for one file re-reads it once. */
  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refreshOne(uri).catch((error) =>
          this.log.error(`Could not refresh ${uri.toString(true)}: ${String(error)}`),
        );
      }, DEBOUNCE_MS),
    );
  }

  private async refreshOne(uri: vscode.Uri): Promise<void> {
    const root = this.root;
    if (!root) return;
    if (uri.toString() === root.toString()) {
      // The journal folder itself appeared or went away.
      await this.reload();
      return;
    }
    if (this.currentState.kind !== 'ready') {
      const kind = await statKind(root);
      if (kind === vscode.FileType.Directory) await this.reload();
      return;
    }
    const path = this.pathOf(uri);
    if (path === undefined || isSkipped(path)) return;
    const stat = await statOf(uri);
    if (stat && stat.type & vscode.FileType.SymbolicLink) {
      // Never followed, as in a full read: a link out of (or around) the journal is not part of it.
      this.markFresh(path);
      if (!this.index.delete(path)) this.index.deleteFolder(path);
      return;
    }
    const kind =
      stat === undefined
        ? undefined
        : stat.type & vscode.FileType.Directory
          ? vscode.FileType.Directory
          : vscode.FileType.File;
    if (kind === undefined) {
      this.markFresh(path);
      if (!this.index.delete(path)) this.index.deleteFolder(path);
      if ((await statKind(root)) === undefined) await this.reload();
      return;
    }
    if (kind === vscode.FileType.Directory) {
      const files = await this.listMarkdown(uri, `${path}/`);
      const contents = await mapLimit(files, READ_CONCURRENCY, (p) => this.read(p));
      this.index.batch(() => files.forEach((p, i) => (this.markFresh(p), this.apply(p, contents[i]!))));
      return;
    }
    if (!/\.md$/i.test(path)) return;
    // A file grown past the cap is not read whole to find that out.
    const content: ReadResult =
      stat && stat.size > MAX_FILE_BYTES
        ? {
            kind: 'unreadable',
            message: `Skipped: the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; journal files over 1 MB are not read. Split it into smaller files, or move it out of the journal folder.`,
          }
        : await this.read(path);
    this.markFresh(path);
    this.apply(path, content);
  }

  /** While the journal loads, a file re-read by the watcher (or written by us) keeps that newer state. */
  private markFresh(path: string): void {
    if (this.loadingFiles) this.fresh.add(path);
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
    const content = await this.read(path);
    return content.kind === 'text' ? content.text : undefined;
  }

  private apply(path: string, content: ReadResult): void {
    const echo =
      content.kind === 'text' && this.written.get(path) === content.text && this.index.get(path) !== undefined;
    this.written.delete(path);
    if (echo) return;
    if (content.kind === 'text') this.index.update(path, content.text);
    else if (content.kind === 'unreadable') this.index.markUnreadable(path, content.message);
    else this.index.delete(path);
  }

  /** The entry `text` would give the file at `path`, without touching the index. */
  private scratchEntry(path: string, text: string): JournalEntry {
    const entry = this.scratch.update(path, text);
    this.scratch.delete(path);
    return entry;
  }

  private async read(path: string): Promise<ReadResult> {
    const uri = this.uriOf(path);
    try {
      // One call per file: the size is checked on the bytes read, not by a stat first (half the calls of a full read).
      return decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { kind: 'gone' };
      return { kind: 'unreadable', message: `The file could not be read: ${String(error)}` };
    }
  }

  private async listMarkdown(folder: vscode.Uri, prefix: string, recursive = true): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: vscode.Uri, rel: string): Promise<void> => {
      let children: [string, vscode.FileType][];
      try {
        children = await vscode.workspace.fs.readDirectory(dir);
      } catch (error) {
        // (the journal folder itself missing or a file is said once, by load())
        if (
          error instanceof vscode.FileSystemError &&
          (error.code === 'FileNotFound' || error.code === 'FileNotADirectory')
        )
          return;
        this.log.warn(`Could not list ${dir.toString(true)}: ${String(error)}`);
        return;
      }
      const subfolders: Promise<void>[] = [];
      for (const [name, type] of children) {
        if (type & vscode.FileType.SymbolicLink) continue; // never follow links out of (or around) the journal
        if (type === vscode.FileType.Directory) {
          if (recursive && !SKIPPED_FOLDERS.has(name) && !name.startsWith('.'))
            subfolders.push(walk(vscode.Uri.joinPath(dir, name), `${rel}${name}/`));
        } else if (type === vscode.FileType.File && /\.md$/i.test(name)) {
          out.push(`${rel}${name}`);
        }
      }
      await Promise.all(subfolders);
    };
    await walk(folder, prefix);
    return out.sort();
  }

  private onIndexChanged(paths: readonly string[]): void {
    // One message to the workbench per batch (a full read touches every file),
    // and none for files that had no problems before and have none now.
    const updates: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const path of this.root ? new Set(paths) : []) {
      const entry = this.index.get(path);
      const uri = this.uriOf(path);
      if (entry && entry.problems.length > 0) updates.push([uri, entry.problems.map(toDiagnostic)]);
      else if (this.diagnostics.has(uri)) updates.push([uri, undefined]);
    }
    if (updates.length > 0) this.diagnostics.set(updates);
    // A person added, changed or gone: the next start's first rows change too.
    if (!this.loadingFiles && paths.some((p) => p.startsWith(`${FOLDERS.people}/`))) this.scheduleCacheWrite();
    this.changeEmitter.fire(paths);
  }

  dispose(): void {
    if (this.cacheTimer) void this.saveStartupCache();
    this.watcher?.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

type ReadResult = { kind: 'text'; text: string } | { kind: 'unreadable'; message: string } | { kind: 'gone' };

/** Bytes as journal text, or why they are skipped (binary, not UTF-8, over 1 MB), saying what to do. */
export function decode(bytes: Uint8Array): ReadResult {
  return fileText(bytes, MAX_FILE_BYTES);
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const line = Math.max(0, problem.line);
  const d = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = '1:1 Journal';
  return d;
}

function rootOf(state: JournalState): vscode.Uri | undefined {
  return state.kind === 'no-workspace' ? undefined : state.root;
}

function isSkipped(path: string): boolean {
  return path.split('/').some((seg) => seg.startsWith('.') || SKIPPED_FOLDERS.has(seg));
}

export interface JournalLocation {
  readonly folder: vscode.WorkspaceFolder;
  /** The setting's value, as a relative path inside the folder. */
  readonly relative: string;
  readonly root: vscode.Uri;
}

/** Where the journal is: `oneOnOne.journalFolder` inside the first workspace folder. */
export function journalLocation(): JournalLocation | undefined {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) return undefined;
  const folder = folders[0]!;
  const setting = vscode.workspace.getConfiguration('oneOnOne', folder.uri).get<string>('journalFolder', 'one-on-ones');
  const relative = (setting || 'one-on-ones')
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .join('/');
  const root = relative === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  return { folder, relative, root };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
