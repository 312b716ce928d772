import * as assert from 'assert';
import fc from 'fast-check';
import { classify } from '../../src/core/layout';
import { loadOrder } from '../../src/core/load-order';

describe('loadOrder', () => {
  it('reads goals, feedback and templates before meetings, and meetings newest first', () => {
    const order = loadOrder([
      'meetings/alex-kim/2024-01-09.md',
      'goals/ship-it.md',
      'meetings/sam-lee/2026-11-24.md',
      'meetings/alex-kim/2026-11-17.md',
      'feedback/blunt.md',
      'meetings/alex-kim/2026-11-17-offsite.md',
      'templates/meeting.md',
    ]);
    assert.deepStrictEqual(order, [
      'goals/ship-it.md',
      'feedback/blunt.md',
      'templates/meeting.md',
      'meetings/sam-lee/2026-11-24.md',
      'meetings/alex-kim/2026-11-17.md',
      'meetings/alex-kim/2026-11-17-offsite.md',
      'meetings/alex-kim/2024-01-09.md',
    ]);
  });

  it('is a permutation of its input with every meeting after the rest, dates never rising', () => {
    const day = fc
      .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const path = fc.oneof(
      fc
        .tuple(fc.constantFrom('alex', 'sam', 'noor'), day, fc.constantFrom('', '-offsite'))
        .map(([p, d, s]) => `meetings/${p}/${d}${s}.md`),
      fc
        .tuple(fc.constantFrom('goals', 'feedback', 'people', 'templates', 'notes'), fc.stringMatching(/^[a-z]{1,8}$/))
        .map(([f, n]) => `${f}/${n}.md`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 60 }), (paths) => {
        const order = loadOrder(paths);
        assert.deepStrictEqual([...order].sort(), [...paths].sort());
        const kinds = order.map((p) => classify(p));
        const firstMeeting = kinds.findIndex((c) => c.kind === 'meeting');
        if (firstMeeting >= 0) assert.ok(kinds.slice(firstMeeting).every((c) => c.kind === 'meeting'));
        const dates = kinds.filter((c) => c.kind === 'meeting').map((c) => c.date!);
        dates.forEach((d, i) => i === 0 || assert.ok(dates[i - 1]! >= d, `${dates[i - 1]} before ${d}`));
      }),
    );
  });
});
