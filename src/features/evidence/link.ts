// Link merged pull requests and reviews as wins: `oneOnOne.linkPullRequest`
// lists what I merged and reviewed since the last 1:1 with a person (or takes
// pasted addresses), suggests each one's impact circle for me to confirm, and
// writes one win per pull request into the next meeting — plus, optionally, a
// progress entry on a goal — in one edit. When GitHub cannot be reached the
// link is written anyway, marked #enrich, and `oneOnOne.enrichEvidence` fills
// it in later. The quick picks are link-wizard.ts; what to write is decided
// in core/evidence/link-plan.ts, and what to say in link-report.ts.

import * as vscode from 'vscode';
import { defaultTarget, refLabel, settingsProblem, targetFor, WinLine } from '../../core/evidence';
import {
  addGoalProgress,
  addWins,
  checkLinkArgs,
  Choice,
  Entry,
  Failure,
  Fetched,
  LinkArgs,
  linkedKeys,
  planLink,
  sinceDay,
  sortChoices,
  winLines,
  winsOf,
} from '../../core/evidence/link-plan';
import { alreadyLinkedMessage, linkReport, LinkReport } from '../../core/evidence/link-report';
import { Person } from '../../core/journal-index';
import { JournalEntry } from '../../core/journal-entry';
import { goalPath } from '../../core/layout';
import { previousMeeting } from '../../core/prep';
import { GitHubAuth, githubSettings } from '../../host/github/auth';
import { mapLimit } from '../../host/github/gather';
import { asGitHubError, GitHubSession } from '../../host/github/session';
import { FileChange } from '../../host/journal-writer';
import { Services } from '../../host/services';
import { createMeeting, suggestedDate } from '../../ui/meetings';
import { argsOf, fail, requireJournal, resolvePerson } from '../../ui/commands';
import { meetingAt } from '../../ui/meeting-target';
import { isNode } from '../../ui/nodes';
import { pickGoal, pickPullRequests } from './link-wizard';
import { confirmCircle } from './prompts';

export interface LinkOutcome {
  /** The meeting written to, when anything was. */
  readonly uri: vscode.Uri | undefined;
  /** References written with their details. */
  readonly linked: readonly string[];
  /** References written as links only, marked #enrich. */
  readonly pending: readonly string[];
  /** Already linked in one of the person's meetings. */
  readonly skipped: readonly string[];
  /** Not written, with why. */
  readonly failed: readonly Failure[];
}

interface Target {
  readonly person: Person;
  /** The meeting to write to; undefined until it is created (only once something is linked). */
  readonly entry: JournalEntry | undefined;
  readonly date: string;
}

export class EvidenceLinker {
  constructor(
    private readonly services: Services,
    /** Replaced by the integration tests (a test token); VS Code's own sign-in otherwise. */
    public auth: GitHubAuth,
  ) {}

  async linkPullRequest(arg: unknown): Promise<LinkOutcome | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    if (!vscode.workspace.isTrusted)
      return fail(
        vscode.l10n.t(
          'This workspace is not trusted: 1:1 Journal neither writes files nor contacts GitHub in it. Trust the workspace to link pull requests.',
        ),
      );
    const args = argsOf<LinkArgs>(arg);
    const settings = githubSettings();
    const problem = settingsProblem(settings);
    if (problem) return fail(problem);
    // Refuse a bad address before anything else happens: nothing is written.
    const base = defaultTarget(settings);
    const checked = checkLinkArgs(args, this.services.store.index.ofKind('goal'), base.host);
    if ('error' in checked) return fail(checked.error);
    let goal = checked.goal;

    const target = await this.resolveTarget(arg);
    if (!target) return undefined;
    const since = sinceDay(
      previousMeeting(this.services.store.index, target.person.slug, target.date)?.date,
      target.date,
    );

    const session = new GitHubSession(this.auth, settings);
    const choices = checked.pasted ?? (await pickPullRequests(this.services, session, base, target, since));
    if (!choices || choices.length === 0) return undefined;

    const { skipped, fresh } = sortChoices(
      choices,
      linkedKeys(this.services.store.index.meetingsOf(target.person.slug)),
    );
    if (fresh.length === 0) {
      void vscode.window.showInformationMessage(alreadyLinkedMessage(skipped, target.person.name));
      return { uri: undefined, linked: [], pending: [], skipped, failed: [] };
    }

    const fetched = await this.fetchAll(session, fresh);
    if (!fetched) return undefined;

    const { entries: planned, linked, pending, failed } = planLink(fetched);
    const confirmable = planned.filter((e) => 'evidence' in e).length;
    const entries: Entry[] = [];
    let position = 0;
    for (const e of planned) {
      if ('evidence' in e) {
        // Fetched, or at least listed by the search: the user confirms a circle.
        position++;
        const circle = args?.circle ?? (await confirmCircle(e.evidence, session.me(e.ref.host), position, confirmable));
        if (!circle) return undefined;
        entries.push({ evidence: e.evidence, circle, pending: e.pending });
      } else {
        entries.push({ ref: e.ref, circle: args?.circle });
      }
    }
    const wins = winsOf(entries);
    if (goal === undefined && args === undefined && wins.length > 0) {
      const picked = await pickGoal(this.services);
      if (picked === null) return undefined;
      goal = picked || undefined;
    }
    const lines = winLines(entries, goal);

