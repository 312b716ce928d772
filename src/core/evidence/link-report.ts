// What "Link Pull Requests" tells the user, in words: the status bar's count,
// what was skipped, why some wins have no details yet, and what GitHub would
// not show with the ways on (sign in and run again, or link anyway). Kept
// apart from the plan (link-plan.ts) it reports on; no vscode here either.

import { Circle } from './circles';
import { Failure, Fetched, FetchFailure, LinkArgs } from './link-plan';
import { pullRequestUrl, PullRequestRef, refLabel } from './pull-request-ref';
import { renderPendingWin } from './win-line';
import { l10n } from '../l10n';

/** A time of day as the messages say it (a rate limit's reset). */
export function timeOf(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** When every chosen pull request is linked already. */
export function alreadyLinkedMessage(skipped: readonly string[], person: string): string {
  return skipped.length === 1
    ? l10n.t('{0} is already linked in your 1:1s with {1}.', skipped.join(', '), person)
    : l10n.t('{0} are already linked in your 1:1s with {1}.', skipped.join(', '), person);
}

/** The quick pick's placeholder when listing my pull requests failed (other than a refused sign-in). */
export function listingFailedText(e: FetchFailure): string {
  return e.kind === 'rate-limited'
    ? e.resetAt
      ? l10n.t(
          "GitHub's rate limit was reached (it resets at {0}). Paste an address to link it now; its details follow later.",
          timeOf(e.resetAt),
        )
      : l10n.t("GitHub's rate limit was reached. Paste an address to link it now; its details follow later.")
    : e.kind === 'offline' || e.kind === 'timeout'
      ? l10n.t('GitHub cannot be reached. Paste a pull request address to link it now; its details follow later.')
      : l10n.t('Could not list your pull requests: {0} Paste an address instead.', e.message);
}

/** The arguments that run the command again for pull requests GitHub did not show. */
export interface RetryArgs {
  readonly person: string;
  readonly url: string[];
  readonly circle?: Circle;
  readonly goal?: string;
}

/** What the command tells the user afterwards; each part is shown when present. */
export interface LinkReport {
  /** The status bar's confirmation. */
  readonly written?: string;
  /** Already linked, so not written again. */
  readonly skipped?: string;
  /** Written without details, marked #enrich (offered: enrich now). */
  readonly pending?: string;
  /** Refused or not found (offered: sign in and run again, or write the links anyway). */
  readonly denied?: {
    readonly message: string;
    /** The host to sign in to. */
    readonly host: string;
    readonly retry: RetryArgs;
    /** The win items "Add Link Anyway" writes: the links, marked #enrich. */
    readonly lines: string[];
  };
  /** Any other failure. */
  readonly failed?: string;
}

/** The report on one run: what was written, skipped, left pending and refused. */
export function linkReport(
  person: { readonly name: string; readonly slug: string },
  r: {
    readonly linked: readonly string[];
    readonly pending: readonly string[];
    readonly skipped: readonly string[];
    readonly failed: readonly Failure[];
    readonly fetched: readonly Fetched[];
  },
  args: Partial<LinkArgs> | undefined,
): LinkReport {
  const report: { -readonly [K in keyof LinkReport]: LinkReport[K] } = {};
  const written = r.linked.length + r.pending.length;
  if (written > 0)
    report.written =
      written === 1
        ? l10n.t('$(check) 1 win linked to your 1:1 with {0}', person.name)
        : l10n.t('$(check) {0} wins linked to your 1:1 with {1}', written, person.name);
  if (r.skipped.length > 0) report.skipped = l10n.t('Already linked, so skipped: {0}.', r.skipped.join(', '));
  if (r.pending.length > 0) {
    const errors = r.fetched.flatMap((f) => ('error' in f && f.error.isTransient ? [f.error] : []));
    const limited = errors.find((e) => e.kind === 'rate-limited');
    const why = limited
      ? limited.resetAt
        ? l10n.t("GitHub's rate limit was reached; it resets at {0}", timeOf(limited.resetAt))
        : l10n.t("GitHub's rate limit was reached")
      : errors.some((e) => e.kind === 'timeout')
        ? l10n.t('GitHub did not answer in time')
        : l10n.t('GitHub could not be reached');
    report.pending =
      r.pending.length === 1
        ? l10n.t(
            '{0}. {1} was linked without details and marked #enrich; "1:1: Enrich Evidence" fills them in later.',
            why,
            r.pending.join(', '),
          )
        : l10n.t(
            '{0}. {1} were linked without details and marked #enrich; "1:1: Enrich Evidence" fills them in later.',
            why,
            r.pending.join(', '),
          );
  }
  const denied = r.failed.filter((f) => f.kind === 'unauthorized' || f.kind === 'not-found');
  if (denied.length > 0) {
    const refs = denied.map((f) => f.ref);
    const deniedWhy = denied[0]!.kind === 'not-found' ? l10n.t('not found') : l10n.t('access refused');
    const urls = r.fetched
      .filter((f) => refs.includes(refLabel(f.choice.ref)))
      .map((f) => pullRequestUrl(f.choice.ref));
    report.denied = {
      message:
        refs.length === 1
          ? l10n.t(
              'GitHub did not show {0} ({1}). If it is private, sign in to GitHub with an account that can see it.',
              refs.join(', '),
              deniedWhy,
            )
          : l10n.t(
              'GitHub did not show {0} ({1}). If they are private, sign in to GitHub with an account that can see them.',
              refs.join(', '),
              deniedWhy,
            ),
      host: refByLabel(r.fetched, denied[0]!.ref)!.host,
      retry: {
        person: person.slug,
        url: urls,
        ...(args?.circle ? { circle: args.circle } : {}),
        ...(args?.goal ? { goal: args.goal } : {}),
      },
      lines: denied.map((d) => renderPendingWin(refByLabel(r.fetched, d.ref)!, args?.circle)),
    };
  }
  const other = r.failed.filter((f) => f.kind !== 'unauthorized' && f.kind !== 'not-found');
  if (other.length > 0)
    report.failed = l10n.t('Could not link {0}', other.map((f) => `${f.ref}: ${f.reason}`).join('; '));
  return report;
}

function refByLabel(fetched: readonly Fetched[], label: string): PullRequestRef | undefined {
  return fetched.find((f) => refLabel(f.choice.ref) === label)?.choice.ref;
}
