// Loads a bundle the build wrote beside dist/extension.js (scripts/build.mjs)
// on first use: code with a large library (ical.js) costs nothing at
// activation. One way for both extension hosts: the file's text is read and
// run as a CommonJS module, as the web worker host itself runs extensions.
// It is read through workspace.fs, or fetched where the extension is served
// over https (vscode.dev), and kept once loaded.

import * as vscode from 'vscode';

const loaded = new Map<string, Promise<unknown>>();
/** The main bundle's own modules a lazy bundle imports as `journal:<path>` (scripts/build.mjs). */
let shared: Readonly<Record<string, unknown>> = {};
/** The build the main bundle comes from: a lazy bundle of another build would need other modules. */
let build: string | undefined;

/** Called once by the main bundle's entry, before activation (scripts/build.mjs). */
export function setSharedModules(modules: Readonly<Record<string, unknown>>, buildId?: string): void {
  shared = modules;
  build = buildId;
}

async function textOf(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (typeof fetch !== 'function' || !/^https?$/.test(uri.scheme)) throw error;
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`, { cause: error });
    return response.text();
  }
}

async function load<T>(uri: vscode.Uri): Promise<T> {
  const source = await textOf(uri);
  if (build !== undefined && !source.startsWith(`// journal-build:${build}`))
    throw new Error(
      vscode.l10n.t(
        '{0} is from another build of the extension (rebuilt while this window ran?): reload the window.',
        uri.path.split('/').pop() ?? uri.path,
      ),
    );
  const module: { exports: unknown } = { exports: {} };
  const require = (name: string): unknown => {
    if (name === 'vscode') return vscode;
    if (name.startsWith('journal:') && Object.prototype.hasOwnProperty.call(shared, name.slice(8)))
      return shared[name.slice(8)];
    throw new Error(`${uri.path.split('/').pop()} needs "${name}", which the main bundle does not hand over.`);
  };
  // The bundle's own code, built from src/ with every dependency inside it.
  new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`)(
    module,
    module.exports,
    require,
  );
  return module.exports as T;
}

/** The exports of `dist/<name>`, loaded once; a failed load is tried again next time. */
export function lazyBundle<T>(extensionUri: vscode.Uri, name: string): Promise<T> {
  let promise = loaded.get(name) as Promise<T> | undefined;
  if (!promise) {
    promise = load<T>(vscode.Uri.joinPath(extensionUri, 'dist', name));
    loaded.set(name, promise);
    promise.catch(() => loaded.delete(name));
  }
  return promise;
}

/** The bundles loaded so far (for the tests: what is not on the activation path). */
export function loadedBundles(): string[] {
  return [...loaded.keys()].sort();
}
