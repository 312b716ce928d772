// Notices changes to the journal's files: one file-system watcher on the
// journal folder, and one debounced re-read per changed file (or folder), so a
// save updates one index entry instead of reading the journal again.

import * as vscode from 'vscode';
import { MAX_FILE_BYTES } from '../../core/file-text';
import { JournalIndex } from '../../core/journal-index';
import { Logger } from '../logger';
import { statKind, statOf } from '../stat';
import { JournalLoader, listMarkdown, mapLimit, READ_CONCURRENCY, ReadResult } from './loader';
import { isSkipped, JournalLocation, JournalState } from './location';

const DEBOUNCE_MS = 100;
/** File systems that keep modification times to 2 s (FAT), and clocks a little apart. */
const MTIME_MARGIN_MS = 2000;
/** How often a personal journal is looked at for changes its watcher missed, per thousand files (see sweepFrom). */
const SWEEP_MS = 10_000;
/** How long after a re-read the file is looked at again (see confirmLater). */
const CONFIRM_MS = 1000;

/** What the watcher needs of the store (index.ts). */
export interface WatchedJournal {
  readonly state: JournalState;
  readonly root: vscode.Uri | undefined;
  readonly index: JournalIndex;
  pathOf(uri: vscode.Uri): string | undefined;
  reload(): Promise<void>;
}

export class JournalWatcher implements vscode.Disposable {
  private watcher: vscode.Disposable | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly confirms = new Map<string, ReturnType<typeof setTimeout>>();
  private sweep: ReturnType<typeof setTimeout> | undefined;
  /** The journal watched is a personal one (outside the workspace). */
  private personal = false;
  /** Counts started and stopped watches: a sweep of an earlier watch does not schedule another. */
  private sweeps = 0;
  private readonly focus: vscode.Disposable;
  /** When this window last lost focus (undefined: it has it). */
  private blurredAt: number | undefined;
  private rescanning: Promise<void> | undefined;

  constructor(
    private readonly journal: WatchedJournal,
    private readonly loader: JournalLoader,
    private readonly log: Logger,
  ) {
    // VS Code's watcher can go quiet (and another window may have written the
    // journal meanwhile): coming back to the window, what changed is re-read.
    this.focus = vscode.window.onDidChangeWindowState((state) => {
      if (!state.focused) {
        this.blurredAt ??= Date.now();
        return;
      }
      const since = this.blurredAt;
      this.blurredAt = undefined;
      // Only a personal journal: other windows write it, and VS Code watches it less well than a workspace.
      if (since !== undefined && this.personal) void this.rescan(since);
    });
  }

  /**
   * Re-reads the files changed since `since` (by their modification time, with
   * a margin for coarse clocks), and those that appeared or went away; a
   * journal that was missing and now exists is read in full. Resolves when done.
   */
  rescan(since: number): Promise<void> {
    this.rescanning ??= this.rescanNow(since)
      .catch((error) => this.log.error(`Could not look for changes in the journal: ${String(error)}`))
      .finally(() => (this.rescanning = undefined));
    return this.rescanning;
  }

  private async rescanNow(since: number): Promise<void> {
    const { journal } = this;
    const root = journal.root;
    // A full read under way reads everything anyway; a second one would empty the trees meanwhile.
    if (!root || this.loader.reading) return;
    if (journal.state.kind !== 'ready') {
      // The journal folder appeared (another window created it): read it.
      const appeared = journal.state.kind === 'missing' || journal.state.kind === 'not-a-folder';
      if (appeared && (await statKind(root)) === vscode.FileType.Directory) await journal.reload();
      return;
    }
    const listed = await listMarkdown(root, '', this.log);
    const known = new Set<string>();
    for (const entry of journal.index.all()) known.add(entry.path);
    const changed: string[] = [];
    const stats = await mapLimit(listed, READ_CONCURRENCY, (p) => statOf(this.uriOf(root, p)));
    listed.forEach((path, i) => {
      const stat = stats[i];
      if (!known.delete(path) || !stat || stat.mtime >= since - MTIME_MARGIN_MS) changed.push(path);
    });
    // What is left was indexed and is no longer listed: gone.
    for (const path of [...changed, ...known]) this.schedule(this.uriOf(root, path));
    if (changed.length + known.size > 0)
      this.log.info(`Re-reading ${changed.length + known.size} journal file(s) changed while the window was away.`);
  }

  /**
   * A personal journal is written from other windows, where VS Code's watcher
   * of a folder outside the workspace has been seen to miss changes: now and
   * then (less often the larger the journal) what changed is looked for, as
   * on regaining focus.
   */
  private sweepFrom(since: number, generation: number): void {
    const delay = SWEEP_MS * (1 + Math.floor(this.journal.index.size / 1000));
    this.sweep = setTimeout(() => {
      const started = Date.now();
      void this.rescan(since).finally(() => {
        if (generation === this.sweeps) this.sweepFrom(started, generation);
      });
    }, delay);
  }

