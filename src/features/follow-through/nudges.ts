// Two nudges, each once across windows (host/window-claim.ts):
// - once a day, what of mine is due today or late (`oneOnOne.dueReminder`);
// - once a meeting's end time has passed (its start plus duration) while its
//   file still says planned: "Your 1:1 with Alex ended — Finish Meeting…"
//   (`oneOnOne.closeOutNudge`). Only for a meeting that ended in the last 12
//   hours: a window opened days later does not nag about last week.

import * as vscode from 'vscode';
import { addDays } from 'date-fns';
import { toIsoDate } from '../../core/dates';
import { DueItem } from '../../core/due';
import { meetingSlot } from '../../core/next-meeting';
import { Services } from '../../host/services';
import { WindowClaims } from '../../host/window-claim';
import { meetingNode } from '../../ui/nodes';

const CLOSE_OUT_HOURS = 12;
export const FINISH = vscode.l10n.t('Finish Meeting…');
export const SHOW_OPEN_ITEMS = vscode.l10n.t('Show Open Items');

type Show = (message: string, ...actions: string[]) => Thenable<string | undefined>;

export interface Nudge {
  readonly kind: 'due' | 'close-out';
  readonly message: string;
  readonly actions: readonly string[];
}

export class Nudges {
  private readonly claims: WindowClaims;
  private readonly fired = new vscode.EventEmitter<Nudge>();
  /** Fires each time this window shows a nudge. */
  readonly onDidNudge = this.fired.event;
  private running: Promise<void> | undefined;
  /** Keys this window has dealt with (claimed or seen claimed): asked once, not at every tick. */
  private readonly handled = new Set<string>();

  constructor(
    private readonly services: Services,
    storage: vscode.Uri,
    windowId: string,
    private readonly show: Show = (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  ) {
    this.claims = new WindowClaims(storage, windowId, services.log, 'nudges');
  }

  /** Looks for what to nudge about now. Calls do not overlap. */
  check(needsMe: readonly DueItem[]): Promise<void> {
    this.running ??= this.run(needsMe).finally(() => (this.running = undefined));
    return this.running;
  }

  private setting(key: string): boolean {
    return vscode.workspace.getConfiguration('oneOnOne').get<boolean>(key, true) !== false;
  }

  private async run(needsMe: readonly DueItem[]): Promise<void> {
    if (this.services.store.state.kind !== 'ready') return;
    if (this.setting('closeOutNudge')) await this.closeOut();
    if (this.setting('dueReminder') && needsMe.length > 0) await this.due(needsMe);
  }

  /** True the first time this window asks for `key` (of this journal) and wins it. */
  private async first(key: string): Promise<boolean> {
    const full = `${this.services.store.root?.toString() ?? ''}|${key}`;
    if (this.handled.has(full)) return false;
    this.handled.add(full);
    return this.claims.claim(full);
  }

  private async due(items: readonly DueItem[]): Promise<void> {
    const today = this.services.today();
    if (!(await this.first(`due/${today}`))) return;
    const late = items.filter((i) => i.due! < today).length;
    // Private items are counted, never quoted: a notification can be on a shared screen.
    const quoted = items.filter((i) => !i.private);
    const first = quoted
      .slice(0, 2)
      .map((i) => `"${i.text.length > 60 ? `${i.text.slice(0, 57)}…` : i.text}"`)
      .join(', ');
    const head =
      items.length === 1
        ? late > 0
          ? vscode.l10n.t('1 thing of yours due today or late ({0} late)', late)
          : vscode.l10n.t('1 thing of yours due today')
        : late > 0
          ? vscode.l10n.t('{0} things of yours due today or late ({1} late)', items.length, late)
          : vscode.l10n.t('{0} things of yours due today', items.length);
    const message = `${head}${first ? `: ${first}${quoted.length > 2 ? ', …' : ''}` : ''}.`;
    this.nudge({ kind: 'due', message, actions: [SHOW_OPEN_ITEMS] }, () =>
      vscode.commands.executeCommand('oneOnOne.openItems.focus'),
    );
  }

  private async closeOut(): Promise<void> {
    const now = this.services.clock.now();
    const { index } = this.services.store;
    // Ended in the last 12 hours: dated yesterday, today or (in a zone ahead) tomorrow; newest first, so stop early.
    const earliest = toIsoDate(addDays(now, -2));
    for (const person of index.people()) {
      for (const m of index.meetingsOf(person.slug)) {
        if (m.date && m.date < earliest) break;
        if (!m.date || (m.status ?? 'planned') !== 'planned') continue;
        const slot = meetingSlot(
          person.slug,
          { path: m.path, date: m.date, status: m.status, data: m.data },
          person.schedule,
        );
        if (!slot.end || slot.end > now || now.getTime() - slot.end.getTime() > CLOSE_OUT_HOURS * 3_600_000) continue;
        if (!(await this.first(`close-out/${m.path}@${slot.end.toISOString()}`))) continue;
        this.nudge(
          {
            kind: 'close-out',
            message: vscode.l10n.t(
              'Your 1:1 with {0} ended. Finish it: takeaways, action items, and the next one planned.',
              person.name,
            ),
            actions: [FINISH],
          },
          // The meeting itself (as its row in the tree): Finish Meeting asks for takeaways and action items.
          () => vscode.commands.executeCommand('oneOnOne.finishMeeting', meetingNode(person.slug, m.path)),
        );
      }
    }
  }

  private nudge(nudge: Nudge, act: () => Thenable<unknown>): void {
    this.fired.fire(nudge);
    this.services.log.info(`Nudge shown: ${nudge.kind}.`);
    void this.show(nudge.message, ...nudge.actions).then((pick) => {
      if (pick) void act();
    });
  }

  sweep(): Promise<void> {
    return this.claims.sweep();
  }

  dispose(): void {
    this.fired.dispose();
  }
}
