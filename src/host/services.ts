import type * as vscode from 'vscode';
import { toIsoDate } from '../core/dates';
import { JournalLock } from './journal-lock';
import { JournalStore } from './journal-store';
import { JournalWriter } from './journal-writer';
import { Logger } from './logger';

/** What every feature gets: the journal, the one write path, the log and the clock. */
export interface Services {
  readonly store: JournalStore;
  readonly writer: JournalWriter;
  readonly log: Logger;
  /** The time; tests replace `now` to control it. */
  readonly clock: Clock;
  /** Today as `YYYY-MM-DD` in the user's time zone. */
  today(): string;
}

export interface Clock {
  now: () => Date;
}

/**
 * `storage`: the extension's global storage, where windows on one journal take
 * turns writing and the index is kept between sessions (none: no turns, nothing kept).
 */
export function createServices(log: Logger, store: JournalStore, storage?: vscode.Uri): Services {
  if (storage) store.keepIndexIn(storage);
  const clock: Clock = { now: () => new Date() };
  const writer = new JournalWriter(store, log, new JournalLock(storage, log));
  return { store, writer, log, clock, today: () => toIsoDate(clock.now()) };
}
