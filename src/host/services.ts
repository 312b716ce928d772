import { toIsoDate } from '../core/dates';
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

export function createServices(log: Logger, store: JournalStore): Services {
  const clock: Clock = { now: () => new Date() };
  return { store, writer: new JournalWriter(store, log), log, clock, today: () => toIsoDate(clock.now()) };
}
