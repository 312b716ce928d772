import * as assert from 'assert';
import { isCadence, isIsoDate, nextOnCadence, parseIsoDate, toIsoDate } from '../../src/core/dates';

describe('dates: isIsoDate', () => {
  it('accepts real dates', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '1999-01-31']) assert.strictEqual(isIsoDate(d), true, d);
  });

  it('rejects impossible dates', () => {
    for (const d of ['2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-01-32']) assert.strictEqual(isIsoDate(d), false, d);
  });

  it('rejects other shapes and junk', () => {
    for (const d of ['', '2026-1-1', '2026/01/01', '20260101', ' 2026-01-01', '2026-01-01 ', '2026-01-01T00:00', 'yesterday', '２０２６-01-01', '12026-01-01']) {
      assert.strictEqual(isIsoDate(d), false, JSON.stringify(d));
    }
  });

  it('round-trips through parseIsoDate and toIsoDate', () => {
    assert.strictEqual(toIsoDate(parseIsoDate('2026-11-10')!), '2026-11-10');
    assert.strictEqual(parseIsoDate('nope'), undefined);
  });

  it('isCadence knows the three cadences', () => {
    assert.deepStrictEqual(['weekly', 'biweekly', 'monthly', 'daily', 'Weekly', 1].map(isCadence), [true, true, true, false, false, false]);
  });
});

describe('dates: nextOnCadence', () => {
  it('is today without a last meeting', () => {
    assert.strictEqual(nextOnCadence(undefined, 'weekly', '2026-11-20'), '2026-11-20');
    assert.strictEqual(nextOnCadence('not a date', 'weekly', '2026-11-20'), '2026-11-20');
  });

  it('steps one week, two weeks or a month from the last meeting', () => {
    assert.strictEqual(nextOnCadence('2026-11-10', 'weekly', '2026-11-11'), '2026-11-17');
    assert.strictEqual(nextOnCadence('2026-11-10', 'biweekly', '2026-11-11'), '2026-11-24');
    assert.strictEqual(nextOnCadence('2026-11-10', 'monthly', '2026-11-11'), '2026-12-10');
  });

  it('defaults to weekly without a cadence', () => {
    assert.strictEqual(nextOnCadence('2026-11-10', undefined, '2026-11-11'), '2026-11-17');
  });

  it('returns today when a step lands exactly on today', () => {
    assert.strictEqual(nextOnCadence('2026-11-10', 'weekly', '2026-11-17'), '2026-11-17');
  });

  it('catches up by whole steps when the last meeting is long ago', () => {
    assert.strictEqual(nextOnCadence('2026-01-05', 'weekly', '2026-11-20'), '2026-11-23');
    assert.strictEqual(nextOnCadence('2026-01-05', 'biweekly', '2026-11-20'), '2026-11-23');
    assert.strictEqual(nextOnCadence('2026-01-10', 'monthly', '2026-11-20'), '2026-12-10');
    assert.strictEqual(nextOnCadence('1980-01-07', 'weekly', '2026-11-20'), '2026-11-23');
  });

  it('clamps a month end: Jan 31 → Feb 28 (and Feb 29 in a leap year)', () => {
    assert.strictEqual(nextOnCadence('2026-01-31', 'monthly', '2026-02-01'), '2026-02-28');
    assert.strictEqual(nextOnCadence('2028-01-31', 'monthly', '2028-02-01'), '2028-02-29');
  });

  it('crosses a year end and DST changes', () => {
    assert.strictEqual(nextOnCadence('2026-12-28', 'weekly', '2026-12-29'), '2027-01-04');
    assert.strictEqual(nextOnCadence('2026-03-25', 'weekly', '2026-03-26'), '2026-04-01');
    assert.strictEqual(nextOnCadence('2026-10-22', 'weekly', '2026-10-23'), '2026-10-29');
  });

  it('throws on a bad today', () => {
    assert.throws(() => nextOnCadence('2026-01-01', 'weekly', 'today'));
  });
});
