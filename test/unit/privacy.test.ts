// Privacy: what a git repository would do with the journal (remotes in its
// config, whether its ignore rules keep the journal out, the one line that
// excludes it), the scrubbing of log lines, the manifest's promises for
// untrusted workspaces — and, over generated meetings with private parts in
// every shape, that nothing private reaches a shareable agenda by way of
// carry-forward, a prep sheet kept in the notes, or a review packet.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { carryForward } from '../../src/core/carry';
import { parseDocument } from '../../src/core/document';
import { JournalIndex } from '../../src/core/journal-index';
import { prepSheetBlock, renderPrepSheet } from '../../src/core/prep';
import {
  displayRemoteUrl,
  EXCLUDE_COMMENT,
  excludeLine,
  ignoreFolders,
  journalIgnoredBy,
  parseGitConfigRemotes,
  parseGitFile,
  redactSecrets,
  relativeInside,
  resolvePosix,
  withExcludeLine,
} from '../../src/core/privacy';
import { ignoredBy, IgnoreSource } from '../../src/core/ignore-rules';
import { renderReview } from '../../src/core/review';
import { shareableAgenda } from '../../src/core/share';
import { applyEdits } from '../../src/core/text';
import { RUNS } from './arbitraries';

const lines = (...ls: string[]): string => ls.join('\n');

describe('privacy: remotes in a git config', () => {
  it('reads each remote with its fetch address, in file order', () => {
    const config = lines(
      '[core]',
      '\trepositoryformatversion = 0',
      '\tbare = false',
      '[remote "origin"]',
      '\turl = https://github.com/acme/app.git',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '[branch "main"]',
      '\tremote = origin',
      '[remote "upstream"]',
      '\turl = git@github.com:upstream/app.git',
    );
    assert.deepStrictEqual(parseGitConfigRemotes(config), [
      { name: 'origin', url: 'https://github.com/acme/app.git' },
      { name: 'upstream', url: 'git@github.com:upstream/app.git' },
    ]);
  });

  it('reads any case, comments, quotes, CRLF, the old [remote.name] form and a key on the section line; a push-only remote counts', () => {
    const config = [
      '# a comment',
      '[REMOTE "Fork"]',
      '  URL = "https://example.com/a b.git" ; trailing comment',
      '[remote.backup] url = /srv/git/app.git',
      '[remote "push-only"]',
      '  pushurl = ssh://git@host/app.git',
      '[remote "no-address"]',
      '  fetch = +refs/heads/*:refs/remotes/x/*',
      '[remote "two"]',
      '  url = first # comment',
      '  url = second',
    ].join('\r\n');
    assert.deepStrictEqual(parseGitConfigRemotes(config), [
      { name: 'Fork', url: 'https://example.com/a b.git' },
      { name: 'backup', url: '/srv/git/app.git' },
      { name: 'push-only', url: 'ssh://git@host/app.git' },
      { name: 'two', url: 'first' },
    ]);
  });

  it('finds none in a config without remotes, an empty one, or garbage', () => {
    assert.deepStrictEqual(parseGitConfigRemotes(lines('[core]', '\tbare = false')), []);
    assert.deepStrictEqual(parseGitConfigRemotes(''), []);
    assert.deepStrictEqual(parseGitConfigRemotes('url = x\n[remote "unterminated\nurl = y'), []);
  });

  it('never fails on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => Array.isArray(parseGitConfigRemotes(text))),
      { numRuns: RUNS },
    );
  });

  it('shows an address without the user name and password in it', () => {
    assert.strictEqual(
      displayRemoteUrl('https://me:ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/acme/app.git'),
      'https://github.com/acme/app.git',
    );
    assert.strictEqual(displayRemoteUrl('https://x-access-token@github.com/acme/app'), 'https://github.com/acme/app');
    assert.strictEqual(displayRemoteUrl('git@github.com:acme/app.git'), 'git@github.com:acme/app.git');
    assert.strictEqual(displayRemoteUrl('/srv/git/app.git'), '/srv/git/app.git');
  });

  it('reads where a .git file points (worktrees, submodules), and resolves paths', () => {
    assert.strictEqual(parseGitFile('gitdir: ../.git/worktrees/feature\n'), '../.git/worktrees/feature');
    assert.strictEqual(parseGitFile('nonsense'), undefined);
    assert.strictEqual(
      resolvePosix('/home/me/wt', '../repo/.git/worktrees/feature'),
      '/home/me/repo/.git/worktrees/feature',
    );
    assert.strictEqual(resolvePosix('/home/me/wt', '/abs/.git'), '/abs/.git');
    assert.strictEqual(resolvePosix('/c:/work/wt', 'C:\\work\\repo\\.git'), 'C:/work/repo/.git');
    assert.strictEqual(resolvePosix('/c:/work/wt', '../repo/.git'), 'c:/work/repo/.git');
    assert.strictEqual(relativeInside('/ws', '/ws/notes/one-on-ones'), 'notes/one-on-ones');
    assert.strictEqual(relativeInside('/ws/', '/ws'), '');
    assert.strictEqual(relativeInside('/ws', '/wsx/a'), undefined);
  });
});