  private uriOf(root: vscode.Uri, path: string): vscode.Uri {
    return vscode.Uri.joinPath(root, ...path.split('/'));
  }

  /**
   * Watches the journal at `location`, and the folder itself appearing or
   * going away. A personal journal is outside the workspace, where VS Code
   * watches only what is asked for: its folder recursively, and its parent
   * for the folder's own name (never the parent's whole tree, say a home folder).
   */
  start(location: JournalLocation): void {
    this.personal = location.kind === 'personal';
    const patterns: vscode.RelativePattern[] = [];
    if (location.kind === 'workspace') {
      const { folder, relative } = location;
      patterns.push(new vscode.RelativePattern(folder, relative === '' ? '**' : `${relative}/**`));
    } else {
      patterns.push(new vscode.RelativePattern(location.root, '**'));
      const parent = vscode.Uri.joinPath(location.root, '..');
      const name = location.root.path.split('/').pop();
      if (name && parent.path !== location.root.path) patterns.push(new vscode.RelativePattern(parent, name));
      this.sweepFrom(Date.now(), ++this.sweeps);
    }
    const on = (uri: vscode.Uri): void => this.schedule(uri);
    this.watcher = vscode.Disposable.from(
      ...patterns.map((pattern) => {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        watcher.onDidCreate(on);
        watcher.onDidChange(on);
        watcher.onDidDelete(on);
        return watcher;
      }),
    );
  }

  /** Stops watching and drops the re-reads not yet due. */
  stop(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    this.sweeps++;
    clearTimeout(this.sweep);
    for (const t of [...this.timers.values(), ...this.confirms.values()]) clearTimeout(t);
    this.timers.clear();
    this.confirms.clear();
  }

  dispose(): void {
    this.stop();
    this.focus.dispose();
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
    const { journal, loader } = this;
    const root = journal.root;
    if (!root) return;
    if (uri.toString() === root.toString()) {
      // The journal folder itself appeared or went away.
      await journal.reload();
      return;
    }
    if (journal.state.kind !== 'ready') {
      const kind = await statKind(root);
      if (kind === vscode.FileType.Directory) await journal.reload();
      return;
    }
    const path = journal.pathOf(uri);
    if (path === undefined || isSkipped(path)) return;
    // Before the stat: the index cache keeps the stat with the entry only if the file was older than this.
    const readAt = Date.now();
    const stat = await statOf(uri);
    if (stat && stat.type & vscode.FileType.SymbolicLink) {
      // Never followed, as in a full read: a link out of (or around) the journal is not part of it.
      loader.markFresh(path);
      if (!journal.index.delete(path)) journal.index.deleteFolder(path);
      return;
    }
    const kind =
      stat === undefined
        ? undefined
        : stat.type & vscode.FileType.Directory
          ? vscode.FileType.Directory
          : vscode.FileType.File;
    if (kind === undefined) {
      loader.markFresh(path);
      if (!journal.index.delete(path)) journal.index.deleteFolder(path);
      if ((await statKind(root)) === undefined) await journal.reload();
      return;
    }
    if (kind === vscode.FileType.Directory) {
      const files = await listMarkdown(uri, `${path}/`, this.log);
      const contents = await mapLimit(files, READ_CONCURRENCY, (p) => loader.read(p));
      journal.index.batch(() => files.forEach((p, i) => (loader.markFresh(p), loader.apply(p, contents[i]!, readAt))));
      return;
    }
    if (!/\.md$/i.test(path)) return;
    // A file grown past the cap is not read whole to find that out.
    const content: ReadResult =
      stat && stat.size > MAX_FILE_BYTES
        ? {
            kind: 'unreadable',
            message: vscode.l10n.t(
              'Skipped: the file is {0} MB; journal files over 1 MB are not read. Split it into smaller files, or move it out of the journal folder.',
              (stat.size / 1024 / 1024).toFixed(1),
            ),
          }
        : await loader.read(path);
    loader.markFresh(path);
    loader.apply(path, content, readAt, stat);
    if (stat) this.confirmLater(uri, stat);
  }

  /**
   * VS Code merges a burst of change events for one file into one, so a write
   * landing just after our read can go unreported: a moment later the file's
   * time and size are looked at again, and a file that moved on is read again.
   */
  private confirmLater(uri: vscode.Uri, read: vscode.FileStat): void {
    const key = uri.toString();
    clearTimeout(this.confirms.get(key));
    this.confirms.set(
      key,
      setTimeout(() => {
        this.confirms.delete(key);
        void statOf(uri).then((now) => {
          if (!now || now.mtime !== read.mtime || now.size !== read.size) this.schedule(uri);
        });
      }, CONFIRM_MS),
    );
  }
}
