// The host side of the index cache (the pure part is src/core/index-cache.ts):
// a file per journal folder in the extension's global storage, read when the
// extension starts, written a moment after the index settles (and when the
// extension stops). It remembers, for each entry of the index, what the file
// was when that entry was made from it (its stat, taken before the read, or
// its text's hash), so that only entries made from what is on disk are kept.

import * as vscode from 'vscode';
import {
  CachedFile,
  checkOf,
  contentHash,
  FileCheck,
  FileStamp,
  IndexCache,
  indexCacheHead,
  IndexCacheKey,
  indexCacheTail,
  keptFileText,
  parseIndexCache,
  stampedLater,
  UNCHECKED,
} from '../../core/index-cache';
import { JournalEntry } from '../../core/journal-entry';
import { JournalIndex } from '../../core/journal-index';
import { Logger } from '../logger';
import { statOf } from '../stat';
import { uriIn } from './location';
import { mapLimit, READ_CONCURRENCY } from '../map-limit';

/** The first write after a full read: soon, so that a window closed right after still leaves one. */
const AFTER_LOAD_MS = 2000;
/** Later writes: after a quiet moment (each one writes the whole index, some MB for a large journal). */
const AFTER_CHANGE_MS = 30_000;
/** Entries made into text between two turns of the event loop (about 10 ms: the extension host stays responsive). */
const WRITE_SLICE = 500;
/** This extension: its bundle's size and time are part of what a kept index was made by (see `codeKey`). */
const EXTENSION_ID = 'one-on-one-journal.one-on-one-journal';
/** Kept files of journal folders not opened for this long are deleted. */
const UNUSED_MS = 90 * 24 * 60 * 60 * 1000;

/** What the last start found in the index cache: none kept, one of another kind ignored, or one used. */
export type IndexCacheOutcome = 'off' | 'none' | 'ignored' | 'used';

interface Made {
  readonly entry: JournalEntry;
  check: FileCheck;
  /** When the read that made the entry began (no later). */
  readonly readAt: number;
}

/** Whether a folder's modification times can be trusted: a disk, local or remote (not a virtual file system). */
export function timesReliable(root: vscode.Uri): boolean {
  return root.scheme === 'file' || root.scheme === 'vscode-remote';
}

export class IndexCacheKeeper implements vscode.Disposable {
  private folder: vscode.Uri | undefined;
  private readonly made = new Map<string, Made>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private saving: Promise<void> | undefined;
  private codeKey: Promise<string> | undefined;

  /**
   * `code`: the extension's version; `root`: the journal folder when it is
   * open; `busy`: a full read is under way (nothing is written meanwhile).
   */
  constructor(
    private readonly index: JournalIndex,
    private readonly log: Logger,
    private readonly code: string | undefined,
    private readonly root: () => vscode.Uri | undefined,
    private readonly busy: () => boolean,
  ) {}

  /** Keeps the index in `storage` (the extension's global storage), a file per journal folder. */
  keepIn(storage: vscode.Uri): void {
    this.folder = vscode.Uri.joinPath(storage, 'journal-index');
  }

  /** The file the index of the journal at `root` is kept in; undefined when nothing is kept. */
  uriFor(root: vscode.Uri | undefined): vscode.Uri | undefined {
    if (!this.folder || !root || this.code === undefined) return undefined;
    return vscode.Uri.joinPath(this.folder, `${contentHash(root.toString())}.json`);
  }