describe('privacy: is the journal ignored?', () => {
  const root = (text: string, label = '.gitignore'): IgnoreSource => ({ base: '', text, label });

  const cases: [string, string, boolean][] = [
    ['one-on-ones/', 'one-on-ones', true],
    ['/one-on-ones/', 'one-on-ones', true],
    ['one-on-ones', 'one-on-ones', true],
    ['/one-on-ones', 'notes/one-on-ones', false],
    ['one-on-ones/', 'notes/one-on-ones', true],
    ['notes/', 'notes/one-on-ones', true],
    ['/notes/one-on-ones/', 'notes/one-on-ones', true],
    ['notes/*', 'notes/one-on-ones', true],
    ['**/one-on-ones', 'a/b/one-on-ones', true],
    ['a/**/one-on-ones', 'a/b/c/one-on-ones', true],
    ['a/**/one-on-ones', 'a/one-on-ones', true],
    ['one-on-ones/*', 'one-on-ones', true],
    ['one-on-ones/**', 'one-on-ones', true],
    ['*.md', 'one-on-ones', true],
    ['one-*', 'one-on-ones', true],
    ['one-on-one?', 'one-on-ones', true],
    ['[o]ne-on-ones', 'one-on-ones', true],
    ['[!o]ne-on-ones', 'one-on-ones', false],
    ['one-on-ones.md', 'one-on-ones', false],
    ['\\#notes', '#notes', true],
    ['one-on-ones/people/', 'one-on-ones', false],
    ['# one-on-ones/', 'one-on-ones', false],
    ['', 'one-on-ones', false],
  ];
  for (const [rule, journal, ignored] of cases) {
    it(`"${rule}" ${ignored ? 'keeps' : 'does not keep'} ${journal} out`, () => {
      assert.strictEqual(journalIgnoredBy(journal, [root(rule)]) !== undefined, ignored);
    });
  }

  it('a later "!" rule brings the journal back; a folder left out cannot be brought back from inside', () => {
    assert.strictEqual(journalIgnoredBy('one-on-ones', [root(lines('one-*', '!one-on-ones'))]), undefined);
    assert.strictEqual(
      journalIgnoredBy('notes/one-on-ones', [root(lines('notes/', '!notes/one-on-ones'))]),
      '.gitignore',
    );
    // The .gitignore beats info/exclude, its precedence being higher.
    assert.strictEqual(
      journalIgnoredBy('one-on-ones', [root('/one-on-ones/', '.git/info/exclude'), root('!one-on-ones')]),
      undefined,
    );
    assert.strictEqual(
      journalIgnoredBy('one-on-ones', [root('/one-on-ones/', '.git/info/exclude'), root('other/')]),
      '.git/info/exclude',
    );
  });

  it("reads the .gitignore of each folder down to the journal, relative to its folder, and a '*' in the journal's own", () => {
    assert.deepStrictEqual(ignoreFolders('notes/one-on-ones'), ['', 'notes', 'notes/one-on-ones']);
    assert.deepStrictEqual(ignoreFolders(''), ['']);
    assert.strictEqual(
      journalIgnoredBy('notes/one-on-ones', [{ base: 'notes', text: '/one-on-ones/', label: 'notes/.gitignore' }]),
      'notes/.gitignore',
    );
    assert.strictEqual(
      journalIgnoredBy('notes/one-on-ones', [{ base: 'other', text: 'one-on-ones/', label: 'other/.gitignore' }]),
      undefined,
    );
    assert.strictEqual(
      journalIgnoredBy('one-on-ones', [
        { base: 'one-on-ones', text: lines('*', '!.gitignore'), label: 'one-on-ones/.gitignore' },
      ]),
      'one-on-ones/.gitignore',
    );
    // Only some of its files: not the journal.
    assert.strictEqual(
      journalIgnoredBy('one-on-ones', [{ base: 'one-on-ones', text: 'people/', label: 'one-on-ones/.gitignore' }]),
      undefined,
    );
  });

  it('a rule for folders does not match a file; trailing spaces are dropped unless escaped', () => {
    assert.strictEqual(ignoredBy('notes.md', false, [root('notes.md/')]), undefined);
    assert.strictEqual(ignoredBy('notes', true, [root('notes   ')]), '.gitignore');
    assert.strictEqual(ignoredBy('notes ', true, [root('notes\\ ')]), '.gitignore');
    assert.strictEqual(ignoredBy('notes', true, [root('notes\\ ')]), undefined);
  });
});

