// What GitHub says about my recent work, gathered through the REST client:
// the pull requests I merged and the ones I reviewed since a day, and the
// details of one pull request that suggest its impact circle. No vscode here.

import {
  candidateFromSearch,
  coAuthorsFromCommits,
  dayOf,
  Evidence,
  factsFromPull,
  filesFromJson,
  lastReviewBy,
  linkedIssues,
  PullRequestCandidate,
  PullRequestRef,
  refLabel,
  searchQueries,
} from '../../core/evidence';
import { GitHubClient, GitHubError } from './client';
import { l10n } from '../../core/l10n';
import { mapLimit } from '../map-limit';

export interface ReviewedCandidate {
  readonly candidate: PullRequestCandidate;
  readonly reviewedAt: string;
}

export interface Candidates {
  /** My pull requests merged on or after `since`, newest first. */
  readonly authored: readonly PullRequestCandidate[];
  /** Others' pull requests I reviewed on or after `since`, latest review first. */
  readonly reviewed: readonly ReviewedCandidate[];
}

/** How many reviewed pull requests are checked for the date of my review (one request each). */
const MAX_REVIEWED = 30;

export async function listCandidates(
  client: GitHubClient,
  host: string,
  me: string,
  since: string,
): Promise<Candidates> {
  const q = searchQueries(me, since);
  const [authoredRaw, reviewedRaw] = await Promise.all([
    client.searchIssues(q.authored),
    client.searchIssues(q.reviewed, 1),
  ]);
  const authored = unique(authoredRaw.map((i) => candidateFromSearch(i, host)))
    .filter((c) => (dayOf(c.mergedAt) ?? '') >= since)
    .sort((a, b) => (b.mergedAt ?? '').localeCompare(a.mergedAt ?? ''));
  const others = unique(reviewedRaw.map((i) => candidateFromSearch(i, host)))
    .filter((c) => c.author.toLowerCase() !== me.toLowerCase())
    .slice(0, MAX_REVIEWED);
  const reviewed = (
    await mapLimit(others, 4, async (candidate) => {
      const reviewedAt = lastReviewBy(await client.pullReviews(candidate.ref), me);
      return reviewedAt && reviewedAt >= since ? { candidate, reviewedAt } : undefined;
    })
  )
    .filter((r): r is ReviewedCandidate => r !== undefined)
    .sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
  return { authored, reviewed };
}

/**
 * Everything that goes into a win for one pull request. `me` decides whether
 * it is mine or a review; without it (not signed in) it counts as mine. Only
 * the pull request itself must load; files, commits and linked issues refine
 * the circle suggestion and are skipped when they fail.
 */
export async function gatherEvidence(
  client: GitHubClient,
  ref: PullRequestRef,
  me: string | undefined,
  reviewedAt?: string,
): Promise<Evidence> {
  const pr = factsFromPull(await client.pull(ref), ref);
  if (!pr) throw new GitHubError('failed', l10n.t("GitHub's answer for {0} is not a pull request.", refLabel(ref)));
  const mine = !me || pr.author.toLowerCase() === me.toLowerCase();
  if (!mine) {
    const reviewed = reviewedAt ?? lastReviewBy(await optional(client.pullReviews(ref), []), me);
    if (reviewed) return { kind: 'reviewed', pr, reviewedAt: reviewed };
  }
  const [files, commits] = await Promise.all([
    optional(client.pullFiles(ref), undefined),
    optional(client.pullCommits(ref), []),
  ]);
  let coAuthors = coAuthorsFromCommits(commits, pr.author);
  // Someone else's pull request that I worked on: they are my collaborator.
  if (!mine) coAuthors = [pr.author, ...coAuthors.filter((a) => a.toLowerCase() !== me!.toLowerCase())];
  const issues = linkedIssues(pr.body, ref).slice(0, 3);
  const linkedIssueAuthors = (
    await Promise.all(issues.map((n) => optional(client.issueAuthor(ref, n), undefined)))
  ).filter((a): a is string => a !== undefined);
  return { kind: 'authored', pr, ...(files ? { files: filesFromJson(files) } : {}), coAuthors, linkedIssueAuthors };
}

async function optional<T, F>(promise: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await promise;
  } catch (error) {
    // A cancelled run stops here too; anything else only loses a hint.
    if (error instanceof GitHubError && error.kind === 'cancelled') throw error;
    return fallback;
  }
}

function unique(items: readonly (PullRequestCandidate | undefined)[]): PullRequestCandidate[] {
  const seen = new Set<string>();
  const out: PullRequestCandidate[] = [];
  for (const c of items) {
    if (!c) continue;
    const key = `${c.ref.host}/${refLabel(c.ref)}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

// Also the evidence command's, which reaches it here.
export { mapLimit };
