// One command run's access to GitHub: a token and a client per host, asked
// for once, and who I am there.

import { ApiTarget, Evidence, GitHubSettings, PullRequestCandidate, PullRequestRef, targetFor } from '../../core/evidence';
import { GitHubClient, GitHubError } from '../../host/github';
import { GitHubAuth } from './auth';
import { gatherEvidence, listCandidates } from './gather';

/** One pull request to fetch: pasted, or listed by the search (with what it said). */
export interface Choice {
  readonly ref: PullRequestRef;
  readonly candidate?: PullRequestCandidate;
  readonly reviewedAt?: string;
}

export class GitHubSession {
  signal: AbortSignal | undefined;
  private readonly tokens = new Map<string, string | undefined>();
  private readonly logins = new Map<string, string | undefined>();

  constructor(
    private readonly auth: GitHubAuth,
    private readonly settings: GitHubSettings,
  ) {}

  async token(target: ApiTarget, mode: 'silent' | 'ask' | 'again'): Promise<string | undefined> {
    if (mode === 'silent' && this.tokens.has(target.host)) return this.tokens.get(target.host);
    const token = await this.auth.token(target, mode);
    this.tokens.set(target.host, token);
    return token;
  }

  me(host: string): string | undefined {
    return this.logins.get(host);
  }

  private async client(host: string): Promise<{ client: GitHubClient; target: ApiTarget }> {
    const target = targetFor(host, this.settings);
    if ('error' in target) throw new GitHubError('failed', target.error);
    const token = await this.token(target, 'silent');
    return { client: new GitHubClient({ apiBase: target.apiBase, token, signal: this.signal }), target };
  }

  private async login(host: string, client: GitHubClient): Promise<string | undefined> {
    if (!client.authenticated) return undefined;
    if (!this.logins.has(host)) this.logins.set(host, await client.viewer());
    return this.logins.get(host);
  }

  async candidates(target: ApiTarget, since: string): ReturnType<typeof listCandidates> {
    const { client } = await this.client(target.host);
    const me = await this.login(target.host, client);
    if (!me) throw new GitHubError('unauthorized', 'Not signed in.');
    return listCandidates(client, target.host, me, since);
  }

  async evidence(choice: Choice): Promise<Evidence> {
    const { client } = await this.client(choice.ref.host);
    const me = await this.login(choice.ref.host, client);
    return gatherEvidence(client, choice.ref, me, choice.reviewedAt);
  }
}


export function asGitHubError(error: unknown): GitHubError {
  return error instanceof GitHubError ? error : new GitHubError('failed', error instanceof Error ? error.message : String(error));
}

