// Path safety, the core half: no name — typed, passed to a command, read from
// a file name or received from GitHub — makes a path that leaves the journal
// folder or that some platform cannot hold. The host half (links, read-only
// folders, the URI check) is tested in VS Code: test/integration/path-safety.test.ts.

import * as assert from 'assert';
import * as nodePath from 'path';
import fc from 'fast-check';
import {
  classify,
  containedPath,
  escapeProblem,
  feedbackPath,
  goalPath,
  isContainedPath,
  isSafeRelativePath,
  journalFolderSetting,
  meetingPath,
  MAX_NEW_PATH_LENGTH,
  newNameProblem,
  newPathProblem,
  personPath,
  slugify,
  utf8Length,
} from '../../src/core/layout';
import { reviewPath } from '../../src/core/review';
import { RUNS } from './arbitraries';

/** Names an attacker, a careless script or a very unlucky user might pass. */
const HOSTILE = [
  '..',
  '.',
  '../',
  '../../etc/passwd',
  '..\\..\\Windows\\System32',
  '/etc/passwd',
  '/',
  '//server/share',
  '\\\\server\\share\\x',
  'C:\\Windows\\win.ini',
  'C:',
  'c:x',
  'D:/x',
  '~',
  '~/x',
  '%2e%2e%2f',
  '%2e%2e/x',
  'a/../../b',
  'a/./b',
  'a//b',
  'people/',
  'CON',
  'con',
  'nul.txt',
  'NUL.md',
  'COM1',
  'com¹',
  'LPT9',
  'lpt1.md',
  'AUX',
  'PRN.tar.gz',
  'CONIN$',
  'conout$',
  'con .md',
  'ｃｏｎ',
  'name.',
  'name ',
  'name. ',
  '.hidden',
  '...',
  '. .',
  ' ',
  '\t',
  'a\u0000b',
  '\u0000',
  '\u0007bell',
  'a\nb',
  'a\rb',
  '\u001b[31mred',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  '\ufeffbom',
  '．．',
  '．．／．．／x',
  '‥',
  '‥/x',
  'a／b',
  'a＼b',
  'a∕b',
  'a⁄b',
  '⧸',
  '＜＞：＂｜？＊',
  '\uD800',
  'a\uDC00b',
  '\uD83D',
  '🎉',
  '👩🏽‍💻',
  'İstanbul',
  'ß',
  'ﬁle',
  '⒈⒈',
  'Ⅻ',
  '𝔘𝔫𝔦',
  'x'.repeat(300),
  '山'.repeat(200),
  '\u{20000}'.repeat(100),
  '<script>',
  'a:b',
  'a|b',
  'a?b',
  'a*b',
  '"q"',
  'file:///etc/passwd',
  'https://github.com/o/r/pull/1',
  'owner/repo#123',
];

