import * as assert from 'assert';
import { format, isValid, parse } from 'date-fns';
import fc from 'fast-check';
import { isCadence, isIsoDate, parseIsoDate, toIsoDate } from '../../src/core/dates';
import { RUNS } from './arbitraries';

describe('dates: isIsoDate', () => {
  it('accepts real dates', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '1999-01-31'])
      assert.strictEqual(isIsoDate(d), true, d);
  });

  it('rejects impossible dates', () => {
    for (const d of ['2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-01-32'])
      assert.strictEqual(isIsoDate(d), false, d);
  });

  it('rejects other shapes and junk', () => {
    for (const d of [
      '',
      '2026-1-1',
      '2026/01/01',
      '20260101',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01T00:00',
      'yesterday',
      '２０２６-01-01',
      '12026-01-01',
    ]) {
      assert.strictEqual(isIsoDate(d), false, JSON.stringify(d));
    }
  });

  it('round-trips through parseIsoDate and toIsoDate', () => {
    assert.strictEqual(toIsoDate(parseIsoDate('2026-11-10')!), '2026-11-10');
    assert.strictEqual(parseIsoDate('nope'), undefined);
  });

  it('isCadence knows the three cadences', () => {
    assert.deepStrictEqual(['weekly', 'biweekly', 'monthly', 'daily', 'Weekly', 1].map(isCadence), [
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('dates: reading without date-fns', () => {
  /** How dates were read before: date-fns parse, then format back to the same text. */
  function reference(text: string): Date | undefined {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
    const date = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
    return isValid(date) && format(date, 'yyyy-MM-dd') === text ? date : undefined;
  }
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  // Every year (0000 and the two-digit years included), months and days a little past their range.
  const dateLike = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  const leapEdges = fc
    .tuple(
      fc.constantFrom(0, 4, 100, 200, 400, 1600, 1700, 1900, 2000, 2024, 2025, 2100, 2400, 9996),
      fc.constantFrom(0, 1, 2, 3, 4),
      fc.constantFrom('02-28', '02-29', '02-30', '03-01'),
    )
    .map(([century, plus, md]) => `${pad(century + plus, 4)}-${md}`);
  const junk = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[0-9-]{8,11}$/),
    fc.constantFrom('２０２６-01-01', '2026-01-01\n', '+2026-01-01', '2026-1-01'),
  );

  it('property: isIsoDate and parseIsoDate agree with date-fns parse + format', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, leapEdges, junk), (text) => {
        const expected = reference(text);
        assert.strictEqual(isIsoDate(text), expected !== undefined, text);
        assert.strictEqual(parseIsoDate(text)?.getTime(), expected?.getTime(), text);
      }),
      { numRuns: RUNS * 8 },
    );
  });

  it('reads a date as its local midnight, two-digit years included', () => {
    const d = parseIsoDate('0099-12-31')!;
    assert.deepStrictEqual(
      [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()],
      [99, 11, 31, 0, 0],
    );
    assert.strictEqual(isIsoDate('0000-01-01'), false);
  });
});
