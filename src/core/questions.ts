// The question bank: good questions to bring to a 1:1, grouped by theme. A
// built-in set, plus the user's own `questions.md` in the journal; questions
// already asked with a person are recognised so they are not repeated.

import { JournalDocument } from './document';
import { extractTags } from './markdown-inline';
import { normalizeHeading } from './markdown-sections';
import { findTheme } from './talking-points';

export interface Question {
  readonly text: string;
  /** A theme id (see THEMES). */
  readonly theme: string;
  readonly origin: 'built-in' | 'mine';
}

const BUILT_IN: Record<string, readonly string[]> = {
  growth: [
    'What should I focus on to reach the next level?',
    'Where am I meeting expectations, and where am I not yet?',
    'Which skill would make the biggest difference for me this half?',
    'Is there stretch work coming up that I could take on?',
    'What would you do differently in my place?',
    'Who is good at something I want to learn, and could I pair with them?',
  ],
  feedback: [
    'What is one thing I could have done better this week?',
    'How did my last design doc or review land with the team?',
    'Is there feedback you have been holding back?',
    'Have you noticed a change since we last talked about this feedback?',
    'How do others perceive my work, from what you hear?',
  ],
  alignment: [
    'Am I working on the right things?',
    'What does good look like this quarter?',
    'What is changing on the roadmap, and why?',
    'Which of my priorities would you reorder?',
    'What is the most important problem for the team right now?',
  ],
  win: ['Is there a recent win of mine worth sharing more widely?', 'How should I make my work more visible?'],
  blocker: [
    'What is slowing the team down that I could help remove?',
    'Is there a decision I am waiting on that you can unblock?',
  ],
  question: [
    'What is on your mind lately?',
    'What is leadership worried about that we do not see?',
    'How is the company doing against its goals?',
  ],
  'team/process': [
    'How can I help the team more?',
    'Which of our meetings or processes could we drop?',
    'How could onboarding have gone better for the last person who joined?',
  ],
};

export function builtInQuestions(): Question[] {
  return Object.entries(BUILT_IN).flatMap(([theme, texts]) =>
    texts.map((text) => ({ text, theme, origin: 'built-in' as const })),
  );
}

/**
 * Questions from the user's `questions.md`: every list item is a question; its
 * theme comes from a `#tag` in it, else from the heading it sits under (when
 * that names a theme), else "question".
 */
export function questionsFromFile(doc: JournalDocument): Question[] {
  const out: Question[] = [];
  for (const item of doc.scan.items) {
    if (item.parent !== -1 || item.text === '') continue;
    const heading = [...doc.scan.headings].reverse().find((h) => h.line < item.line);
    const tagged = item.tags.map(findTheme).find((t) => t !== undefined);
    const underHeading = heading ? findTheme(normalizeHeading(heading.text)) : undefined;
    const text = extractTags(item.text)
      .reduce((t, tag) => t.replace(new RegExp(`(^|\\s)#${escapeRegExp(tag)}(?=\\s|$)`, 'i'), ''), item.text)
      .trim();
    out.push({ text: text || item.text, theme: (tagged ?? underHeading)?.id ?? 'question', origin: 'mine' });
  }
  return out;
}

/** Text reduced for "was this asked already": case, tags, punctuation and spacing ignored. */
export function questionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|\s)#[\p{L}\p{N}_/-]+/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
