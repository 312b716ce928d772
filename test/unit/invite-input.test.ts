// Calendar invites that cannot set a cadence, each refused with a message
// that says why (and the line, when a line is malformed); invite text that
// tries to write front-matter keys or markdown stays data; the front-matter
// keys an invite brings, read back and checked by hand.

import * as assert from 'assert';
import { readInvite } from '../../src/core/calendar/invite';
import { planInvite } from '../../src/core/calendar/invite-fields';
import { parseDocument } from '../../src/core/document';
import { removeField } from '../../src/core/front-matter-edits';
import { scheduleOf } from '../../src/core/schedule';
import { applyEdits } from '../../src/core/text';
import { fixture, imported, onlyEvent } from './invite.test';

const TODAY = '2026-12-07';

function errorOf(text: string): string {
  const read = readInvite(text);
  assert.ok('error' in read, `expected an error, read ${JSON.stringify(read)}`);
  return read.error;
}

function ics(...event: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:x-1',
    ...event,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('calendar invites: bad input', () => {
  it('a series that ended (UNTIL or COUNT in the past) is refused, saying when it ended', () => {
    const until = ics(
      'DTSTART;TZID=Europe/Berlin:20250106T100000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250630T080000Z',
    );
    const plan = planInvite(onlyEvent(until), {}, TODAY);
    assert.deepStrictEqual(plan.kind, 'refused');
    assert.match((plan as { message: string }).message, /has ended \(its last meeting was on 2025-06-30\)/);
    const count = ics('DTSTART:20250106T100000', 'RRULE:FREQ=WEEKLY;COUNT=3');
    const plan2 = planInvite(onlyEvent(count), {}, TODAY);
    assert.match((plan2 as { message: string }).message, /has ended \(its last meeting was on 2025-01-20\)/);
  });

  it('a file with no event, or that is not a calendar at all', () => {
    assert.match(
      errorOf('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n'),
      /no event/,
    );
    assert.match(errorOf('# Meeting notes\n\nNot an invite.\n'), /not a calendar file/);
    assert.match(errorOf(''), /not a calendar file/);
  });

  it('a single event is offered as one meeting on its date, not a cadence', () => {
    const single = ics('DTSTART;TZID=America/New_York:20261210T150000', 'DTEND;TZID=America/New_York:20261210T153000');
    assert.deepStrictEqual(planInvite(onlyEvent(single), {}, TODAY), {
      kind: 'single',
      start: { date: '2026-12-10', time: { hour: 15, minute: 0 } },
    });
  });

  it('an unknown time zone names the TZID', () => {
    assert.match(
      errorOf(ics('DTSTART;TZID=Customized Time Zone:20260106T100000', 'RRULE:FREQ=WEEKLY')),
      /time zone "Customized Time Zone" is not one 1:1 Journal knows/,
    );
  });

  it('a malformed line is reported with its line number; a block left open too', () => {
    assert.match(
      errorOf(ics('DTSTART:20260106T100000', 'this line has no colon', 'RRULE:FREQ=WEEKLY')),
      /^Line 6 of the invite is malformed: "this line has no colon"/,
    );
    // Folded lines count as the line they start on.
    assert.match(
      errorOf(ics('DESCRIPTION:one', ' two', ' three', 'BROKEN', 'RRULE:FREQ=WEEKLY')),
      /^Line 8 of the invite/,
    );
    assert.match(errorOf('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n'), /ends before END:VEVENT/);
    // Values the journal plans with are checked too, by line.
    assert.match(
      errorOf(ics('DTSTART;TZID=Europe/Berlin:garbage', 'RRULE:FREQ=WEEKLY')),
      /^Line 5 of the invite is malformed: DTSTART "garbage" is not a date or date-time/,
    );
    assert.match(errorOf(ics('DTSTART:20260106T100000', 'RRULE:FREQ=FORTNIGHTLY')), /^Line 6 .*has no FREQ/);
    assert.match(errorOf(ics('DTSTART:20260106T100000', 'DURATION:30M')), /^Line 6 .*DURATION "30M"/);
    assert.match(errorOf(ics('DTSTART:20260106T100000', 'EXDATE:2026-12-08')), /^Line 6 .*EXDATE "2026-12-08"/);
  });

  it('a cancelled series is refused', () => {
    const plan = planInvite(
      onlyEvent(ics('DTSTART:20260106T100000', 'RRULE:FREQ=WEEKLY', 'STATUS:CANCELLED')),
      {},
      TODAY,
    );
    assert.strictEqual(plan.kind, 'refused');
  });
});

describe('calendar invites: their text is data', () => {
  it('a summary, location or description cannot add keys or markdown; a link with a quote or space is cut there', () => {
    const text = ics(
      'DTSTART;TZID=Europe/Berlin:20260105T100000',
      'DTEND;TZID=Europe/Berlin:20260105T103000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO',
      'SUMMARY:1:1\\n---\\nrole: ceo\\n# Heading',
      'LOCATION:https://meet.google.com/abc-defg-hij"\\nrole: ceo',
      'DESCRIPTION:---\\nname: Mallory\\n---\\n<script>alert(1)</script>',
    );
    const after = imported(onlyEvent(text));
    const doc = parseDocument(after);
    assert.deepStrictEqual(Object.keys(doc.data).sort(), [
      'cadence',
      'call',
      'duration',
      'name',
      'role',
      'starts',
      'time',
      'timezone',
    ]);
    assert.strictEqual(doc.data['role'], 'manager');
    assert.strictEqual(doc.data['call'], 'https://meet.google.com/abc-defg-hij');
    assert.ok(!after.includes('Mallory') && !after.includes('<script>') && !after.includes('# Heading'));
  });

  it("a conference property's link counts only for a known provider: anyone can send an invite", () => {
    const read = onlyEvent(
      ics('DTSTART:20260105T100000', 'RRULE:FREQ=WEEKLY', 'X-GOOGLE-CONFERENCE:https://evil.example/login'),
    );
    assert.strictEqual(read.call, undefined);
  });

  it('a call link is taken only from https links of known providers in the location, URL and description', () => {
    const read = onlyEvent(
      ics(
        'DTSTART:20260105T100000',
        'RRULE:FREQ=WEEKLY',
        'LOCATION:Room 4 / http://zoom.us/j/1 / https://evil.example/meet',
        'DESCRIPTION:Join: https://acme.webex.com/acme/j.php?MTID=m1234.',
      ),
    );
    assert.strictEqual(read.call, 'https://acme.webex.com/acme/j.php?MTID=m1234');
  });
});

describe('calendar invites: the front-matter keys', () => {
  it('starts, skip, moved, extra and call read back; lists may be YAML lists; wrong values are problems', () => {
    const ok = scheduleOf({
      cadence: 'FREQ=WEEKLY;BYDAY=TU',
      starts: '2026-01-06',
      skip: ['2026-12-22', '2027-01-05'],
      moved: '2026-12-15 to 2026-12-16 14:00, 2027-02-02 -> 2027-02-03',
      extra: '2027-03-01 9:30am',
      call: 'https://meet.google.com/abc-defg-hij',
    });
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual([...ok.schedule!.skip!], ['2026-12-22', '2027-01-05']);
    assert.deepStrictEqual(ok.schedule!.moved!.get('2027-02-02'), { date: '2027-02-03' });
    assert.deepStrictEqual(ok.schedule!.extra, [{ date: '2027-03-01', time: { hour: 9, minute: 30 } }]);
    const bad = scheduleOf({
      cadence: 'weekly',
      starts: 'last week',
      skip: '2026-13-01',
      moved: '2026-12-15',
      extra: 'soon',
      call: 'javascript:alert(1)',
    });
    assert.deepStrictEqual(
      bad.problems.map((p) => p.key),
      ['starts', 'skip', 'moved', 'extra'],
    );
    // A `call` that is not an https link (a phone number, a room) is no problem, and no link to join.
    assert.strictEqual(bad.schedule!.call, undefined);
    assert.deepStrictEqual(scheduleOf({ cadence: 'weekly', call: '+1 555 0100' }).problems, []);
  });

  it('a list written by hand is replaced by one line; a key with an anchor is not removed', () => {
    const text = '---\nname: Sam\nskip:\n  - 2027-01-12\n# kept\nrole: peer\n---\nbody\n';
    const event = onlyEvent(fixture('google.ics'));
    const after = imported(event, text);
    assert.ok(!after.includes('- 2027-01-12') && after.includes('\nskip: 2026-12-22, 2027-01-19\n'), after);
    assert.ok(after.includes('# kept\nrole: peer\n') && after.endsWith('---\nbody\n'), after);
    const anchored = parseDocument('---\nweekday: &d tue\nother: *d\n---\n');
    assert.match((removeField(anchored, 'weekday') as { error: string }).error, /anchor/);
  });

  it('removing a key takes its line and nothing else; an absent key is no edit', () => {
    const text = '---\r\nname: Sam\r\nweekday: tuesday # old\r\nrole: peer\r\n---\r\nbody\r\n';
    const doc = parseDocument(text);
    const removed = removeField(doc, 'weekday');
    assert.ok('edits' in removed);
    assert.strictEqual(applyEdits(text, removed.edits), '---\r\nname: Sam\r\nrole: peer\r\n---\r\nbody\r\n');
    assert.deepStrictEqual(removeField(doc, 'timezone'), { edits: [] });
  });

  it('the Google fixture written into a person file with no front matter creates one', () => {
    const after = imported(onlyEvent(fixture('google.ics')), '# Sam Lee\n');
    assert.match(after, /^---\ncadence: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20271230T235959\n/);
    assert.ok(after.endsWith('---\n# Sam Lee\n'));
  });
});
