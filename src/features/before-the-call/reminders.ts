// A notification a few minutes before each 1:1 (`oneOnOne.reminderMinutes`,
// 0 = off), with "Open Agenda", "Join Call" (when the meeting has a call
// link) and "Snooze". Several windows on one journal remind once: the first
// to claim the meeting shows it (host/window-claim.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { WindowClaims } from '../../host/window-claim';
import { soonestSlot, slotOf, PersonSlot } from '../../ui/slots';

export const SNOOZE_MINUTES = 5;

export interface Reminder {
  readonly key: string;
  readonly slot: PersonSlot;
  readonly message: string;
  /** The notification's buttons, Open Agenda first. */
  readonly actions: readonly string[];
}

export const JOIN_CALL = vscode.l10n.t('Join Call');
const OPEN_AGENDA = vscode.l10n.t('Open Agenda');
const SNOOZE = vscode.l10n.t('Snooze {0} min', SNOOZE_MINUTES);

type Show = (message: string, ...actions: string[]) => Thenable<string | undefined>;

export class Reminders implements vscode.Disposable {
  private readonly handled = new Set<string>();
  private readonly snoozed = new Map<string, { until: number; round: number }>();
  private readonly fired = new vscode.EventEmitter<Reminder>();
  /** Fires each time this window shows a reminder. */
  readonly onDidRemind = this.fired.event;
  private checking: Promise<void> | undefined;
  private readonly claims: WindowClaims;

  constructor(
    private readonly services: Services,
    storage: vscode.Uri,
    readonly windowId: string,
    private readonly show: Show = (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  ) {
    this.claims = new WindowClaims(storage, windowId, services.log);
  }

  private get minutes(): number {
    const value = vscode.workspace.getConfiguration('oneOnOne').get<number>('reminderMinutes', 10);
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, 24 * 60) : 0;
  }

  /** Looks for a meeting that is due a reminder. Calls do not overlap. */
  check(): Promise<void> {
    this.checking ??= this.run().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async run(): Promise<void> {
    const minutes = this.minutes;
    if (minutes === 0 || this.services.store.state.kind !== 'ready') return;
    const now = this.services.clock.now().getTime();
    for (const person of this.services.store.index.people()) {
      const slot = slotOf(this.services, person);
      if (!slot?.start || !slot.end) continue;
      if (now < slot.start.getTime() - minutes * 60_000 || now >= slot.end.getTime()) continue;
      const base = `${slot.person}/${slot.date}@${slot.start.toISOString()}`;
      const snooze = this.snoozed.get(base);
      if (snooze && now < snooze.until) continue;
      const key = snooze ? `${base}#${snooze.round}` : base;
      if (this.handled.has(key)) continue;
      this.handled.add(key);
      if (!(await this.claim(key))) continue;
      const actions = [OPEN_AGENDA, ...(slot.call ? [JOIN_CALL] : []), SNOOZE];
      this.remind({ key, slot, message: messageFor(slot, now), actions }, base);
    }
  }

  private remind(reminder: Reminder, base: string): void {
    this.fired.fire(reminder);
    this.services.log.info(`Reminder shown for the 1:1 of ${reminder.slot.date}.`);
    void this.show(reminder.message, ...reminder.actions).then((pick) => {
      if (pick === JOIN_CALL && reminder.slot.call) {
        void vscode.env.openExternal(vscode.Uri.parse(reminder.slot.call));
      } else if (pick === OPEN_AGENDA) {
        void vscode.commands.executeCommand('oneOnOne.openNextAgenda', {
          person: reminder.slot.person,
          date: reminder.slot.date,
        });
      } else if (pick === SNOOZE) {
        this.snooze(base);
      }
    });
  }

  /** Snoozes a reminder as the notification's button does (for keyboard-free tests). */
  snooze(key: string): void {
    const base = key.replace(/#\d+$/, '');
    const round = (this.snoozed.get(base)?.round ?? 0) + 1;
    this.snoozed.set(base, { until: this.services.clock.now().getTime() + SNOOZE_MINUTES * 60_000, round });
  }

  private claim(key: string): Promise<boolean> {
    return this.claims.claim(key);
  }

  /** Removes claims older than a few days. */
  sweep(): Promise<void> {
    return this.claims.sweep();
  }

  /** The soonest slot, for tests. */
  soonest(): PersonSlot | undefined {
    return soonestSlot(this.services);
  }

  dispose(): void {
    this.fired.dispose();
  }
}

function messageFor(slot: PersonSlot, now: number): string {
  const minutes = Math.round((slot.start!.getTime() - now) / 60_000);
  const when =
    minutes > 1
      ? vscode.l10n.t('in {0} minutes', minutes)
      : minutes === 1
        ? vscode.l10n.t('in 1 minute')
        : minutes === 0
          ? vscode.l10n.t('now')
          : minutes === -1
            ? vscode.l10n.t('started 1 minute ago')
            : vscode.l10n.t('started {0} minutes ago', -minutes);
  const time = `${String(slot.start!.getHours()).padStart(2, '0')}:${String(slot.start!.getMinutes()).padStart(2, '0')}`;
  return vscode.l10n.t('1:1 with {0} {1} ({2}).', slot.name, when, time);
}
