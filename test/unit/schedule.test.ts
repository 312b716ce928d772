// Schedules: reading cadence fields, stepping dates (plain cadences and
// RRULEs) across DST changes, month ends and skipped meetings, turning wall
// times into instants, picking the next slot and the countdown to it.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import {
  looksLikeRRule,
  parseDuration,
  parseWallTime,
  parseWeekday,
  ruleTime,
  Schedule,
  scheduleOf,
} from '../../src/core/schedule';
import { countdown, dateAfter, instantOf, MeetingRef, nextDate, nextSlot, Slot } from '../../src/core/next-meeting';
import { RUNS } from './arbitraries';

// ---------------------------------------------------------------------------
// Calendar arithmetic in UTC only: an oracle that no local time zone can bend.

const DAY = 86_400_000;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function plusDays(date: string, n: number): string {
  return iso(utc(date) + n * DAY);
}

function weekdayOf(date: string): number {
  return new Date(utc(date)).getUTCDay();
}

function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY);
}

function plusMonthsClamped(date: string, k: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y! * 12 + (m! - 1) + k;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, month, Math.min(d!, daysInMonth)));
}

/** Runs `fn` with the process in another local time zone (Node re-reads TZ on assignment). */
function inZone<T>(zone: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Zones with DST at 02:00/03:00, at midnight (Santiago), by 30 minutes (Lord Howe), and none. */
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];

function plain(cadence: Schedule['cadence'], extra: Partial<Schedule> = {}): Schedule {
  return { cadence, durationMinutes: 30, ...extra };
}

function rrule(rule: string, extra: Partial<Schedule> = {}): Schedule {
  return { cadence: 'rrule', rule, durationMinutes: 30, ...extra };
}

// ---------------------------------------------------------------------------

