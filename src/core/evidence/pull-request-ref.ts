// Pull requests as users paste them and as wins link them: parsed from any
// address form GitHub uses, validated (the parts end up in a link and an API
// path), and compared by what they point at.

import { l10n } from '../l10n';

export interface PullRequestRef {
  /** Host name, with a port when the URL has one (`github.com`, `ghe.example.com:8443`). */
  readonly host: string;
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export type ParsedUrl = { readonly ref: PullRequestRef } | { readonly error: string };

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?$/;

export function isLogin(value: string): boolean {
  return OWNER.test(value) || /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\[bot\]$/.test(value);
}

function validRef(host: string, owner: string, repo: string, num: string): PullRequestRef | undefined {
  const number = Number(num);
  const name = repo.replace(/\.git$/, '');
  if (!HOST.test(host) || !OWNER.test(owner) || !REPO.test(repo) || name === '' || name === '.' || name === '..')
    return undefined;
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return undefined;
  return { host, owner, repo: name, number };
}

/**
 * A pull request from what a user pastes: a web URL (`…/pull/12`,
 * `…/pull/12/files`, with a query or fragment), an API URL
 * (`…/repos/o/r/pulls/12`), or `owner/repo#12` (on `defaultHost`).
 */
export function parsePullRequestUrl(input: string, defaultHost = 'github.com'): ParsedUrl {
  const text = input.trim();
  if (text === '') return { error: l10n.t('Paste the address of a pull request.') };
  const short = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)#(\d+)$/.exec(text);
  if (short) {
    const ref = validRef(defaultHost, short[1]!, short[2]!, short[3]!);
    return ref ? { ref } : { error: l10n.t('"{0}" is not a pull request reference like owner/repo#12.', clip(text)) };
  }
  let url: URL;
  try {
    url = new URL(withScheme(text));
  } catch {
    return { error: l10n.t('"{0}" is not a web address.', clip(text)) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { error: l10n.t('"{0}" is not a web address.', clip(text)) };
  if (url.username || url.password)
    return { error: l10n.t('A pull request address does not contain a user name or password.') };
  let host = url.host.toLowerCase();
  if (host === 'www.github.com') host = 'github.com';
  const parts = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .map(safeDecode);
  // API addresses: api.github.com/repos/o/r/pulls/12, or <ghe>/api/v3/repos/o/r/pulls/12.
  let api = parts;
  if (host === 'api.github.com') host = 'github.com';
  else if (parts[0] === 'api' && parts[1] === 'v3') api = parts.slice(2);
  if (api[0] === 'repos' && api.length >= 5) {
    if (api[3] === 'pulls') {
      const ref = validRef(host, api[1]!, api[2]!, api[4]!);
      if (ref) return { ref };
    }
    if (api[3] === 'issues')
      return { error: l10n.t('{0}/{1}#{2} is an issue, not a pull request.', api[1], api[2], api[4]) };
  }
  if (parts.length >= 4) {
    const [owner, repo, kind, num] = parts as [string, string, string, string];
    if (kind === 'pull' && /^\d+$/.test(num)) {
      const ref = validRef(host, owner, repo, num);
      if (ref) return { ref };
    }
    if (kind === 'issues' && /^\d+$/.test(num))
      return { error: l10n.t('{0}/{1}#{2} is an issue, not a pull request.', owner, repo, num) };
    if (kind === 'pulls') return { error: l10n.t('That is a list of pull requests; paste the address of one.') };
    if (kind === 'commit') return { error: l10n.t('That is a commit, not a pull request.') };
  }
  return { error: l10n.t('"{0}" is not the address of a pull request (…/owner/repo/pull/123).', clip(text)) };
}

/** An address as typed, `https://` assumed when it names no scheme (`host:8443/…` is a host and a port, not a scheme). */
export function withScheme(text: string): string {
  return /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(text) ? text : `https://${text}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Text quoted in a message: one line, at most 80 characters. */
export function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

export function refLabel(ref: PullRequestRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}

/** The web address of a pull request, built from its parts (never taken from an answer as is). */
export function pullRequestUrl(ref: PullRequestRef): string {
  return `https://${ref.host}/${ref.owner}/${ref.repo}/pull/${ref.number}`;
}

export function sameRef(a: PullRequestRef, b: PullRequestRef): boolean {
  return (
    a.host === b.host &&
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase() &&
    a.number === b.number
  );
}
