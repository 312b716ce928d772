// The journal's answers for Copilot: what the language-model tools return and
// what the @1on1 slash commands say, as markdown built from the index alone.
// Deterministic (the same journal gives the same text), and every answer goes
// out through forModel (model-view.ts): nothing private is in any of them.

import { dueItems, dueText } from '../due';
import { Person, JournalIndex } from '../journal-index';
import { renderPrepSheet, PrepInput } from '../prep';
import { meetingsInRange, winsInRange } from '../review';
import { matchesQuery, parseQuery, searchRows, SearchRow } from '../search';
import { CIRCLES } from '../evidence/circles';
import { forModel, isShareable } from './model-view';

/** A file the answer used, for the chat's references. */
export interface Answer {
  readonly markdown: string;
  readonly paths: readonly string[];
}

const MAX_SEARCH_ROWS = 25;

function answer(lines: readonly string[], paths: Iterable<string>): Answer {
  return { markdown: forModel(lines.join('\n')), paths: [...new Set(paths)].sort() };
}

/** One line of item text, with what would break a list item flattened. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The next meeting's prep sheet: open items, feedback due, goals and when discussed, wins since last time. */
export function prepSheetAnswer(input: PrepInput): Answer {
  const markdown = renderPrepSheet(input);
  const paths = [...markdown.matchAll(/\]\(([^()\s]+\.md)\)/g)].map((m) => m[1]!);
  return answer([markdown], paths);
}

export interface OpenItemsQuery {
  readonly person?: Person;
  /** Whose: mine, or the other person's. */
  readonly owner?: 'me' | 'them';
}

/** Open action items (with due dates), talking points not discussed yet and circle-backs due. */
export function openItemsAnswer(index: JournalIndex, today: string, query: OpenItemsQuery): Answer {
  const { person, owner } = query;
  const paths: string[] = [];
  const due = dueItems(index, today).filter(
    (i) => !i.private && (!person || i.personName === person.name) && (!owner || (owner === 'me' ? i.mine : !i.mine)),
  );
  const actions = due.filter((i) => i.kind === 'action');
  const circleBacks = owner === 'them' ? [] : due.filter((i) => i.kind === 'circle-back');
  const out: string[] = [person ? `# Open items with ${person.name}` : '# Open items', ''];
  out.push('## Action items', '');
  if (actions.length === 0) out.push('None open.');
  for (const a of actions) {
    const when = a.due ? ` (${dueText(a.due, today)})` : '';
    out.push(`- [ ] ${flat(a.text)}${when} — ${a.personName ?? 'no person'}, ${a.path}`);
    paths.push(a.path);
  }
  out.push('');
  if (owner !== 'them') {
    out.push('## Talking points for the next 1:1s', '');
    let points = 0;
    for (const p of person ? [person] : index.people()) {
      const next = index.nextMeeting(p.slug, today);
      if (!next) continue;
      for (const item of next.agenda) {
        if (item.checked !== false || !isShareable(item)) continue;
        out.push(`- [ ] ${flat(item.text)} — ${p.name}, ${next.date ?? ''}, ${next.path}`);
        paths.push(next.path);
        points++;
      }
    }
    if (points === 0) out.push('None on the next agendas.');
    out.push('');
    out.push('## Feedback to circle back on', '');
    if (circleBacks.length === 0) out.push('None due.');
    for (const c of circleBacks) {
      out.push(`- ${flat(c.text)}${c.due ? ` (${dueText(c.due, today)})` : ''} — ${c.personName ?? ''}, ${c.path}`);
      paths.push(c.path);
    }
  }
  return answer(out, paths);
}