describe('schedule: field parsers', () => {
  it('parseWallTime reads 24-hour and am/pm times', () => {
    assert.deepStrictEqual(parseWallTime('10:00'), { hour: 10, minute: 0 });
    assert.deepStrictEqual(parseWallTime('9:30'), { hour: 9, minute: 30 });
    assert.deepStrictEqual(parseWallTime(' 14:05 '), { hour: 14, minute: 5 });
    assert.deepStrictEqual(parseWallTime('0:00'), { hour: 0, minute: 0 });
    assert.deepStrictEqual(parseWallTime('9am'), { hour: 9, minute: 0 });
    assert.deepStrictEqual(parseWallTime('2:30pm'), { hour: 14, minute: 30 });
    assert.deepStrictEqual(parseWallTime('2:30 P.M.'), { hour: 14, minute: 30 });
    assert.deepStrictEqual(parseWallTime('12am'), { hour: 0, minute: 0 });
    assert.deepStrictEqual(parseWallTime('12pm'), { hour: 12, minute: 0 });
  });

  it('parseWallTime rejects impossible times, bare hours and non-strings', () => {
    for (const v of ['24:00', '10:60', '13pm', '0am', '10', '', 'noon', '10:0', '1000', 10, 600, null, undefined]) {
      assert.strictEqual(parseWallTime(v), undefined, JSON.stringify(v));
    }
  });

  it('parseDuration reads minutes as numbers and h/m strings, up to a day', () => {
    const cases: [unknown, number][] = [
      [30, 30],
      ['30', 30],
      [' 45 ', 45],
      ['45m', 45],
      ['1h', 60],
      ['1h30m', 90],
      ['1h 30m', 90],
      ['90 min', 90],
      ['2 hours', 120],
      ['24h', 1440],
      [1440, 1440],
    ];
    for (const [v, minutes] of cases) assert.strictEqual(parseDuration(v), minutes, JSON.stringify(v));
  });

  it('parseDuration rejects zero, negatives, fractions, more than a day and junk', () => {
    for (const v of [0, -5, 1.5, 1441, '0m', '25h', 'forever', '', 'h', '1d', true, null])
      assert.strictEqual(parseDuration(v), undefined, JSON.stringify(v));
  });

  it('parseWeekday takes any unambiguous prefix of two letters or more, any case', () => {
    const cases: [unknown, number | undefined][] = [
      ['sunday', 0],
      ['Monday', 1],
      ['tue', 2],
      ['TU', 2],
      ['we', 3],
      ['th', 4],
      [' Friday ', 5],
      ['sa', 6],
      ['su', 0],
      ['t', undefined],
      ['s', undefined],
      ['xx', undefined],
      ['tuesdays', undefined],
      [2, undefined],
      [null, undefined],
    ];
    for (const [v, day] of cases) assert.strictEqual(parseWeekday(v), day, JSON.stringify(v));
  });

  it('looksLikeRRule spots FREQ= with or without RRULE: and after a DTSTART line', () => {
    assert.strictEqual(looksLikeRRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'), true);
    assert.strictEqual(looksLikeRRule('RRULE:FREQ=MONTHLY;BYDAY=1TH'), true);
    assert.strictEqual(looksLikeRRule('freq=weekly'), true);
    assert.strictEqual(looksLikeRRule('DTSTART:20260106T100000\nRRULE:FREQ=WEEKLY'), true);
    assert.strictEqual(looksLikeRRule('weekly'), false);
    assert.strictEqual(looksLikeRRule('every FREQ=WEEKLY'), false);
  });
});

describe('schedule: scheduleOf', () => {
  it('reads every field of a valid schedule', () => {
    assert.deepStrictEqual(
      scheduleOf({ cadence: 'weekly', weekday: 'Tuesday', time: '10:00', duration: 45, timezone: ' Europe/Berlin ' }),
      {
        schedule: {
          cadence: 'weekly',
          weekday: 2,
          time: { hour: 10, minute: 0 },
          durationMinutes: 45,
          timeZone: 'Europe/Berlin',
        },
        problems: [],
      },
    );
  });

  it('fills in a 30-minute duration and leaves the rest out', () => {
    assert.deepStrictEqual(scheduleOf({ cadence: 'monthly' }), {
      schedule: { cadence: 'monthly', durationMinutes: 30 },
      problems: [],
    });
    assert.deepStrictEqual(scheduleOf({ cadence: 'biweekly', time: '' }), {
      schedule: { cadence: 'biweekly', durationMinutes: 30 },
      problems: [],
    });
  });

  it('keeps RRULE text as written: bare, with RRULE:, with a DTSTART line', () => {
    for (const rule of [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
      'FREQ=MONTHLY;BYDAY=1TH',
      'DTSTART:20260106T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    ]) {
      assert.deepStrictEqual(
        scheduleOf({ cadence: `  ${rule}\n` }),
        { schedule: { cadence: 'rrule', rule, durationMinutes: 30 }, problems: [] },
        rule,
      );
    }
  });

  it('reads a schedule from YAML front matter, including a multi-line RRULE', () => {
    const d = parseDocument(
      [
        '---',
        'cadence: |',
        '  DTSTART:20260106T100000',
        '  RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        'time: 2:30pm',
        'duration: 1h',
        'timezone: America/New_York',
        '---',
        '',
      ].join('\r\n'),
    );
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(scheduleOf(d.data), {
      schedule: {
        cadence: 'rrule',
        rule: 'DTSTART:20260106T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        time: { hour: 14, minute: 30 },
        durationMinutes: 60,
        timeZone: 'America/New_York',
      },
      problems: [],
    });
  });

  it('has no schedule and no problem without a cadence', () => {
    assert.deepStrictEqual(scheduleOf({}), { schedule: undefined, problems: [] });
    assert.deepStrictEqual(scheduleOf({ cadence: null, weekday: 'tuesday', time: '10:00' }), {
      schedule: undefined,
      problems: [],
    });
  });

  it('reports an unknown cadence, and no schedule', () => {
    for (const cadence of ['fortnightly', 'Weekly', 7, true, ['weekly']]) {
      const r = scheduleOf({ cadence });
      assert.strictEqual(r.schedule, undefined, JSON.stringify(cadence));
      assert.deepStrictEqual(
        r.problems.map((p) => p.key),
        ['cadence'],
        JSON.stringify(cadence),
      );
      assert.match(r.problems[0]!.message, /weekly, biweekly, monthly or an RRULE/);
    }
  });

  it('reports an invalid RRULE with the reason', () => {
    const bad = [
      'FREQ=FORTNIGHTLY',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=WEEKLY;UNTIL=garbage',
      'FREQ=WEEKLY;FOO=1',
      'FREQ=WEEKLY;BYDAY=',
      'FREQ=WEEKLY;INTERVAL=0',
      'FREQ=WEEKLY;INTERVAL=-1',
      'FREQ=WEEKLY;INTERVAL=abc',
      'FREQ=WEEKLY;INTERVAL=1.5',
      'RRULE:FREQ=WEEKLY\nEXRULE:FREQ=DAILY',
      'RRULE:FREQ=WEEKLY\nRDATE:20260101',
      'RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE:20261117',
    ];
    for (const cadence of bad) {
      const r = scheduleOf({ cadence });
      assert.strictEqual(r.schedule, undefined, cadence);
      assert.strictEqual(r.problems.length, 1, cadence);
      assert.strictEqual(r.problems[0]!.key, 'cadence');
      assert.match(r.problems[0]!.message, /^"cadence" is not a valid RRULE: \S/, cadence);
    }
    assert.match(scheduleOf({ cadence: 'FREQ=WEEKLY;INTERVAL=abc' }).problems[0]!.message, /INTERVAL/);
    assert.match(scheduleOf({ cadence: 'RRULE:FREQ=WEEKLY\nEXRULE:FREQ=DAILY' }).problems[0]!.message, /single RRULE/);
  });

  it('an RRULE it accepts can always be stepped without hanging', () => {
    // These once looped forever inside rrule; now they are problems, and nextDate returns at once.
    for (const rule of [
      'FREQ=WEEKLY;INTERVAL=abc',
      'FREQ=WEEKLY;INTERVAL=-1',
      'RRULE:FREQ=WEEKLY\nEXRULE:FREQ=DAILY',
    ]) {
      assert.strictEqual(nextDate(rrule(rule), '2026-11-10', '2026-11-11'), undefined, rule);
    }
  });

  it('reports each bad field by key and keeps the schedule with defaults', () => {
    const r = scheduleOf({
      cadence: 'weekly',
      weekday: 'xx',
      time: '25:00',
      duration: 'forever',
      timezone: 'Mars/Olympus_Mons',
    });
    assert.deepStrictEqual(r.schedule, { cadence: 'weekly', durationMinutes: 30 });
    assert.deepStrictEqual(
      r.problems.map((p) => p.key),
      ['weekday', 'time', 'duration', 'timezone'],
    );
    assert.match(r.problems[0]!.message, /day of the week/);
    assert.match(r.problems[1]!.message, /time of day/);
    assert.match(r.problems[2]!.message, /minutes/);
    assert.match(r.problems[3]!.message, /IANA time zone/);
  });

  it('reports bad fields even without a cadence, and non-string values', () => {
    const r = scheduleOf({ weekday: 3, time: 1000, duration: -1, timezone: 42 });
    assert.strictEqual(r.schedule, undefined);
    assert.deepStrictEqual(
      r.problems.map((p) => p.key),
      ['weekday', 'time', 'duration', 'timezone'],
    );
  });
});

describe('schedule: ruleTime', () => {
  it('is the wall time of the DTSTART line, with or without a zone', () => {
    assert.deepStrictEqual(ruleTime(rrule('DTSTART:20260106T100000\nRRULE:FREQ=WEEKLY;BYDAY=TU')), {
      hour: 10,
      minute: 0,
    });
    assert.deepStrictEqual(ruleTime(rrule('DTSTART:20260106T143000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU')), {
      hour: 14,
      minute: 30,
    });
    assert.deepStrictEqual(ruleTime(rrule('DTSTART;TZID=Europe/Berlin:20260106T093000\nRRULE:FREQ=WEEKLY;BYDAY=TU')), {
      hour: 9,
      minute: 30,
    });
  });

  it('is undefined without a DTSTART time, and for plain cadences', () => {
    assert.strictEqual(ruleTime(rrule('FREQ=WEEKLY;BYDAY=TU')), undefined);
    assert.strictEqual(ruleTime(rrule('DTSTART:20260106\nRRULE:FREQ=WEEKLY;BYDAY=TU')), undefined);
    assert.strictEqual(ruleTime(plain('weekly', { time: { hour: 9, minute: 0 } })), undefined);
  });
});

// The cases of the removed nextOnCadence(last, cadence, today), as nextDate({ cadence }, last, today).
describe('schedule: nextDate on plain cadences', () => {
  const weekly = plain('weekly');
  const biweekly = plain('biweekly');
  const monthly = plain('monthly');

  it('is today without a last meeting', () => {
    assert.strictEqual(nextDate(weekly, undefined, '2026-11-20'), '2026-11-20');
    assert.strictEqual(nextDate(weekly, 'not a date', '2026-11-20'), '2026-11-20');
    assert.strictEqual(nextDate(monthly, undefined, '2026-11-20'), '2026-11-20');
  });

  it('steps one week, two weeks or a month from the last meeting', () => {
    assert.strictEqual(nextDate(weekly, '2026-11-10', '2026-11-11'), '2026-11-17');
    assert.strictEqual(nextDate(biweekly, '2026-11-10', '2026-11-11'), '2026-11-24');
    assert.strictEqual(nextDate(monthly, '2026-11-10', '2026-11-11'), '2026-12-10');
  });

  it('defaults to weekly without a cadence (dateAfter with no schedule)', () => {
    assert.strictEqual(scheduleOf({}).schedule, undefined);
    assert.strictEqual(dateAfter(undefined, '2026-11-10', '2026-11-11'), '2026-11-17');
  });

  it('returns today when a step lands exactly on today', () => {
    assert.strictEqual(nextDate(weekly, '2026-11-10', '2026-11-17'), '2026-11-17');
    assert.strictEqual(nextDate(monthly, '2026-10-17', '2026-11-17'), '2026-11-17');
  });

  it('never returns the anchor itself, even when it is today', () => {
    assert.strictEqual(nextDate(weekly, '2026-11-17', '2026-11-17'), '2026-11-24');
  });

  it('catches up by whole steps when the last meeting is long ago', () => {
    assert.strictEqual(nextDate(weekly, '2026-01-05', '2026-11-20'), '2026-11-23');
    assert.strictEqual(nextDate(biweekly, '2026-01-05', '2026-11-20'), '2026-11-23');
    assert.strictEqual(nextDate(monthly, '2026-01-10', '2026-11-20'), '2026-12-10');
    assert.strictEqual(nextDate(weekly, '1980-01-07', '2026-11-20'), '2026-11-23');
  });

  it('clamps a month end: Jan 31 → Feb 28 (and Feb 29 in a leap year) → Mar 31', () => {
    assert.strictEqual(nextDate(monthly, '2026-01-31', '2026-02-01'), '2026-02-28');
    assert.strictEqual(nextDate(monthly, '2028-01-31', '2028-02-01'), '2028-02-29');
    // Stepping from the Jan 31 anchor, not from Feb 28, brings the month end back.
    assert.strictEqual(nextDate(monthly, '2026-01-31', '2026-03-01'), '2026-03-31');
    assert.strictEqual(nextDate(monthly, '2026-01-31', '2026-04-01'), '2026-04-30');
    assert.strictEqual(nextDate(monthly, '2026-01-31', '2026-02-01', new Set(['2026-02-28'])), '2026-03-31');
  });

  it('keeps a series on month ends once a meeting falls on the last day: Feb 28 → Mar 31 → Apr 30', () => {
    assert.strictEqual(nextDate(monthly, '2026-02-28', '2026-03-01'), '2026-03-31');
    assert.strictEqual(nextDate(monthly, '2026-03-31', '2026-04-01'), '2026-04-30');
    assert.strictEqual(nextDate(monthly, '2026-04-30', '2026-05-01'), '2026-05-31');
    assert.strictEqual(nextDate(monthly, '2026-02-28', '2026-03-01', new Set(['2026-03-31'])), '2026-04-30');
    // A day that is not a month end keeps its day of the month.
    assert.strictEqual(nextDate(monthly, '2026-04-29', '2026-05-01'), '2026-05-29');
  });

  it('crosses a year end and DST changes', () => {
    assert.strictEqual(nextDate(weekly, '2026-12-28', '2026-12-29'), '2027-01-04');
    assert.strictEqual(nextDate(weekly, '2026-03-25', '2026-03-26'), '2026-04-01');
    assert.strictEqual(nextDate(weekly, '2026-10-22', '2026-10-23'), '2026-10-29');
  });

  it('is undefined for a bad today (it used to throw)', () => {
    assert.strictEqual(nextDate(weekly, '2026-01-01', 'today'), undefined);
    assert.strictEqual(nextDate(weekly, '2026-01-01', '2026-02-30'), undefined);
  });

  it('steps over skipped dates', () => {
    assert.strictEqual(nextDate(weekly, '2026-11-10', '2026-11-11', new Set(['2026-11-17'])), '2026-11-24');
    assert.strictEqual(
      nextDate(weekly, '2026-11-10', '2026-11-11', new Set(['2026-11-17', '2026-11-24'])),
      '2026-12-01',
    );
    assert.strictEqual(nextDate(biweekly, '2026-11-10', '2026-11-11', new Set(['2026-11-24'])), '2026-12-08');
    assert.strictEqual(nextDate(monthly, '2026-11-10', '2026-11-11', new Set(['2026-12-10'])), '2027-01-10');
    assert.strictEqual(nextDate(weekly, undefined, '2026-11-20', new Set(['2026-11-20'])), '2026-11-27');
  });

  it('puts a weekly meeting on its weekday in the anchor week, so a moved meeting does not move the next', () => {
    const tuesdays = plain('weekly', { weekday: 2 });
    assert.strictEqual(nextDate(tuesdays, '2026-11-10', '2026-11-11'), '2026-11-17');
    // Held a day late (Wednesday) or on the Sunday of that week: back to Tuesday.
    assert.strictEqual(nextDate(tuesdays, '2026-11-11', '2026-11-12'), '2026-11-17');
    assert.strictEqual(nextDate(tuesdays, '2026-11-15', '2026-11-16'), '2026-11-17');
    // Held early, on the Monday: Tuesday of the next week.
    assert.strictEqual(nextDate(tuesdays, '2026-11-09', '2026-11-10'), '2026-11-17');
    assert.strictEqual(nextDate(plain('biweekly', { weekday: 4 }), '2026-11-10', '2026-11-11'), '2026-11-26');
  });

  it('without an anchor, starts on the first weekday from today', () => {
    assert.strictEqual(nextDate(plain('weekly', { weekday: 2 }), undefined, '2026-11-21'), '2026-11-24');
    assert.strictEqual(nextDate(plain('weekly', { weekday: 6 }), undefined, '2026-11-21'), '2026-11-21');
    assert.strictEqual(
      nextDate(plain('biweekly', { weekday: 2 }), undefined, '2026-11-21', new Set(['2026-11-24'])),
      '2026-12-08',
    );
  });
});

describe('schedule: nextDate across DST in the local zone', () => {
  const berlinAutumn = ['2026-10-20', '2026-10-27', '2026-11-03'];
  const newYorkSpring = ['2026-03-03', '2026-03-10', '2026-03-17'];

  for (const zone of ZONES) {
    it(`keeps weekly meetings on their weekday with TZ=${zone}`, () => {
      inZone(zone, () => {
        const tuesdays = plain('weekly', { weekday: 2 });
        assert.strictEqual(nextDate(tuesdays, berlinAutumn[0], plusDays(berlinAutumn[0]!, 1)), berlinAutumn[1]);
        assert.strictEqual(nextDate(tuesdays, berlinAutumn[1], plusDays(berlinAutumn[1]!, 1)), berlinAutumn[2]);
        assert.strictEqual(nextDate(tuesdays, newYorkSpring[0], plusDays(newYorkSpring[0]!, 1)), newYorkSpring[1]);
        assert.strictEqual(nextDate(tuesdays, newYorkSpring[1], plusDays(newYorkSpring[1]!, 1)), newYorkSpring[2]);
        // The changeover Sundays themselves, and Santiago's missing midnight (2026-09-06).
        assert.strictEqual(nextDate(plain('weekly'), '2026-10-18', '2026-10-19'), '2026-10-25');
        assert.strictEqual(nextDate(plain('weekly'), '2026-03-08', '2026-03-09'), '2026-03-15');
        assert.strictEqual(nextDate(plain('weekly'), '2026-08-30', '2026-09-06'), '2026-09-06');
        assert.strictEqual(nextDate(plain('weekly'), '2026-09-06', '2026-09-07'), '2026-09-13');
        assert.strictEqual(nextDate(rrule('FREQ=WEEKLY;BYDAY=TU'), '2026-10-20', '2026-10-21'), '2026-10-27');
        assert.strictEqual(nextDate(rrule('FREQ=WEEKLY;BYDAY=SU'), '2026-03-01', '2026-03-02'), '2026-03-08');
        assert.strictEqual(nextDate(plain('monthly'), '2026-01-31', '2026-03-01'), '2026-03-31');
      });
    });
  }
});

const dateArb = fc.integer({ min: utc('2000-01-01') / DAY, max: utc('2035-12-31') / DAY }).map((n) => iso(n * DAY));

/** What nextDate should return, in UTC arithmetic only. */
function expectedNext(s: Schedule, anchor: string | undefined, from: string, skip: ReadonlySet<string>): string {
  const ok = (d: string): boolean => d >= from && (anchor === undefined || d > anchor) && !skip.has(d);
  const first = (at: (k: number) => string): string => {
    for (let k = 0; ; k++) if (ok(at(k))) return at(k);
  };
  if (s.cadence === 'monthly') {
    if (!anchor) return first((k) => plusMonthsClamped(from, k));
    // An anchor on its month's last day repeats on month ends (day 31, clamped).
    const lastDay = plusMonthsClamped(anchor.slice(0, 8) + '31', 0) === anchor;
    return first((k) => plusMonthsClamped(lastDay ? anchor.slice(0, 8) + '31' : anchor, k + 1));
  }
  const step = s.cadence === 'biweekly' ? 14 : 7;
  if (!anchor) {
    const start = s.weekday === undefined ? from : plusDays(from, (s.weekday - weekdayOf(from) + 7) % 7);
    return first((k) => plusDays(start, k * step));
  }
  const mondayIndex = (d: number): number => (d + 6) % 7;
  const base =
    s.weekday === undefined ? anchor : plusDays(anchor, mondayIndex(s.weekday) - mondayIndex(weekdayOf(anchor)));
  return first((k) => plusDays(base, (k + 1) * step));
}

describe('schedule: nextDate properties', () => {
  const caseArb = fc
    .record({
      cadence: fc.constantFrom<Schedule['cadence']>('weekly', 'biweekly', 'monthly'),
      weekday: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      anchor: fc.option(dateArb, { nil: undefined }),
      gap: fc.integer({ min: -40, max: 400 }),
      skips: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 6 }),
      zone: fc.constantFrom(...ZONES),
    })
    .map(({ cadence, weekday, anchor, gap, skips, zone }) => {
      const from = anchor ? plusDays(anchor, gap) : plusDays('2026-06-15', gap);
      return {
        schedule: plain(cadence, weekday === undefined ? {} : { weekday }),
        anchor,
        from,
        skip: new Set(skips.map((o) => plusDays(from, o))),
        zone,
      };
    });

  it('lands after the anchor, not before today, never on a skipped date, on the weekday, and on the first such step', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, anchor, from, skip, zone }) => {
        const next = inZone(zone, () => nextDate(schedule, anchor, from, skip));
        assert.ok(next !== undefined);
        assert.ok(next >= from, `${next} before ${from}`);
        if (anchor) assert.ok(next > anchor, `${next} not after ${anchor}`);
        assert.ok(!skip.has(next), `${next} is skipped`);
        if (schedule.cadence !== 'monthly' && schedule.weekday !== undefined)
          assert.strictEqual(weekdayOf(next), schedule.weekday);
        if (schedule.cadence !== 'monthly' && anchor && schedule.weekday === undefined) {
          assert.strictEqual(daysBetween(anchor, next) % (schedule.cadence === 'biweekly' ? 14 : 7), 0);
        }
        assert.strictEqual(next, expectedNext(schedule, anchor, from, skip));
      }),
      { numRuns: RUNS },
    );
  });

  it('a weekly RRULE on the anchor weekday agrees with the plain cadence, in every zone', () => {
    const days = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(1, 2),
        fc.constantFrom(...ZONES),
        (anchor, gap, interval, zone) => {
          const from = plusDays(anchor, gap);
          const rule = `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${days[weekdayOf(anchor)]}`;
          inZone(zone, () => {
            assert.strictEqual(
              nextDate(rrule(rule), anchor, from),
              nextDate(plain(interval === 2 ? 'biweekly' : 'weekly'), anchor, from),
            );
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a monthly RRULE agrees with the plain cadence on days every month has', () => {
    fc.assert(
      // Not Feb 28 (or 29): a month's last day repeats on month ends, which FREQ=MONTHLY does not.
      fc.property(
        dateArb.filter((d) => Number(d.slice(8)) <= 27 || (Number(d.slice(8)) === 28 && d.slice(5, 7) !== '02')),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(...ZONES),
        (anchor, gap, zone) => {
          const from = plusDays(anchor, gap);
          inZone(zone, () =>
            assert.strictEqual(nextDate(rrule('FREQ=MONTHLY'), anchor, from), nextDate(plain('monthly'), anchor, from)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('schedule: nextDate on RRULEs', () => {
  it('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH: both days of every other week, counted from the anchor', () => {
    const s = rrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH');
    assert.strictEqual(nextDate(s, '2026-11-10', '2026-11-11'), '2026-11-12');
    assert.strictEqual(nextDate(s, '2026-11-12', '2026-11-13'), '2026-11-24');
    assert.strictEqual(nextDate(s, '2026-11-10', '2026-11-11', new Set(['2026-11-12'])), '2026-11-24');
    assert.strictEqual(nextDate(s, '2026-11-12', '2026-11-13', new Set(['2026-11-24'])), '2026-11-26');
  });

  it('an RRULE: prefix changes nothing', () => {
    assert.strictEqual(nextDate(rrule('RRULE:FREQ=WEEKLY;BYDAY=MO'), undefined, '2026-11-21'), '2026-11-23');
    assert.strictEqual(nextDate(rrule('FREQ=WEEKLY;BYDAY=MO'), undefined, '2026-11-21'), '2026-11-23');
  });

  it('FREQ=MONTHLY;BYDAY=1TH: the first Thursday, and -1FR: the last Friday', () => {
    const first = rrule('FREQ=MONTHLY;BYDAY=1TH');
    assert.strictEqual(nextDate(first, '2026-11-05', '2026-11-06'), '2026-12-03');
    assert.strictEqual(nextDate(first, '2026-12-03', '2026-12-04'), '2027-01-07');
    assert.strictEqual(nextDate(first, undefined, '2026-11-06'), '2026-12-03');
    assert.strictEqual(nextDate(rrule('FREQ=MONTHLY;BYDAY=-1FR'), undefined, '2026-11-21'), '2026-11-27');
  });

  it('FREQ=MONTHLY;BYMONTHDAY=-1 stays on month ends: Jan 31 → Feb 28 → Mar 31', () => {
    const s = rrule('FREQ=MONTHLY;BYMONTHDAY=-1');
    assert.strictEqual(nextDate(s, '2026-01-31', '2026-02-01'), '2026-02-28');
    assert.strictEqual(nextDate(s, '2026-02-28', '2026-03-01'), '2026-03-31');
    assert.strictEqual(nextDate(s, '2028-01-31', '2028-02-01'), '2028-02-29');
  });

  it('a DTSTART inside the text fixes which weeks an INTERVAL counts, whatever the anchor', () => {
    const odd = rrule('DTSTART:20260106T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    const even = rrule('DTSTART:20260113T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    assert.strictEqual(nextDate(odd, undefined, '2026-11-11'), '2026-11-24');
    assert.strictEqual(nextDate(even, undefined, '2026-11-11'), '2026-11-17');
    // The last meeting was held off-series (a Tuesday of the other parity): the series does not move.
    assert.strictEqual(nextDate(odd, '2026-11-17', '2026-11-18'), '2026-11-24');
    assert.strictEqual(nextDate(even, '2026-11-10', '2026-11-11'), '2026-11-17');
    // Without DTSTART the anchor starts the count.
    assert.strictEqual(nextDate(rrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'), '2026-11-17', '2026-11-18'), '2026-12-01');
  });

  it('is undefined once an RRULE has ended', () => {
    assert.strictEqual(
      nextDate(rrule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260101T000000Z'), undefined, '2026-11-11'),
      undefined,
    );
    assert.strictEqual(
      nextDate(rrule('DTSTART:20260106\nRRULE:FREQ=WEEKLY;COUNT=2'), undefined, '2026-11-11'),
      undefined,
    );
  });
});

describe('schedule: dateAfter', () => {
  const tuesdays = plain('weekly', { weekday: 2 });

  it('is the meeting after a date, not before today', () => {
    assert.strictEqual(dateAfter(tuesdays, '2026-11-24', '2026-11-21'), '2026-12-01');
    assert.strictEqual(dateAfter(tuesdays, '2026-11-10', '2026-11-21'), '2026-11-24');
    assert.strictEqual(dateAfter(tuesdays, '2026-11-24', '2026-11-21', new Set(['2026-12-01'])), '2026-12-08');
    assert.strictEqual(dateAfter(plain('monthly'), '2026-01-31', '2026-01-31'), '2026-02-28');
  });
});

describe('schedule: instantOf', () => {
  const ten = { hour: 10, minute: 0 };

  it('10:00 Europe/Berlin is 08:00Z before 2026-10-25 and 09:00Z after', () => {
    assert.strictEqual(instantOf('2026-10-20', ten, 'Europe/Berlin')!.toISOString(), '2026-10-20T08:00:00.000Z');
    assert.strictEqual(instantOf('2026-10-24', ten, 'Europe/Berlin')!.toISOString(), '2026-10-24T08:00:00.000Z');
    assert.strictEqual(instantOf('2026-10-25', ten, 'Europe/Berlin')!.toISOString(), '2026-10-25T09:00:00.000Z');
    assert.strictEqual(instantOf('2026-10-27', ten, 'Europe/Berlin')!.toISOString(), '2026-10-27T09:00:00.000Z');
    // And back in spring (2026-03-29).
    assert.strictEqual(instantOf('2026-03-24', ten, 'Europe/Berlin')!.toISOString(), '2026-03-24T09:00:00.000Z');
    assert.strictEqual(instantOf('2026-03-31', ten, 'Europe/Berlin')!.toISOString(), '2026-03-31T08:00:00.000Z');
  });

  it('10:00 America/New_York is 15:00Z before 2026-03-08 and 14:00Z from then on', () => {
    assert.strictEqual(instantOf('2026-03-03', ten, 'America/New_York')!.toISOString(), '2026-03-03T15:00:00.000Z');
    assert.strictEqual(instantOf('2026-03-07', ten, 'America/New_York')!.toISOString(), '2026-03-07T15:00:00.000Z');
    assert.strictEqual(instantOf('2026-03-08', ten, 'America/New_York')!.toISOString(), '2026-03-08T14:00:00.000Z');
    assert.strictEqual(instantOf('2026-03-10', ten, 'America/New_York')!.toISOString(), '2026-03-10T14:00:00.000Z');
    assert.strictEqual(
      instantOf('2026-11-03', { hour: 9, minute: 30 }, 'America/New_York')!.toISOString(),
      '2026-11-03T14:30:00.000Z',
    );
  });

  it('does not depend on the local zone when a zone is given', () => {
    for (const zone of ZONES) {
      inZone(zone, () => {
        assert.strictEqual(
          instantOf('2026-10-27', ten, 'Europe/Berlin')!.toISOString(),
          '2026-10-27T09:00:00.000Z',
          zone,
        );
        assert.strictEqual(
          instantOf('2026-03-10', ten, 'America/New_York')!.toISOString(),
          '2026-03-10T14:00:00.000Z',
          zone,
        );
      });
    }
  });

  it('uses the local zone without one, DST included', () => {
    inZone('Europe/Berlin', () => {
      assert.strictEqual(instantOf('2026-10-20', ten)!.toISOString(), '2026-10-20T08:00:00.000Z');
      assert.strictEqual(instantOf('2026-10-27', ten)!.toISOString(), '2026-10-27T09:00:00.000Z');
    });
    assert.strictEqual(instantOf('2026-10-27', ten)!.getTime(), new Date(2026, 9, 27, 10, 0).getTime());
  });

  it('is undefined for a date that is not one', () => {
    assert.strictEqual(instantOf('2026-02-30', ten, 'Europe/Berlin'), undefined);
    assert.strictEqual(instantOf('tomorrow', ten), undefined);
  });
});

describe('schedule: nextSlot', () => {
  // Tuesdays 10:00–10:30 UTC. 2026-11-21 is a Saturday, 2026-11-24 a Tuesday.
  const tuesdays: Schedule = {
    cadence: 'weekly',
    weekday: 2,
    time: { hour: 10, minute: 0 },
    durationMinutes: 30,
    timeZone: 'UTC',
  };
  const ref = (date: string, status?: string, data: Record<string, unknown> = {}): MeetingRef => ({
    path: `meetings/alex/${date}.md`,
    date,
    status,
    data: { ...data },
  });
  const at = (instant: string): Date => new Date(instant);

  it('projects from the cadence when there are no meeting files', () => {
    assert.deepStrictEqual(nextSlot('alex', [], tuesdays, at('2026-11-21T09:00:00Z'), '2026-11-21'), {
      person: 'alex',
      date: '2026-11-24',
      path: undefined,
      start: at('2026-11-24T10:00:00Z'),
      end: at('2026-11-24T10:30:00Z'),
    });
  });

  it('an open meeting file wins over the cadence, even on another day', () => {
    const slot = nextSlot('alex', [ref('2026-11-25', 'planned')], tuesdays, at('2026-11-21T09:00:00Z'), '2026-11-21')!;
    assert.strictEqual(slot.date, '2026-11-25');
    assert.strictEqual(slot.path, 'meetings/alex/2026-11-25.md');
    assert.deepStrictEqual([slot.start, slot.end], [at('2026-11-25T10:00:00Z'), at('2026-11-25T10:30:00Z')]);
    // A file without a status is open too; the earliest open file wins.
    assert.strictEqual(
      nextSlot('alex', [ref('2026-12-01'), ref('2026-11-26')], tuesdays, at('2026-11-21T09:00:00Z'), '2026-11-21')!
        .date,
      '2026-11-26',
    );
  });

  it('skips done, skipped and cancelled files, then steps the cadence past the latest file', () => {
    const closed = [ref('2026-11-24', 'done'), ref('2026-11-25', 'cancelled'), ref('2026-11-26', 'skipped')];
    assert.strictEqual(
      nextSlot('alex', [...closed, ref('2026-12-02', 'planned')], tuesdays, at('2026-11-21T09:00:00Z'), '2026-11-21')!
        .path,
      'meetings/alex/2026-12-02.md',
    );
    const projected = nextSlot('alex', closed, tuesdays, at('2026-11-21T09:00:00Z'), '2026-11-21')!;
    assert.deepStrictEqual([projected.date, projected.path], ['2026-12-01', undefined]);
    // A skipped cadence date with a file is not proposed again.
    assert.strictEqual(
      nextSlot(
        'alex',
        [ref('2026-11-17', 'done'), ref('2026-11-24', 'skipped')],
        tuesdays,
        at('2026-11-21T09:00:00Z'),
        '2026-11-21',
      )!.date,
      '2026-12-01',
    );
  });

  it('ignores open files in the past and anchors the cadence on them', () => {
    const slot = nextSlot('alex', [ref('2026-11-17', 'planned')], tuesdays, at('2026-11-21T09:00:00Z'), '2026-11-21')!;
    assert.deepStrictEqual([slot.date, slot.path], ['2026-11-24', undefined]);
  });

  it('keeps today’s meeting until it has ended, then moves to the next', () => {
    const files = [ref('2026-11-24', 'planned')];
    assert.strictEqual(
      nextSlot('alex', files, tuesdays, at('2026-11-24T10:29:59Z'), '2026-11-24')!.path,
      'meetings/alex/2026-11-24.md',
    );
    const after = nextSlot('alex', files, tuesdays, at('2026-11-24T10:30:00Z'), '2026-11-24')!;
    assert.deepStrictEqual(
      [after.date, after.path, after.start],
      ['2026-12-01', undefined, at('2026-12-01T10:00:00Z')],
    );
  });

  it('a projected slot that ended today moves to the next step', () => {
    assert.strictEqual(nextSlot('alex', [], tuesdays, at('2026-11-24T09:59:00Z'), '2026-11-24')!.date, '2026-11-24');
    assert.strictEqual(nextSlot('alex', [], tuesdays, at('2026-11-24T11:00:00Z'), '2026-11-24')!.date, '2026-12-01');
  });

  it('a meeting file’s own time, duration and timezone win over the person’s', () => {
    const slot = nextSlot(
      'alex',
      [ref('2026-11-24', 'planned', { time: '15:30', duration: '1h', timezone: 'America/New_York' })],
      tuesdays,
      at('2026-11-21T09:00:00Z'),
      '2026-11-21',
    )!;
    assert.deepStrictEqual([slot.start, slot.end], [at('2026-11-24T20:30:00Z'), at('2026-11-24T21:30:00Z')]);
  });

  it('a meeting without a time of day has no instants and stays next all day', () => {
    const untimed: Schedule = { cadence: 'weekly', weekday: 2, durationMinutes: 30 };
    const slot = nextSlot('alex', [ref('2026-11-24', 'planned')], untimed, at('2026-11-24T23:59:00Z'), '2026-11-24')!;
    assert.deepStrictEqual([slot.date, slot.start, slot.end], ['2026-11-24', undefined, undefined]);
    assert.strictEqual(nextSlot('alex', [], untimed, at('2026-11-24T23:59:00Z'), '2026-11-24')!.date, '2026-11-24');
  });

  it('is undefined without a schedule and without an open file', () => {
    assert.strictEqual(nextSlot('alex', [], undefined, at('2026-11-21T09:00:00Z'), '2026-11-21'), undefined);
    assert.strictEqual(
      nextSlot('alex', [ref('2026-11-24', 'done')], undefined, at('2026-11-21T09:00:00Z'), '2026-11-21'),
      undefined,
    );
    assert.strictEqual(
      nextSlot('alex', [ref('2026-11-24')], undefined, at('2026-11-21T09:00:00Z'), '2026-11-21')!.date,
      '2026-11-24',
    );
  });

  it('follows DST in the person’s zone: Tuesdays 10:00 Berlin are 08:00Z, then 09:00Z', () => {
    const berlin: Schedule = { ...tuesdays, timeZone: 'Europe/Berlin' };
    const before = nextSlot('alex', [], berlin, at('2026-10-14T12:00:00Z'), '2026-10-14')!;
    const after = nextSlot('alex', [ref('2026-10-20', 'done')], berlin, at('2026-10-21T12:00:00Z'), '2026-10-21')!;
    assert.deepStrictEqual([before.date, before.start], ['2026-10-20', at('2026-10-20T08:00:00Z')]);
    assert.deepStrictEqual([after.date, after.start], ['2026-10-27', at('2026-10-27T09:00:00Z')]);
  });

  it('takes the time from an RRULE’s DTSTART when the person has none', () => {
    const { schedule } = scheduleOf({
      cadence: 'DTSTART:20260106T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      timezone: 'Europe/Berlin',
    });
    const slot = nextSlot('alex', [], schedule, at('2026-11-21T09:00:00Z'), '2026-11-21')!;
    assert.deepStrictEqual(
      [slot.date, slot.start, slot.end],
      ['2026-11-24', at('2026-11-24T09:00:00Z'), at('2026-11-24T09:30:00Z')],
    );
  });
});

describe('schedule: countdown', () => {
  const start = new Date('2026-11-24T10:00:00Z');
  const slot: Slot = {
    person: 'alex',
    date: '2026-11-24',
    path: undefined,
    start,
    end: new Date('2026-11-24T10:30:00Z'),
  };
  const before = (ms: number): Date => new Date(start.getTime() - ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;

  it('counts minutes under an hour, rounding up', () => {
    assert.strictEqual(countdown(slot, before(59 * MIN), '2026-11-24'), 'in 59m');
    assert.strictEqual(countdown(slot, before(1), '2026-11-24'), 'in 1m');
    assert.strictEqual(countdown(slot, before(30_000), '2026-11-24'), 'in 1m');
    assert.strictEqual(countdown(slot, before(59 * MIN + 30_000), '2026-11-24'), 'in 1h');
  });

  it('counts hours and minutes under a day', () => {
    assert.strictEqual(countdown(slot, before(60 * MIN), '2026-11-24'), 'in 1h');
    assert.strictEqual(countdown(slot, before(61 * MIN), '2026-11-24'), 'in 1h 1m');
    assert.strictEqual(countdown(slot, before(2 * HOUR), '2026-11-24'), 'in 2h');
    assert.strictEqual(countdown(slot, before(2 * HOUR + 10 * MIN), '2026-11-24'), 'in 2h 10m');
    assert.strictEqual(countdown(slot, before(24 * HOUR - MIN), '2026-11-23'), 'in 23h 59m');
  });

  it('counts days and hours from 24 hours on', () => {
    assert.strictEqual(countdown(slot, before(24 * HOUR), '2026-11-23'), 'in 1d');
    assert.strictEqual(countdown(slot, before(25 * HOUR), '2026-11-23'), 'in 1d 1h');
    assert.strictEqual(countdown(slot, before(24 * HOUR + 59 * MIN), '2026-11-23'), 'in 1d');
    assert.strictEqual(countdown(slot, before(3 * 24 * HOUR + 4 * HOUR), '2026-11-21'), 'in 3d 4h');
  });

  it('is "now" from the start until the end, and undefined from the end on', () => {
    assert.strictEqual(countdown(slot, start, '2026-11-24'), 'now');
    assert.strictEqual(countdown(slot, new Date('2026-11-24T10:29:59.999Z'), '2026-11-24'), 'now');
    assert.strictEqual(countdown(slot, new Date('2026-11-24T10:30:00Z'), '2026-11-24'), undefined);
    assert.strictEqual(countdown(slot, new Date('2026-11-25T09:00:00Z'), '2026-11-25'), undefined);
  });

  it('without a time of day: today, tomorrow, in N days, undefined once past', () => {
    const untimed: Slot = {
      person: 'alex',
      date: '2026-11-24',
      path: 'meetings/alex/2026-11-24.md',
      start: undefined,
      end: undefined,
    };
    const now = new Date('2026-11-24T23:00:00Z');
    assert.strictEqual(countdown(untimed, now, '2026-11-24'), 'today');
    assert.strictEqual(countdown(untimed, now, '2026-11-23'), 'tomorrow');
    assert.strictEqual(countdown(untimed, now, '2026-11-21'), 'in 3 days');
    assert.strictEqual(countdown(untimed, now, '2026-10-24'), 'in 31 days');
    assert.strictEqual(countdown(untimed, now, '2026-11-25'), undefined);
    assert.strictEqual(countdown(untimed, now, 'someday'), undefined);
  });

  it('counts calendar days across a DST change in the local zone', () => {
    const untimed: Slot = { person: 'alex', date: '2026-10-27', path: undefined, start: undefined, end: undefined };
    for (const zone of ZONES)
      inZone(zone, () => assert.strictEqual(countdown(untimed, new Date(0), '2026-10-24'), 'in 3 days', zone));
  });
});

describe('schedule: rules that never match', () => {
  it('are reported as problems instead of searched for up to the year 9999', () => {
    for (const cadence of [
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31',
      'FREQ=YEARLY;BYWEEKNO=60',
    ]) {
      const result = scheduleOf({ cadence });
      assert.strictEqual(result.schedule, undefined, cadence);
      assert.strictEqual(result.problems[0]?.key, 'cadence', cadence);
    }
  });

  it('a rare but possible rule (February 29th) is still found', () => {
    const leap = scheduleOf({ cadence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' }).schedule!;
    assert.strictEqual(nextDate(leap, '2026-01-01', '2026-01-02'), '2028-02-29');
  });
});

describe('schedule: projecting a slot without meetings', () => {
  const now = new Date(2026, 10, 21, 9, 0);
  it('needs a weekday or a rule: a bare weekly cadence with no meeting yet has no next slot', () => {
    assert.strictEqual(
      nextSlot('p', [], scheduleOf({ cadence: 'weekly', time: '10:00' }).schedule, now, '2026-11-21'),
      undefined,
    );
    assert.strictEqual(
      nextSlot('p', [], scheduleOf({ cadence: 'weekly', weekday: 'tuesday' }).schedule, now, '2026-11-21')?.date,
      '2026-11-24',
    );
    assert.strictEqual(
      nextSlot('p', [], scheduleOf({ cadence: 'FREQ=MONTHLY;BYDAY=1TH' }).schedule, now, '2026-11-21')?.date,
      '2026-12-03',
    );
  });
});
