// The next 1:1 with each person, as of the services' clock.

import { addDays, format } from 'date-fns';
import { parseIsoDate } from '../core/dates';
import { Person } from '../core/journal-index';
import { callOf, MeetingRef, nextSlot, Slot } from '../core/next-meeting';
import { Services } from '../host/services';

export interface PersonSlot extends Slot {
  readonly name: string;
}

function refsOf(services: Services, person: Person): MeetingRef[] {
  return services.store.index
    .meetingsOf(person.slug)
    .map((m) => ({ path: m.path, date: m.date ?? '', status: m.status, data: m.data }));
}

export function slotOf(services: Services, person: Person, now = services.clock.now()): PersonSlot | undefined {
  const slot = nextSlot(person.slug, refsOf(services, person), person.schedule, now, services.today());
  return slot ? { ...slot, name: person.name } : undefined;
}

/**
 * The soonest upcoming 1:1 across everyone. A slot without a time stands for
 * its whole day, so it counts from the end of it: a 10:00 meeting today comes
 * before an untimed one.
 */
export function soonestSlot(services: Services, now = services.clock.now()): PersonSlot | undefined {
  let best: PersonSlot | undefined;
  let bestAt = Infinity;
  for (const person of services.store.index.people()) {
    const slot = slotOf(services, person, now);
    if (!slot) continue;
    const day = parseIsoDate(slot.date);
    const at = slot.start?.getTime() ?? (day ? addDays(day, 1).getTime() - 1 : Infinity);
    if (at < bestAt || (at === bestAt && best && slot.name < best.name)) {
      best = slot;
      bestAt = at;
    }
  }
  return best;
}

/** "Tuesday 24 November 2026, 10:00–10:30" (local time), or just the date without a time. */
export function slotLabel(services: Services, person: Person, date: string): string {
  const day = parseIsoDate(date);
  if (!day) return date;
  const entry = services.store.index.meetingsOf(person.slug).find((m) => m.date === date);
  // The slot of that one meeting, whatever its status (or projected from the schedule when it has no file yet).
  const ref: MeetingRef = { path: entry?.path ?? '', date, status: undefined, data: entry?.data ?? {} };
  const slot = nextSlot(person.slug, [ref], person.schedule, new Date(0), '0000-00-00');
  const dayText = format(day, 'EEEE d MMMM yyyy');
  if (!slot || slot.date !== date || !slot.start || !slot.end) return dayText;
  return `${format(slot.start, 'EEEE d MMMM yyyy, HH:mm')}–${format(slot.end, 'HH:mm')}`;
}

/** The call link of a person's meeting on `date` (its own `call:`, else the person's), if any. */
export function callFor(services: Services, person: Person, date: string): string | undefined {
  const entry = services.store.index.meetingsOf(person.slug).find((m) => m.date === date);
  return callOf(person.schedule, entry?.data ?? {});
}
