// Free questions to @1on1 ("what did we decide about the on-call rotation?")
// are answered by the user's own chat model from excerpts of the journal:
// which meetings to read first (from the index, never every file), which of
// their shareable texts to send (the words of the question, weighted by how
// rare they are; newest first on a tie), and the prompt. All deterministic.

import { JournalEntry } from '../journal-entry';
import { forModel } from './model-view';

export interface Passage {
  readonly path: string;
  /** "1:1 with Alex Kim, 2026-11-24" */
  readonly title: string;
  readonly date: string;
  /** The file's shareable text (model-view.ts). */
  readonly text: string;
}

export interface Prompt {
  readonly instructions: string;
  readonly question: string;
  /** The passages used, numbered as the prompt cites them. */
  readonly passages: readonly Passage[];
}

const STOP = new Set(
  'about above after again also and any are because been before being but can could did does doing done for from had has have how into its just last let more most not now off once only other our out over same she should some such than that the their them then there these they this those through too under until very was were what when where which while who whom why will with would you your yours mine one ones did with'.split(
    ' ',
  ),
);

/** The words of a question worth matching: three letters or more, not a stop word. */
export function questionTerms(question: string): string[] {
  const out: string[] = [];
  for (const word of question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    const w = word.replace(/'s$/, '');
    if (w.length >= 3 && !STOP.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

function count(haystack: string, term: string): number {
  let n = 0;
  for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length)) n++;
  return n;
}

/** Meetings to read for a question, from what the index holds of them: the best matches and the newest. */
export function candidateMeetings(
  meetings: readonly JournalEntry[],
  question: string,
  limit = 40,
  newest = 8,
): JournalEntry[] {
  const terms = questionTerms(question);
  const scored = meetings.map((m) => {
    const text = [
      m.title,
      ...m.agenda.map((i) => i.text),
      ...m.actions.map((i) => i.text),
      ...m.wins.map((i) => i.text),
    ]
      .join('\n')
      .toLowerCase();
    return { m, score: terms.reduce((s, t) => s + (text.includes(t) ? 1 : 0), 0) };
  });
  const byDate = (a: JournalEntry, b: JournalEntry): number =>
    (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path);
  const best = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || byDate(a.m, b.m))
    .map((s) => s.m);
  const recent = [...meetings].sort(byDate).slice(0, newest);
  const out: JournalEntry[] = [];
  for (const m of [...best, ...recent]) if (!out.includes(m) && out.length < limit) out.push(m);
  return out;
}

/** The passages that answer best: by the question's words, rare words counting more; newest first on a tie. */
export function selectPassages(question: string, passages: readonly Passage[], max = 6, budget = 12_000): Passage[] {
  const terms = questionTerms(question);
  const lower = passages.map((p) => `${p.title}\n${p.text}`.toLowerCase());
  const idf = new Map(
    terms.map((t) => {
      const df = lower.filter((text) => text.includes(t)).length;
      return [t, Math.log(1 + passages.length / (1 + df))];
    }),
  );
  const ranked = passages
    .map((p, i) => ({
      p,
      score: terms.reduce((s, t) => {
        const tf = count(lower[i]!, t);
        return s + (tf > 0 ? (1 + Math.log(tf)) * idf.get(t)! : 0);
      }, 0),
    }))
    .sort((a, b) => b.score - a.score || b.p.date.localeCompare(a.p.date) || a.p.path.localeCompare(b.p.path));
  const matching = ranked.filter((r) => r.score > 0);
  // Nothing matches ("what did we talk about last time?"): the newest meetings.
  const chosen = (matching.length > 0 ? matching : ranked).slice(0, max).map((r) => r.p);
  const out: Passage[] = [];
  let left = budget;
  for (const p of chosen) {
    if (left <= 200) break;
    const text = p.text.length > left ? `${p.text.slice(0, left)}\n…` : p.text;
    out.push({ ...p, text });
    left -= text.length;
  }
  return out;
}

/** The prompt for the user's chat model: instructions, the numbered excerpts, the question. */
export function groundedPrompt(question: string, passages: readonly Passage[], today: string): Prompt {
  const excerpts = passages
    .map((p, i) => `[${i + 1}] ${p.title} (${p.path})\n\n${forModel(p.text).trim()}`)
    .join('\n\n---\n\n');
  const instructions = forModel(
    [
      `You answer questions about the user's journal of their one-on-one meetings. Today is ${today}.`,
      'Answer only from the journal excerpts below. If they do not hold the answer, say that the journal does not say, and suggest what to raise at the next 1:1.',
      'Cite the excerpts you used as [1], [2]. Be brief; quote decisions and action items as written.',
      '',
      'Journal excerpts:',
      '',
      excerpts || '(none)',
    ].join('\n'),
  );
  return { instructions, question: forModel(question).trim(), passages };
}
