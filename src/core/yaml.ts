// The yaml library, handed in (on-demand.ts). It is 96 KB of the extension's
// code, and only front matter the flat shortcut (flat-front-matter.ts)
// declines needs it — lists, nesting, quoting with escapes, broken YAML —
// and edits of front matter. Until it is loaded, a parse that needs it says
// so (`yamlPending`) instead of guessing.

import type { Document, isMap, isScalar, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import { installLibrary, libraryFailed, libraryFailure, requireLibrary } from './on-demand';

/** The part of yaml the core uses (src/core/yaml-library.ts is the bundle that provides it). */
export interface YamlLibrary {
  parseDocument(source: string, options?: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed;
  isMap: typeof isMap;
  isScalar: typeof isScalar;
}

export function installYaml(library: YamlLibrary | undefined): void {
  installLibrary('yaml', library);
}

/** yaml, or undefined (noted as wanted unless its load failed). */
export function requireYaml(): YamlLibrary | undefined {
  return requireLibrary<YamlLibrary>('yaml');
}

export function yamlFailed(message: string | undefined): void {
  libraryFailed('yaml', message);
}

export function yamlFailure(): string | undefined {
  return libraryFailure('yaml');
}
