// Calendar invites: exports as Google Calendar, Outlook/Exchange and Apple
// Calendar write them (test/unit/fixtures/invites), read into a person's
// front matter and planned by the journal, checked against ical.js's own
// expansion of the same file (with its VTIMEZONE blocks) as the oracle, also
// across daylight-saving changes; then the bad inputs.

import * as assert from 'assert';
import * as fs from 'fs';
import ICAL from 'ical.js';
import * as path from 'path';
import { readInvite, InviteEvent, ianaZone } from '../../src/core/calendar/invite';
import { inviteEdits, planInvite } from '../../src/core/calendar/invite-fields';
import { parseDocument } from '../../src/core/document';
import { instantOf, nextDate, nextSlot, timeOn, todayIn } from '../../src/core/next-meeting';
import { Schedule, scheduleOf } from '../../src/core/schedule';
import { applyEdits } from '../../src/core/text';

const FIXTURES = path.resolve(__dirname, '../../../test/unit/fixtures/invites');
const TODAY = '2026-12-07';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function onlyEvent(text: string): InviteEvent {
  const read = readInvite(text);
  if ('error' in read) assert.fail(read.error);
  assert.strictEqual(read.events.length, 1);
  return read.events[0]!;
}

const PERSON =
  '---\nname: Sam Lee\nrole: manager\ncadence: weekly\nweekday: tuesday\ntime: "9:00"\n---\n\n# Sam Lee\n\nNotes.\n';

/** Imports `event` into `person` as the command does; the new text. */
export function imported(event: InviteEvent, person = PERSON, today = TODAY): string {
  const doc = parseDocument(person);
  const plan = planInvite(event, doc.data, today);
  assert.strictEqual(plan.kind, 'fields', JSON.stringify(plan));
  if (plan.kind !== 'fields') throw new Error('unreachable');
  const edits = inviteEdits(doc, plan.fields);
  if ('error' in edits) assert.fail(edits.error);
  return applyEdits(person, edits.edits);
}

function scheduleIn(text: string): Schedule {
  const { schedule, problems } = scheduleOf(parseDocument(text).data);
  assert.deepStrictEqual(problems, []);
  assert.ok(schedule);
  return schedule;
}

/** The next `n` meetings the journal plans from `from`, as ISO instants. */
export function planned(schedule: Schedule, from: string, n: number): string[] {
  const out: string[] = [];
  let day = from;
  for (let i = 0; i < n; i++) {
    const date = nextDate(schedule, undefined, day);
    if (!date) break;
    const time = timeOn(schedule, date);
    out.push(time ? instantOf(date, time, schedule.timeZone)!.toISOString() : date);
    const next = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + 1));
    day = next.toISOString().slice(0, 10);
  }
  return out;
}