  /** The index kept for the journal at `root`, if there is one made for it by this code in this language. */
  async read(root: vscode.Uri): Promise<{ cache?: IndexCache; outcome: IndexCacheOutcome }> {
    const uri = this.uriFor(root);
    if (!uri) return { outcome: 'off' };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound'))
        this.log.warn(`Could not read the kept index: ${String(error)}`);
      return { outcome: 'none' };
    }
    const cache = parseIndexCache(new TextDecoder().decode(bytes), await this.keyOf(root));
    if (!cache) {
      this.log.info(
        'The kept index is of another folder, version or language, or damaged: the journal is read in full.',
      );
      this.dirty = true;
      return { outcome: 'ignored' };
    }
    return { cache, outcome: 'used' };
  }

  /** A full read begins: what was made before is not what it will make. */
  reset(): void {
    this.made.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * The entry at `path` now (if any) was made from a file stat'ed as `stamp`
   * (before the read; none: not stat'ed) and read from `readAt` on, with `text`.
   */
  noteRead(path: string, stamp: FileStamp | undefined, readAt: number, text: string | undefined): void {
    const entry = this.index.get(path);
    const root = this.root();
    if (!entry || !root) this.made.delete(path);
    else this.made.set(path, { entry, check: checkOf(stamp, readAt, text, timesReliable(root)), readAt });
    this.dirty = true;
  }

  /** The entry at `path` now is the kept one in `file` (or says the same), whose file was found unchanged. */
  noteKept(path: string, file: CachedFile): void {
    const entry = this.index.get(path);
    if (entry)
      this.made.set(path, { entry, check: { size: file.size, mtime: file.mtime, hash: file.hash }, readAt: 0 });
  }

  /** The index changed outside a full read: a write is due after a quiet moment. */
  changed(): void {
    this.dirty = true;
    this.schedule(AFTER_CHANGE_MS);
  }

  /** A full read ended: a write is due soon, if it read anything. */
  loaded(): void {
    this.schedule(AFTER_LOAD_MS);
  }

  private schedule(delay: number): void {
    if (!this.folder || !this.dirty) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, delay);
  }

  /** Writes the index's entries made from what is on disk; resolves once written (or not needed). */
  save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.saving ??= this.saveNow()
      .catch((error) => {
        this.dirty = true; // tried again after the next change
        this.log.warn(`Could not keep the index: ${String(error)}`);
      })
      .finally(() => (this.saving = undefined));
    return this.saving;
  }

  /** A write still due is made now (the window is closing, or the extension stopping). */
  dispose(): void {
    if (this.timer || this.dirty) void this.save();
  }

  private async keyOf(root: vscode.Uri): Promise<IndexCacheKey> {
    return { root: root.toString(), code: await this.codeOf(), language: vscode.env.language };
  }

  /**
   * What made the entries: the version, and the size and time of the bundle
   * that runs (a development build changes them without a new version), where
   * it can be stat'ed.
   */
  private codeOf(): Promise<string> {
    this.codeKey ??= (async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      const main = (extension?.packageJSON as { main?: unknown } | undefined)?.main;
      const stat =
        extension && typeof main === 'string'
          ? await statOf(vscode.Uri.joinPath(extension.extensionUri, main))
          : undefined;
      return stat ? `${this.code ?? ''}+${stat.size}.${stat.mtime}` : (this.code ?? '');
    })();
    return this.codeKey;
  }

  private async saveNow(): Promise<void> {
    const root = this.root();
    const uri = this.uriFor(root);
    if (!root || !uri || !this.dirty) return;
    if (this.busy()) return this.schedule(AFTER_LOAD_MS);
    this.dirty = false;
    // Files read without a stat (a start without a kept index): stat'ed now, kept if they did not change since.
    const unstamped: string[] = [];
    for (const [path, made] of this.made) {
      if (this.index.get(path) !== made.entry) this.made.delete(path);
      else if (made.check === UNCHECKED) unstamped.push(path);
    }
    if (timesReliable(root) && unstamped.length > 0) {
      const stats = await mapLimit(unstamped, READ_CONCURRENCY, (p) => statOf(uriIn(root, p)));
      unstamped.forEach((path, i) => {
        const made = this.made.get(path);
        if (made?.check === UNCHECKED) made.check = stampedLater(stats[i], made.readAt, true);
      });
    }
    if (this.root()?.toString() !== root.toString() || this.busy()) {
      this.dirty = true;
      return;
    }
    // The entries as they are now (entries are never changed in place), made into text a slice at a time.
    const started = Date.now();
    const files: CachedFile[] = [];
    for (const entry of this.index.all()) {
      const made = this.made.get(entry.path);
      if (made && made.entry === entry)
        files.push({ ...made.check, entry, needsYaml: this.index.needsYaml(entry.path) });
    }
    // Each slice made into bytes at once: no step holds the extension host for long, even the last.
    const encoder = new TextEncoder();
    const chunks = [encoder.encode(indexCacheHead(await this.keyOf(root)))];
    let count = 0;
    for (let from = 0; from < files.length; from += WRITE_SLICE) {
      if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const texts: string[] = [];
      for (const f of files.slice(from, from + WRITE_SLICE)) {
        const text = keptFileText(f);
        if (text !== undefined) texts.push(text);
      }
      if (texts.length > 0) chunks.push(encoder.encode((count > 0 ? ',' : '') + texts.join(',')));
      count += texts.length;
    }
    if (this.root()?.toString() !== root.toString()) return;
    chunks.push(encoder.encode(indexCacheTail(count)));
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    await this.write(uri, bytes);
    this.log.debug(
      `Kept the index: ${count} files, ${(bytes.length / 1024).toFixed(0)} KB in ${Date.now() - started} ms.`,
    );
  }

  /** Writes `bytes` to `uri` whole or not at all (a file beside it, moved over it), and deletes long-unused ones. */
  private async write(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    const fs = vscode.workspace.fs;
    const folder = vscode.Uri.joinPath(uri, '..');
    await fs.createDirectory(folder);
    const temp = vscode.Uri.joinPath(folder, `${Math.random().toString(36).slice(2)}.tmp`);
    try {
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, uri, { overwrite: true });
    } catch (error) {
      await fs.delete(temp).then(undefined, () => undefined);
      throw error;
    }
    const now = Date.now();
    for (const [name] of await fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][])) {
      const other = vscode.Uri.joinPath(folder, name);
      const stat = name === uri.path.split('/').pop() ? undefined : await statOf(other);
      const old = name.endsWith('.tmp') ? 24 * 60 * 60 * 1000 : UNUSED_MS;
      if (stat && now - stat.mtime > old) await fs.delete(other).then(undefined, () => undefined);
    }
  }
}
