// The prep sheet's virtual documents: their URI scheme and what a URI names.
// Shared by the feature that renders prep sheets and those that act on them.

import * as vscode from 'vscode';
import { Person } from '../core/journal-index';

export const PREP_SCHEME = 'one-on-one-prep';

export function prepSheetUri(person: Person, date: string): vscode.Uri {
  const query = new URLSearchParams({ person: person.slug, date }).toString();
  return vscode.Uri.from({
    scheme: PREP_SCHEME,
    path: `/Prep for ${person.name.replace(/[/\\]/g, '-')}, ${date}.md`,
    query,
  });
}

/** The person slug and date a prep sheet's URI names; undefined for any other URI. */
export function prepSheetOf(uri: vscode.Uri): { person: string; date: string } | undefined {
  if (uri.scheme !== PREP_SCHEME) return undefined;
  const params = new URLSearchParams(uri.query);
  return { person: params.get('person') ?? '', date: params.get('date') ?? '' };
}
