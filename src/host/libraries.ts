// Loads the libraries the core needs only for some files (core/on-demand.ts)
// from their bundles, the first time the core misses one: dist/yaml.js for
// front matter beyond flat lines and edits of front matter, dist/rrule.js for
// a cadence written as an RRULE. A load that fails (a damaged install) is
// reported where the library was needed, until the window is reloaded.

import * as vscode from 'vscode';
import { installLibrary, LibraryName, libraryFailed, libraryInstalled, onLibraryWanted } from '../core/on-demand';
import { lazyBundle } from './lazy-bundle';

const BUNDLES: Readonly<Record<LibraryName, string>> = { yaml: 'yaml.js', rrule: 'rrule.js' };

let extensionUri: vscode.Uri | undefined;
const loading = new Map<LibraryName, Promise<void>>();
const loadedListeners = new Set<(name: LibraryName) => void>();

/** Where the bundles are: set at activation. From then on, whatever misses a library starts loading it. */
export function setLibrarySource(uri: vscode.Uri): void {
  extensionUri = uri;
  onLibraryWanted((name) => void ensureLibrary(name));
}

/** Resolves once the library is installed in the core, or its load failed (the core then says why where it is needed). */
export function ensureLibrary(name: LibraryName): Promise<void> {
  if (libraryInstalled(name)) return Promise.resolve();
  let promise = loading.get(name);
  if (!promise) {
    promise = load(name).finally(() => loading.delete(name));
    loading.set(name, promise);
  }
  return promise;
}

/** Resolves when every load under way has ended (and its listeners have run). */
export async function librariesLoading(): Promise<void> {
  while (loading.size > 0) await Promise.all(loading.values());
}

/** Hears when a library was installed or failed to load; what waited for it can be computed again. */
export function onLibraryLoaded(listener: (name: LibraryName) => void): vscode.Disposable {
  loadedListeners.add(listener);
  return { dispose: () => loadedListeners.delete(listener) };
}

async function load(name: LibraryName): Promise<void> {
  try {
    if (!extensionUri) throw new Error('the extension is not activated');
    installLibrary(name, await lazyBundle<unknown>(extensionUri, BUNDLES[name]));
  } catch (error) {
    libraryFailed(
      name,
      vscode.l10n.t('{0} could not be loaded ({1}). Reload the window.', BUNDLES[name], String(error).split('\n')[0]!),
    );
  }
  for (const listener of loadedListeners) listener(name);
}