/** Wins recorded in 1:1s between two dates (with one person, or everyone), by circle of impact. */
export function winsAnswer(index: JournalIndex, from: string, to: string, person?: Person): Answer {
  const meetings = meetingsInRange(index, from, to, person?.slug);
  const wins = winsInRange(meetings);
  const out: string[] = [`# Wins from ${from} to ${to}${person ? ` (1:1s with ${person.name})` : ''}`, ''];
  if (wins.length === 0) out.push('No wins recorded in that time.');
  const groups: [string, typeof wins][] = [
    ...CIRCLES.map((c) => [c.label, wins.filter((w) => w.circle === c.id)] as [string, typeof wins]),
    ['No circle yet', wins.filter((w) => w.circle === undefined)],
  ];
  for (const [label, list] of groups) {
    if (list.length === 0) continue;
    out.push(`## ${label}`, '');
    for (const w of list) out.push(`- ${flat(w.text)} (${w.meeting.date ?? ''}, ${w.meeting.path})`);
    out.push('');
  }
  return answer(
    out,
    wins.map((w) => w.meeting.path),
  );
}

/** A review of a period: meetings held, wins by circle, goal progress and feedback acted on. */
export function reviewAnswer(index: JournalIndex, from: string, to: string, person?: Person): Answer {
  const meetings = meetingsInRange(index, from, to, person?.slug);
  const wins = winsAnswer(index, from, to, person);
  const out: string[] = [
    `# Review from ${from} to ${to}${person ? ` with ${person.name}` : ''}`,
    '',
    `${meetings.length} 1:1${meetings.length === 1 ? '' : 's'} held.`,
    '',
    ...wins.markdown
      .split('\n')
      .slice(1)
      .map((l) => (l.startsWith('## ') ? `#${l}` : l)),
  ];
  const paths = [...wins.paths];
  out.push('## Goals', '');
  const goals = index.ofKind('goal').filter((g) => (g.progress ?? []).some((p) => p.date >= from && p.date <= to));
  if (goals.length === 0) out.push('No goal progress logged in that time.');
  for (const goal of goals) {
    out.push(`### ${flat(goal.title)} (${goal.status ?? 'active'})`, '');
    for (const p of goal.progress ?? []) if (p.date >= from && p.date <= to) out.push(`- ${p.date}: ${flat(p.text)}`);
    out.push('');
    paths.push(goal.path);
  }
  out.push('## Feedback', '');
  const threads = index
    .ofKind('feedback')
    .filter((t) => ['trying', 'circled-back', 'closed'].includes(t.status ?? ''))
    .filter((t) => !person || String(t.data['from'] ?? '').toLowerCase() === person.name.toLowerCase());
  if (threads.length === 0) out.push('No feedback thread acted on.');
  for (const t of threads) {
    out.push(`- ${flat(t.title)} — ${t.status}`);
    paths.push(t.path);
  }
  return answer(out, paths);
}

export interface SearchFilters {
  readonly person?: Person;
  readonly theme?: string;
}

function rowLine(row: SearchRow): string {
  const state = row.status ? ` [${row.status}]` : '';
  const who = row.personName ? ` — ${row.personName}` : '';
  return `- ${row.kind}${state}: ${flat(row.text)}${who}${row.date ? `, ${row.date}` : ''} (${row.path}:${row.line + 1})`;
}

/** The journal search (`oneOnOne.search`'s rows and query), newest first, at most 25 rows. */
export function searchAnswer(index: JournalIndex, query: string, filters: SearchFilters = {}): Answer {
  const q = parseQuery(
    [query, filters.person ? `@${filters.person.slug}` : '', filters.theme ? `#${filters.theme.replace(/^#/, '')}` : '']
      .join(' ')
      .trim(),
  );
  const rows = searchRows(index).rows.filter((r) => isShareable(r) && matchesQuery(r, q));
  const shown = rows.slice(0, MAX_SEARCH_ROWS);
  const out = [`# Journal search: ${flat(query) || '(everything)'}`, ''];
  if (rows.length === 0) out.push('Nothing in the journal matches.');
  out.push(...shown.map(rowLine));
  if (rows.length > shown.length) out.push('', `${rows.length - shown.length} more; narrow the query to see them.`);
  return answer(
    out,
    shown.map((r) => r.path),
  );
}
