// The journal's answers for Copilot: what the language-model tools return and
// what the @1on1 slash commands say, as markdown built from the index alone.
// Deterministic (the same journal gives the same text), and every answer goes
// out through forModel (model-view.ts): nothing private is in any of them.

import { dueItems, dueText } from '../due';
import { Person, JournalIndex } from '../journal-index';
import { renderPrepSheet, PrepInput } from '../prep';
import { meetingsInRange, winsInRange } from '../review';
import { matchesQuery, parseQuery, searchRows, SearchRow } from '../search';
import { CIRCLES, circleLabel } from '../evidence/circles';
import { ProgressEntry } from '../journal-entry';
import { l10n } from '../l10n';
import { extractTags } from '../markdown-inline';
import { oneLine } from '../threads';
import { forModel, isPrivateTag, isShareable } from './model-view';

/** A file the answer used, for the chat's references. */
export interface Answer {
  readonly markdown: string;
  readonly paths: readonly string[];
}

const MAX_SEARCH_ROWS = 25;

function answer(lines: readonly string[], paths: Iterable<string>): Answer {
  return { markdown: forModel(lines.join('\n')), paths: [...new Set(paths)].sort() };
}

/**
 * Any text from the journal put into a line of an answer: on one line (a
 * front-matter value with a line break must not open a block, such as a code
 * fence that would hide what follows from the shareable view), and without
 * HTML comments, closed or not.
 */
function flat(text: string): string {
  return oneLine(text.replace(/<!--[\s\S]*?(?:-->|$)/g, ''));
}

function privateTitle(title: string): boolean {
  return extractTags(title).some(isPrivateTag);
}

/** The next meeting's prep sheet: open items, feedback due, goals and when discussed, wins since last time. */
export function prepSheetAnswer(input: PrepInput): Answer {
  const { markdown } = answer([renderPrepSheet(input)], []);
  // The files it links to, from what is left once private lines are gone; journal paths only.
  const paths = [...markdown.matchAll(/\]\(([^()\s:]+\.md)\)/g)].flatMap((m) => {
    try {
      return [decodeURI(m[1]!)];
    } catch {
      return [];
    }
  });
  return { markdown, paths: [...new Set(paths)].sort() };
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
  const out: string[] = [
    person ? `# ${l10n.t('Open items with {0}', flat(person.name))}` : `# ${l10n.t('Open items')}`,
    '',
  ];
  out.push(`## ${l10n.t('Action items')}`, '');
  if (actions.length === 0) out.push(l10n.t('None open.'));
  for (const a of actions) {
    const when = a.due ? ` (${dueText(a.due, today)})` : '';
    out.push(`- [ ] ${flat(a.text)}${when} — ${flat(a.personName ?? '')}, ${flat(a.path)}`);
    paths.push(a.path);
  }
  out.push('');
  if (owner !== 'them') {
    out.push(`## ${l10n.t('Talking points for the next 1:1s')}`, '');
    let points = 0;
    for (const p of person ? [person] : index.people()) {
      const next = index.nextMeeting(p.slug, today);
      if (!next) continue;
      for (const item of next.agenda) {
        if (item.checked !== false || !isShareable(item)) continue;
        out.push(`- [ ] ${flat(item.text)} — ${flat(p.name)}, ${flat(next.date ?? '')}, ${flat(next.path)}`);
        paths.push(next.path);
        points++;
      }
    }
    if (points === 0) out.push(l10n.t('None on the next agendas.'));
    out.push('');
    out.push(`## ${l10n.t('Feedback to circle back on')}`, '');
    if (circleBacks.length === 0) out.push(l10n.t('None due.'));
    for (const c of circleBacks) {
      out.push(
        `- ${flat(c.text)}${c.due ? ` (${dueText(c.due, today)})` : ''} — ${flat(c.personName ?? '')}, ${flat(c.path)}`,
      );
      paths.push(c.path);
    }
  }
  return answer(out, paths);
}

