// Loads yaml (dist/yaml.js) the first time the core needs it (core/yaml.ts):
// for a file whose front matter the flat shortcut declines, and for an edit
// of front matter. A load that fails (a damaged install) is reported as
// those files' problem and the edit's error until the window is reloaded.

import * as vscode from 'vscode';
import { installYaml, onYamlWanted, YamlLibrary, yamlFailed, yamlLibrary } from '../core/yaml';
import { lazyBundle } from './lazy-bundle';

let extensionUri: vscode.Uri | undefined;
let loading: Promise<void> | undefined;

/** Where dist/yaml.js is: set at activation. From then on, any parse that misses yaml starts loading it. */
export function setYamlSource(uri: vscode.Uri): void {
  extensionUri = uri;
  onYamlWanted(() => void ensureYaml());
}

/** Resolves once yaml is installed in the core, or its load failed (then the core reports why). */
export function ensureYaml(): Promise<void> {
  if (yamlLibrary()) return Promise.resolve();
  loading ??= load().finally(() => (loading = undefined));
  return loading;
}

async function load(): Promise<void> {
  try {
    if (!extensionUri) throw new Error('the extension is not activated');
    installYaml(await lazyBundle<YamlLibrary>(extensionUri, 'yaml.js'));
  } catch (error) {
    yamlFailed(
      vscode.l10n.t('the YAML reader could not be loaded ({0}). Reload the window.', firstLine(String(error))),
    );
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