const hostileName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.array(fc.constantFrom(...HOSTILE, '/', '\\', '.', ' ', ':', 'a'), { maxLength: 8 }).map((parts) => parts.join('')),
);

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** What every path the extension creates must be, checked independently of layout.ts. */
function assertPortableInside(path: string): void {
  assert.strictEqual(newPathProblem(path), undefined, `${JSON.stringify(path)}: ${newPathProblem(path)}`);
  assert.ok(isSafeRelativePath(path));
  assert.ok(path.length <= MAX_NEW_PATH_LENGTH);
  // Resolved against a journal root by POSIX and Windows rules alike, it stays inside.
  assert.ok(nodePath.posix.resolve('/j', path).startsWith('/j/'), path);
  assert.ok(nodePath.win32.resolve('C:\\j', path).startsWith('C:\\j\\'), path);
  assert.ok(nodePath.posix.resolve('/j', path.normalize('NFKC')).startsWith('/j/'), `NFKC ${path}`);
  for (const segment of path.split('/')) {
    assert.ok(segment !== '' && segment !== '.' && segment !== '..', path);
    assert.ok(!/[\\<>:"|?*\p{Cc}\p{Cf}]/u.test(segment), `illegal character in ${JSON.stringify(segment)}`);
    assert.ok(
      !/[. ]$/.test(segment) && !segment.startsWith('.'),
      `dot or space at an end of ${JSON.stringify(segment)}`,
    );
    assert.ok(
      !/^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)$/i.test(segment.normalize('NFKC').split('.')[0]!.trimEnd()),
      `reserved ${segment}`,
    );
    assert.ok(Buffer.byteLength(segment, 'utf8') <= 255, `long ${segment}`);
    assert.ok(
      !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(segment),
      `lone surrogate in ${JSON.stringify(segment)}`,
    );
  }
}

describe('path safety: slugify and the path builders', () => {
  it('property: for any name, the slug is a portable name and every path built from it stays inside the journal', () => {
    fc.assert(
      fc.property(hostileName, isoDate, isoDate, fc.integer({ min: 2, max: 999 }), (name, date, other, n) => {
        const slug = slugify(name);
        if (slug === undefined) return;
        assert.strictEqual(
          newNameProblem(slug),
          undefined,
          `${JSON.stringify(name)} → ${JSON.stringify(slug)}: ${newNameProblem(slug)}`,
        );
        // freePath adds -2, -3… when a name is taken.
        for (const s of [slug, `${slug}-${n}`]) {
          for (const path of [
            personPath(s),
            goalPath(s),
            feedbackPath(s),
            meetingPath(s, date),
            reviewPath(date, other, s),
          ])
            assertPortableInside(path);
          assert.deepStrictEqual(classify(personPath(s)), { kind: 'person', slug: s });
          assert.deepStrictEqual(classify(goalPath(s)), { kind: 'goal', slug: s });
          assert.deepStrictEqual(classify(feedbackPath(s)), { kind: 'feedback', slug: s });
          assert.deepStrictEqual(classify(meetingPath(s, date)), { kind: 'meeting', slug: date, person: s, date });
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('turns every hostile name into a plain slug, or into nothing', () => {
    const cases: [string, string | undefined][] = [
      ['../../etc/passwd', 'etc-passwd'],
      ['..\\..\\Windows\\System32', 'windows-system32'],
      ['C:\\Windows\\win.ini', 'c-windows-win-ini'],
      ['/etc/passwd', 'etc-passwd'],
      ['~/x', 'x'],
      ['CON', 'con-1'],
      ['nul.txt', 'nul-txt'],
      ['COM1', 'com1-1'],
      ['com¹', 'com1-1'],
      ['ｃｏｎ', 'con-1'],
      ['．．／．．／x', 'x'],
      ['‥/x', 'x'],
      ['a／b', 'a-b'],
      ['a∕b', 'a-b'],
      ['name.', 'name'],
      ['\u202eevil\u202c', 'evil'],
      ['zero\u200bwidth', 'zero-width'],
      ['a\u0000b', 'a-b'],
      ['%2e%2e%2f', '2e-2e-2f'],
      ['..', undefined],
      ['\u0000', undefined],
      ['\uD800', undefined],
      ['🎉', undefined],
    ];
    for (const [name, slug] of cases) assert.strictEqual(slugify(name), slug, JSON.stringify(name));
    assert.ok(slugify('x'.repeat(300))!.length <= 64);
  });
});

describe('path safety: escapeProblem (what could leave the journal)', () => {
  it('refuses escaping, absolute, drive, backslash, empty, control and broken paths, with a reason', () => {
    const refused: [string, RegExp][] = [
      ['', /empty/],
      ['..', /"\.\." segment/],
      ['../x.md', /"\.\." segment/],
      ['people/../../x.md', /"\.\." segment/],
      ['./x.md', /"\." segment/],
      ['/etc/passwd', /absolute/],
      ['//server/share', /absolute/],
      ['C:/Windows', /drive letter/],
      ['c:x', /drive letter/],
      ['a\\b', /backslash/],
      ['\\\\server\\share', /backslash/],
      ['a//b', /empty folder name/],
      ['people/', /empty folder name/],
      ['a\u0000b', /control character/],
      ['a\nb', /control character/],
      ['a\u0085b', /control character/],
      ['a\uD800b', /broken Unicode/],
      ['．．/x', /look-alike/],
      ['‥/x', /look-alike/],
      ['a/．．', /look-alike/],
      ['a＼b', /look-alike/],
      ['Ｃ：/x', /look-alike/],
    ];
    for (const [path, reason] of refused) {
      const problem = escapeProblem(path);
      assert.ok(problem, `${JSON.stringify(path)} was accepted`);
      assert.match(problem, reason, JSON.stringify(path));
      assert.strictEqual(isContainedPath(path), false);
      assert.strictEqual(isSafeRelativePath(path), false);
    }
  });

  it('accepts the journal paths people actually have, whatever the script', () => {
    for (const path of [
      'people/alex-kim.md',
      'meetings/alex-kim/2026-11-10.md',
      'meetings/a/2026-11-10 late.md',
      'goals/山田.md',
      'feedback/ﬁle.md',
      'people/Zoë.md',
      'a…b.md',
      'people/con.md',
    ]) {
      assert.strictEqual(escapeProblem(path), undefined, path);
    }
  });

  it('property: a path it accepts resolves inside the root, by POSIX and by Windows rules, also read as NFKC', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { minLength: 1, maxLength: 4 }), (parts) => {
        const path = parts.join('/');
        if (escapeProblem(path) !== undefined) return;
        for (const p of [path, path.normalize('NFKC')]) {
          assert.ok(nodePath.posix.resolve('/j', p).startsWith('/j/'), JSON.stringify(p));
          assert.ok(nodePath.win32.resolve('C:\\j', p).startsWith('C:\\j\\'), JSON.stringify(p));
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('path safety: newPathProblem (what the extension will create)', () => {
  it('refuses names some platform cannot hold or shows as another, and says which name and why', () => {
    const refused: [string, RegExp][] = [
      ['people/con.md', /"con\.md" is a reserved device name/],
      ['people/CON', /reserved/],
      ['people/nul.txt', /reserved/],
      ['people/Com1.md', /reserved/],
      ['people/com¹.md', /reserved/],
      ['people/lpt9', /reserved/],
      ['people/conin$.md', /reserved/],
      ['people/con .md', /reserved/],
      ['people/ｃｏｎ.md', /reserved/],
      ['people/name.', /ends with a dot or a space/],
      ['people/name ', /ends with a dot or a space/],
      ['meetings/alex./2026-01-01.md', /"alex\." ends with a dot/],
      ['people/.hidden.md', /starts with a dot/],
      ['people/a:b.md', /contains :/],
      ['people/a<b>.md', /contains </],
      ['people/a?.md', /contains \?/],
      ['people/\u202eevil.md', /invisible or slash-like/],
      ['people/a\u200bb.md', /invisible or slash-like/],
      ['people/a∕b.md', /invisible or slash-like/],
      ['people/a⁄b.md', /invisible or slash-like/],
      [`people/${'x'.repeat(256)}.md`, /longer than/],
      [`people/${'山'.repeat(86)}.md`, /longer than 255 bytes/],
      [`${'a/'.repeat(120)}x.md`, /longer than 200 characters/],
      ['../x.md', /"\.\." segment/],
    ];
    for (const [path, reason] of refused) {
      const problem = newPathProblem(path);
      assert.ok(problem, `${JSON.stringify(path)} was accepted`);
      assert.match(problem, reason, JSON.stringify(path));
    }
  });

  it('checks only the names about to be made: an existing folder is the user\u2019s to name', () => {
    assert.match(newPathProblem('meetings/alex./2026-01-01.md')!, /alex\./);
    assert.strictEqual(newPathProblem('meetings/alex./2026-01-01.md', 2), undefined);
    // …but never lets an existing part escape.
    assert.match(newPathProblem('meetings/../2026-01-01.md', 2)!, /"\.\." segment/);
  });
});

describe('path safety: containedPath (the URI check of the host)', () => {
  it('gives the relative path of a URI path strictly inside the root, and nothing else', () => {
    assert.strictEqual(containedPath('/ws/one-on-ones', '/ws/one-on-ones/people/a.md'), 'people/a.md');
    assert.strictEqual(containedPath('/ws/one-on-ones/', '/ws/one-on-ones/people/a.md'), 'people/a.md');
    assert.strictEqual(containedPath('/ws/one-on-ones', '/ws/one-on-ones'), undefined);
    assert.strictEqual(
      containedPath('/ws/one-on-ones', '/ws/one-on-ones-evil/x.md'),
      undefined,
      'a sibling with the root as prefix',
    );
    assert.strictEqual(containedPath('/ws/one-on-ones', '/ws/one-on-ones/../x.md'), undefined);
    assert.strictEqual(containedPath('/ws/one-on-ones', '/ws/one-on-ones/a/../../x.md'), undefined);
    assert.strictEqual(containedPath('/ws/one-on-ones', '/ws/x.md'), undefined);
    assert.strictEqual(containedPath('/c:/ws/j', '/c:/ws/j/people/a.md'), 'people/a.md');
  });

  it('property: inside exactly when the rest is a contained path', () => {
    fc.assert(
      fc.property(hostileName, (rest) => {
        const found = containedPath('/ws/j', `/ws/j/${rest}`);
        assert.strictEqual(found, escapeProblem(rest) === undefined ? rest : undefined);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('path safety: the oneOnOne.journalFolder setting', () => {
  it('reads relative folders, with backslashes and dots tidied', () => {
    assert.deepStrictEqual(journalFolderSetting(undefined), { relative: 'one-on-ones' });
    assert.deepStrictEqual(journalFolderSetting(''), { relative: 'one-on-ones' });
    assert.deepStrictEqual(journalFolderSetting(42), { relative: 'one-on-ones' });
    assert.deepStrictEqual(journalFolderSetting('notes\\1on1'), { relative: 'notes/1on1' });
    assert.deepStrictEqual(journalFolderSetting('./a/./b/'), { relative: 'a/b' });
    assert.deepStrictEqual(journalFolderSetting('.'), { relative: '' });
    assert.deepStrictEqual(journalFolderSetting(' journal '), { relative: 'journal' });
  });

  it('refuses a folder outside the workspace instead of quietly choosing another', () => {
    for (const value of [
      '../x',
      'a/../../x',
      '..',
      '/etc',
      '\\\\server\\share',
      'C:\\Users\\me\\journal',
      'c:journal',
      '~/journal',
      'a\u0000b',
      '．．/x',
    ]) {
      const result = journalFolderSetting(value);
      assert.ok('error' in result, `${JSON.stringify(value)} was accepted as ${JSON.stringify(result)}`);
      assert.match(result.error, /oneOnOne\.journalFolder/);
      assert.ok(result.error.includes(value.trim()), 'the message quotes the setting');
    }
  });

  it('property: whatever the setting, the journal folder is the workspace folder or inside it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileName,
          fc.array(hostileName, { maxLength: 3 }).map((p) => p.join('/')),
        ),
        (value) => {
          const result = journalFolderSetting(value);
          if ('error' in result) return;
          if (result.relative === '') return;
          assert.strictEqual(escapeProblem(result.relative), undefined, JSON.stringify(value));
          assert.ok(nodePath.posix.resolve('/ws', result.relative).startsWith('/ws/'));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('path safety: helpers', () => {
  it('property: utf8Length is the UTF-8 length of well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) =>
        assert.strictEqual(utf8Length(text), Buffer.byteLength(text, 'utf8')),
      ),
      { numRuns: RUNS },
    );
  });

  it('property: the checks never throw, on any string', () => {
    fc.assert(
      fc.property(hostileName, (s) => {
        escapeProblem(s);
        newPathProblem(s);
        newNameProblem(s);
        journalFolderSetting(s);
        containedPath('/r', s);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
