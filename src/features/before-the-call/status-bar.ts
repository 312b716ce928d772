// "1:1 with Alex · in 2h 10m" in the status bar, then "now" during the
// meeting, then the next one. One click opens the agenda and the prep sheet;
// the tooltip also offers Join Call when the meeting has a call link.

import * as vscode from 'vscode';
import { countdown } from '../../core/next-meeting';
import { Services } from '../../host/services';
import { PersonSlot, slotLabel, soonestSlot } from '../../ui/slots';

export class MeetingStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** The slot shown, for tests and the click. */
  shown: PersonSlot | undefined;

  constructor(private readonly services: Services) {
    this.item = vscode.window.createStatusBarItem('oneOnOne.nextMeeting', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('1:1 Journal: Next 1:1');
    const unsubscribe = services.store.index.onDidChange(() => this.refresh());
    this.disposables.push(this.item, { dispose: unsubscribe });
  }

  /** Recomputes the text from the clock and the journal. Cheap: a few people, their meeting lists. */
  refresh(): void {
    const slot = this.services.store.state.kind === 'ready' ? soonestSlot(this.services) : undefined;
    const when = slot ? countdown(slot, this.services.clock.now(), this.services.today()) : undefined;
    if (!slot || !when) {
      this.shown = undefined;
      this.item.hide();
      return;
    }
    this.shown = slot;
    const first = slot.name.split(/\s+/)[0] || slot.name;
    this.item.text = vscode.l10n.t('$(comment-discussion) 1:1 with {0} · {1}', first, when);
    const person = this.services.store.index.person(slot.person);
    const label = person ? slotLabel(this.services, person, slot.date) : slot.date;
    const open = `command:oneOnOne.openNextAgenda?${encodeURIComponent(JSON.stringify([{ person: slot.person, date: slot.date }]))}`;
    const join = slot.call
      ? ` · ${vscode.l10n.t('[$(link-external) Join Call]({0})', slot.call.replace(/\(/g, '%28').replace(/\)/g, '%29'))}`
      : '';
    const tooltip = new vscode.MarkdownString(
      `**${vscode.l10n.t('1:1 with {0}', escape(slot.name))}**\n\n${escape(label)}\n\n${vscode.l10n.t('[$(notebook) Open Agenda]({0})', open)}${join}\n\n${vscode.l10n.t('Click to open the agenda and the prep sheet.')}`,
      true,
    );
    // Only this command may run from the tooltip's links; the call link opens in the browser.
    tooltip.isTrusted = { enabledCommands: ['oneOnOne.openNextAgenda'] };
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Next 1:1 with {0}, {1}. Open the agenda.', slot.name, when),
      role: 'button',
    };
    this.item.command = {
      title: vscode.l10n.t('Open Agenda'),
      command: 'oneOnOne.openNextAgenda',
      arguments: [{ person: slot.person, date: slot.date }],
    };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
