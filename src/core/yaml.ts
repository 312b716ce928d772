// The yaml library, handed in. It is 96 KB of the extension's code, and only
// front matter the flat shortcut (flat-front-matter.ts) declines needs it:
// lists, nesting, quoting with escapes, broken YAML. So it is not bundled
// with the core: the host loads it the first time such a file turns up
// (host/yaml-loader.ts) and installs it here, and the unit tests install it
// before they run. Until then a parse that needs it says so (`yamlPending`)
// instead of guessing, and the index waits for it.

import type { Document, isMap, isScalar, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';

/** The part of yaml the core uses (src/core/yaml-library.ts is the bundle that provides it). */
export interface YamlLibrary {
  parseDocument(source: string, options?: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed;
  isMap: typeof isMap;
  isScalar: typeof isScalar;
}

let library: YamlLibrary | undefined;
let failure: string | undefined;

/** Installs the library (once loaded); `undefined` takes it away again (for the tests of the path without it). */
export function installYaml(lib: YamlLibrary | undefined): void {
  library = lib;
  if (lib) failure = undefined;
}

/** The library, or undefined while it is not loaded. */
export function yamlLibrary(): YamlLibrary | undefined {
  return library;
}

/** The library could not be loaded: parses that need it report `message` as a problem instead of waiting. */
export function yamlFailed(message: string | undefined): void {
  failure = message;
}

/** Why the library is missing for good (a failed load), or undefined while it may still come. */
export function yamlFailure(): string | undefined {
  return library ? undefined : failure;
}

let wanted = false;
let wantedListener: (() => void) | undefined;

/** Hears each time a caller misses the library (the host starts loading it, so the next call has it). */
export function onYamlWanted(listener: (() => void) | undefined): void {
  wantedListener = listener;
}

/** The library for a caller that cannot go on without it: when it is missing, that is noted (`takeYamlWanted`). */
export function requireYaml(): YamlLibrary | undefined {
  if (!library && failure === undefined) {
    wanted = true;
    wantedListener?.();
  }
  return library;
}

/** Whether a caller missed the library since the last call: the writer loads it and computes its edit again. */
export function takeYamlWanted(): boolean {
  const was = wanted;
  wanted = false;
  return was;
}
