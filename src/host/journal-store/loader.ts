// Reads journal files into the index: the full read of the journal at a root
// URI (people first, then the rest in slices), and the one read and one
// index update per file that the watcher shares. It knows nothing of where
// the root came from or how changes are noticed (location.ts, watcher.ts).

import * as vscode from 'vscode';
import { decode, FileText } from '../../core/file-text';
import { CachedFile, FileStamp, IndexCache, stampMatches, textMatches } from '../../core/index-cache';
import { JournalEntry } from '../../core/journal-entry';
import { JournalIndex } from '../../core/journal-index';
import { FOLDERS } from '../../core/layout';
import { loadOrder } from '../../core/load-order';
import { sameEntry } from '../../core/startup-cache';
import { Logger } from '../logger';
import { markStartup } from '../startup-timeline';
import { statKind, statOf } from '../stat';
import { IndexCacheKeeper, timesReliable } from './index-cache';
import { isSkippedFolder } from './location';
import { mapLimit, READ_CONCURRENCY } from '../map-limit';

export { mapLimit, READ_CONCURRENCY } from '../map-limit';

/** Files read and indexed per batch while the journal loads: each batch refreshes the trees once. */
const LOAD_SLICE = 500;

export type ReadResult = FileText | { readonly kind: 'gone' };

/** What a full read did: files listed, restored from the kept index, read. */
export interface LoadCount {
  listed: number;
  restored: number;
  read: number;
}

/** Files of a full read, each from the kept index (`kept`; and `content` if read to compare) or read; when their reads began. */
interface Fetched {
  readonly at: number;
  readonly files: readonly { kept?: CachedFile; stamp?: FileStamp; content?: ReadResult }[];
}

/** The people the startup cache showed before any file was read, for the load to confirm or correct. */
export interface ShownPeople {
  readonly entries: ReadonlyMap<string, JournalEntry>;
  /** Whether `text` still gives the person at `path` the entry shown: it is then left as is (no change, no refresh). */
  confirms(path: string, text: string): boolean;
}

/** The index the last session kept, for a full read to restore entries from; `parsed` hears of each file read instead. */
export interface KeptIndex {
  readonly cache: Promise<IndexCache | undefined>;
  parsed(path: string): void;
}

/** What the store does at each step of a full read that changes its state. */
export interface LoadSteps {
  /** The root is missing (undefined) or a file: nothing is read. */
  notAFolder(kind: vscode.FileType | undefined): void;
  /** The root is a folder and its files are about to be read. */
  reading(): void;
  /** The person files are in the index: the trees can show their rows. */
  peopleIndexed(): void;
}

