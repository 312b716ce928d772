import * as assert from 'assert';
import { isCadence, isIsoDate, parseIsoDate, toIsoDate } from '../../src/core/dates';

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
