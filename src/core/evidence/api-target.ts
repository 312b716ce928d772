// Which REST API serves a pull request's host, from the user's settings:
// github.com, or the GitHub Enterprise Server they configured. A host we do
// not know gets no API, so a token is never sent to it.

import { clip, withScheme } from './pull-request-ref';
import { l10n } from '../l10n';

export interface GitHubSettings {
  /** The standard `github-enterprise.uri` setting: the Enterprise Server's address. */
  readonly enterpriseUri?: string | undefined;
  /** `oneOnOne.github.apiUrl`: the REST API base for the default host, when it is not the usual one. */
  readonly apiUrl?: string | undefined;
}

export interface ApiTarget {
  /** The web host pull requests live on. */
  readonly host: string;
  /** REST API base, without a trailing slash. */
  readonly apiBase: string;
  /** The VS Code authentication provider for this host. */
  readonly provider: 'github' | 'github-enterprise';
}

function enterpriseHost(settings: GitHubSettings): { host: string; origin: string } | undefined {
  const raw = settings.enterpriseUri?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(withScheme(raw));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { host: url.host.toLowerCase(), origin: url.origin };
  } catch {
    return undefined;
  }
}

function trimApi(raw: string | undefined): string | undefined {
  const value = raw?.trim().replace(/\/+$/, '');
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The host "my pull requests" are listed on: the Enterprise Server when one is set, else github.com. */
export function defaultTarget(settings: GitHubSettings): ApiTarget {
  const ghe = enterpriseHost(settings);
  const override = trimApi(settings.apiUrl);
  if (ghe) return { host: ghe.host, apiBase: override ?? `${ghe.origin}/api/v3`, provider: 'github-enterprise' };
  return { host: 'github.com', apiBase: override ?? 'https://api.github.com', provider: 'github' };
}

/** The API for a pull request's host, or why it has none. */
export function targetFor(host: string, settings: GitHubSettings): ApiTarget | { readonly error: string } {
  const fallback = defaultTarget(settings);
  if (host === fallback.host) return fallback;
  if (host === 'github.com') return { host, apiBase: 'https://api.github.com', provider: 'github' };
  return {
    error: l10n.t(
      '{0} is not a GitHub host 1:1 Journal knows. For GitHub Enterprise Server, set "github-enterprise.uri" to https://{0}.',
      host,
    ),
  };
}

/** A setting value that is set but unusable, in words. */
export function settingsProblem(settings: GitHubSettings): string | undefined {
  if (settings.apiUrl?.trim() && !trimApi(settings.apiUrl))
    return `"oneOnOne.github.apiUrl" is not an http(s) address: ${clip(settings.apiUrl)}`;
  if (settings.enterpriseUri?.trim() && !enterpriseHost(settings))
    return `"github-enterprise.uri" is not an http(s) address: ${clip(settings.enterpriseUri)}`;
  return undefined;
}
