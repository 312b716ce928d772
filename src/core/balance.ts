// Balance: what the last few 1:1s with a person were about. A 1:1 that is
// all status updates wastes the one meeting meant for growth, feedback and
// alignment; this counts talking points by theme over a window of meetings
// and says so, gently, when one of those has not come up for weeks.

import { differenceInCalendarWeeks } from 'date-fns';
import { parseIsoDate } from './dates';
import { JournalIndex } from './journal-index';
import { ItemSummary, JournalEntry } from './journal-entry';
import { THEMES, themeInText } from './talking-points';

/** Themes, plus status updates and points without a theme. */
export const BALANCE_THEMES = [
  ...THEMES.map((t) => ({ id: t.id, label: t.label })),
  { id: 'status', label: 'Status update' },
  { id: 'untagged', label: 'No theme' },
] as const;

/** The themes a 1:1 exists for: the nudge watches these. */
export const CORE_THEMES = ['growth', 'feedback', 'alignment'] as const;

const SKIPPED = new Set(['skipped', 'cancelled']);
// A point that reports rather than asks: tagged #status, or worded as an update.
const STATUS_WORDING = /^(?:status|update|progress|fyi|done|finished|shipped|working on|still working|wip)\b/i;

export interface ThemeShare {
  readonly id: string;
  readonly label: string;
  readonly count: number;
  /** 0..1 of all talking points in the window. */
  readonly share: number;
}

export interface Balance {
  /** The meetings counted, oldest first. */
  readonly meetings: readonly JournalEntry[];
  readonly total: number;
  /** Every theme, in a fixed order, including those with no points. */
  readonly shares: readonly ThemeShare[];
  /** The date each core theme last came up with the person (any meeting up to `until`). */
  readonly lastSeen: Readonly<Record<(typeof CORE_THEMES)[number], string | undefined>>;
  readonly nudges: readonly string[];
}

export interface BalanceOptions {
  /** How many meetings to count (`oneOnOne.balanceWindow`). */
  readonly window: number;
  /** Up to this date, inclusive (the meeting being prepared, or today). */
  readonly until: string;
  /** A core theme unseen for this many weeks is nudged about. */
  readonly quietWeeks?: number;
}

/** The theme a talking point counts under. */
export function themeOf(item: Pick<ItemSummary, 'text' | 'tags'>): string {
  if (item.tags.includes('status')) return 'status';
  const theme = themeInText(item.text);
  if (theme) return theme.id;
  return STATUS_WORDING.test(item.text.trim()) ? 'status' : 'untagged';
}

export function balanceOf(index: JournalIndex, person: string, options: BalanceOptions): Balance {
  const held = index.meetingsOf(person).filter((m) => (m.date ?? '') <= options.until && !SKIPPED.has(m.status ?? ''));
  const meetings = held.slice(0, Math.max(0, Math.floor(options.window))).reverse();
  const counts = new Map<string, number>();
  let total = 0;
  for (const m of meetings) {
    for (const item of m.agenda) {
      const id = themeOf(item);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total++;
    }
  }
  const shares = BALANCE_THEMES.map((t) => ({
    id: t.id,
    label: t.label,
    count: counts.get(t.id) ?? 0,
    share: total === 0 ? 0 : (counts.get(t.id) ?? 0) / total,
  }));
  const lastSeen = { growth: undefined, feedback: undefined, alignment: undefined } as Record<
    (typeof CORE_THEMES)[number],
    string | undefined
  >;
  for (const m of held) {
    for (const item of m.agenda) {
      const id = themeOf(item);
      if ((CORE_THEMES as readonly string[]).includes(id)) {
        const key = id as (typeof CORE_THEMES)[number];
        if ((lastSeen[key] ?? '') < (m.date ?? '')) lastSeen[key] = m.date;
      }
    }
  }
  return {
    meetings,
    total,
    shares,
    lastSeen,
    nudges: nudgesFor(meetings, held[held.length - 1], total, shares, lastSeen, options),
  };
}

function nudgesFor(
  meetings: readonly JournalEntry[],
  earliest: JournalEntry | undefined,
  total: number,
  shares: readonly ThemeShare[],
  lastSeen: Balance['lastSeen'],
  options: BalanceOptions,
): string[] {
  const out: string[] = [];
  if (meetings.length === 0) return out;
  const quiet = options.quietWeeks ?? 4;
  const until = parseIsoDate(options.until);
  // A theme that never came up has been quiet since the first 1:1 held, not just since the window began.
  const first = parseIsoDate(earliest?.date ?? '');
  const prompts: Record<(typeof CORE_THEMES)[number], string> = {
    growth: 'ask what would make your next level obvious',
    feedback: 'ask for one thing you could do better',
    alignment: 'ask what matters most this quarter',
  };
  for (const theme of ['growth', 'feedback'] as const) {
    const seen = lastSeen[theme];
    const since = seen ? parseIsoDate(seen) : first;
    if (!until || !since) continue;
    const weeks = differenceInCalendarWeeks(until, since, { weekStartsOn: 1 });
    if (weeks < quiet) continue;
    out.push(
      seen
        ? `${label(theme)} has not come up for ${weeks} weeks (last on ${seen}): ${prompts[theme]}.`
        : `${label(theme)} has not come up in these ${meetings.length} meetings: ${prompts[theme]}.`,
    );
  }
  const status = shares.find((s) => s.id === 'status')!;
  if (total >= 4 && status.share > 0.5) {
    out.push(
      `${Math.round(status.share * 100)}% of the talking points were status updates. Status fits a written update; keep the 1:1 for growth, feedback and alignment.`,
    );
  }
  return out;
}

function label(theme: string): string {
  return BALANCE_THEMES.find((t) => t.id === theme)!.label;
}

/** The balance as markdown for the prep sheet: one bar per theme that came up, then the nudges. */
export function renderBalance(b: Balance): string[] {
  if (b.total === 0) return ['No talking points in the last meetings yet.'];
  const out: string[] = [
    `${b.total} talking point${b.total === 1 ? '' : 's'} in the last ${b.meetings.length} meeting${b.meetings.length === 1 ? '' : 's'}:`,
    '',
  ];
  const width = 20;
  for (const s of b.shares) {
    if (s.count === 0 && !(CORE_THEMES as readonly string[]).includes(s.id)) continue;
    const filled = Math.round(s.share * width);
    out.push(
      `- \`${'█'.repeat(filled)}${'░'.repeat(width - filled)}\` ${s.label}: ${Math.round(s.share * 100)}% (${s.count})`,
    );
  }
  if (b.nudges.length > 0) out.push('', ...b.nudges.map((n) => `> ${n}`));
  return out;
}
