// Property: any recurrence a 1:1 cadence can be (weekly every 1–3 weeks on
// one or two days, monthly on a day of the month, the nth or last weekday,
// BYSETPOS), with COUNT or UNTIL, EXDATEs and a zone, written as an invite,
// imported into a person file and read back, plans the same wall-clock dates
// and times as ical.js expands from the invite itself; and importing it again
// changes nothing.

import * as assert from 'assert';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { RRule } from 'rrule';
import { planInvite } from '../../src/core/calendar/invite-fields';
import { parseDocument } from '../../src/core/document';
import { nextDate, timeOn } from '../../src/core/next-meeting';
import { scheduleOf } from '../../src/core/schedule';
import { imported, onlyEvent } from './invite.test';

const TODAY = '2026-12-07';
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
const ZONES = [undefined, 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'] as const;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const compact = (d: Date): string => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

const ruleArb = fc.oneof(
  fc
    .record({
      interval: fc.integer({ min: 1, max: 3 }),
      days: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 2 }),
      wkst: fc.constantFrom('MO', 'SU'),
    })
    .map(({ interval, days, wkst }) => `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${days.join(',')};WKST=${wkst}`),
  fc.integer({ min: 1, max: 28 }).map((d) => `FREQ=MONTHLY;BYMONTHDAY=${d}`),
  fc
    .tuple(fc.constantFrom(1, 2, 3, 4, -1), fc.constantFrom(...DAYS))
    .map(([n, day]) => `FREQ=MONTHLY;BYDAY=${n}${day}`),
  fc
    .tuple(fc.constantFrom(1, -1), fc.constantFrom(...DAYS), fc.integer({ min: 1, max: 2 }))
    .map(([pos, day, interval]) => `FREQ=MONTHLY;INTERVAL=${interval};BYDAY=${day};BYSETPOS=${pos}`),
);

const inviteArb = fc.record({
  rule: ruleArb,
  zone: fc.constantFrom(...ZONES),
  // The series' base date: up to ~14 months back, or a few weeks ahead.
  offsetDays: fc.integer({ min: -420, max: 40 }),
  hour: fc.integer({ min: 7, max: 19 }),
  minute: fc.constantFrom(0, 15, 30, 45),
  end: fc.oneof(
    fc.constant(''),
    fc.integer({ min: 20, max: 60 }).map((n) => `;COUNT=${n}`),
    fc.integer({ min: 0, max: 500 }).map((n) => `;UNTIL@${n}`),
  ),
  exdates: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 2 }),
});

type InviteCase = typeof inviteArb extends fc.Arbitrary<infer T> ? T : never;

/** The invite's text; its DTSTART is the rule's first date on or after the base date, as calendars write it. */
function inviteText(c: InviteCase): string | undefined {
  const base = new Date(Date.UTC(2026, 11, 7 + c.offsetDays, c.hour, c.minute));
  const first = RRule.fromString(c.rule).options;
  const firstDate = new RRule({ ...first, dtstart: base, count: 1 }).all()[0];
  if (!firstDate) return undefined;
  const local = `${compact(firstDate)}T${pad(c.hour)}${pad(c.minute)}00`;
  const tz = c.zone ? `;TZID=${c.zone}` : '';
  // UNTIL only with a floating start: with a zone it must be UTC, which only ical.js's VTIMEZONEs would order.
  const end = c.end.startsWith(';UNTIL@')
    ? c.zone
      ? ''
      : `;UNTIL=${compact(new Date(firstDate.getTime() + Number(c.end.slice(7)) * 86_400_000))}T235959`
    : c.end;
  const rule = `${c.rule}${end}`;
  const upcoming = new RRule({ ...RRule.parseString(rule), dtstart: firstDate })
    .between(new Date(Date.UTC(2026, 11, 7)), new Date(Date.UTC(2028, 0, 1)), true)
    .slice(0, 8);
  const exdates = c.exdates.map((i) => upcoming[i]).filter((d): d is Date => d !== undefined);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//property//EN',
    'BEGIN:VEVENT',
    'UID:property-1',
    `DTSTART${tz}:${local}`,
    `DURATION:PT30M`,
    `RRULE:${rule}`,
    ...(exdates.length > 0
      ? [`EXDATE${tz}:${exdates.map((d) => `${compact(d)}T${pad(c.hour)}${pad(c.minute)}00`).join(',')}`]
      : []),
    'SUMMARY:1:1',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** ical.js's next `n` occurrences on or after TODAY, as wall-clock "YYYY-MM-DD HH:MM" in the invite's zone. */
function oracle(text: string, n: number): string[] {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  const it = new ICAL.Event(vevent).iterator();
  const out: string[] = [];
  for (let next = it.next(), i = 0; next && out.length < n && i < 3000; next = it.next(), i++) {
    const date = `${next.year}-${pad(next.month)}-${pad(next.day)}`;
    if (date >= TODAY) out.push(`${date} ${pad(next.hour)}:${pad(next.minute)}`);
  }
  return out;
}

function journal(personText: string, n: number): string[] {
  const schedule = scheduleOf(parseDocument(personText).data).schedule!;
  const out: string[] = [];
  let from = TODAY;
  for (let i = 0; i < n; i++) {
    const date = nextDate(schedule, undefined, from);
    if (!date) break;
    const t = timeOn(schedule, date)!;
    out.push(`${date} ${pad(t.hour)}:${pad(t.minute)}`);
    from = iso(new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + 1)));
  }
  return out;
}

describe('calendar invites: property', () => {
  it('a random recurrence, imported and read back, plans what ical.js expands; importing it again changes nothing', () => {
    fc.assert(
      fc.property(inviteArb, (c) => {
        const text = inviteText(c);
        if (!text) return;
        const expected = oracle(text, 8);
        const event = onlyEvent(text);
        const plan = planInvite(event, {}, TODAY);
        if (expected.length === 0) {
          assert.strictEqual(plan.kind, 'refused', `${text}\nhas no date left, yet ${JSON.stringify(plan)}`);
          return;
        }
        const person = imported(event, '---\nname: Sam Lee\n---\n\n# Sam Lee\n', TODAY);
        assert.deepStrictEqual(journal(person, 8), expected, text);
        assert.deepStrictEqual(planInvite(event, parseDocument(person).data, TODAY), { kind: 'fields', fields: [] });
      }),
      { numRuns: 150 },
    );
  });
});
