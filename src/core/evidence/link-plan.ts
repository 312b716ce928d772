// Linking pull requests as wins, decided without VS Code so that it can be
// tested in plain node: which arguments are usable, which chosen pull requests
// are new for the person, what each fetched one becomes (a win whose circle
// the user confirms, a bare link marked #enrich, a failure), the lines written
// to the meeting and the goal. What the command then says is link-report.ts;
// the command and its quick picks (features/evidence) only ask and show.

import { addDays } from 'date-fns';
import { parseIsoDate, toIsoDate } from '../dates';
import { JournalDocument } from '../document';
import { addListItemsLines, EditResult, SectionTarget } from '../edits';
import { WINS_HEADINGS } from '../journal-entry';
import { PROGRESS_TARGET } from '../thread-edits';
import { Circle, CIRCLES, isCircle } from './circles';
import { Evidence, factsFromCandidate, PullRequestCandidate } from './github-json';
import { parsePullRequestUrl, PullRequestRef, refLabel } from './pull-request-ref';
import { goalProgressText, parseWin, renderPendingWin, renderWin, WinLine } from './win-line';
import { l10n } from '../l10n';

export const WINS_TARGET: SectionTarget = {
  heading: WINS_HEADINGS[0]!,
  aliases: WINS_HEADINGS.slice(1),
  createAt: 'end',
};

/** Without an earlier meeting, "since the last 1:1" means the last four weeks. */
const DEFAULT_LOOKBACK_DAYS = 28;

/** The command's arguments (`oneOnOne.linkPullRequest`), all optional and all untrusted. */
export interface LinkArgs {
  readonly url: string | readonly string[];
  readonly person: string;
  readonly circle: Circle;
  readonly goal: string;
}

/** One pull request to fetch: pasted, or listed by the search (with what it said). */
export interface Choice {
  readonly ref: PullRequestRef;
  readonly candidate?: PullRequestCandidate;
  readonly reviewedAt?: string;
}

/** Why a pull request could not be fetched: what the command needs of a `GitHubError`. */
export interface FetchFailure {
  readonly kind: string;
  readonly message: string;
  /** Offline, timed out or rate-limited: the link is written anyway and filled in later. */
  readonly isTransient: boolean;
  /** Rate limits: when the limit resets. */
  readonly resetAt?: Date | undefined;
}

export type Fetched =
  { readonly choice: Choice; readonly evidence: Evidence } | { readonly choice: Choice; readonly error: FetchFailure };

/** A pull request not written, with why. */
export interface Failure {
  readonly ref: string;
  readonly kind: string;
  readonly reason: string;
}

/** A goal as the arguments may name it: by file name (slug) or by title. */
export interface GoalName {
  readonly slug: string;
  readonly title: string;
}

/** The goal a `goal` argument names: its slug, or undefined. */
export function findGoal(goals: readonly GoalName[], query: unknown): string | undefined {
  if (typeof query !== 'string' || query.trim() === '') return undefined;
  const q = query.trim().toLowerCase();
  return (goals.find((g) => g.slug === q) ?? goals.find((g) => g.title.toLowerCase() === q))?.slug;
}

/**
 * The arguments checked before anything happens (a bad address writes
 * nothing): the goal they name, and the pull requests they paste (undefined
 * when they paste none, and the user picks from a list); or what is wrong.
 */
export function checkLinkArgs(
  args: Partial<LinkArgs> | undefined,
  goals: readonly GoalName[],
  host: string,
): { readonly error: string } | { readonly goal: string | undefined; readonly pasted: Choice[] | undefined } {
  if (args?.circle !== undefined && !isCircle(args.circle))
    return { error: l10n.t('"circle" must be one of: {0}.', CIRCLES.map((c) => c.id).join(', ')) };
  let goal: string | undefined;
  if (args?.goal !== undefined) {
    goal = findGoal(goals, args.goal);
    if (!goal) return { error: l10n.t('No goal "{0}" in the journal.', String(args.goal)) };
  }
  if (args?.url === undefined) return { goal, pasted: undefined };
  const list = Array.isArray(args.url) ? args.url : [args.url];
  if (list.length === 0 || list.some((u) => typeof u !== 'string'))
    return { error: l10n.t('"url" must be a pull request address or a list of them.') };
  const pasted: Choice[] = [];
  for (const url of list as string[]) {
    const parsed = parsePullRequestUrl(url, host);
    if ('error' in parsed) return { error: parsed.error };
    pasted.push({ ref: parsed.ref });
  }
  return { goal, pasted };
}

/** The first day whose work counts: the previous 1:1's, or four weeks before this one. */
export function sinceDay(previousMeeting: string | undefined, date: string): string {
  if (previousMeeting !== undefined) return previousMeeting;
  const d = parseIsoDate(date);
  return d ? toIsoDate(addDays(d, -DEFAULT_LOOKBACK_DAYS)) : date;
}

