// Source labels of captured talking points (src/core/source-ref.ts): a
// personal journal's label names the repository, so that another window can
// tell where the lines are; a label read back from a file gives the same
// place, and a label that could lead out of a folder gives none.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseSourceRef, sameRepository, sourceRefLabel } from '../../src/core/source-ref';
import { RUNS } from './arbitraries';

describe('source labels', () => {
  it('writes path and lines, with the repository of a personal journal after "in"', () => {
    assert.strictEqual(sourceRefLabel({ path: 'src/retry.ts', start: 3, end: 9 }), 'src/retry.ts:3-9');
    assert.strictEqual(sourceRefLabel({ path: 'src/retry.ts', start: 4, end: 4 }), 'src/retry.ts:4');
    assert.strictEqual(
      sourceRefLabel({ path: 'src/retry.ts', start: 3, end: 9, repository: 'acme/payments-service' }),
      'src/retry.ts:3-9 in acme/payments-service',
    );
    assert.strictEqual(
      sourceRefLabel({ path: 'a.ts', start: 1, end: 1, repository: ' web app\n' }),
      'a.ts:1 in web app',
      'a folder name with a space is kept; line breaks are not',
    );
    assert.strictEqual(sourceRefLabel({ path: 'a.ts', start: 1, end: 1, repository: '  ' }), 'a.ts:1');
  });

  it('reads back what it wrote, and the labels written before repositories were recorded', () => {
    assert.deepStrictEqual(parseSourceRef('src/retry.ts:3-9 in acme/payments-service'), {
      path: 'src/retry.ts',
      start: 3,
      end: 9,
      repository: 'acme/payments-service',
    });
    assert.deepStrictEqual(parseSourceRef('src/retry.ts:12'), { path: 'src/retry.ts', start: 12, end: 12 });
    assert.deepStrictEqual(parseSourceRef('web/src/a b.ts:2-3'), { path: 'web/src/a b.ts', start: 2, end: 3 });
  });

  it('gives no place for a terminal, free text, lines backwards, or a path out of the folder', () => {
    for (const label of [
      'terminal “bash”',
      'a conversation with Sam',
      'src/a.ts:9-3',
      'src/a.ts:0',
      '../../etc/passwd:1',
      '/etc/passwd:1 in acme/app',
      'C:/Windows/win.ini:1',
    ]) {
      assert.strictEqual(parseSourceRef(label), undefined, label);
    }
  });

  it('round-trips any path, lines and repository name (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_. -]{0,11}$/).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}(\/[A-Za-z0-9][A-Za-z0-9_.-]{0,20})?$/), {
          nil: undefined,
        }),
        (path, start, length, repository) => {
          const ref =
            repository === undefined
              ? { path, start, end: start + length }
              : { path, start, end: start + length, repository };
          assert.deepStrictEqual(parseSourceRef(sourceRefLabel(ref)), ref);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('matches a repository by its GitHub name or its folder, ignoring case', () => {
    assert.ok(sameRepository('Acme/Payments-Service', ['acme/payments-service', 'payments-service']));
    assert.ok(sameRepository('payments-service', ['acme/payments-service', 'payments-service']));
    assert.ok(!sameRepository('acme/web-app', ['acme/payments-service', 'payments-service']));
  });
});