export class JournalLoader {
  private generation = 0;
  private loadingFiles = false;
  /** Files the watcher re-read while the journal was loading: the load's older read of them is dropped. */
  private readonly fresh = new Set<string>();
  /**
   * The text of each file as the extension last wrote it (and indexed it), so
   * the watcher's echo of that write changes nothing: a refresh of the trees
   * then would drop the row a context-menu command was just run on.
   */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly index: JournalIndex,
    private readonly log: Logger,
    private readonly uriOf: (path: string) => vscode.Uri,
    /** What the index cache keeps with each entry comes from here (none: nothing is kept). */
    private readonly keeper?: IndexCacheKeeper,
  ) {}

  /** Whether a full read is reading files now (started and neither done nor overtaken). */
  get reading(): boolean {
    return this.loadingFiles;
  }

  /** Starts a new full read: an older one stops at its next step, and what was written before is no echo to it. */
  begin(): number {
    this.written.clear();
    this.keeper?.reset();
    return ++this.generation;
  }

  /** Whether `generation` is still the latest full read (none began since). */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /** Records text just written by the extension, so the trees update before the watcher fires. */
  updateFromText(path: string, text: string): void {
    this.written.set(path, text);
    this.markFresh(path);
    this.index.update(path, text);
  }

  /** While the journal loads, a file re-read by the watcher (or written by us) keeps that newer state. */
  markFresh(path: string): void {
    if (this.loadingFiles) this.fresh.add(path);
  }

  /**
   * Reads the journal at `root` in full, for the load `generation` that
   * `begin()` returned. With `kept` (the index kept by the last session),
   * each file is stat'ed first, and one found as it was kept is restored
   * from it instead of being read and parsed.
   */
  async load(
    generation: number,
    root: vscode.Uri,
    shown: ShownPeople | undefined,
    steps: LoadSteps,
    kept?: KeptIndex,
  ): Promise<LoadCount | undefined> {
    // The person files are listed while the journal folder is looked at: one round trip less before the first rows.
    const peopleFolder = vscode.Uri.joinPath(root, FOLDERS.people);
    const [kind, peopleFiles, cache] = await Promise.all([
      statKind(root),
      listMarkdown(peopleFolder, `${FOLDERS.people}/`, this.log, false),
      kept?.cache,
    ]);
    const onParsed = kept?.parsed;
    if (generation !== this.generation) return undefined;
    if (kind !== vscode.FileType.Directory) {
      steps.notAFolder(kind);
      return undefined;
    }
    steps.reading();
    this.loadingFiles = true;
    const count = { listed: 0, restored: 0, read: 0 };
    const reliable = timesReliable(root);
    // People first: with them the Meetings tree has its rows (and the
    // commands their people) while the rest of the journal is still read.
    const started = Date.now();
    markStartup('peopleListed');
    const people = await this.fetch(peopleFiles, cache, reliable);
    if (generation !== this.generation) return undefined;
    this.fresh.clear();
    this.index.batch(() => {
      if (!shown) this.index.clear();
      else {
        // People shown from the cache whose file has gone since go now.
        const listed = new Set(peopleFiles);
        for (const path of shown.entries.keys()) if (!listed.has(path)) this.index.delete(path);
      }
      peopleFiles.forEach((path, i) => this.take(path, people, i, shown, count, onParsed));
    });
    steps.peopleIndexed();

    // Then everything else, in slices, each indexed as one batch: goals,
    // feedback and the other small folders, then meetings newest first (the
    // next meeting and the latest ones are what the trees show first).
    const known = new Set(peopleFiles);
    const rest = (await listMarkdown(root, '', this.log)).filter((path) => !known.has(path));
    if (generation !== this.generation) return undefined;
    const ordered = loadOrder(rest);
    for (let from = 0; from < ordered.length; from += LOAD_SLICE) {
      const slice = ordered.slice(from, from + LOAD_SLICE);
      const got = await this.fetch(slice, cache, reliable);
      if (generation !== this.generation) return undefined;
      this.index.batch(() =>
        slice.forEach((path, i) => this.fresh.has(path) || this.take(path, got, i, undefined, count, onParsed)),
      );
    }
    this.fresh.clear();
    this.loadingFiles = false;
    markStartup('loaded');
    count.listed = peopleFiles.length + ordered.length;
    const malformed = cache?.malformed ? `, ${cache.malformed} kept entries malformed` : '';
    const from = cache ? ` (${count.restored} as the last session kept them, ${count.read} read${malformed})` : '';
    this.log.info(`Read ${count.listed} journal files in ${Date.now() - started} ms${from}.`);
    return count;
  }

  /**
   * The files at `paths`, from the kept index where a file is as it was kept
   * (its stat the same, or where times say nothing, its text), else as read.
   */
  private async fetch(paths: readonly string[], cache: IndexCache | undefined, reliable: boolean): Promise<Fetched> {
    const at = Date.now();
    const files = await mapLimit(paths, READ_CONCURRENCY, async (path): Promise<Fetched['files'][number]> => {
      const kept = cache?.get(path);
      // Stat'ed before the read: what is kept with the entry is never newer than the text it was made from.
      const stamp = cache && reliable ? await statOf(this.uriOf(path)) : undefined;
      if (kept && stampMatches(kept, stamp)) return { kept };
      const content = await this.read(path);
      const same = kept && content.kind === 'text' && textMatches(kept, content.text);
      return { kept: same ? kept : undefined, stamp, content };
    });
    return { at, files };
  }

  /** File `i` of `got` into the index: restored from the kept index, or its content applied (the people shown confirmed). */
  private take(
    path: string,
    got: Fetched,
    i: number,
    shown: ShownPeople | undefined,
    count: LoadCount,
    onParsed: ((path: string) => void) | undefined,
  ): void {
    const { kept, stamp, content } = got.files[i]!;
    const showing = shown?.entries.get(path);
    if (kept) {
      count.restored++;
      // A person shown from the startup cache saying the same is left as it is (no change, no refresh), unless its
      // front matter needs yaml, which putting it back asks for.
      if (kept.needsYaml || !(showing && this.index.get(path) === showing && sameEntry(showing, kept.entry)))
        this.index.restore(kept.entry, kept.needsYaml === true);
      if (content) this.keeper?.noteRead(path, stamp, got.at, content.kind === 'text' ? content.text : undefined);
      else this.keeper?.noteKept(path, kept);
      return;
    }
    count.read++;
    onParsed?.(path);
    if (showing && content!.kind === 'text' && shown!.confirms(path, content!.text)) {
      this.keeper?.noteRead(path, stamp, got.at, content!.text);
      return;
    }
    this.apply(path, content!, got.at, stamp);
  }

  /**
   * A file's content into the index, unless it is the echo of what the
   * extension just wrote there; `readAt` (when the read began, or earlier) and
   * `stamp` (a stat taken before it) are what the index cache keeps with it.
   */
  apply(path: string, content: ReadResult, readAt: number, stamp?: FileStamp): void {
    const echo =
      content.kind === 'text' && this.written.get(path) === content.text && this.index.get(path) !== undefined;
    this.written.delete(path);
    if (!echo) {
      if (content.kind === 'text') this.index.update(path, content.text);
      else if (content.kind === 'unreadable') this.index.markUnreadable(path, content.message);
      else this.index.delete(path);
    }
    this.keeper?.noteRead(path, stamp, readAt, content.kind === 'text' ? content.text : undefined);
  }

  async read(path: string): Promise<ReadResult> {
    const uri = this.uriOf(path);
    try {
      // One call per file: the size is checked on the bytes read, not by a stat first (half the calls of a full read).
      return decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { kind: 'gone' };
      return { kind: 'unreadable', message: vscode.l10n.t('The file could not be read: {0}', String(error)) };
    }
  }
}

/** The markdown files under `folder` as paths starting with `prefix`, sorted; links are never followed. */
export async function listMarkdown(
  folder: vscode.Uri,
  prefix: string,
  log: Logger,
  recursive = true,
): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: vscode.Uri, rel: string): Promise<void> => {
    let children: [string, vscode.FileType][];
    try {
      children = await vscode.workspace.fs.readDirectory(dir);
    } catch (error) {
      // (the journal folder itself missing or a file is said once, by the load)
      if (
        error instanceof vscode.FileSystemError &&
        (error.code === 'FileNotFound' || error.code === 'FileNotADirectory')
      )
        return;
      log.warn(`Could not list ${dir.toString(true)}: ${String(error)}`);
      return;
    }
    const subfolders: Promise<void>[] = [];
    for (const [name, type] of children) {
      if (type & vscode.FileType.SymbolicLink) continue; // never follow links out of (or around) the journal
      if (type === vscode.FileType.Directory) {
        if (recursive && !isSkippedFolder(name))
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
