// Which event of an invite, and whose 1:1 it is: asked only when the invite
// or the arguments leave it open.

import * as vscode from 'vscode';
import type { InviteEvent, InvitePerson } from '../../core/calendar/invite';
import { Person } from '../../core/journal-index';
import { slugify } from '../../core/layout';
import { InviteTarget } from './write';

function when(event: InviteEvent, single = false): string {
  const t = event.start.time;
  const time = t ? ` ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : '';
  const at = `${event.start.date}${time}${event.timeZone ? ` (${event.timeZone})` : ''}`;
  return single ? vscode.l10n.t('on {0}', at) : vscode.l10n.t('from {0}', at);
}

/** The recurring series of the invite (asked when there are several), else its single event. */
export async function pickEvent(events: readonly InviteEvent[]): Promise<InviteEvent | undefined> {
  const live = events.filter((e) => !e.cancelled);
  const recurring = live.filter((e) => e.rule !== undefined);
  const choices = recurring.length > 0 ? recurring : live.length > 0 ? live : events;
  if (choices.length === 1) return choices[0];
  const picked = await vscode.window.showQuickPick(
    choices.map((event) => ({
      label: event.summary || vscode.l10n.t('(no title)'),
      description: event.rule ? `${event.rule} ${when(event)}` : when(event, true),
      event,
    })),
    {
      title: vscode.l10n.t('Import a calendar invite'),
      placeHolder: vscode.l10n.t('The invite holds several meetings: which is the 1:1?'),
    },
  );
  return picked?.event;
}

const normal = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** True when `invited` is `person`, by name, file name or e-mail. */
function isThem(person: Person, invited: InvitePerson): boolean {
  const email = person.entry?.data['email'];
  return (
    (invited.name !== undefined &&
      (normal(invited.name) === normal(person.name) || slugify(invited.name) === person.slug)) ||
    (invited.email !== undefined && typeof email === 'string' && normal(email) === normal(invited.email))
  );
}

/** True when the person is among the invite's attendees or organizer. */
export function isInvited(person: Person, event: InviteEvent): boolean {
  return event.people.some((p) => isThem(person, p));
}

type PersonItem = vscode.QuickPickItem & { target?: InviteTarget };

/** Asks whose 1:1 the invite is: the people it invites first, then adding one of them, then everyone else. */
export async function pickPerson(
  services: { store: { index: { people(): Person[] } } },
  event: InviteEvent,
): Promise<InviteTarget | undefined> {
  const people = services.store.index.people();
  const invited = people.filter((p) => isInvited(p, event));
  const others = people.filter((p) => !invited.includes(p));
  const known = new Set(invited.map((p) => p.slug));
  const newcomers = event.people.filter((p) => {
    const name = p.name ?? p.email?.split('@')[0] ?? '';
    const slug = slugify(name);
    if (!slug || known.has(slug) || people.some((person) => isThem(person, p))) return false;
    known.add(slug);
    return true;
  });
  const items: PersonItem[] = [
    ...invited.map((p) => ({ label: p.name, description: vscode.l10n.t('in the invite'), target: { person: p } })),
    ...newcomers.map((p) => {
      const name = p.name ?? p.email!.split('@')[0]!;
      return {
        label: vscode.l10n.t('$(person-add) Add {0}', name),
        description: [p.email, p.organizer ? vscode.l10n.t('organizer') : undefined].filter(Boolean).join(' · '),
        target: { create: { name, ...(p.email ? { email: p.email } : {}) } },
      };
    }),
    ...(others.length > 0 ? [{ label: vscode.l10n.t('Everyone else'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...others.map((p) => ({ label: p.name, description: p.role ?? '', target: { person: p } })),
  ];
  if (items.length === 0) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The invite names nobody, and the journal has nobody in it yet: add the person first.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: event.summary ? vscode.l10n.t('Import "{0}"', event.summary) : vscode.l10n.t('Import "the invite"'),
    placeHolder: vscode.l10n.t('Whose 1:1 is this invite?'),
    matchOnDescription: true,
  });
  return picked?.target;
}
