// Link merged pull requests and reviews as wins: `oneOnOne.linkPullRequest`
// lists what I merged and reviewed since the last 1:1 with a person (or takes
// pasted addresses), suggests each one's impact circle for me to confirm, and
// writes one win per pull request into the next meeting — plus, optionally, a
// progress entry on a goal — in one edit. When GitHub cannot be reached the
// link is written anyway, marked #enrich, and `oneOnOne.enrichEvidence` fills
// it in later.

import * as vscode from 'vscode';
import { addDays } from 'date-fns';
import { parseIsoDate, toIsoDate } from '../../core/dates';
import { addListItemsLines, SectionTarget } from '../../core/edits';
import {
  ApiTarget,
  Circle,
  CIRCLES,
  defaultTarget,
  Evidence,
  factsFromCandidate,
  goalProgressText,
  isCircle,
  parsePullRequestUrl,
  parseWin,
  PullRequestRef,
  refLabel,
  renderPendingWin,
  renderWin,
  settingsProblem,
  targetFor,
  WinLine,
} from '../../core/evidence';
import { Person } from '../../core/journal-index';
import { JournalEntry, WINS_HEADINGS } from '../../core/journal-entry';
import { goalPath } from '../../core/layout';
import { previousMeeting } from '../../core/prep';
import { GitHubError } from '../../host/github';
import { Services } from '../../host/services';
import { createMeeting, suggestedDate } from '../../ui/meetings';
import { argsOf, fail, requireJournal, resolvePerson } from '../../ui/commands';
import { meetingAt } from '../../ui/meeting-target';
import { isNode } from '../../ui/nodes';
import { GitHubAuth, githubSettings } from './auth';
import { mapLimit } from './gather';
import { asGitHubError, Choice, GitHubSession } from './github-session';
import { confirmCircle, noIcons } from './prompts';

export const WINS_TARGET: SectionTarget = {
  heading: WINS_HEADINGS[0]!,
  aliases: WINS_HEADINGS.slice(1),
  createAt: 'end',
};
const PROGRESS_TARGET: SectionTarget = { heading: 'Progress', aliases: ['Progress log'], createAt: 'end' };

/** Without an earlier meeting, "since the last 1:1" means the last four weeks. */
const DEFAULT_LOOKBACK_DAYS = 28;

export interface LinkArgs {
  readonly url: string | readonly string[];
  readonly person: string;
  readonly circle: Circle;
  readonly goal: string;
}

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
  readonly failed: readonly { readonly ref: string; readonly kind: string; readonly reason: string }[];
}

interface Target {
  readonly person: Person;
  /** The meeting to write to; undefined until it is created (only once something is linked). */
  readonly entry: JournalEntry | undefined;
  readonly date: string;
}

type Fetched =
  { readonly choice: Choice; readonly evidence: Evidence } | { readonly choice: Choice; readonly error: GitHubError };

/** What becomes one win line: a pull request with its details (or what the search said), or a bare link. */
interface WinEntry {
  readonly evidence: Evidence;
  readonly circle: Circle;
  /** Only what the search said: marked #enrich for the size and the rest. */
  readonly pending: boolean;
}
type Entry = WinEntry | { readonly ref: PullRequestRef; readonly circle: Circle | undefined };

