// The host side of the startup cache (the pure part is src/core/startup-cache.ts):
// the person entries kept in the workspace's state, put back in the index
// when the extension starts, and written again a moment after the people
// change, so that the next start has its first rows before any file is read.

import * as vscode from 'vscode';
import { JournalEntry } from '../../core/journal-entry';
import { JournalIndex } from '../../core/journal-index';
import { readStartupCache, sameEntry, startupCacheOf } from '../../core/startup-cache';
import { Logger } from '../logger';
import { markStartup } from '../startup-timeline';
import { ShownPeople } from './loader';

/** workspaceState: the person files' entries, for the next start's first rows (src/core/startup-cache.ts). */
export const STARTUP_CACHE_KEY = 'oneOnOne.startupCache';
/** A burst of changes to person files writes the startup cache once. */
const CACHE_WRITE_DELAY_MS = 1000;

/** Where the people are kept between sessions, and the code's version (entries of another version are ignored). */
export interface StartupCacheSlot {
  readonly state: vscode.Memento;
  readonly code: string;
}

export class StartupCacheKeeper implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The person entries shown from the startup cache until the first load has read their files. */
  private primed: Map<string, JournalEntry> | undefined;
  /** Parses a person file on the side, to compare it with the entry the startup cache showed. */
  private readonly scratch = new JournalIndex();

  /** `slot` undefined: nothing is kept. `readyRoot`: the journal folder when it is open, else undefined. */
  constructor(
    private readonly index: JournalIndex,
    private readonly log: Logger,
    private readonly slot: StartupCacheSlot | undefined,
    private readonly readyRoot: () => vscode.Uri | undefined,
  ) {}

  /**
   * Shows the people of the last session's startup cache, if it was made for
   * the journal folder at `root` by this code; `showReady` is called first, so
   * that the one change event of putting them back finds rows.
   */
  prime(root: vscode.Uri | undefined, showReady: (root: vscode.Uri) => void): boolean {
    this.primed = undefined;
    if (!root || !this.slot) return false;
    const entries = readStartupCache(this.slot.state.get(STARTUP_CACHE_KEY), root.toString(), this.slot.code);
    if (!entries) return false;
    const primed = new Map<string, JournalEntry>();
    showReady(root);
    this.index.batch(() => {
      this.index.clear();
      for (const entry of entries) {
        this.index.restore(entry);
        primed.set(entry.path, entry);
      }
    });
    markStartup('primed');
    this.primed = primed;
    return true;
  }

  /**
   * The people shown from the cache, for the load about to start to confirm;
   * `sameFolder` false (a load of another folder, or not the first): none.
   * Either way they are handed out once.
   */
  takeShown(sameFolder: boolean): ShownPeople | undefined {
    const primed = sameFolder ? this.primed : undefined;
    this.primed = undefined;
    if (!primed) return undefined;
    return {
      entries: primed,
      confirms: (path, text) => {
        const shown = primed.get(path);
        return shown !== undefined && this.index.get(path) === shown && sameEntry(this.scratchEntry(path, text), shown);
      },
    };
  }

  /** Writes the startup cache a moment after the people last changed (never while a burst of changes goes on). */
  schedule(): void {
    if (!this.slot) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, CACHE_WRITE_DELAY_MS);
  }

  /** Keeps the people's entries for the next start (or forgets them when there is no journal); resolves once stored. */
  async save(): Promise<void> {
    if (!this.slot) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { state, code } = this.slot;
    const root = this.readyRoot()?.toString();
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

  /** A write still due is made now (the window is closing, or the extension stopping). */
  dispose(): void {
    if (this.timer) void this.save();
  }

  /** The entry `text` would give the file at `path`, without touching the index. */
  private scratchEntry(path: string, text: string): JournalEntry {
    const entry = this.scratch.update(path, text);
    this.scratch.delete(path);
    return entry;
  }
}
