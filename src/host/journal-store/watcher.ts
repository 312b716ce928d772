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

  constructor(
    private readonly journal: WatchedJournal,
    private readonly loader: JournalLoader,
    private readonly log: Logger,
  ) {}

  /** Watches the journal at `location` (and the folder itself appearing or going away). */
  start(location: JournalLocation): void {
    const { folder, relative } = location;
    const pattern = new vscode.RelativePattern(folder, relative === '' ? '**' : `${relative}/**`);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const on = (uri: vscode.Uri): void => this.schedule(uri);
    watcher.onDidCreate(on);
    watcher.onDidChange(on);
    watcher.onDidDelete(on);
    this.watcher = watcher;
  }

  /** Stops watching and drops the re-reads not yet due. */
  stop(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  dispose(): void {
    this.stop();
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
      journal.index.batch(() => files.forEach((p, i) => (loader.markFresh(p), loader.apply(p, contents[i]!))));
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
        : await loader.read(path);
    loader.markFresh(path);
    loader.apply(path, content);
  }
}
