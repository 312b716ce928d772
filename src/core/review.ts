// The review packet: a date range of 1:1s turned into one markdown document a
// manager could read at review time — wins with their evidence by circle of
// impact, goals and their progress, feedback acted on and how it turned out,
// and the meetings held. It is built from the index and the goal and
// feedback files' text, sorted throughout and stamped with nothing but its
// range, so the same journal always gives the same file. Nothing private
// (a Private section, an item or heading tagged #private) goes in.

import { parseDocument } from './document';
import { CIRCLES, Circle, parseWin } from './evidence';
import { JournalIndex, Person } from './journal-index';
import { JournalEntry, stringField } from './journal-entry';
import { blankCodeSpans, extractTags, withoutTags } from './markdown-inline';
import { findSection, itemsIn } from './markdown-sections';
import { shareableAgenda } from './share';

export interface ReviewInput {
  readonly index: JournalIndex;
  readonly from: string;
  readonly to: string;
  readonly person?: Person | undefined;
  /** The text of goal and feedback files, by journal path (the host reads them). */
  readonly texts: ReadonlyMap<string, string>;
  /** Journal-relative path of the packet, for relative links. */
  readonly outPath: string;
}

const NOT_HELD = new Set(['skipped', 'cancelled']);
const ACTED_ON = new Set(['trying', 'circled-back', 'closed']);

/** `reviews/<from>_<to>.md`, or `reviews/<from>_<to>-<person>.md`. */
export function reviewPath(from: string, to: string, person?: string): string {
  return `reviews/${from}_${to}${person ? `-${person}` : ''}.md`;
}

function isPrivate(tags: readonly string[]): boolean {
  return tags.some((t) => t === 'private' || t.startsWith('private/'));
}

/** Relative link targets in text written in `fromFile`, rewritten to work from `toFile` (outside code spans). */
function rebaseLinks(text: string, fromFile: string, toFile: string): string {
  let out = '';
  let last = 0;
  for (const m of blankCodeSpans(text).matchAll(/\]\(([^\s()<>]+)/g)) {
    const target = m[1]!;
    if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(target)) continue;
    const start = m.index + 2;
    // `#heading` is a place in the file the text came from.
    out +=
      text.slice(last, start) +
      rebase(
        target.startsWith('#')
          ? `${encodeURIComponent(fromFile.slice(fromFile.lastIndexOf('/') + 1))}${target}`
          : target,
        fromFile,
        toFile,
      );
    last = start + target.length;
  }
  return out + text.slice(last);
}

