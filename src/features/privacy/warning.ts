// The privacy warning, and when it shows by itself: once per workspace and
// situation (repository, journal folder, remotes), never after "Don't Warn
// Again", and only in a trusted workspace whose journal is ready.

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { act, EXCLUDE, MOVE, MOVE_PERSONAL, NEVER, NEVER_WARN_KEY, WARNED_KEY } from './actions';
import { Inspection, inspect, PrivacyReport } from './state';

/** Situations remembered: the journal does not move often. */
const MAX_SITUATIONS = 20;

/** Warns that the journal could be pushed, and carries out the answer. */
export async function warn(
  state: vscode.Memento,
  services: Services,
  inspection: Inspection,
  extra: readonly string[] = [],
): Promise<PrivacyReport> {
  const { report } = inspection;
  const remotes = report.remotes ?? [];
  const to =
    remotes.length > 1
      ? remotes.length === 2
        ? vscode.l10n.t('{0} (or 1 other remote)', remotes[0]!)
        : vscode.l10n.t('{0} (or {1} other remotes)', remotes[0]!, remotes.length - 1)
      : remotes[0];
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Your 1:1 journal "{0}" is in a git repository that has a remote: your candid notes could be committed and pushed to {1}.',
      String(report.journal),
      String(to),
    ),
    EXCLUDE,
    MOVE_PERSONAL,
    MOVE,
    NEVER,
    ...extra,
  );
  return { ...report, action: await act(state, services, pick, inspection) };
}

export class AutomaticWarning {
  private seen: string | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly services: Services,
  ) {}

  /** The journal appeared, moved or went away: a new situation to check. Other changes (a file saved) are not. */
  onJournalChanged(): void {
    const state = this.services.store.state;
    const key = `${state.kind}|${this.services.store.root?.toString() ?? ''}`;
    if (key === this.seen) return;
    this.seen = key;
    void this.warnIfNeeded();
  }

  /** The automatic check: warns once per workspace and situation, never after "Don't Warn Again". */
  warnIfNeeded(): Promise<void> {
    // One check at a time; one that starts while another runs would ask twice.
    this.running ??= this.automatic().finally(() => (this.running = undefined));
    return this.running;
  }

  private async automatic(): Promise<void> {
    const { log } = this.services;
    if (!vscode.workspace.isTrusted || this.services.store.state.kind !== 'ready') return;
    if (this.state.get<boolean>(NEVER_WARN_KEY)) {
      log.debug("Privacy: automatic git check off in this workspace (Don't Warn Again).");
      return;
    }
    const inspection = await inspect(this.services);
    if (inspection.report.state !== 'exposed') return;
    const situation = situationOf(inspection.report);
    const warned = this.state.get<string[]>(WARNED_KEY) ?? [];
    if (warned.includes(situation)) {
      log.debug('Privacy: already warned about this repository and journal folder.');
      return;
    }
    await this.state.update(WARNED_KEY, [...warned, situation].slice(-MAX_SITUATIONS));
    log.info(
      `Privacy: warned that the journal folder ${inspection.report.journal} is in a repository with ${inspection.report.remotes?.length} remote(s).`,
    );
    // Not awaited: a warning left open must not hold up the check of the next situation.
    void warn(this.state, this.services, inspection);
  }
}

/** A repository, journal folder and remotes: what one warning is about. */
function situationOf(report: PrivacyReport): string {
  return JSON.stringify([report.repository, report.inRepository, [...(report.remotes ?? [])].sort()]);
}
