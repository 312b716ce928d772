// When the journal's start-up steps happened (epoch ms, the clock of VS Code's
// own performance marks), each recorded once per extension host: `npm run
// bench` reads them through the extension's exports to say where the time to
// the first rows goes. Nothing else reads them.

export type StartupStep =
  /** activate() was entered. */
  | 'activate'
  /** The people of the last session's startup cache were put in the index. */
  | 'primed'
  /** The journal's first full read began. */
  | 'loadStarted'
  /** activate() is about to return. */
  | 'activated'
  /** The workbench first asked the Meetings tree for its root. */
  | 'firstRootRequest'
  /** The Meetings tree's root first returned rows. */
  | 'firstRows'
  /** The person files were listed. */
  | 'peopleListed'
  /** The person files were read and indexed (or found as the cache showed them). */
  | 'peopleIndexed'
  /** The startup cache was written. */
  | 'cacheSaved'
  /** The whole journal was read and indexed. */
  | 'loaded';

export const startupTimeline: Partial<Record<StartupStep, number>> = {};

export function markStartup(step: StartupStep): void {
  startupTimeline[step] ??= Date.now();
}