/** A pull request as a key: host, owner and repository in any case, and the number. */
export function keyOf(ref: PullRequestRef): string {
  return `${ref.host}/${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
}

/** Every pull request already linked as a win in these meetings, as `keyOf` keys. */
export function linkedKeys(meetings: readonly { readonly wins: readonly { readonly text: string }[] }[]): Set<string> {
  const out = new Set<string>();
  for (const m of meetings) {
    for (const w of m.wins) {
      const ref = parseWin(w.text).ref;
      if (ref) out.add(keyOf(ref));
    }
  }
  return out;
}

/** The chosen pull requests split into those linked already (skipped) and the rest, each once. */
export function sortChoices(
  choices: readonly Choice[],
  linked: ReadonlySet<string>,
): { readonly skipped: string[]; readonly fresh: Choice[] } {
  const skipped = choices.filter((c) => linked.has(keyOf(c.ref))).map((c) => refLabel(c.ref));
  const seen = new Set<string>();
  const fresh = choices
    .filter((c) => !linked.has(keyOf(c.ref)))
    .filter((c) => !seen.has(keyOf(c.ref)) && seen.add(keyOf(c.ref)));
  return { skipped, fresh };
}

/** What becomes one win line once its circle is known: a pull request with its details (or what the search said). */
export interface WinEntry {
  readonly evidence: Evidence;
  readonly circle: Circle;
  /** Only what the search said: marked #enrich for the size and the rest. */
  readonly pending: boolean;
}
/** A win, or a bare link (GitHub went away before it was even listed). */
export type Entry = WinEntry | { readonly ref: PullRequestRef; readonly circle: Circle | undefined };

/** A fetched pull request's place in the plan: a win to confirm a circle for, or a bare link. */
export type PlannedEntry =
  | { readonly ref: PullRequestRef; readonly evidence: Evidence; readonly pending: boolean }
  | { readonly ref: PullRequestRef };

export interface LinkPlan {
  /** In the order the pull requests were chosen. */
  readonly entries: readonly PlannedEntry[];
  /** References written with their details. */
  readonly linked: string[];
  /** References written as links only, marked #enrich. */
  readonly pending: string[];
  readonly failed: Failure[];
}

/**
 * What each fetched pull request becomes. Fetched, or at least listed by the
 * search before GitHub went away: a win. Not listed and GitHub unreachable: a
 * bare link, filled in later. Refused or not found: not written.
 */
export function planLink(fetched: readonly Fetched[]): LinkPlan {
  const entries: PlannedEntry[] = [];
  const linked: string[] = [];
  const pending: string[] = [];
  const failed: Failure[] = [];
  for (const f of fetched) {
    const label = refLabel(f.choice.ref);
    if ('evidence' in f) {
      entries.push({ ref: f.choice.ref, evidence: f.evidence, pending: false });
      linked.push(label);
    } else if (f.error.isTransient && f.choice.candidate !== undefined) {
      entries.push({ ref: f.choice.ref, evidence: fromCandidate(f.choice), pending: true });
      pending.push(label);
    } else if (f.error.isTransient) {
      entries.push({ ref: f.choice.ref });
      pending.push(label);
    } else {
      failed.push({ ref: label, kind: f.error.kind, reason: f.error.message });
    }
  }
  return { entries, linked, pending, failed };
}

function fromCandidate(choice: Choice): Evidence {
  const pr = factsFromCandidate(choice.candidate!);
  return choice.reviewedAt ? { kind: 'reviewed', pr, reviewedAt: choice.reviewedAt } : { kind: 'authored', pr };
}

export function winsOf(entries: readonly Entry[]): WinEntry[] {
  return entries.filter((e): e is WinEntry => 'evidence' in e);
}

/** The text of each win item, in order. */
export function winLines(entries: readonly Entry[], goal: string | undefined): string[] {
  return entries.map((e) =>
    'evidence' in e
      ? renderWin({ evidence: e.evidence, circle: e.circle, goal }, e.pending)
      : renderPendingWin(e.ref, e.circle, goal),
  );
}

/** The wins appended to the meeting's Wins section (created at the end when missing). */
export function addWins(doc: JournalDocument, lines: readonly string[]): EditResult {
  return addListItemsLines(
    doc,
    WINS_TARGET,
    lines.map((l) => [`- ${l}`]),
  );
}

/** One progress entry per win appended to the goal's Progress section. */
export function addGoalProgress(doc: JournalDocument, day: string, wins: readonly WinLine[]): EditResult {
  return addListItemsLines(
    doc,
    PROGRESS_TARGET,
    wins.map((w) => [`- ${goalProgressText(day, w)}`]),
  );
}
