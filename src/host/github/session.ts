// One command run's access to GitHub: a token and a client per host, asked
// for once, and who I am there.

import { ApiTarget, Evidence, GitHubSettings, targetFor } from '../../core/evidence';
import { Choice } from '../../core/evidence/link-plan';
import { GitHubClient, GitHubError } from './client';
import { GitHubAuth } from './auth';
import { gatherEvidence, listCandidates } from './gather';
import { l10n } from '../../core/l10n';

export class GitHubSession {
  signal: AbortSignal | undefined;
  // Promises, so that pull requests fetched side by side ask once.
  private readonly tokens = new Map<string, Promise<string | undefined>>();
  private readonly logins = new Map<string, Promise<string | undefined>>();
  private readonly known = new Map<string, string>();

  constructor(
    private readonly auth: GitHubAuth,
    private readonly settings: GitHubSettings,
  ) {}

  token(target: ApiTarget, mode: 'silent' | 'ask' | 'again'): Promise<string | undefined> {
    const cached = this.tokens.get(target.host);
    if (mode === 'silent' && cached) return cached;
    const token = this.auth.token(target, mode);
    this.tokens.set(target.host, token);
    this.logins.delete(target.host);
    return token;
  }

  /** My login on a host, once known. */
  me(host: string): string | undefined {
    return this.known.get(host);
  }

  private async client(host: string): Promise<GitHubClient> {
    const target = targetFor(host, this.settings);
    if ('error' in target) throw new GitHubError('failed', target.error);
    const token = await this.token(target, 'silent');
    return new GitHubClient({ apiBase: target.apiBase, token, signal: this.signal });
  }

  private login(host: string, client: GitHubClient): Promise<string | undefined> {
    if (!client.authenticated) return Promise.resolve(undefined);
    let login = this.logins.get(host);
    if (!login) {
      login = client.viewer().then((me) => {
        this.known.set(host, me);
        return me;
      });
      // A failure is not remembered: the next pull request asks again.
      login.catch(() => this.logins.delete(host));
      this.logins.set(host, login);
    }
    return login;
  }

  async candidates(target: ApiTarget, since: string): ReturnType<typeof listCandidates> {
    const client = await this.client(target.host);
    const me = await this.login(target.host, client);
    if (!me) throw new GitHubError('unauthorized', l10n.t('Not signed in.'));
    return listCandidates(client, target.host, me, since);
  }

  async evidence(choice: Choice): Promise<Evidence> {
    const client = await this.client(choice.ref.host);
    const me = await this.login(choice.ref.host, client);
    return gatherEvidence(client, choice.ref, me, choice.reviewedAt);
  }
}

export function asGitHubError(error: unknown): GitHubError {
  return error instanceof GitHubError
    ? error
    : new GitHubError('failed', error instanceof Error ? error.message : String(error));
}
