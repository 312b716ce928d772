// Which files the journal reads, and which it will change. A file is read when
// it is UTF-8 text of at most MAX_FILE_BYTES; anything else (binary, another
// encoding, a log pasted in by mistake) shows with its problem and is never
// changed. Text is changed only when it parses cleanly: an edit computed on a
// file the user cannot see as the journal sees it would be a guess.

import { JournalDocument } from './document';
import { utf8Length } from './layout';
import { l10n } from './l10n';

export const MAX_FILE_BYTES = 1024 * 1024;

export type FileText =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'unreadable'; readonly message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file's bytes as journal text (a BOM kept), or why they are skipped and what to do about it. */
export function fileText(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): FileText {
  if (bytes.byteLength > maxBytes) {
    return {
      kind: 'unreadable',
      message: l10n.t(
        'Skipped: the file is {0}; journal files over {1} are not read. Split it into smaller files, or move it out of the journal folder.',
        megabytes(bytes.byteLength),
        megabytes(maxBytes),
      ),
    };
  }
  if (bytes.includes(0))
    return {
      kind: 'unreadable',
      message: l10n.t(
        'Skipped: the file looks binary (it contains NUL bytes). Move it out of the journal folder; 1:1 Journal never changes it.',
      ),
    };
  try {
    return { kind: 'text', text: decoder.decode(bytes) };
  } catch {
    return {
      kind: 'unreadable',
      message: l10n.t(
        'Skipped: the file is not valid UTF-8. Reopen it with its encoding (status bar) and save it as UTF-8 to use it in the journal.',
      ),
    };
  }
}

/** Bytes as journal text at the journal's limit: what the store, the writer and the template readers all use. */
export function decode(bytes: Uint8Array): FileText {
  return fileText(bytes, MAX_FILE_BYTES);
}

/**
 * Why the text of `path` (as VS Code holds it, parsed as `doc`) must not be
 * edited, or undefined: NUL characters or more than `maxBytes` (what the
 * store skips when it reads the file), or an error in its front matter.
 */
export function editRefusal(path: string, doc: JournalDocument, maxBytes = MAX_FILE_BYTES): string | undefined {
  const text = doc.source.text;
  if (text.includes('\u0000'))
    return l10n.t(
      '{0} was not changed: it contains NUL characters, so it looks binary. Move it out of the journal folder, or remove them by hand.',
      path,
    );
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return l10n.t(
      '{0} was not changed: it is over {1}, and the journal neither reads nor changes files that large. Split it into smaller files.',
      path,
      megabytes(maxBytes),
    );
  }
  const problem = doc.problems.find((p) => p.severity === 'error');
  if (!problem) return undefined;
  return l10n.t(
    '{0} was not changed: {1} (line {2}; see the Problems panel). Fix it by hand, then try again.',
    path,
    problem.message.replace(/\.?$/, '.'),
    problem.line + 1,
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