/** Wins recorded in 1:1s between two dates (with one person, or everyone), by circle of impact. */
export function winsAnswer(index: JournalIndex, from: string, to: string, person?: Person): Answer {
  const meetings = meetingsInRange(index, from, to, person?.slug);
  const wins = winsInRange(meetings);
  const out: string[] = [
    person
      ? `# ${l10n.t('Wins from {0} to {1} (1:1s with {2})', from, to, flat(person.name))}`
      : `# ${l10n.t('Wins from {0} to {1}', from, to)}`,
    '',
  ];
  if (wins.length === 0) out.push(l10n.t('No wins recorded in that time.'));
  const groups: [string, typeof wins][] = [
    ...CIRCLES.map((c) => [circleLabel(c.id), wins.filter((w) => w.circle === c.id)] as [string, typeof wins]),
    [l10n.t('No circle yet'), wins.filter((w) => w.circle === undefined)],
  ];
  for (const [label, list] of groups) {
    if (list.length === 0) continue;
    out.push(`## ${label}`, '');
    for (const w of list) out.push(`- ${flat(w.text)} (${flat(w.meeting.date ?? '')}, ${flat(w.meeting.path)})`);
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
    person
      ? `# ${l10n.t('Review from {0} to {1} with {2}', from, to, flat(person.name))}`
      : `# ${l10n.t('Review from {0} to {1}', from, to)}`,
    '',
    meetings.length === 1 ? l10n.t('1 1:1 held.') : l10n.t('{0} 1:1s held.', meetings.length),
    '',
    ...wins.markdown
      .split('\n')
      .slice(1)
      .map((l) => (l.startsWith('## ') ? `#${l}` : l)),
  ];
  const paths = [...wins.paths];
  out.push(`## ${l10n.t('Goals')}`, '');
  const inRange = (p: ProgressEntry): boolean => !p.private && p.date >= from && p.date <= to;
  const goals = index.ofKind('goal').filter((g) => !privateTitle(g.title) && (g.progress ?? []).some(inRange));
  if (goals.length === 0) out.push(l10n.t('No goal progress logged in that time.'));
  for (const goal of goals) {
    out.push(`### ${flat(goal.title)} (${flat(goal.status ?? 'active')})`, '');
    for (const p of goal.progress ?? []) if (inRange(p)) out.push(`- ${flat(p.date)}: ${flat(p.text)}`);
    out.push('');
    paths.push(goal.path);
  }
  out.push(`## ${l10n.t('Feedback')}`, '');
  const threads = index
    .ofKind('feedback')
    .filter((t) => !privateTitle(t.title) && ['trying', 'circled-back', 'closed'].includes(t.status ?? ''))
    .filter((t) => !person || String(t.data['from'] ?? '').toLowerCase() === person.name.toLowerCase());
  if (threads.length === 0) out.push(l10n.t('No feedback thread acted on.'));
  for (const t of threads) {
    out.push(`- ${flat(t.title)} — ${flat(t.status ?? '')}`);
    paths.push(t.path);
  }
  return answer(out, paths);
}

export interface SearchFilters {
  readonly person?: Person;
  readonly theme?: string;
}

function rowLine(row: SearchRow): string {
  const state = row.status ? ` [${flat(row.status)}]` : '';
  const who = row.personName ? ` — ${flat(row.personName)}` : '';
  return `- ${row.kind}${state}: ${flat(row.text)}${who}${row.date ? `, ${flat(row.date)}` : ''} (${flat(row.path)}:${row.line + 1})`;
}

/** The journal search (`oneOnOne.search`'s rows and query), newest first, at most 25 rows. */
export function searchAnswer(index: JournalIndex, query: string, filters: SearchFilters = {}): Answer {
  const q = parseQuery(
    [query, filters.person ? `@${filters.person.slug}` : '', filters.theme ? `#${filters.theme.replace(/^#/, '')}` : '']
      .join(' ')
      .trim(),
  );
  // Matched on the text as shown: a word inside an HTML comment must not make a row come up.
  const rows = searchRows(index).rows.filter((r) => isShareable(r) && matchesQuery({ ...r, text: flat(r.text) }, q));
  const shown = rows.slice(0, MAX_SEARCH_ROWS);
  const out = [`# ${l10n.t('Journal search: {0}', flat(query) || l10n.t('(everything)'))}`, ''];
  if (rows.length === 0) out.push(l10n.t('Nothing in the journal matches.'));
  out.push(...shown.map(rowLine));
  if (rows.length > shown.length)
    out.push('', l10n.t('{0} more; narrow the query to see them.', rows.length - shown.length));
  return answer(
    out,
    shown.map((r) => r.path),
  );
}