describe('privacy: the exclude line', () => {
  it('anchors the folder at the root of the repository and escapes what git would read as a pattern', () => {
    assert.strictEqual(excludeLine('one-on-ones'), '/one-on-ones/');
    assert.strictEqual(excludeLine('notes/one-on-ones'), '/notes/one-on-ones/');
    assert.strictEqual(excludeLine('my *notes*/[1:1]#!'), '/my \\*notes\\*/\\[1:1\\]\\#\\!/');
  });

  it('appends to the end, with a comment, in the file line ending; adds a missing final line break; creates from nothing', () => {
    assert.strictEqual(withExcludeLine(undefined, '/one-on-ones/'), `${EXCLUDE_COMMENT}\n/one-on-ones/\n`);
    assert.strictEqual(withExcludeLine('', '/one-on-ones/'), `${EXCLUDE_COMMENT}\n/one-on-ones/\n`);
    assert.strictEqual(
      withExcludeLine('# git ls-files --others --exclude-from=.git/info/exclude\n*.log', '/j/'),
      `# git ls-files --others --exclude-from=.git/info/exclude\n*.log\n${EXCLUDE_COMMENT}\n/j/\n`,
    );
    assert.strictEqual(withExcludeLine('a\r\nb\r\n', '/j/'), `a\r\nb\r\n${EXCLUDE_COMMENT}\r\n/j/\r\n`);
    assert.strictEqual(withExcludeLine('a\n/j/  \nb\n', '/j/'), undefined, 'already there');
  });

  it('property: every byte of the file stays, the line is added once, and it then keeps exactly that folder out', () => {
    const segment = fc
      .stringMatching(/^[A-Za-z0-9 ._*?[\]!#-]{1,8}$/)
      .filter((s) => s.trim() !== '' && s !== '.' && s !== '..' && !s.startsWith(' '));
    const existing = fc.option(
      fc
        .array(fc.constantFrom('*.log', '# comment', '', '/build/', '!keep.md', 'x\\ ', 'node_modules'), {
          maxLength: 5,
        })
        .chain((ls) => fc.tuple(fc.constant(ls), fc.constantFrom('\n', '\r\n'), fc.boolean())),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), existing, (segments, ex) => {
        const folder = segments.join('/');
        const before = ex ? ex[0].join(ex[1]) + (ex[2] ? ex[1] : '') : undefined;
        const line = excludeLine(folder);
        const after = withExcludeLine(before, line);
        assert.ok(after !== undefined);
        assert.ok(after.startsWith(before ?? ''), 'nothing before is rewritten');
        assert.strictEqual(withExcludeLine(after, line), undefined, 'a second time adds nothing');
        const sources = [{ base: '', text: after, label: '.git/info/exclude' }];
        assert.strictEqual(journalIgnoredBy(folder, sources), '.git/info/exclude', `${line} keeps ${folder} out`);
        assert.strictEqual(ignoredBy(`${folder}/people/a.md`, false, sources), '.git/info/exclude');
        const sibling = [...segments.slice(0, -1), `${segments[segments.length - 1]}x`].join('/');
        assert.strictEqual(
          ignoredBy(sibling, true, [{ base: '', text: line, label: 'x' }]),
          undefined,
          `${line} leaves ${sibling} alone`,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('privacy: log lines', () => {
  it('scrubs Authorization values, GitHub tokens and passwords in addresses', () => {
    assert.strictEqual(redactSecrets('Authorization: Bearer test-token'), 'Authorization: Bearer [redacted]');
    assert.strictEqual(
      redactSecrets('headers {"authorization":"token abc"}'),
      'headers {"authorization":"token [redacted]"}',
    );
    assert.strictEqual(redactSecrets('used ghp_abcdefghijklmnopqrstuvwxyz0123456789 for x'), 'used [redacted] for x');
    assert.strictEqual(redactSecrets('github_pat_11ABCDEFG0123456789_abcdefghijklmnop'), '[redacted]');
    assert.strictEqual(
      redactSecrets('fetch https://me:secret@ghe.example.com/api failed'),
      'fetch https://[redacted]@ghe.example.com/api failed',
    );
    assert.strictEqual(redactSecrets('Bearer abcdefghijklmnop0123'), 'Bearer [redacted]');
  });

  it('leaves ordinary lines alone', () => {
    for (const line of [
      'Read 42 journal files in 12 ms.',
      'New meeting: created meetings/alex-kim/2026-11-17.md',
      'acme/app#12: GitHub answered 404 for /repos/acme/app/pulls/12.',
      'Reminder claim failed (token expired); showing it in this window.',
      'git@github.com:acme/app.git',
    ]) {
      assert.strictEqual(redactSecrets(line), line);
    }
  });
});

describe('privacy: the manifest', () => {
  // Tests run from out/test/unit; the manifest stays at the root.
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
    contributes: {
      commands: { command: string; category?: string }[];
      menus: { commandPalette: { command: string }[] };
      configuration: { properties: Record<string, { type: string }> };
    };
  };

  it('declares limited support for untrusted workspaces, with the settings a workspace could abuse restricted', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(untrusted.supported, 'limited');
    const restricted = new Set(untrusted.restrictedConfigurations ?? []);
    for (const key of ['oneOnOne.journalFolder', 'oneOnOne.github.apiUrl'])
      assert.ok(restricted.has(key), `${key} is restricted`);
    // Any setting naming a place (a folder, an address, a host) is one.
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      if (schema.type === 'string' && /folder|path|url|uri|host|api/i.test(key))
        assert.ok(restricted.has(key), `${key} names a place: restrict it`);
    }
    for (const key of restricted)
      assert.ok(key in manifest.contributes.configuration.properties, `${key} is one of ours`);
  });

  it('contributes "1:1: Check Journal Privacy" with its category and a palette rule', () => {
    const command = manifest.contributes.commands.find((c) => c.command === 'oneOnOne.checkPrivacy');
    assert.ok(command);
    // Its category is a %key% of package.nls.json, the English text VS Code shows.
    const nls = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.nls.json'), 'utf8')) as Record<
      string,
      string
    >;
    assert.strictEqual(nls[/^%(.+)%$/.exec(command.category ?? '')?.[1] ?? ''], '1:1');
    assert.ok(manifest.contributes.menus.commandPalette.some((m) => m.command === 'oneOnOne.checkPrivacy'));
  });
});

// ---------------------------------------------------------------------------
// Generated meetings with secrets in every private shape the format has.

type Shape = 'open' | 'done' | 'tagged' | 'tagged-sub' | 'continuation' | 'private-child';
const SHAPES: Shape[] = ['open', 'done', 'tagged', 'tagged-sub', 'continuation', 'private-child'];
const SECTIONS = ['Agenda', 'Action items', 'Wins', 'Notes', 'Private'] as const;

const subArb = fc.record({
  heading: fc.constantFrom('Private', 'PRIVATE:', 'Aside #private', 'Details', 'More'),
  shapes: fc.array(fc.constantFrom(...SHAPES), { maxLength: 3 }),
});
const meetingArb = fc.record({
  sections: fc.shuffledSubarray([...SECTIONS], { minLength: 1 }).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record({
          name: fc.constant(name),
          tag: fc.constantFrom('', '', '', ' #private', ' #private/career'),
          shapes: fc.array(fc.constantFrom(...SHAPES), { maxLength: 4 }),
          sub: fc.option(subArb),
        }),
      ),
    ),
  ),
  crlf: fc.boolean(),
});

interface Generated {
  readonly text: string;
  readonly secrets: string[];
  /** Open public items of the Agenda and Action items: carried. */
  readonly carried: string[];
  /** Public items of Wins: in a review packet. */
  readonly wins: string[];
}

function renderMeeting(
  m: typeof meetingArb extends fc.Arbitrary<infer T> ? T : never,
  date: string,
  status: string,
): Generated {
  let n = 0;
  const secrets: string[] = [];
  const carried: string[] = [];
  const wins: string[] = [];
  const out = ['---', `date: ${date}`, `status: ${status}`, '---', '', `# 1:1 — ${date}`, ''];
  const marker = (hidden: boolean): string => {
    const s = `${hidden ? 'SECRET' : 'PUBLIC'}${n++}X`;
    if (hidden) secrets.push(s);
    return s;
  };
  const items = (shapes: readonly Shape[], hidden: boolean, section: string): void => {
    for (const shape of shapes) {
      const carries = !hidden && (section === 'Agenda' || section === 'Action items');
      switch (shape) {
        case 'open':
        case 'done': {
          const a = marker(hidden);
          out.push(`- [${shape === 'done' ? 'x' : ' '}] ${a}`);
          if (carries && shape === 'open') carried.push(a);
          if (!hidden && section === 'Wins') wins.push(a);
          break;
        }
        case 'tagged':
          out.push(`- [ ] ${marker(true)} #private`, `  - ${marker(true)} under it`);
          break;
        case 'tagged-sub':
          out.push(`- [ ] #Private/career ${marker(true)}`);
          break;
        case 'continuation':
          out.push(`- [ ] ${marker(true)} topic`, `  detail ${marker(true)} #private`);
          break;
        case 'private-child': {
          const a = marker(hidden);
          out.push(`- [ ] ${a}`, `  - [ ] ${marker(true)} #private`);
          if (carries) carried.push(a);
          if (!hidden && section === 'Wins') wins.push(a);
          break;
        }
      }
    }
  };
  for (const s of m.sections) {
    const hidden = s.name === 'Private' || s.tag !== '';
    out.push(`## ${s.name}${s.tag}`, '');
    items(s.shapes, hidden, s.name);
    out.push('');
    if (s.sub) {
      const subHidden = hidden || /private/i.test(s.sub.heading);
      out.push(`### ${s.sub.heading}`, '');
      items(s.sub.shapes, subHidden, s.name);
      out.push('');
    }
  }
  return { text: out.join(m.crlf ? '\r\n' : '\n'), secrets, carried, wins };
}

const TARGET = lines(
  '---',
  'date: 2026-10-08',
  'status: planned',
  '---',
  '',
  '# 1:1 — 2026-10-08',
  '',
  '## Agenda',
  '',
  '## Notes',
  '',
  '## Action items',
  '',
  '## Private',
  '',
);

describe('privacy: nothing private reaches a shareable agenda or a review packet (generated meetings)', () => {
  it('carried forward, a private item stays private: the next agenda, shared, holds no secret and every public open item', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const source = renderMeeting(m, '2026-10-01', 'done');
        const result = carryForward(parseDocument(source.text), parseDocument(TARGET), '2026-10-01', '2026-10-01.md');
        assert.ok(!('error' in result.edits), 'carried');
        const next = applyEdits(TARGET, result.edits.edits);
        const shared = shareableAgenda(parseDocument(next)).markdown;
        for (const s of source.secrets)
          assert.ok(!shared.includes(s), `${s} leaked into the next agenda:\n${shared}\n--- from:\n${source.text}`);
        for (const p of source.carried) assert.ok(shared.includes(p), `${p} was not carried:\n${shared}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('a prep sheet kept in the notes of the next meeting, shared, holds no secret', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const source = renderMeeting(m, '2026-10-01', 'done');
        const carried = carryForward(
          parseDocument(source.text),
          parseDocument(TARGET),
          '2026-10-01',
          '2026-10-01.md',
        ).edits;
        const next = 'edits' in carried ? applyEdits(TARGET, carried.edits) : TARGET;
        const index = new JournalIndex();
        index.update('people/alex.md', lines('---', 'name: Alex', '---'));
        index.update('meetings/alex/2026-10-01.md', source.text);
        index.update('meetings/alex/2026-10-08.md', next);
        const sheet = renderPrepSheet({
          index,
          person: index.person('alex')!,
          date: '2026-10-08',
          today: '2026-10-07',
          link: (p: string) => p,
        });
        const kept = next.replace('## Notes\n', `## Notes\n\n${prepSheetBlock(sheet, '2026-10-07').join('\n')}\n`);
        const shared = shareableAgenda(parseDocument(kept)).markdown;
        for (const s of source.secrets)
          assert.ok(!shared.includes(s), `${s} leaked through the prep sheet:\n${shared}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('a review packet holds no secret, and every public win', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const source = renderMeeting(m, '2026-10-01', 'done');
        const index = new JournalIndex();
        index.update('people/alex.md', lines('---', 'name: Alex', '---'));
        index.update('meetings/alex/2026-10-01.md', source.text);
        for (const person of [undefined, index.person('alex')]) {
          const packet = renderReview({
            index,
            from: '2026-10-01',
            to: '2026-10-31',
            person,
            texts: new Map(),
            outPath: 'reviews/2026-10-01_2026-10-31.md',
          });
          for (const s of source.secrets)
            assert.ok(!packet.includes(s), `${s} leaked into the review packet:\n${packet}`);
          for (const w of source.wins) assert.ok(packet.includes(w), `${w} is missing from the packet:\n${packet}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