    let uri: vscode.Uri | undefined;
    if (lines.length > 0) {
      uri = await this.write(
        target,
        lines,
        goal,
        wins.map((w) => ({ evidence: w.evidence, circle: w.circle, goal })),
      );
      if (!uri) return undefined;
    }
    this.report(target, linkReport(target.person, { linked, pending, skipped, failed, fetched }, args));
    return { uri, linked, pending, skipped, failed };
  }

  /** The meeting that receives the wins: one given, the one in the active editor, or the person's next. */
  private async resolveTarget(arg: unknown): Promise<Target | undefined> {
    const { index } = this.services.store;
    const given =
      arg instanceof vscode.Uri
        ? meetingAt(this.services, arg)
        : isNode(arg) && arg.type === 'meeting'
          ? meetingAt(this.services, this.services.store.uriOf(arg.path))
          : undefined;
    if (given) return { person: given.person, entry: given.entry, date: given.entry.date! };
    if (argsOf<LinkArgs>(arg)?.person === undefined && !isNode(arg)) {
      const active = meetingAt(this.services, vscode.window.activeTextEditor?.document.uri);
      if (active) return { person: active.person, entry: active.entry, date: active.entry.date! };
    }
    const person = await resolvePerson(
      this.services,
      isNode(arg) || argsOf(arg) ? arg : undefined,
      vscode.l10n.t('Link pull requests as wins for your next 1:1 with…'),
    );
    if (!person) return undefined;
    const entry = index.nextMeeting(person.slug, this.services.today());
    return { person, entry, date: entry?.date ?? suggestedDate(this.services, person) };
  }

  /** Details of every chosen pull request, with progress; undefined when the user cancels. */
  private async fetchAll(session: GitHubSession, choices: readonly Choice[]): Promise<Fetched[] | undefined> {
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Fetching pull request details'),
        cancellable: true,
      },
      async (progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        session.signal = controller.signal;
        let done = 0;
        const out = await mapLimit(choices, 3, async (choice): Promise<Fetched> => {
          try {
            return { choice, evidence: await session.evidence(choice) };
          } catch (error) {
            const e = asGitHubError(error);
            if (e.kind !== 'cancelled') this.services.log.warn(`${refLabel(choice.ref)}: ${e.message}`);
            return { choice, error: e };
          } finally {
            done++;
            progress.report({
              message: vscode.l10n.t('{0} of {1}', done, choices.length),
              increment: 100 / choices.length,
            });
          }
        });
        if (controller.signal.aborted || out.some((f) => 'error' in f && f.error.kind === 'cancelled'))
          return undefined;
        return out;
      },
    );
  }

  private async write(
    target: Target,
    lines: readonly string[],
    goal: string | undefined,
    wins: readonly WinLine[],
  ): Promise<vscode.Uri | undefined> {
    let path = target.entry?.path;
    if (!path) {
      const made = await createMeeting(this.services, target.person, target.date);
      if (!made) return undefined;
      path = this.services.store.pathOf(made.uri);
      if (!path) return fail(vscode.l10n.t('The new meeting file is outside the journal folder.'));
    }
    const changes: FileChange[] = [{ path, compute: (doc) => addWins(doc, lines) }];
    if (goal && wins.length > 0) {
      const today = this.services.today();
      changes.push({ path: goalPath(goal), compute: (doc) => addGoalProgress(doc, today, wins) });
    }
    const result = await this.services.writer.editMany(changes, 'Link pull requests');
    if (!result.ok) return fail(result.reason);
    return this.services.store.uriOf(path);
  }

  private report(target: Target, r: LinkReport): void {
    if (r.written) vscode.window.setStatusBarMessage(r.written, 6000);
    if (r.skipped) void vscode.window.showInformationMessage(r.skipped);
    if (r.pending)
      void vscode.window
        .showWarningMessage(r.pending, vscode.l10n.t('Enrich Now'))
        .then((pick) => pick && vscode.commands.executeCommand('oneOnOne.enrichEvidence'));
    const denied = r.denied;
    if (denied) {
      const anyway = vscode.l10n.t('Add Link Anyway');
      void vscode.window
        .showErrorMessage(denied.message, vscode.l10n.t('Sign In to GitHub'), anyway)
        .then(async (pick) => {
          if (!pick) return;
          if (pick === anyway) {
            await this.write(target, denied.lines, undefined, []);
            return;
          }
          const apiTarget = targetFor(denied.host, githubSettings());
          if ('error' in apiTarget) return;
          if (await this.auth.token(apiTarget, 'ask'))
            await vscode.commands.executeCommand('oneOnOne.linkPullRequest', denied.retry);
        });
    }
    if (r.failed) void vscode.window.showErrorMessage(r.failed);
  }
}