/** The oracle: ical.js's expansion of the invite (exceptions related, zones from its VTIMEZONEs), from `from` on. */
function expanded(text: string, from: string, n: number): string[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  try {
    const vevents = root.getAllSubcomponents('vevent');
    const master = vevents.find((v) => !v.hasProperty('recurrence-id'))!;
    const event = new ICAL.Event(master, { exceptions: vevents.filter((v) => v !== master) });
    const it = event.iterator();
    const out: { at: number; iso: string }[] = [];
    for (let next = it.next(), i = 0; next && i < 2000 && out.length < n + 10; next = it.next(), i++) {
      const details = event.getOccurrenceDetails(next);
      if (String(details.item.component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED') continue;
      const s = details.startDate;
      const date = `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
      if (date < from) continue;
      out.push({ at: s.toUnixTime(), iso: new Date(s.toUnixTime() * 1000).toISOString() });
    }
    return out
      .sort((a, b) => a.at - b.at)
      .slice(0, n)
      .map((o) => o.iso);
  } finally {
    for (const tz of root.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.remove(String(tz.getFirstPropertyValue('tzid')));
  }
}

describe('calendar invites: exports as calendars write them', () => {
  it('Google Calendar: biweekly in Los Angeles, an EXDATE, a moved and a cancelled instance, the Meet link', () => {
    const text = fixture('google.ics');
    const after = imported(onlyEvent(text));
    assert.strictEqual(
      after,
      [
        '---',
        'name: Sam Lee',
        'role: manager',
        'cadence: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20271230T235959',
        'time: "10:00"',
        'starts: 2026-01-06',
        'duration: 30',
        'timezone: America/Los_Angeles',
        'skip: 2026-12-22, 2027-01-19',
        'moved: 2026-12-08 to 2026-12-09 14:00',
        'call: https://meet.google.com/abc-defg-hij',
        '---',
        '',
        '# Sam Lee',
        '',
        'Notes.',
        '',
      ].join('\n'),
    );
    // Past DST in March 2027 (10:00 PST is 18:00Z, 10:00 PDT 17:00Z), exactly as ical.js expands it.
    const ours = planned(scheduleIn(after), TODAY, 12);
    assert.deepStrictEqual(ours, expanded(text, TODAY, 12));
    assert.strictEqual(ours[0], '2026-12-09T22:00:00.000Z', 'the moved meeting, at its own time');
    assert.ok(ours.includes('2027-03-16T17:00:00.000Z') && ours.includes('2027-03-02T18:00:00.000Z'));
  });

  it('Outlook/Exchange: a Windows zone name, folded lines, two EXDATEs in one line, WKST, the Teams link', () => {
    const text = fixture('outlook.ics');
    const event = onlyEvent(text);
    assert.strictEqual(event.timeZone, 'Europe/Berlin');
    assert.match(event.call!, /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_NjQ3ZTk4%40thread\.v2\//);
    assert.deepStrictEqual(
      event.people.map((p) => p.name),
      ['Priya Natarajan', 'Sam Lee'],
    );
    const after = imported(event);
    assert.match(after, /\ncadence: FREQ=WEEKLY;BYDAY=TH;UNTIL=20271230T100000;WKST=SU\n/);
    assert.match(after, /\nskip: 2026-12-24, 2026-12-31\n/);
    assert.match(after, /\nmoved: 2027-01-14 to 2027-01-15 14:30\n/);
    assert.match(after, /\nduration: 45\n/);
    // ical.js computes Berlin's offsets from Outlook's own VTIMEZONE; the journal from the IANA zone it mapped to.
    assert.deepStrictEqual(planned(scheduleIn(after), TODAY, 20), expanded(text, TODAY, 20));
  });

  it('Apple Calendar: monthly on the first Tuesday (BYSETPOS) in London, a date-only EXDATE, an RDATE, a cancelled instance, the Zoom link', () => {
    const text = fixture('apple.ics');
    const after = imported(onlyEvent(text));
    assert.match(after, /\ncadence: FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1\n/);
    assert.match(after, /\nskip: 2027-01-05, 2027-03-02\n/);
    assert.match(after, /\nextra: 2027-01-20 16:00\n/);
    assert.match(after, /\ncall: https:\/\/us02web\.zoom\.us\/j\/81234567890\?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ\n/);
    assert.deepStrictEqual(planned(scheduleIn(after), TODAY, 10), expanded(text, TODAY, 10));
  });

  it('importing the same invite again changes nothing; an updated invite changes only what it updated', () => {
    const text = fixture('google.ics');
    const once = imported(onlyEvent(text));
    const plan = planInvite(onlyEvent(text), parseDocument(once).data, TODAY);
    assert.deepStrictEqual(plan, { kind: 'fields', fields: [] });
    // A week later the same invite still changes nothing, though one skipped date has passed.
    assert.deepStrictEqual(planInvite(onlyEvent(text), parseDocument(once).data, '2026-12-28'), {
      kind: 'fields',
      fields: [],
    });
    const updated = text
      .replace(/T100000/g, 'T113000')
      .replace('DTEND;TZID=America/Los_Angeles:20260106T103000', 'DTEND;TZID=America/Los_Angeles:20260106T121500');
    const plan2 = planInvite(onlyEvent(updated), parseDocument(once).data, TODAY);
    assert.deepStrictEqual(plan2, {
      kind: 'fields',
      fields: [
        ['time', '11:30'],
        ['duration', 45],
      ],
    });
  });

  it('keeps CRLF, comments, quoting and unknown keys of the person file; the body is byte-identical', () => {
    const person =
      '\uFEFF---\r\nname: "Sam Lee" # as on the badge\r\nteam: payments\r\ntimezone: Europe/Paris\r\n---\r\n\r\n# Sam\r\n\r\n- [ ] a point\r\n';
    const after = imported(onlyEvent(fixture('outlook.ics')), person.replace(/^\uFEFF/, ''));
    assert.ok(after.endsWith('---\r\n\r\n# Sam\r\n\r\n- [ ] a point\r\n'));
    assert.ok(after.includes('name: "Sam Lee" # as on the badge\r\nteam: payments\r\ntimezone: Europe/Berlin\r\n'));
    assert.ok(!/[^\r]\n/.test(after), 'every line break stays CRLF');
  });
});

describe('calendar invites: using them', () => {
  it('the next meeting follows the invite: its zone dates it, skipped and cancelled dates are stepped over', () => {
    const schedule = scheduleIn(imported(onlyEvent(fixture('google.ics'))));
    // 2026-12-08 was moved to the 9th; the 22nd is excluded; next the 5th of January.
    assert.strictEqual(nextDate(schedule, undefined, '2026-12-10'), '2027-01-05');
    assert.strictEqual(nextDate(schedule, undefined, '2026-12-08'), '2026-12-09');
    const slot = nextSlot('sam-lee', [], schedule, new Date('2026-12-09T21:00:00Z'), '2026-12-09');
    assert.strictEqual(slot?.date, '2026-12-09');
    assert.strictEqual(slot?.start?.toISOString(), '2026-12-09T22:00:00.000Z');
    assert.strictEqual(slot?.call, 'https://meet.google.com/abc-defg-hij');
  });

  it("a meeting dated yesterday here but today in the invite's zone is still the next one until it ends", () => {
    const schedule = scheduleOf({
      cadence: 'FREQ=WEEKLY;BYDAY=MO',
      starts: '2026-11-02',
      time: '17:00',
      timezone: 'America/Los_Angeles',
    }).schedule!;
    // 00:30 UTC on Tuesday is 16:30 on Monday in Los Angeles: the 17:00 meeting there is in half an hour.
    const soon = nextSlot('sam-lee', [], schedule, new Date('2026-12-08T00:30:00Z'), '2026-12-08');
    assert.strictEqual(soon?.date, '2026-12-07');
    assert.strictEqual(soon?.start?.toISOString(), '2026-12-08T01:00:00.000Z');
    const over = nextSlot('sam-lee', [], schedule, new Date('2026-12-08T02:00:00Z'), '2026-12-08');
    assert.strictEqual(over?.date, '2026-12-14');
    assert.strictEqual(todayIn('America/Los_Angeles', new Date('2026-12-08T00:30:00Z')), '2026-12-07');
    assert.strictEqual(todayIn('Asia/Tokyo', new Date('2026-12-07T16:00:00Z')), '2026-12-08');
  });

  it("a date skipped today in the invite's zone, yesterday here, is written and stepped over", () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:late-1',
      'DTSTART;TZID=America/Los_Angeles:20261103T200000',
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
      'EXDATE;TZID=America/Los_Angeles:20261208T200000',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    // 03:00 UTC on Wednesday the 9th is 19:00 on Tuesday the 8th in Los Angeles.
    const after = imported(onlyEvent(text), PERSON, '2026-12-09');
    assert.match(after, /\nskip: 2026-12-08\n/);
    const slot = nextSlot('sam-lee', [], scheduleIn(after), new Date('2026-12-09T03:00:00Z'), '2026-12-09');
    assert.strictEqual(slot?.date, '2026-12-15');
  });

  it('a meeting moved onto a date whose own meeting was cancelled is kept; an extra date on a skipped one is not', () => {
    const schedule = scheduleOf({
      cadence: 'FREQ=WEEKLY;BYDAY=TU',
      starts: '2026-11-03',
      time: '10:00',
      skip: '2026-12-15, 2026-12-17',
      moved: '2026-12-08 to 2026-12-15 14:00',
      extra: '2026-12-17 09:00',
    }).schedule!;
    assert.strictEqual(nextDate(schedule, undefined, '2026-12-08'), '2026-12-15');
    assert.deepStrictEqual(timeOn(schedule, '2026-12-15'), { hour: 14, minute: 0 });
    assert.strictEqual(nextDate(schedule, undefined, '2026-12-16'), '2026-12-22');
  });

  it('a meeting without a time on a day already over here is not the next one, whatever the zone says', () => {
    const schedule = scheduleOf({ cadence: 'weekly', weekday: 'monday', timezone: 'America/Los_Angeles' }).schedule!;
    // Tuesday 06:00 UTC is still Monday in Los Angeles; untimed, Monday's 1:1 stands for the whole day here: over.
    const slot = nextSlot('sam-lee', [], schedule, new Date('2026-12-08T06:00:00Z'), '2026-12-08');
    assert.strictEqual(slot?.date, '2026-12-14');
  });

  it('a floating series with a UTC UNTIL keeps its last date as written', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:floating-1',
      'DTSTART;VALUE=DATE:20261201',
      'RRULE:FREQ=WEEKLY;UNTIL=20261215T000000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    assert.strictEqual(onlyEvent(text).rule, 'FREQ=WEEKLY;UNTIL=20261215T000000');
  });

  it('an all-day series sets the dates and removes a time', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:all-day-1',
      'DTSTART;VALUE=DATE:20261102',
      'DTEND;VALUE=DATE:20261103',
      'RRULE:FREQ=WEEKLY;BYDAY=MO',
      'SUMMARY:Sam 1:1 (async)',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const after = imported(onlyEvent(text));
    assert.ok(!/\ntime:/.test(after) && !/\ntimezone:/.test(after), after);
    assert.strictEqual(nextDate(scheduleIn(after), undefined, TODAY), '2026-12-07');
  });

  it('a TZID as Mozilla and others prefix it, and Windows names, map to IANA; unknown names do not', () => {
    assert.strictEqual(ianaZone('/mozilla.org/20050126_1/America/New_York'), 'America/New_York');
    assert.strictEqual(ianaZone('/freeassociation.sourceforge.net/Tzfile/Europe/Berlin'), 'Europe/Berlin');
    assert.strictEqual(ianaZone('Pacific Standard Time'), 'America/Los_Angeles');
    assert.strictEqual(ianaZone('"India Standard Time"'), 'Asia/Calcutta');
    assert.strictEqual(ianaZone('Tokyo Standard Time'), 'Asia/Tokyo');
    assert.strictEqual(ianaZone('Customized Time Zone'), undefined);
  });

  it('a DTSTART in UTC keeps the series in UTC', () => {
    const text = fixture('google.ics')
      .replace('DTSTART;TZID=America/Los_Angeles:20260106T100000', 'DTSTART:20260106T180000Z')
      .replace('DTEND;TZID=America/Los_Angeles:20260106T103000', 'DTEND:20260106T183000Z');
    const event = readInvite(text);
    assert.ok('events' in event);
    assert.strictEqual(event.events[0]!.timeZone, 'UTC');
    assert.deepStrictEqual(event.events[0]!.start, { date: '2026-01-06', time: { hour: 18, minute: 0 } });
    // The EXDATE and the moved instance, written in Los Angeles time, are read as the UTC series' dates.
    assert.deepStrictEqual(event.events[0]!.skip, ['2026-12-22', '2027-01-19']);
  });

  it('several events: every series is returned, for the command to ask which', () => {
    const google = fixture('google.ics');
    const apple = fixture('apple.ics').replace(/\r?\n$/, '');
    const both = google.replace(
      'END:VCALENDAR',
      apple
        .split(/\r?\n/)
        .filter((l) => !/^(BEGIN|END):VCALENDAR$|^(VERSION|PRODID|CALSCALE)/.test(l))
        .join('\r\n') + '\r\nEND:VCALENDAR',
    );
    const read = readInvite(both);
    assert.ok('events' in read, JSON.stringify(read));
    assert.deepStrictEqual(
      read.events.map((e) => e.summary),
      ['Alex / Sam 1:1', 'Mentoring with Jo Okafor'],
    );
  });
});
