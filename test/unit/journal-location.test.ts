// Where the journal lives (src/core/journal-location.ts): the user's own
// oneOnOne.journalFolder may name a folder anywhere, in every form people
// write paths in; a workspace's value stays inside the workspace; and the
// order in which places are tried is the documented one.

import * as assert from 'assert';
import fc from 'fast-check';
import { journalPlan, topOfDisk, userFolderSetting } from '../../src/core/journal-location';
import { RUNS } from './arbitraries';

const HOME = '/home/me';

describe('journal location: the user value of oneOnOne.journalFolder', () => {
  it('reads absolute, home and Windows forms as a personal folder', () => {
    const cases: [string, string][] = [
      ['/abs/path/my-1on1s', '/abs/path/my-1on1s'],
      ['/abs/path/my-1on1s/', '/abs/path/my-1on1s'],
      ['/abs//path/./x', '/abs/path/x'],
      ['~/one-on-ones', '/home/me/one-on-ones'],
      ['~', '/home/me'],
      ['${userHome}/notes/1on1', '/home/me/notes/1on1'],
      ['C:\\Users\\me\\journal', 'C:/Users/me/journal'],
      ['c:/Users/me/journal/', 'c:/Users/me/journal'],
      ['C:\\', 'C:/'],
      ['\\\\server\\share\\journal', '//server/share/journal'],
      ['//server/share', '//server/share'],
      [' ~/spaced ', '/home/me/spaced'],
    ];
    for (const [value, personal] of cases) {
      assert.deepStrictEqual(userFolderSetting(value, HOME), { personal }, value);
    }
  });

  it('joins ~ to a home folder written with a trailing separator or backslashes', () => {
    assert.deepStrictEqual(userFolderSetting('~/j', '/home/me/'), { personal: '/home/me/j' });
    assert.deepStrictEqual(userFolderSetting('~\\j', 'C:\\Users\\me'), { personal: 'C:/Users/me/j' });
  });

  it('keeps a relative value relative (looked for in the workspace)', () => {
    assert.deepStrictEqual(userFolderSetting('notes/1on1', HOME), { relative: 'notes/1on1' });
    assert.deepStrictEqual(userFolderSetting(undefined, HOME), { relative: 'one-on-ones' });
    assert.deepStrictEqual(userFolderSetting('', HOME), { relative: 'one-on-ones' });
  });

  it('refuses what it cannot place, saying why and quoting the value', () => {
    const cases: [string, string | undefined, RegExp][] = [
      ['~/journal', undefined, /home folder is not known/],
      ['${userHome}/journal', undefined, /home folder is not known/],
      ['~alex/journal', HOME, /another user's home/],
      ['/home/me/../other', HOME, /"\.\."/],
      ['c:journal', HOME, /drive letter/],
      ['\\\\server', HOME, /server but no shared folder/],
      ['/a\u0001b', HOME, /control character/],
      ['../outside', HOME, /leads out of the workspace/],
    ];
    for (const [value, home, message] of cases) {
      const result = userFolderSetting(value, home);
      assert.ok('error' in result, `${JSON.stringify(value)} was accepted as ${JSON.stringify(result)}`);
      assert.match(result.error, message, value);
      assert.ok(result.error.includes(value.trim()), `the message quotes ${value}`);
    }
  });

  it('property: a personal folder is absolute, has no "." or ".." segment and no empty one', () => {
    const segment = fc.oneof(fc.constantFrom('.', '..', '', 'a', 'b c', 'é'), fc.string({ maxLength: 4 }));
    const value = fc
      .tuple(
        fc.constantFrom('/', '~/', '${userHome}/', 'C:\\', 'D:/', '\\\\srv\\'),
        fc.array(segment, { maxLength: 5 }),
      )
      .map(([head, parts]) => head + parts.join(head.includes('\\') ? '\\' : '/'));
    fc.assert(
      fc.property(value, (v) => {
        const result = userFolderSetting(v, HOME);
        if (!('personal' in result)) return;
        const p = result.personal;
        assert.ok(/^(\/|[A-Za-z]:\/)/.test(p), p);
        const rest = p.replace(/^(\/\/|\/|[A-Za-z]:\/)/, '');
        if (rest !== '') for (const s of rest.split('/')) assert.ok(s !== '' && s !== '.' && s !== '..', p);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('journal location: the order places are tried in', () => {
  const repo = { path: '/work/payments-service', value: undefined };
  const web = { path: '/work/web-app', value: undefined };

  it('a personal folder, with no folder open at all', () => {
    const plan = journalPlan([], '~/one-on-ones', HOME);
    assert.deepStrictEqual(plan.candidates, [{ kind: 'personal', path: '/home/me/one-on-ones' }]);
    assert.deepStrictEqual(plan.create, { kind: 'personal', path: '/home/me/one-on-ones' });
    assert.deepStrictEqual(plan.problems, []);
  });

  it('a workspace value that exists comes before the personal folder, which is where a new journal goes', () => {
    const plan = journalPlan([{ ...repo, value: 'docs/1on1' }], '/abs/j', HOME);
    assert.deepStrictEqual(plan.candidates, [
      { kind: 'workspace', folder: 0, relative: 'docs/1on1', from: 'workspace' },
      { kind: 'personal', path: '/abs/j' },
    ]);
    assert.deepStrictEqual(plan.create, { kind: 'personal', path: '/abs/j' });
  });

  it('a workspace can never point the journal outside itself: its absolute value is not used, and said so', () => {
    const plan = journalPlan(
      [
        { ...repo, value: '/etc' },
        { ...web, value: '~/x' },
      ],
      undefined,
      HOME,
    );
    assert.deepStrictEqual(plan.candidates, [
      { kind: 'workspace', folder: 0, relative: 'one-on-ones', from: 'default' },
      { kind: 'workspace', folder: 1, relative: 'one-on-ones', from: 'default' },
    ]);
    assert.strictEqual(plan.problems.length, 2);
    for (const p of plan.problems) assert.match(p, /this workspace's setting; it is not used/);
  });

  it('a relative value is looked for in every folder of a multi-root workspace, the first one creating it', () => {
    const plan = journalPlan([repo, web], 'notes/1on1', HOME);
    assert.deepStrictEqual(plan.candidates, [
      { kind: 'workspace', folder: 0, relative: 'notes/1on1', from: 'user' },
      { kind: 'workspace', folder: 1, relative: 'notes/1on1', from: 'user' },
    ]);
    assert.deepStrictEqual(plan.create, plan.candidates[0]);
  });

  it('without any value: one-on-ones in each folder; a workspace value of its own is where Create Journal makes it', () => {
    assert.deepStrictEqual(journalPlan([repo], undefined, HOME).create, {
      kind: 'workspace',
      folder: 0,
      relative: 'one-on-ones',
      from: 'default',
    });
    assert.deepStrictEqual(journalPlan([repo, { ...web, value: 'j' }], undefined, HOME).create, {
      kind: 'workspace',
      folder: 1,
      relative: 'j',
      from: 'workspace',
    });
  });

  it('a relative user value with no folder open: nowhere to look, and a message that says what to do', () => {
    const plan = journalPlan([], 'notes', HOME);
    assert.deepStrictEqual(plan.candidates, []);
    assert.strictEqual(plan.create, undefined);
    assert.strictEqual(plan.problems.length, 1);
    assert.match(plan.problems[0]!, /"notes" is relative, and no folder is open.*~\/one-on-ones/);
  });

  it('no folder and no value: nothing to look for and nothing wrong', () => {
    assert.deepStrictEqual(journalPlan([], undefined, HOME), { candidates: [], create: undefined, problems: [] });
  });

  it('a user value that cannot be placed falls back to the default in the workspace, and says why', () => {
    const plan = journalPlan([repo], '~/j', undefined);
    assert.deepStrictEqual(plan.candidates, [
      { kind: 'workspace', folder: 0, relative: 'one-on-ones', from: 'default' },
    ]);
    assert.match(plan.problems[0]!, /home folder is not known/);
  });
});

describe('journal location: where the path guard starts its walk to a personal journal', () => {
  it('is the root, a drive, or a UNC share', () => {
    assert.strictEqual(topOfDisk('/home/me/one-on-ones', false), '/');
    assert.strictEqual(topOfDisk('/c:/Users/me/1on1', false), '/c:/');
    assert.strictEqual(topOfDisk('/C:', false), '/C:/');
    assert.strictEqual(topOfDisk('/share/journal', true), '/share');
    assert.strictEqual(topOfDisk('/', true), '/');
  });

  it('is a prefix of every personal folder the setting can name (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const form = fc.oneof(
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => ({ value: `/${s.join('/')}`, authority: false })),
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => ({ value: `~/${s.join('/')}`, authority: false })),
      fc
        .tuple(fc.constantFrom('C', 'd'), fc.array(segment, { minLength: 1, maxLength: 3 }))
        .map(([d, s]) => ({ value: `${d}:\\${s.join('\\')}`, authority: false })),
      fc
        .tuple(segment, fc.array(segment, { minLength: 1, maxLength: 3 }))
        .map(([server, s]) => ({ value: `\\\\${server}\\${s.join('\\')}`, authority: true })),
    );
    fc.assert(
      fc.property(form, ({ value, authority }) => {
        const result = userFolderSetting(value, HOME);
        assert.ok('personal' in result, `${value}: ${JSON.stringify(result)}`);
        // As vscode.Uri.file would give it: a drive gets a leading slash; a UNC server becomes the authority.
        const uriPath = authority
          ? result.personal.replace(/^\/\/[^/]+/, '')
          : /^[A-Za-z]:/.test(result.personal)
            ? `/${result.personal}`
            : result.personal;
        const top = topOfDisk(uriPath, authority);
        assert.ok(
          uriPath === top || uriPath.startsWith(top.endsWith('/') ? top : `${top}/`),
          `${uriPath} under ${top}`,
        );
        assert.ok(!uriPath.slice(top.length).split('/').includes('..'), 'no ".." below the top');
      }),
      { numRuns: RUNS },
    );
  });
});
