// Whether the text an edit is computed on is still the file's text. VS Code
// holds a file's text (an editor, or a document opened for an edit) and
// reloads it a moment after the file changes on disk (a git pull, another
// window); an edit computed on the older text and saved in between would
// overwrite what just landed.

import { stripBom, toSource } from './text';

/**
 * `same`: the file holds the text. `mixed-line-endings`: it differs only
 * because VS Code normalised the file's mixed line breaks when it loaded it.
 * `changed`: the file is newer (or older) than the text held.
 */
export type DiskComparison = 'same' | 'mixed-line-endings' | 'changed';

/** The file's decoded text on disk (a BOM allowed) against the text VS Code holds for it. */
export function compareWithDisk(disk: string, held: string): DiskComparison {
  const text = stripBom(disk).text;
  if (text === held) return 'same';
  // Only a file that mixes breaks is normalised on load; a file converted to
  // CRLF as a whole (git's autocrlf on a pull) is a change VS Code reloads.
  if (toSource(text).mixedEol && unify(text) === unify(held)) return 'mixed-line-endings';
  return 'changed';
}

function unify(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