/** A pull request that becomes a full win: fetched, or listed by the search before GitHub went away. */
function usable(f: Fetched): boolean {
  return 'evidence' in f || (f.error.isTransient && f.choice.candidate !== undefined);
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
        'This workspace is not trusted: 1:1 Journal neither writes files nor contacts GitHub in it. Trust the workspace to link pull requests.',
      );
    const args = argsOf<LinkArgs>(arg);
    const settings = githubSettings();
    const problem = settingsProblem(settings);
    if (problem) return fail(problem);
    if (args?.circle !== undefined && !isCircle(args.circle))
      return fail(`"circle" must be one of: ${CIRCLES.map((c) => c.id).join(', ')}.`);
    let goal: string | undefined;
    if (args?.goal !== undefined) {
      goal = this.findGoal(args.goal);
      if (!goal) return fail(`No goal "${String(args.goal)}" in the journal.`);
    }
    let urls: string[] | undefined;
    if (args?.url !== undefined) {
      const list = Array.isArray(args.url) ? args.url : [args.url];
      if (list.length === 0 || list.some((u) => typeof u !== 'string'))
        return fail('"url" must be a pull request address or a list of them.');
      urls = list as string[];
    }
    // Refuse a bad address before anything else happens: nothing is written.
    const base = defaultTarget(settings);
    const pasted: Choice[] = [];
    for (const url of urls ?? []) {
      const parsed = parsePullRequestUrl(url, base.host);
      if ('error' in parsed) return fail(parsed.error);
      pasted.push({ ref: parsed.ref });
    }

    const target = await this.resolveTarget(arg);
    if (!target) return undefined;
    const since =
      previousMeeting(this.services.store.index, target.person.slug, target.date)?.date ??
      daysBefore(target.date, DEFAULT_LOOKBACK_DAYS);

    const session = new GitHubSession(this.auth, settings);
    const choices = urls ? pasted : await this.pick(session, base, target, since);
    if (!choices || choices.length === 0) return undefined;

    const already = this.linkedRefs(target.person.slug);
    const skipped = choices.filter((c) => already.has(keyOf(c.ref))).map((c) => refLabel(c.ref));
    const fresh = dedupe(choices.filter((c) => !already.has(keyOf(c.ref))));
    if (fresh.length === 0) {
      void vscode.window.showInformationMessage(
        `${skipped.join(', ')} ${skipped.length === 1 ? 'is' : 'are'} already linked in your 1:1s with ${target.person.name}.`,
      );
      return { uri: undefined, linked: [], pending: [], skipped, failed: [] };
    }

    const fetched = await this.fetchAll(session, fresh);
    if (!fetched) return undefined;

    const entries: Entry[] = [];
    const linked: string[] = [];
    const pending: string[] = [];
    const failed: { ref: string; kind: string; reason: string }[] = [];
    const confirmable = fetched.filter(usable).length;
    let position = 0;
    for (const f of fetched) {
      const label = refLabel(f.choice.ref);
      if (usable(f)) {
        // Fetched, or at least listed by the search: the user confirms a circle.
        const evidence: Evidence = 'evidence' in f ? f.evidence : fromCandidate(f.choice);
        position++;
        const circle =
          args?.circle ?? (await confirmCircle(evidence, session.me(f.choice.ref.host), position, confirmable));
        if (!circle) return undefined;
        entries.push({ evidence, circle, pending: !('evidence' in f) });
        ('evidence' in f ? linked : pending).push(label);
      } else if ('error' in f && f.error.isTransient) {
        entries.push({ ref: f.choice.ref, circle: args?.circle });
        pending.push(label);
      } else if ('error' in f) {
        failed.push({ ref: label, kind: f.error.kind, reason: f.error.message });
      }
    }
    const wins = entries.filter((e): e is WinEntry => 'evidence' in e);
    if (goal === undefined && args === undefined && wins.length > 0) {
      const picked = await this.pickGoal();
      if (picked === null) return undefined;
      goal = picked || undefined;
    }
    const lines = entries.map((e) =>
      'evidence' in e
        ? renderWin({ evidence: e.evidence, circle: e.circle, goal }, e.pending)
        : renderPendingWin(e.ref, e.circle, goal),
    );

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
    this.report(target, { linked, pending, skipped, failed, fetched }, arg);
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
      'Link pull requests as wins for your next 1:1 with…',
    );
    if (!person) return undefined;
    const entry = index.nextMeeting(person.slug, this.services.today());
    return { person, entry, date: entry?.date ?? suggestedDate(this.services, person) };
  }

  /** The multi-select list of my merged pull requests and my reviews since `since`, or a pasted address. */
  private async pick(
    session: GitHubSession,
    base: ApiTarget,
    target: Target,
    since: string,
  ): Promise<Choice[] | undefined> {
    const title = `Link pull requests to your 1:1 with ${target.person.name} on ${target.date}`;
    let token = await session.token(base, 'silent');
    if (!token) {
      const choice = await vscode.window.showQuickPick(
        [
          {
            label: '$(sign-in) Sign in to GitHub',
            detail: `to list the pull requests you merged and reviewed since ${since}`,
            id: 'sign-in',
          },
          {
            label: '$(link) Paste a pull request address',
            detail: 'public pull requests can be linked without signing in',
            id: 'paste',
          },
        ],
        { title, placeHolder: 'Your pull requests are listed once you are signed in to GitHub', ignoreFocusOut: true },
      );
      if (!choice) return undefined;
      if (choice.id === 'paste') return this.askForUrl(base, title);
      token = await session.token(base, 'ask');
      if (!token) return undefined;
    }
    return new Promise<Choice[] | undefined>((resolve) => {
      const qp = vscode.window.createQuickPick<PickItem>();
      qp.title = title;
      qp.canSelectMany = true;
      qp.matchOnDescription = true;
      qp.ignoreFocusOut = true;
      qp.busy = true;
      qp.placeholder = `Loading your pull requests merged since ${since}… (or paste an address)`;
      let listed: PickItem[] = [];
      let done = false;
      const finish = (value: Choice[] | undefined): void => {
        if (done) return;
        done = true;
        resolve(value);
        qp.dispose();
      };
      const pastedItem = (value: string): PickItem | undefined => {
        const parsed = parsePullRequestUrl(value, base.host);
        return 'ref' in parsed
          ? {
              label: `$(link) Link ${refLabel(parsed.ref)}`,
              description: 'pasted address',
              alwaysShow: true,
              choice: { ref: parsed.ref },
            }
          : undefined;
      };
      qp.onDidChangeValue((value) => {
        const item = pastedItem(value);
        const selected = qp.selectedItems.filter((i) => i.choice.candidate);
        qp.items = item ? [item, ...listed] : listed;
        qp.selectedItems = item ? [item, ...selected] : selected;
      });
      qp.onDidAccept(() => {
        const picked = qp.selectedItems.map((i) => i.choice);
        const typed = pastedItem(qp.value);
        if (typed && !picked.some((c) => keyOf(c.ref) === keyOf(typed.choice.ref))) picked.unshift(typed.choice);
        finish(picked);
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
      void session
        .candidates(base, since)
        .then((found) => {
          const linkedAlready = this.linkedRefs(target.person.slug);
          const authored = found.authored.filter((c) => !linkedAlready.has(keyOf(c.ref)));
          const reviewed = found.reviewed.filter((r) => !linkedAlready.has(keyOf(r.candidate.ref)));
          listed = [
            ...(authored.length > 0 ? [separator(`Merged since ${since}`)] : []),
            ...authored.map((c) => ({
              label: `$(git-merge) ${noIcons(c.title)}`,
              description: `${refLabel(c.ref)} · merged ${c.mergedAt?.slice(0, 10) ?? ''}`,
              choice: { ref: c.ref, candidate: c },
            })),
            ...(reviewed.length > 0 ? [separator('Reviews you gave')] : []),
            ...reviewed.map((r) => ({
              label: `$(eye) ${noIcons(r.candidate.title)}`,
              description: `${refLabel(r.candidate.ref)} · @${r.candidate.author} · you reviewed ${r.reviewedAt}`,
              choice: { ref: r.candidate.ref, candidate: r.candidate, reviewedAt: r.reviewedAt },
            })),
          ];
          const typed = pastedItem(qp.value);
          qp.items = typed ? [typed, ...listed] : listed;
          qp.placeholder =
            listed.length > 0
              ? 'Pick the pull requests to link (Space to select, Enter to link), or paste an address'
              : `Nothing merged or reviewed since ${since} that is not linked yet. Paste a pull request address to link one.`;
        })
        .catch((error: unknown) => {
          const e = asGitHubError(error);
          if (e.kind === 'unauthorized') {
            finish(undefined);
            void vscode.window
              .showErrorMessage(
                `GitHub refused the sign-in (${e.status ?? 401}). Sign in again to list your pull requests.`,
                'Sign In Again',
              )
              .then(async (pick) => {
                if (pick && (await session.token(base, 'again')))
                  await vscode.commands.executeCommand('oneOnOne.linkPullRequest', { person: target.person.slug });
              });
            return;
          }
          this.services.log.warn(`Listing pull requests failed: ${e.message}`);
          qp.placeholder =
            e.kind === 'rate-limited'
              ? `GitHub's rate limit was reached${e.resetAt ? ` (it resets at ${timeOf(e.resetAt)})` : ''}. Paste an address to link it now; its details follow later.`
              : e.kind === 'offline' || e.kind === 'timeout'
                ? 'GitHub cannot be reached. Paste a pull request address to link it now; its details follow later.'
                : `Could not list your pull requests: ${e.message} Paste an address instead.`;
        })
        .finally(() => {
          qp.busy = false;
        });
    });
  }

  private async askForUrl(base: ApiTarget, title: string): Promise<Choice[] | undefined> {
    const value = await vscode.window.showInputBox({
      title,
      prompt: 'Address of the pull request, e.g. https://github.com/owner/repo/pull/123',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const parsed = parsePullRequestUrl(v, base.host);
        return 'error' in parsed ? parsed.error : undefined;
      },
    });
    if (value === undefined) return undefined;
    const parsed = parsePullRequestUrl(value, base.host);
    return 'ref' in parsed ? [{ ref: parsed.ref }] : undefined;
  }

  /** Details of every chosen pull request, with progress; undefined when the user cancels. */
  private async fetchAll(session: GitHubSession, choices: readonly Choice[]): Promise<Fetched[] | undefined> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Fetching pull request details', cancellable: true },
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
            progress.report({ message: `${done} of ${choices.length}`, increment: 100 / choices.length });
          }
        });
        if (controller.signal.aborted || out.some((f) => 'error' in f && f.error.kind === 'cancelled'))
          return undefined;
        return out;
      },
    );
  }

  /** An active goal to log progress on: a slug, '' for none, null when the user cancels. */
  private async pickGoal(): Promise<string | null> {
    const goals = this.services.store.index.ofKind('goal').filter((g) => (g.status ?? 'active') === 'active');
    if (goals.length === 0) return '';
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'No goal', description: 'just the wins', slug: '' },
        ...goals.map((g) => ({ label: noIcons(g.title), description: `goals/${g.slug}.md`, slug: g.slug })),
      ],
      {
        title: 'Also log progress on a goal?',
        placeHolder: 'Each pull request becomes a progress entry of the goal',
        ignoreFocusOut: true,
      },
    );
    return picked ? picked.slug : null;
  }

  private findGoal(query: unknown): string | undefined {
    if (typeof query !== 'string' || query.trim() === '') return undefined;
    const q = query.trim().toLowerCase();
    const goals = this.services.store.index.ofKind('goal');
    return (goals.find((g) => g.slug === q) ?? goals.find((g) => g.title.toLowerCase() === q))?.slug;
  }

  /** Every pull request already linked as a win in the person's meetings. */
  private linkedRefs(person: string): Set<string> {
    const out = new Set<string>();
    for (const m of this.services.store.index.meetingsOf(person)) {
      for (const w of m.wins) {
        const ref = parseWin(w.text).ref;
        if (ref) out.add(keyOf(ref));
      }
    }
    return out;
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
      if (!path) return fail('The new meeting file is outside the journal folder.');
    }
    const changes = [
      {
        path,
        compute: (doc: Parameters<typeof addListItemsLines>[0]) =>
          addListItemsLines(
            doc,
            WINS_TARGET,
            lines.map((l) => [`- ${l}`]),
          ),
      },
    ];
    if (goal && wins.length > 0) {
      const today = this.services.today();
      changes.push({
        path: goalPath(goal),
        compute: (doc) =>
          addListItemsLines(
            doc,
            PROGRESS_TARGET,
            wins.map((w) => [`- ${goalProgressText(today, w)}`]),
          ),
      });
    }
    const result = await this.services.writer.editMany(changes, 'Link pull requests');
    if (!result.ok) return fail(result.reason);
    return this.services.store.uriOf(path);
  }

  private report(
    target: Target,
    r: {
      linked: string[];
      pending: string[];
      skipped: string[];
      failed: { ref: string; kind: string; reason: string }[];
      fetched: Fetched[];
    },
    arg: unknown,
  ): void {
    const written = r.linked.length + r.pending.length;
    if (written > 0) {
      vscode.window.setStatusBarMessage(
        `$(check) ${written} win${written === 1 ? '' : 's'} linked to your 1:1 with ${target.person.name}`,
        6000,
      );
    }
    if (r.skipped.length > 0)
      void vscode.window.showInformationMessage(`Already linked, so skipped: ${r.skipped.join(', ')}.`);
    if (r.pending.length > 0) {
      const errors = r.fetched.flatMap((f) => ('error' in f && f.error.isTransient ? [f.error] : []));
      const limited = errors.find((e) => e.kind === 'rate-limited');
      const why = limited
        ? `GitHub's rate limit was reached${limited.resetAt ? `; it resets at ${timeOf(limited.resetAt)}` : ''}`
        : errors.some((e) => e.kind === 'timeout')
          ? 'GitHub did not answer in time'
          : 'GitHub could not be reached';
      void vscode.window
        .showWarningMessage(
          `${why}. ${r.pending.join(', ')} ${r.pending.length === 1 ? 'was' : 'were'} linked without details and marked #enrich; "1:1: Enrich Evidence" fills them in later.`,
          'Enrich Now',
        )
        .then((pick) => pick && vscode.commands.executeCommand('oneOnOne.enrichEvidence'));
    }
    const denied = r.failed.filter((f) => f.kind === 'unauthorized' || f.kind === 'not-found');
    if (denied.length > 0) {
      const refs = denied.map((f) => f.ref);
      const urls = r.fetched
        .filter((f) => refs.includes(refLabel(f.choice.ref)))
        .map(
          (f) => `https://${f.choice.ref.host}/${f.choice.ref.owner}/${f.choice.ref.repo}/pull/${f.choice.ref.number}`,
        );
      const base = argsOf<LinkArgs>(arg);
      void vscode.window
        .showErrorMessage(
          `GitHub did not show ${refs.join(', ')} (${denied[0]!.kind === 'not-found' ? 'not found' : 'access refused'}). If ${refs.length === 1 ? 'it is' : 'they are'} private, sign in to GitHub with an account that can see ${refs.length === 1 ? 'it' : 'them'}.`,
          'Sign In to GitHub',
          'Add Link Anyway',
        )
        .then(async (pick) => {
          if (!pick) return;
          const retry = {
            person: target.person.slug,
            url: urls,
            ...(base?.circle ? { circle: base.circle } : {}),
            ...(base?.goal ? { goal: base.goal } : {}),
          };
          if (pick === 'Add Link Anyway') {
            await this.write(
              target,
              denied.map((d) => renderPendingWin(refByLabel(r.fetched, d.ref)!, base?.circle)),
              undefined,
              [],
            );
            return;
          }
          const host = refByLabel(r.fetched, denied[0]!.ref)!.host;
          const apiTarget = targetFor(host, githubSettings());
          if ('error' in apiTarget) return;
          if (await this.auth.token(apiTarget, 'ask'))
            await vscode.commands.executeCommand('oneOnOne.linkPullRequest', retry);
        });
    }
    const other = r.failed.filter((f) => f.kind !== 'unauthorized' && f.kind !== 'not-found');
    if (other.length > 0)
      void vscode.window.showErrorMessage(`Could not link ${other.map((f) => `${f.ref}: ${f.reason}`).join('; ')}`);
  }
}

interface PickItem extends vscode.QuickPickItem {
  readonly choice: Choice;
}

function separator(label: string): PickItem {
  return { label, kind: vscode.QuickPickItemKind.Separator, choice: undefined as unknown as Choice };
}

function fromCandidate(choice: Choice): Evidence {
  const pr = factsFromCandidate(choice.candidate!);
  return choice.reviewedAt ? { kind: 'reviewed', pr, reviewedAt: choice.reviewedAt } : { kind: 'authored', pr };
}

function keyOf(ref: PullRequestRef): string {
  return `${ref.host}/${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
}

function dedupe(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((c) => !seen.has(keyOf(c.ref)) && seen.add(keyOf(c.ref)));
}

function refByLabel(fetched: readonly Fetched[], label: string): PullRequestRef | undefined {
  return fetched.find((f) => refLabel(f.choice.ref) === label)?.choice.ref;
}

function daysBefore(date: string, days: number): string {
  const d = parseIsoDate(date);
  return d ? toIsoDate(addDays(d, -days)) : date;
}

function timeOf(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
