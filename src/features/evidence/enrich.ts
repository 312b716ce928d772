// `oneOnOne.enrichEvidence`: wins linked while GitHub was unreachable carry
// only their link and `#enrich`. This fetches each one and rewrites that one
// line in place with the title, dates, size and circle; everything else in
// the file stays as it is.

import * as vscode from 'vscode';
import { replaceItemText } from '../../core/item-edits';
import {
  Circle,
  CIRCLES,
  Evidence,
  isCircle,
  parseWin,
  PullRequestRef,
  refLabel,
  renderWin,
} from '../../core/evidence';
import { FileChange } from '../../host/journal-writer';
import { Services } from '../../host/services';
import { argsOf, fail, requireJournal } from '../../ui/commands';
import { isNode } from '../../ui/nodes';
import { GitHubAuth, githubSettings } from '../../host/github/auth';
import { asGitHubError, GitHubSession } from '../../host/github/session';
import { confirmCircle } from './prompts';

export interface EnrichArgs {
  /** Only this meeting (journal-relative path). */
  readonly path: string;
  /** The circle for wins that have none yet, instead of asking. */
  readonly circle: Circle;
}

export interface EnrichOutcome {
  readonly enriched: readonly string[];
  /** Still marked #enrich: GitHub could not be reached, or it refused. */
  readonly remaining: readonly string[];
}

interface PendingWin {
  readonly path: string;
  readonly line: number;
  readonly text: string;
  readonly ref: PullRequestRef;
  readonly circle: Circle | undefined;
  readonly goal: string | undefined;
}

export class EvidenceEnricher {
  constructor(
    private readonly services: Services,
    private readonly auth: () => GitHubAuth,
  ) {}

  async enrichEvidence(arg: unknown): Promise<EnrichOutcome | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    if (!vscode.workspace.isTrusted)
      return fail(
        vscode.l10n.t(
          'This workspace is not trusted: 1:1 Journal neither writes files nor contacts GitHub in it. Trust the workspace to link pull requests.',
        ),
      );
    const args = argsOf<EnrichArgs>(arg);
    if (args?.circle !== undefined && !isCircle(args.circle))
      return fail(vscode.l10n.t('"circle" must be one of: {0}.', CIRCLES.map((c) => c.id).join(', ')));
    let only: string | undefined;
    if (arg instanceof vscode.Uri) only = this.services.store.pathOf(arg);
    else if (isNode(arg) && 'path' in arg) only = arg.path;
    else if (args?.path !== undefined) only = typeof args.path === 'string' ? args.path : undefined;
    const waiting = this.pendingWins(only);
    if (waiting.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No linked pull requests are waiting for details.'));
      return { enriched: [], remaining: [] };
    }

    const session = new GitHubSession(this.auth(), githubSettings());
    let stoppedBy: string | undefined;
    const fetched = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Fetching pull request details'),
        cancellable: true,
      },
      async (progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        session.signal = controller.signal;
        const out: { win: PendingWin; evidence: Evidence }[] = [];
        for (const [i, win] of waiting.entries()) {
          progress.report({
            message: vscode.l10n.t('{0} ({1} of {2})', refLabel(win.ref), i + 1, waiting.length),
            increment: 100 / waiting.length,
          });
          try {
            out.push({ win, evidence: await session.evidence({ ref: win.ref }) });
          } catch (error) {
            const e = asGitHubError(error);
            if (e.kind === 'cancelled') return undefined;
            this.services.log.warn(`Enriching ${refLabel(win.ref)} failed: ${e.message}`);
            if (e.isTransient) {
              // Unreachable or rate-limited: the rest would fail the same way.
              stoppedBy =
                e.kind === 'rate-limited'
                  ? e.resetAt
                    ? vscode.l10n.t(
                        "GitHub's rate limit was reached; it resets at {0}",
                        e.resetAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
                      )
                    : vscode.l10n.t("GitHub's rate limit was reached")
                  : vscode.l10n.t('GitHub cannot be reached');
              break;
            }
            stoppedBy ??= e.message;
          }
        }
        return out;
      },
    );
    if (!fetched) return undefined;

    const lines: { win: PendingWin; text: string }[] = [];
    for (const [i, { win, evidence }] of fetched.entries()) {
      const circle =
        win.circle ?? args?.circle ?? (await confirmCircle(evidence, session.me(win.ref.host), i + 1, fetched.length));
      if (!circle) return undefined;
      lines.push({ win, text: renderWin({ evidence, circle, goal: win.goal }) });
    }
    const byPath = new Map<string, { win: PendingWin; text: string }[]>();
    for (const l of lines) byPath.set(l.win.path, [...(byPath.get(l.win.path) ?? []), l]);
    const changes: FileChange[] = [...byPath].map(([path, items]) => ({
      path,
      compute: (doc) => {
        const edits = [];
        for (const item of items) {
          const result = replaceItemText(doc, item.win.line, item.win.text, item.text);
          if ('error' in result) return { error: `${refLabel(item.win.ref)}: ${result.error}` };
          edits.push(...result.edits);
        }
        return { edits };
      },
    }));
    if (changes.length > 0) {
      const result = await this.services.writer.editMany(changes, 'Enrich evidence');
      if (!result.ok) return fail(result.reason);
    }
    const enriched = lines.map((l) => refLabel(l.win.ref));
    const remaining = waiting.filter((w) => !lines.some((l) => l.win === w)).map((w) => refLabel(w.ref));
    if (enriched.length > 0)
      vscode.window.setStatusBarMessage(
        enriched.length === 1
          ? vscode.l10n.t('$(check) Details filled in for 1 linked pull request')
          : vscode.l10n.t('$(check) Details filled in for {0} linked pull requests', enriched.length),
        6000,
      );
    if (remaining.length > 0) {
      void vscode.window.showWarningMessage(
        remaining.length === 1
          ? vscode.l10n.t(
              '{0}. {1} stays marked #enrich; try again later.',
              stoppedBy ?? vscode.l10n.t('GitHub did not answer'),
              remaining.join(', '),
            )
          : vscode.l10n.t(
              '{0}. {1} stay marked #enrich; try again later.',
              stoppedBy ?? vscode.l10n.t('GitHub did not answer'),
              remaining.join(', '),
            ),
      );
    }
    return { enriched, remaining };
  }

  /** Wins marked #enrich with a pull request link, in one file or the whole journal, oldest meeting first. */
  private pendingWins(only: string | undefined): PendingWin[] {
    const { index } = this.services.store;
    const meetings = only ? [index.get(only)].filter((e) => e?.kind === 'meeting') : index.ofKind('meeting');
    const out: PendingWin[] = [];
    for (const m of meetings.sort((a, b) => (a!.date ?? '').localeCompare(b!.date ?? ''))) {
      for (const w of m!.wins) {
        const parsed = parseWin(w.text);
        if (parsed.pending && parsed.ref)
          out.push({
            path: m!.path,
            line: w.line,
            text: w.text,
            ref: parsed.ref,
            circle: parsed.circle,
            goal: parsed.goal,
          });
      }
    }
    return out;
  }
}
