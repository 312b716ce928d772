// Impact circles: the three kinds of impact a win is filed under, the tags
// that carry them in the journal, and the circle a pull request suggests.
// The suggestion is only a default: the user confirms or changes it.

import { Evidence } from './github-json';
import { l10n } from '../l10n';

export const CIRCLES = [
  { id: 'individual', label: 'Individual contribution', description: 'your own work shipped' },
  {
    id: 'collaboration',
    label: 'Collaboration',
    description: 'work done with or for others: co-authored, reviewed, asked for',
  },
  { id: 'enabling', label: 'Enabling others', description: 'docs, tools, mentoring: work that makes others faster' },
] as const;

export type Circle = (typeof CIRCLES)[number]['id'];

export const CIRCLE_TAG_PREFIX = 'impact/';
/** Marks a win whose details could not be fetched yet. */
export const ENRICH_TAG = 'enrich';
export const WIN_TAG = 'win';

export function isCircle(value: unknown): value is Circle {
  return typeof value === 'string' && CIRCLES.some((c) => c.id === value);
}

// CIRCLES' labels are the English the review packet writes; these are what the user reads (src/core/l10n.ts).
const LABELS: Record<Circle, () => string> = {
  individual: () => l10n.t('Individual contribution'),
  collaboration: () => l10n.t('Collaboration'),
  enabling: () => l10n.t('Enabling others'),
};
const DESCRIPTIONS: Record<Circle, () => string> = {
  individual: () => l10n.t('your own work shipped'),
  collaboration: () => l10n.t('work done with or for others: co-authored, reviewed, asked for'),
  enabling: () => l10n.t('docs, tools, mentoring: work that makes others faster'),
};

export function circleLabel(circle: Circle): string {
  return LABELS[circle]();
}

export function circleDescription(circle: Circle): string {
  return DESCRIPTIONS[circle]();
}

// ---------------------------------------------------------------------------
// Impact circle suggestion

const DOC_FILE =
  /(?:^|\/)(?:docs?|documentation|adr|adrs|wiki)\/|\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt)$|(?:^|\/)(?:README|CONTRIBUTING|CHANGELOG|CODEOWNERS|LICENSE)(?:\.\w+)?$/i;
const TOOLING_FILE =
  /^(?:\.github|\.devcontainer|\.circleci|\.gitlab|\.husky|\.vscode|ci|scripts|tools|tooling|build-tools)\/|(?:^|\/)(?:Makefile|Justfile|\.editorconfig|\.pre-commit-config\.ya?ml|\.eslintrc(?:\.\w+)?|eslint\.config\.\w+|\.prettierrc(?:\.\w+)?|renovate\.json|dependabot\.ya?ml)$/i;
const ENABLING_LABELS =
  /^(?:docs?|documentation|dx|developer[ -]experience|devex|tooling|tools|ci|ci\/cd|build|infra|infrastructure|onboarding|mentoring|mentorship|good[ -]first[ -]issue|platform)$/i;
const FIRST_TIMERS = new Set(['FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR']);

export interface Suggestion {
  readonly circle: Circle;
  /** Why, in a few words, shown beside the suggestion. */
  readonly reason: string;
}

export function suggestCircle(e: Evidence, me?: string): Suggestion {
  const { pr } = e;
  const files = e.files ?? [];
  const label = pr.labels.find((l) => ENABLING_LABELS.test(l.trim()));
  if (e.kind === 'reviewed') {
    if (pr.authorAssociation && FIRST_TIMERS.has(pr.authorAssociation))
      return { circle: 'enabling', reason: l10n.t('review for a first-time contributor (@{0})', pr.author) };
    if (label) return { circle: 'enabling', reason: l10n.t('review of a change labelled "{0}"', label) };
    return { circle: 'collaboration', reason: l10n.t("review of @{0}'s change", pr.author) };
  }
  if (files.length > 0 && files.every((f) => DOC_FILE.test(f)))
    return { circle: 'enabling', reason: l10n.t('documentation-only change') };
  if (files.length > 0 && files.every((f) => DOC_FILE.test(f) || TOOLING_FILE.test(f)))
    return { circle: 'enabling', reason: l10n.t('change to the team’s tooling and docs') };
  if (label) return { circle: 'enabling', reason: l10n.t('labelled "{0}"', label) };
  const others = (e.coAuthors ?? []).filter((a) => !me || a.toLowerCase() !== me.toLowerCase());
  if (others.length > 0)
    return {
      circle: 'collaboration',
      reason:
        others.length > 2
          ? l10n.t('co-authored with {0} and {1} more', others.slice(0, 2).join(', '), others.length - 2)
          : l10n.t('co-authored with {0}', others.slice(0, 2).join(', ')),
    };
  const requesters = (e.linkedIssueAuthors ?? []).filter(
    (a) => a.toLowerCase() !== pr.author.toLowerCase() && (!me || a.toLowerCase() !== me.toLowerCase()),
  );
  if (requesters.length > 0)
    return { circle: 'collaboration', reason: l10n.t('closes an issue opened by @{0}', requesters[0]!) };
  return { circle: 'individual', reason: l10n.t('your own change') };
}
