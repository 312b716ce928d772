// The agenda line suggested for a captured selection. It should read as what
// the engineer wants to raise, not as the selection's first line: prose gives
// its first sentence, code the thing it defines ("Discuss `retryBudget` in
// retry.ts"), terminal output the line that went wrong.

import { withoutControlCharacters } from './edits';
import { l10n } from './l10n';
import { Excerpt, summarize } from './talking-points';

const PROSE = new Set(['plaintext', 'markdown', 'text', '', 'scminput', 'git-commit']);
const CONSOLE = new Set(['console', 'terminal', 'shellsession', 'log']);

// Each is anchored at a line's start and bounded, so a long selection costs one pass.
const DEFINITIONS: readonly RegExp[] = [
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]{0,80})/,
  /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:class|interface|enum|trait|struct|record)\s+([A-Za-z_$][\w$]{0,80})/,
  /^\s*(?:export\s+)?type\s+([A-Za-z_$][\w$]{0,80})\s*(?:<[^>]{0,80}>)?\s*=/,
  /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]{0,80})\s*(?::[^=]{0,80})?=/,
  /^\s*(?:async\s+)?def\s+([A-Za-z_]\w{0,80})/,
  /^\s*(?:pub(?:\([^)]{0,20}\))?\s+)?(?:async\s+)?fn\s+([A-Za-z_]\w{0,80})/,
  /^\s*func\s+(?:\([^)]{0,80}\)\s*)?([A-Za-z_]\w{0,80})/,
  /^\s*(?:(?:public|private|protected|internal|static|override|async|final|readonly)\s+){1,4}(?:[\w<>[\],?\s]{1,80}\s+)?([A-Za-z_$][\w$]{0,80})\s*\(/,
];

const TROUBLE = /\b(error|fail(ed|ure)?|exception|panic|fatal|denied|not found|cannot|can't|refused|timed? ?out)\b/i;

/** The last part of a source label like `src/net/retry.ts:40-52`, without its lines. */
function fileOf(sourceLabel: string | undefined): string | undefined {
  if (!sourceLabel) return undefined;
  const path = sourceLabel.replace(/:\d+(-\d+)?$/, '');
  const name = path.split(/[\\/]/).pop()?.trim();
  return name ? name : undefined;
}

function shortened(text: string): string {
  return summarize(text);
}

/** The first sentence of the first paragraph, capitalised. */
function firstSentence(text: string): string {
  const paragraph = text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/).find((p) => p.trim() !== '') ?? '';
  const flat = paragraph
    .replace(/^\s*(?:[-*+>]|\d+[.)]|#{1,6})\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = /[.!?](?=\s|$)/.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  return shortened(sentence.charAt(0).toUpperCase() + sentence.slice(1));
}

/** What the code defines first, if it says. */
function definedName(code: string): string | undefined {
  for (const line of code.split(/\r\n|\r|\n/, 400)) {
    for (const pattern of DEFINITIONS) {
      const name = pattern.exec(line)?.[1];
      if (name && !/^(if|for|while|switch|catch|return|new)$/.test(name)) return name;
    }
  }
  return undefined;
}

/** A suggested one-line summary for the agenda; the user edits it before it is written. */
export function suggestSummary(excerpt: Excerpt, sourceLabel?: string): string {
  const text = withoutControlCharacters(excerpt.text);
  if (text.trim() === '') return '';
  const language = (excerpt.languageId ?? '').toLowerCase();
  if (PROSE.has(language)) return firstSentence(text);
  if (CONSOLE.has(language)) {
    const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    const trouble = lines.find((l) => TROUBLE.test(l));
    return shortened(l10n.t('Ask about this output: {0}', (trouble ?? lines[0] ?? '').trim()));
  }
  const file = fileOf(sourceLabel);
  const name = definedName(text);
  if (name) return shortened(file ? l10n.t('Discuss `{0}` in {1}', name, file) : l10n.t('Discuss `{0}`', name));
  if (file) return shortened(l10n.t('Discuss this code in {0}', file));
  return shortened(l10n.t('Discuss this code: {0}', summarize(text)));
}
