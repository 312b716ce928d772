// What the tools and @1on1 share: the answers' bundle (dist/copilot.js,
// loaded on first use), whether the journal may be used, which person and
// which meeting a request means, and the prep sheet's input.

import * as vscode from 'vscode';
import type * as Answers from '../../core/copilot';
import { Person } from '../../core/journal-index';
import { PrepInput } from '../../core/prep';
import { lazyBundle } from '../../host/lazy-bundle';
import { Services } from '../../host/services';
import { suggestedDate } from '../../ui/meetings';
import { staleGoalWeeks } from '../../ui/settings';
import { slotLabel } from '../../ui/slots';

export type AnswersBundle = typeof Answers;

/** `oneOnOne.languageModelTools`: off, no tool and no @1on1 answer uses the journal. */
export function toolsEnabled(): boolean {
  return vscode.workspace.getConfiguration('oneOnOne').get<boolean>('languageModelTools', true) !== false;
}

export async function answers(extensionUri: vscode.Uri): Promise<AnswersBundle> {
  const bundle = await lazyBundle<AnswersBundle>(extensionUri, 'copilot.js');
  bundle.setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  return bundle;
}

/** Why the journal cannot answer now, if it cannot (after its first read: a call may be what started the extension). */
export async function unavailable(services: Services): Promise<string | undefined> {
  if (toolsEnabled()) await services.store.ready();
  if (!toolsEnabled())
    return vscode.l10n.t("The 1:1 Journal's tools are turned off (setting oneOnOne.languageModelTools).");
  if (services.store.state.kind !== 'ready')
    return vscode.l10n.t(
      'There is no 1:1 journal open yet: run "1:1: Create Journal" or "1:1: Create Personal Journal".',
    );
  return undefined;
}

/** The people of the journal, for a message that names the one asked for: "Alex Kim (alex-kim), Priya Nair (priya-nair)". */
export function peopleList(services: Services): string {
  return services.store.index
    .people()
    .map((p) => `${p.name} (${p.slug})`)
    .join(', ');
}

/** The date of the next meeting with `person`: planned already, or the one a capture would create. */
export function nextDate(services: Services, person: Person): string {
  return services.store.index.nextMeeting(person.slug, services.today())?.date ?? suggestedDate(services, person);
}

export function prepInput(services: Services, person: Person, date: string): PrepInput {
  return {
    index: services.store.index,
    person,
    date,
    today: services.today(),
    when: slotLabel(services, person, date),
    // No call link: its address may carry the meeting's passcode, and it comes from the front matter.
    link: (path) => path,
    balanceWindow: vscode.workspace.getConfiguration('oneOnOne').get<number>('balanceWindow', 6),
    staleGoalWeeks: staleGoalWeeks(),
  };
}

/** The date `days` before `today` (both `YYYY-MM-DD`). */
export function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
