// Where a captured talking point came from, written so that it still means
// something in another window: a path and lines, and for a personal journal
// (which every window shares) the repository they are in — its GitHub
// `owner/repo`, or its folder's name. `src/retry.ts:40-52 in acme/payments`.

import { isContainedPath } from './layout';
import { sourceLabel } from './talking-points';

export interface SourceRef {
  /** A `/`-separated path inside the repository (or workspace folder). */
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** `owner/repo`, or a folder's name; absent in a workspace journal's labels. */
  readonly repository?: string;
}

/** A repository's name as a label carries it: no spaces at its ends, no line breaks, not empty. */
function cleanRepository(name: string): string | undefined {
  const clean = name.replace(/[\r\n\t]+/g, ' ').trim();
  return clean === '' ? undefined : clean;
}

/** `path:start-end`, followed by ` in <repository>` when one is given. */
export function sourceRefLabel(ref: SourceRef): string {
  const lines = sourceLabel(ref.path, ref.start, ref.end);
  const repository = ref.repository === undefined ? undefined : cleanRepository(ref.repository);
  return repository ? `${lines} in ${repository}` : lines;
}

/**
 * The path, lines and repository of a source label, or undefined when it is
 * not one (a terminal, free text). A label is text in a journal file, perhaps
 * someone else's: a path that could lead out of a folder (`..`, absolute) is
 * no path.
 */
export function parseSourceRef(label: string): SourceRef | undefined {
  const m = /^(.*?):(\d+)(?:-(\d+))?(?: in (\S(?:.*\S)?))?$/.exec(label.trim());
  if (!m) return undefined;
  const path = m[1]!;
  if (!isContainedPath(path)) return undefined;
  const start = Number(m[2]);
  const end = Number(m[3] ?? m[2]);
  if (start < 1 || end < start) return undefined;
  return m[4] ? { path, start, end, repository: m[4] } : { path, start, end };
}

/** Whether a repository name from a label names this one: its `owner/repo` or its folder, ignoring case. */
export function sameRepository(label: string, names: readonly string[]): boolean {
  const wanted = label.toLowerCase();
  return names.some((n) => n.toLowerCase() === wanted);
}
