// Libraries the core needs only for some files, handed in by the host once
// loaded: yaml (yaml.ts: front matter beyond flat lines, front-matter edits)
// and rrule (rrule.ts: a cadence written as an RRULE). Bundling them with the
// core would load their 140 KB at every start, for journals that mostly never
// use them. A caller that finds one missing notes that it is wanted: the host
// starts loading it (host/libraries.ts), the index keeps a file computed
// without it out until it comes, and the writer computes its edit again.

export type LibraryName = 'yaml' | 'rrule';

const installed = new Map<LibraryName, unknown>();
const failures = new Map<LibraryName, string>();
let wanted = false;
let wantedListener: ((name: LibraryName) => void) | undefined;

/** Installs a library once loaded; `undefined` takes it away again (for the tests of the time before). */
export function installLibrary(name: LibraryName, library: unknown): void {
  if (library === undefined) installed.delete(name);
  else {
    installed.set(name, library);
    failures.delete(name);
  }
}

export function libraryInstalled(name: LibraryName): boolean {
  return installed.has(name);
}

/** The library could not be loaded: callers report `message` instead of waiting (undefined: no failure). */
export function libraryFailed(name: LibraryName, message: string | undefined): void {
  if (message === undefined) failures.delete(name);
  else failures.set(name, message);
}

/** Why the library is missing for good (its load failed), or undefined while it may still come. */
export function libraryFailure(name: LibraryName): string | undefined {
  return installed.has(name) ? undefined : failures.get(name);
}

/** The library, or undefined; when it is missing (and did not fail), that is noted and the host hears of it. */
export function requireLibrary<T>(name: LibraryName): T | undefined {
  const library = installed.get(name) as T | undefined;
  if (library === undefined && !failures.has(name)) {
    wanted = true;
    wantedListener?.(name);
  }
  return library;
}

/** Hears each time a caller misses a library (the host starts loading it). */
export function onLibraryWanted(listener: ((name: LibraryName) => void) | undefined): void {
  wantedListener = listener;
}

/**
 * Whether a caller missed a library since the last call. Taken before and
 * after a computation (nothing awaits between), it says whether that
 * computation lacked one: the index and the writer then wait for it.
 */
export function takeLibraryWanted(): boolean {
  const was = wanted;
  wanted = false;
  return was;
}