function rebase(target: string, fromFile: string, toFile: string): string {
  const cut = target.search(/[?#]/);
  const path = cut < 0 ? target : target.slice(0, cut);
  // The target is already a URL path; the folders it is written in are not.
  const parts = fromFile.split('/').slice(0, -1).map(encodeURIComponent);
  for (const seg of path.split('/')) {
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return `${'../'.repeat(toFile.split('/').length - 1)}${parts.join('/')}${path.endsWith('/') ? '/' : ''}${cut < 0 ? '' : target.slice(cut)}`;
}

/** A path relative to the packet's folder. */
function relative(fromFile: string, to: string): string {
  const up = fromFile.split('/').length - 1;
  return `${'../'.repeat(up)}${to}`
    .split('/')
    .map((p) => (p === '..' ? p : encodeURIComponent(p)))
    .join('/');
}

function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

export interface ReviewWin {
  readonly meeting: JournalEntry;
  readonly text: string;
  readonly circle: Circle | undefined;
}

/** The meetings held in the range (with the person, when given), oldest first. */
export function meetingsInRange(index: JournalIndex, from: string, to: string, person?: string): JournalEntry[] {
  const all = person ? index.meetingsOf(person) : index.ofKind('meeting');
  return all
    .filter((m) => (m.date ?? '') >= from && (m.date ?? '') <= to && !NOT_HELD.has(m.status ?? ''))
    .sort(
      (a, b) =>
        (a.date ?? '').localeCompare(b.date ?? '') ||
        (a.person ?? '').localeCompare(b.person ?? '') ||
        a.path.localeCompare(b.path),
    );
}

/** Wins of those meetings (Wins sections and #win talking points), none private. */
export function winsInRange(meetings: readonly JournalEntry[]): ReviewWin[] {
  const out: ReviewWin[] = [];
  for (const meeting of meetings) {
    const items = [...meeting.wins, ...meeting.agenda.filter((i) => i.tags.includes('win'))];
    for (const item of items) {
      if (isPrivate(item.tags)) continue;
      out.push({ meeting, text: item.text, circle: parseWin(item.text).circle });
    }
  }
  return out;
}

/**
 * The body of a section with nothing private in it, as lines (blank lines
 * trimmed at both ends), its links rewritten for the packet and its own
 * headings nested under the packet's (level 5 and below, not beside the thread's).
 */
function sectionLines(text: string, names: readonly string[], fromFile: string, outPath: string): string[] {
  const shared = parseDocument(shareableAgenda(parseDocument(text)).markdown);
  const section = findSection(shared.scan, shared.source.lines.length, names);
  if (!section) return [];
  const lines: string[] = [];
  for (let l = section.bodyStart; l < section.end; l++) {
    const line = shared.source.lines[l]!.text.trimEnd();
    const heading = shared.scan.headings.find((h) => h.line === l);
    if (heading)
      lines.push(
        `${'#'.repeat(Math.min(6, 4 + heading.level - section.heading.level))} ${rebaseLinks(heading.text, fromFile, outPath)}`,
      );
    else lines.push(shared.scan.kinds[l] === 'text' ? rebaseLinks(line, fromFile, outPath) : line);
  }
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Progress entries of a goal dated within the range: `- YYYY-MM-DD: …`. */
function progressInRange(text: string, from: string, to: string): string[] {
  const shared = parseDocument(shareableAgenda(parseDocument(text)).markdown);
  const section = findSection(shared.scan, shared.source.lines.length, ['Progress', 'Progress log']);
  if (!section) return [];
  return itemsIn(shared.scan, section)
    .filter((i) => i.parent === -1 || shared.scan.items[i.parent]!.line < section.bodyStart)
    .map((i) => i.text)
    .filter((t) => {
      const d = /^(\d{4}-\d{2}-\d{2})\b/.exec(t)?.[1];
      return d !== undefined && d >= from && d <= to;
    })
    .sort();
}

export function renderReview(input: ReviewInput): string {
  const { index, from, to, person, texts, outPath } = input;
  const link = (text: string, path: string): string => `[${linkText(text)}](${relative(outPath, path)})`;
  const meetings = meetingsInRange(index, from, to, person?.slug);
  const wins = winsInRange(meetings);
  const titled = (e: JournalEntry): boolean => !isPrivate(extractTags(e.title));
  const nameOf = (slug: string | undefined): string => (slug ? (index.person(slug)?.name ?? slug) : '');

  // Goals: any with progress in the range, or brought up in one of these meetings.
  const mentioned = new Set(meetings.flatMap((m) => m.goals));
  const goals = index
    .ofKind('goal')
    .filter(titled)
    .map((entry) => ({ entry, progress: progressInRange(texts.get(entry.path) ?? '', from, to) }))
    .filter((g) => g.progress.length > 0 || mentioned.has(g.entry.slug))
    .sort((a, b) => a.entry.title.localeCompare(b.entry.title) || a.entry.path.localeCompare(b.entry.path));

  // Feedback acted on: trying, circled back or closed, received by the end of the range, from the person when given.
  const feedback = index
    .ofKind('feedback')
    .filter(titled)
    .filter((f) => ACTED_ON.has(f.status ?? ''))
    .filter((f) => (stringField(f.data, 'received') ?? '') <= to)
    .filter((f) => {
      if (!person) return true;
      const by = stringField(f.data, 'from')?.toLowerCase();
      return by === person.name.toLowerCase() || by === person.slug;
    })
    .sort(
      (a, b) =>
        (stringField(a.data, 'received') ?? '').localeCompare(stringField(b.data, 'received') ?? '') ||
        a.path.localeCompare(b.path),
    );

  const out: string[] = [];
  const title = `Review packet: ${from} to ${to}${person ? ` (1:1s with ${person.name})` : ''}`;
  out.push(
    '---',
    `from: ${from}`,
    `to: ${to}`,
    ...(person ? [`person: ${person.slug}`] : []),
    '---',
    '',
    `# ${title}`,
    '',
  );
  const byCircle = (c: Circle | undefined): number => wins.filter((w) => w.circle === c).length;
  out.push('## Summary', '');
  out.push(`- ${meetings.length} 1:1${meetings.length === 1 ? '' : 's'} held${person ? ` with ${person.name}` : ''}.`);
  out.push(
    `- ${wins.length} win${wins.length === 1 ? '' : 's'}: ${CIRCLES.map((c) => `${byCircle(c.id)} ${c.label.toLowerCase()}`).join(', ')}${byCircle(undefined) > 0 ? `, ${byCircle(undefined)} not sorted` : ''}.`,
  );
  out.push(
    `- ${goals.length} goal${goals.length === 1 ? '' : 's'} worked on, ${goals.filter((g) => g.entry.status === 'achieved').length} achieved.`,
  );
  out.push(`- ${feedback.length} piece${feedback.length === 1 ? '' : 's'} of feedback acted on.`, '');

  out.push('## Wins by circle of impact', '');
  if (wins.length === 0) out.push('No wins recorded in this period.', '');
  const groups: { label: string; circle: Circle | undefined }[] = [
    ...CIRCLES.map((c) => ({ label: c.label, circle: c.id as Circle | undefined })),
    { label: 'Not sorted into a circle', circle: undefined },
  ];
  for (const g of groups) {
    const these = wins.filter((w) => w.circle === g.circle);
    if (these.length === 0) continue;
    out.push(`### ${g.label}`, '');
    for (const w of these) {
      const who = person ? '' : ` with ${nameOf(w.meeting.person)}`;
      out.push(
        `- ${withoutTags(rebaseLinks(w.text, w.meeting.path, outPath))} (1:1${who} on ${link(w.meeting.date!, w.meeting.path)})`,
      );
    }
    out.push('');
  }

  out.push('## Goals', '');
  if (goals.length === 0) out.push('No goal came up in this period.', '');
  for (const { entry, progress } of goals) {
    const facts = [
      entry.status ?? 'active',
      stringField(entry.data, 'target') ? `target ${stringField(entry.data, 'target')}` : undefined,
      stringField(entry.data, 'circle'),
    ].filter(Boolean);
    out.push(`### ${link(entry.title, entry.path)}`, '', `${facts.join(' · ')}`, '');
    if (progress.length === 0) out.push('Discussed, no progress entry in this period.', '');
    else out.push(...progress.map((p) => `- ${withoutTags(rebaseLinks(p, entry.path, outPath))}`), '');
  }

  out.push('## Feedback acted on', '');
  if (feedback.length === 0) out.push('No feedback thread acted on in this period.', '');
  for (const f of feedback) {
    const text = texts.get(f.path) ?? '';
    const by = stringField(f.data, 'from');
    const received = stringField(f.data, 'received');
    out.push(`### ${link(f.title, f.path)}`, '');
    out.push(
      [f.status, by ? `from ${by}` : undefined, received ? `received ${received}` : undefined]
        .filter(Boolean)
        .join(' · '),
      '',
    );
    for (const [heading, names] of [
      ['What I heard', ['What I heard', 'Heard']],
      ['What I am trying', ['What I am trying', 'Trying']],
      ['Outcome', ['Circle back', 'Circled back', 'Outcome']],
    ] as const) {
      const body = sectionLines(text, names, f.path, outPath);
      if (body.length > 0) out.push(`**${heading}:**`, '', ...body, '');
    }
  }

  out.push('## Meetings held', '');
  if (meetings.length === 0) out.push('None in this period.');
  for (const m of meetings) {
    const points = m.agenda.filter((i) => !isPrivate(i.tags)).length;
    const done = m.actions.filter((a) => a.checked === true && !isPrivate(a.tags)).length;
    const who = person ? '' : ` with ${nameOf(m.person)}`;
    out.push(
      `- ${link(m.date!, m.path)}${who}: ${points} talking point${points === 1 ? '' : 's'}, ${done} action item${done === 1 ? '' : 's'} done`,
    );
  }
  out.push('');
  return out.join('\n');
}
