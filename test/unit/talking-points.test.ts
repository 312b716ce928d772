// Talking points: themes, summaries, the rendered list item (source line and
// excerpt), GitHub remotes and permalinks — and, as properties, that no
// selection, whatever it holds, can break the meeting file it is added to.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import {
  addListItem,
  NewListItem,
  renderListItem,
  SectionTarget,
  withoutControlCharacters,
} from '../../src/core/edits';
import { findSection, itemsIn } from '../../src/core/markdown-sections';
import {
  codeSpan,
  excerptLines,
  findTheme,
  MAX_EXCERPT_LINES,
  parseGitHubRemote,
  permalink,
  sourceLabel,
  summarize,
  talkingPointItem,
  THEMES,
  Theme,
  themeInText,
} from '../../src/core/talking-points';
import { applyEdits } from '../../src/core/text';
import { languageArb, meetingFileArb, pathArb, selectionArb, urlArb } from './talking-point-arbitraries';

const RUNS = 200;
const AGENDA: SectionTarget = { heading: 'Agenda', createAt: 'start' };

function theme(name: string): Theme {
  const t = findTheme(name);
  if (!t) throw new Error(`no theme ${name}`);
  return t;
}

describe('talking points: findTheme', () => {
  it('finds every theme by its id, its tag and its label', () => {
    for (const t of THEMES) {
      assert.strictEqual(findTheme(t.id), t);
      assert.strictEqual(findTheme(t.tag), t);
      assert.strictEqual(findTheme(t.label), t);
    }
  });

  it('ignores case, surrounding whitespace and one leading #', () => {
    assert.strictEqual(findTheme('GROWTH')?.id, 'growth');
    assert.strictEqual(findTheme('  Blocker\t')?.id, 'blocker');
    assert.strictEqual(findTheme('#feedback')?.id, 'feedback');
    assert.strictEqual(findTheme('#Team/Process')?.id, 'team/process');
    assert.strictEqual(findTheme('team / PROCESS')?.id, 'team/process');
  });

  it('takes team-process, process and team as team/process', () => {
    for (const alias of ['team-process', 'process', 'team', 'Process', '#team-process'])
      assert.strictEqual(findTheme(alias)?.id, 'team/process', alias);
  });

  it('returns undefined for unknown names', () => {
    for (const name of ['', ' ', '#', 'growthy', 'grow', '##growth', 'team process', 'teamprocess', 'misc', 'win!'])
      assert.strictEqual(findTheme(name), undefined, name);
  });
});

describe('talking points: themeInText', () => {
  it('finds the first known tag, in the order written', () => {
    assert.strictEqual(themeInText('Talk about #win then #growth')?.id, 'win');
    assert.strictEqual(themeInText('#growth and #win')?.id, 'growth');
    assert.strictEqual(themeInText('#unknown #other-thing #Blocker: the build')?.id, 'blocker');
    assert.strictEqual(themeInText('how we work #team/process')?.id, 'team/process');
    assert.strictEqual(themeInText('how we work #process')?.id, 'team/process');
  });

  it('ignores tags inside inline code, link targets and mid-word #', () => {
    assert.strictEqual(themeInText('`#growth` is a tag, #feedback is the theme')?.id, 'feedback');
    assert.strictEqual(themeInText('only `#growth` here'), undefined);
    assert.strictEqual(themeInText('[see](http://x/#win)'), undefined);
    assert.strictEqual(themeInText('issue#win'), undefined);
  });

  it('returns undefined when no known theme is tagged', () => {
    assert.strictEqual(themeInText(''), undefined);
    assert.strictEqual(themeInText('growth without a hash'), undefined);
    assert.strictEqual(themeInText('#42 #misc'), undefined);
  });
});

describe('talking points: summarize', () => {
  it('takes the first non-blank line, collapsing whitespace', () => {
    assert.strictEqual(
      summarize('\n   \n\t  retry   storms\tin the   client  \nsecond line'),
      'retry storms in the client',
    );
    assert.strictEqual(summarize('one'), 'one');
  });

  it('splits on CRLF and lone CR too', () => {
    assert.strictEqual(summarize('\r\n  \r\nfirst\r\nsecond'), 'first');
    assert.strictEqual(summarize('\r\rfirst\rsecond'), 'first');
  });

  it('is empty for blank text', () => {
    assert.strictEqual(summarize(''), '');
    assert.strictEqual(summarize(' \n\t\r\n '), '');
  });

  it('keeps lines of up to 100 characters, shortens longer ones to 100 with …', () => {
    const exactly = 'x'.repeat(100);
    assert.strictEqual(summarize(exactly), exactly);
    const long = summarize('y'.repeat(101));
    assert.strictEqual(long, `${'y'.repeat(99)}…`);
    assert.strictEqual(long.length, 100);
  });

  it('does not leave a space before the …', () => {
    const text = `${'a'.repeat(98)} bcdef`;
    assert.strictEqual(summarize(text), `${'a'.repeat(98)}…`);
  });

  it('measures the collapsed line, not the raw one', () => {
    // 234 characters as written, 89 once the runs of spaces are one space each.
    const spaced = Array.from({ length: 30 }, () => 'ab').join('      ');
    assert.strictEqual(summarize(spaced), Array.from({ length: 30 }, () => 'ab').join(' '));
  });

  it('does not cut a surrogate pair in half when shortening', () => {
    // 98 letters, then an emoji (two UTF-16 units) across the cut at 99.
    const text = `${'a'.repeat(98)}😀 and more text after it`;
    const summary = summarize(text);
    assert.ok(
      !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(summary),
      `lone surrogate in ${JSON.stringify(summary)}`,
    );
    assert.ok(summary.length <= 100);
    assert.ok(summary.endsWith('…'));
  });

  it('property: one line, at most 100 characters, a prefix of the collapsed first line (control characters left out)', () => {
    fc.assert(
      fc.property(selectionArb, (text) => {
        const s = summarize(text);
        assert.ok(!/[\r\n]/.test(s));
        assert.ok(s.length <= 100, `${s.length}`);
        assert.strictEqual(s, s.trim());
        // eslint-disable-next-line no-control-regex -- looking for control characters
        assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), JSON.stringify(s));
        const first = (
          withoutControlCharacters(text)
            .split(/\r\n|\r|\n/)
            .find((l) => l.trim() !== '') ?? ''
        )
          .replace(/\s+/g, ' ')
          .trim();
        if (s.endsWith('…') && s !== first) assert.ok(first.startsWith(s.slice(0, -1)));
        else assert.strictEqual(s, first);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('talking points: sourceLabel', () => {
  it('writes one line as path:n and a range as path:a-b', () => {
    assert.strictEqual(sourceLabel('src/a.ts', 3, 3), 'src/a.ts:3');
    assert.strictEqual(sourceLabel('src/a.ts', 40, 52), 'src/a.ts:40-52');
    assert.strictEqual(sourceLabel('a b/ü.md', 1, 2), 'a b/ü.md:1-2');
  });
});

describe('talking points: codeSpan', () => {
  it('wraps plain text in single backticks', () => {
    assert.strictEqual(codeSpan('src/a.ts:3'), '`src/a.ts:3`');
  });

  it('uses a delimiter longer than any backtick run inside', () => {
    assert.strictEqual(codeSpan('a`b'), '``a`b``');
    assert.strictEqual(codeSpan('a``b`c'), '```a``b`c```');
    assert.strictEqual(codeSpan('x ```` y'), '`````x ```` y`````');
  });

  it('pads with a space when the text starts or ends with a backtick', () => {
    assert.strictEqual(codeSpan('`a'), '`` `a ``');
    assert.strictEqual(codeSpan('a`'), '`` a` ``');
    assert.strictEqual(codeSpan('``'), '``` `` ```');
  });

  it('puts line breaks on one line', () => {
    assert.strictEqual(codeSpan('a\r\nb\rc\nd'), '`a b c d`');
    assert.strictEqual(codeSpan('\n x \n'), '`x`');
  });

  it('property: one line, and the delimiter is longer than every backtick run inside', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', 'a', ' ', '\n', '\r', '#') }), (text) => {
        const span = codeSpan(text);
        assert.ok(!/[\r\n]/.test(span));
        const delim = /^`+/.exec(span)![0];
        assert.ok(span.endsWith(delim));
        const inner = span.slice(delim.length, span.length - delim.length);
        for (const run of inner.match(/`+/g) ?? []) assert.ok(run.length < delim.length, `${JSON.stringify(span)}`);
        // Inner text does not start or end with a backtick that would merge with the delimiter.
        assert.ok(!inner.startsWith('`') && !inner.endsWith('`'));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('talking points: excerptLines', () => {
  it('quotes prose languages, with a bare > for blank lines', () => {
    const text = 'First paragraph\n\nSecond one';
    for (const languageId of ['plaintext', 'markdown', 'text', '', 'scminput', 'git-commit', undefined]) {
      assert.deepStrictEqual(
        excerptLines({ text, ...(languageId !== undefined ? { languageId } : {}) }),
        ['> First paragraph', '>', '> Second one'],
        String(languageId),
      );
    }
  });

  it('fences code with the language id as the info string', () => {
    assert.deepStrictEqual(excerptLines({ text: 'const a = 1;\nreturn a;', languageId: 'typescript' }), [
      '```typescript',
      'const a = 1;',
      'return a;',
      '```',
    ]);
  });

  it('uses a fence longer than any backtick run inside, and at least 3', () => {
    assert.deepStrictEqual(excerptLines({ text: 'a `b` ``c``', languageId: 'js' }), ['```js', 'a `b` ``c``', '```']);
    assert.deepStrictEqual(excerptLines({ text: '```\ninner\n```', languageId: 'markdownish' }), [
      '````markdownish',
      '```',
      'inner',
      '```',
      '````',
    ]);
    assert.deepStrictEqual(excerptLines({ text: 'x = "`````"', languageId: 'python' }), [
      '``````python',
      'x = "`````"',
      '``````',
    ]);
  });

  it('leaves ~~~ lines alone inside a backtick fence', () => {
    assert.deepStrictEqual(excerptLines({ text: '~~~\n~~~~~', languageId: 'python' }), [
      '```python',
      '~~~',
      '~~~~~',
      '```',
    ]);
  });

  it('turns tabs into 4 spaces and removes the common indentation', () => {
    assert.deepStrictEqual(excerptLines({ text: '\tif x:\n\t\treturn 1\n\n\telse:', languageId: 'python' }), [
      '```python',
      'if x:',
      '    return 1',
      '',
      'else:',
      '```',
    ]);
    assert.deepStrictEqual(excerptLines({ text: '    a\n      b', languageId: 'plaintext' }), ['> a', '>   b']);
  });

  it('drops leading and trailing blank lines and trailing whitespace', () => {
    assert.deepStrictEqual(excerptLines({ text: '\n  \n\t\n  x = 1   \n   \n\n', languageId: 'python' }), [
      '```python',
      'x = 1',
      '```',
    ]);
    assert.deepStrictEqual(excerptLines({ text: '\r\n\r\nhello\r\n\r\n', languageId: 'markdown' }), ['> hello']);
  });

  it('splits on CRLF, LF and lone CR', () => {
    assert.deepStrictEqual(excerptLines({ text: 'a\r\nb\rc\nd', languageId: 'c' }), [
      '```c',
      'a',
      'b',
      'c',
      'd',
      '```',
    ]);
  });

  it(`copies at most ${MAX_EXCERPT_LINES} lines and says how many were left out`, () => {
    const lines = Array.from({ length: 250 }, (_, i) => `line ${i}`);
    const code = excerptLines({ text: lines.join('\n'), languageId: 'typescript' });
    assert.deepStrictEqual(code, ['```typescript', ...lines.slice(0, 200), '```', '(50 more lines not copied)']);
    const prose = excerptLines({ text: lines.join('\n'), languageId: 'plaintext' });
    assert.deepStrictEqual(prose, [...lines.slice(0, 200).map((l) => `> ${l}`), '>', '> (50 more lines not copied)']);
  });

  it('copies exactly 200 lines without a note, and counts after dropping blank edges', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `l${i}`);
    assert.strictEqual(excerptLines({ text: lines.join('\n'), languageId: 'go' }).length, 202);
    assert.strictEqual(excerptLines({ text: `\n\n${lines.join('\n')}\n\n\n`, languageId: 'go' }).length, 202);
    assert.strictEqual(
      excerptLines({ text: `${lines.join('\n')}\nl200`, languageId: 'go' }).at(-1),
      '(1 more lines not copied)',
    );
  });

  it('keeps odd language ids as the info string', () => {
    for (const id of ['c++', 'objective-c', 'shellscript', 'c#', 'f#', 'jsonc', 'vue.html', 'plain_text']) {
      assert.strictEqual(excerptLines({ text: 'x', languageId: id })[0], `\`\`\`${id}`, id);
    }
  });

  it('writes no info string for an id that could not be one', () => {
    for (const id of ['my lang', 'a`b', 'ts\n## x', '{.ts}', 'x~y', ' ts']) {
      assert.deepStrictEqual(excerptLines({ text: 'x', languageId: id }), ['```', 'x', '```'], JSON.stringify(id));
    }
  });

  it('property: lines never contain a line break; code stays inside a fence nothing can close; prose is all quote', () => {
    fc.assert(
      fc.property(selectionArb, fc.oneof(languageArb, fc.string()), (text, languageId) => {
        const lines = excerptLines({ text, languageId });
        for (const l of lines) assert.ok(!/[\r\n]/.test(l), JSON.stringify(l));
        if (lines.length === 0) return;
        if (/^`{3,}/.test(lines[0]!)) {
          const fence = /^`+/.exec(lines[0]!)![0];
          const info = lines[0]!.slice(fence.length);
          assert.ok(!info.includes('`'));
          const close = lines.indexOf(fence, 1);
          assert.ok(close > 0, 'closed');
          for (const l of lines.slice(1, close)) {
            const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(l);
            assert.ok(!(m && m[1]![0] === '`' && m[1]!.length >= fence.length), `closes early: ${l}`);
          }
          assert.ok(lines.length - close - 1 <= 1, 'at most a note after the fence');
        } else {
          for (const l of lines) assert.ok(l === '>' || l.startsWith('> '), JSON.stringify(l));
        }
        assert.ok(lines.length <= MAX_EXCERPT_LINES + 3);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('talking points: talkingPointItem', () => {
  it('is a checkbox with the summary and the theme tag', () => {
    assert.deepStrictEqual(talkingPointItem({ summary: 'Retry storms', theme: theme('blocker') }), {
      text: 'Retry storms #blocker',
      checkbox: true,
      body: [],
    });
    assert.deepStrictEqual(talkingPointItem({ summary: 'No theme' }), { text: 'No theme', checkbox: true, body: [] });
    assert.strictEqual(talkingPointItem({ summary: 'x', theme: theme('process') }).text, 'x #team/process');
  });

  it('does not repeat a tag the summary already has (any case)', () => {
    assert.strictEqual(
      talkingPointItem({ summary: 'Got #growth feedback', theme: theme('growth') }).text,
      'Got #growth feedback',
    );
    assert.strictEqual(talkingPointItem({ summary: 'Got #Growth', theme: theme('growth') }).text, 'Got #Growth');
    assert.strictEqual(talkingPointItem({ summary: 'Got #win', theme: theme('growth') }).text, 'Got #win #growth');
  });

  it('appends the tag when the summary only has it in inline code', () => {
    assert.strictEqual(
      talkingPointItem({ summary: 'the `#growth` tag', theme: theme('growth') }).text,
      'the `#growth` tag #growth',
    );
  });

  it('puts the summary on one line; an empty summary with a theme is just the tag', () => {
    assert.strictEqual(talkingPointItem({ summary: ' one\r\ntwo\rthree ' }).text, 'one two three');
    assert.strictEqual(talkingPointItem({ summary: '', theme: theme('win') }).text, '#win');
  });

  it('writes the source as a link for an http(s) URL', () => {
    const url = 'https://github.com/o/r/blob/0123abc/src/a.ts#L3-L9';
    assert.deepStrictEqual(talkingPointItem({ summary: 's', source: { label: 'src/a.ts:3-9', url } }).body, [
      `Source: [src/a.ts:3-9](${url})`,
    ]);
    assert.deepStrictEqual(talkingPointItem({ summary: 's', source: { label: 'a', url: 'http://ghe/x' } }).body, [
      'Source: [a](http://ghe/x)',
    ]);
  });

  it('escapes brackets and backslashes in a link label', () => {
    assert.deepStrictEqual(
      talkingPointItem({ summary: 's', source: { label: 'app/[id]/page.tsx:1', url: 'https://x/y' } }).body,
      ['Source: [app/\\[id\\]/page.tsx:1](https://x/y)'],
    );
    assert.deepStrictEqual(talkingPointItem({ summary: 's', source: { label: 'a\\b', url: 'https://x/y' } }).body, [
      'Source: [a\\\\b](https://x/y)',
    ]);
  });

  it('writes the source as a code span without a URL or with one that is not a plain http(s) URL', () => {
    const body = (url?: string): readonly string[] | undefined =>
      talkingPointItem({ summary: 's', source: { label: 'app/[id]/x`y.ts:2', ...(url !== undefined ? { url } : {}) } })
        .body;
    for (const url of [
      undefined,
      '',
      'https://x/a b',
      'https://x/(y)',
      'https://x/<y>',
      'javascript:alert(1)',
      'ftp://x/y',
      'file:///x',
      'https://',
      ' https://x/y',
    ]) {
      assert.deepStrictEqual(body(url), ['Source: ``app/[id]/x`y.ts:2``'], String(url));
    }
  });

  it('puts the source before the excerpt, and skips a blank excerpt', () => {
    assert.deepStrictEqual(
      talkingPointItem({ summary: 's', source: { label: 'a.py:1' }, excerpt: { text: 'x = 1', languageId: 'python' } })
        .body,
      ['Source: `a.py:1`', '```python', 'x = 1', '```'],
    );
    assert.deepStrictEqual(
      talkingPointItem({ summary: 's', excerpt: { text: ' \n\t\r\n', languageId: 'python' } }).body,
      [],
    );
    assert.deepStrictEqual(talkingPointItem({ summary: 's', excerpt: { text: 'said so' } }).body, ['> said so']);
  });

  it('renders as an agenda item with the body indented under it', () => {
    const item = talkingPointItem({
      summary: 'Look at this',
      theme: theme('question'),
      source: { label: 'a.ts:1' },
      excerpt: { text: '```\nx\n```', languageId: 'markdown' },
    });
    assert.deepStrictEqual(renderListItem(item), [
      '- [ ] Look at this #question',
      '  Source: `a.ts:1`',
      '  > ```',
      '  > x',
      '  > ```',
    ]);
  });

  it('keeps the Source line on one line when a linked label has a line break', () => {
    // The label comes from the command's `source: { label, url }` argument (or a file name): any string.
    // codeSpan puts it on one line; the link branch does not, so the rest of the label lands unindented.
    const item = talkingPointItem({
      summary: 'x',
      source: { label: 'a.ts\n## Injected', url: 'https://github.com/o/r' },
    });
    for (const l of item.body ?? []) assert.ok(!/[\r\n]/.test(l), `body line with a line break: ${JSON.stringify(l)}`);
    const file = '# 1:1\n\n## Agenda\n\n- [ ] old\n\n## Notes\n';
    const result = addListItem(parseDocument(file), AGENDA, item);
    if ('error' in result) return;
    const headings = parseDocument(applyEdits(file, result.edits)).scan.headings.map((h) => h.text);
    assert.deepStrictEqual(headings, ['1:1', 'Agenda', 'Notes']);
  });
});

describe('talking points: parseGitHubRemote', () => {
  const gh = (owner: string, repo: string, host = 'github.com'): object => ({ host, owner, repo });

  it('reads https remotes with and without .git (and a trailing slash)', () => {
    assert.deepStrictEqual(parseGitHubRemote('https://github.com/octo/hello'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('https://github.com/octo/hello.git'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('https://github.com/octo/hello.git/'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('  https://user:tok@github.com/octo/hello.git\n'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('HTTPS://GitHub.COM/Octo/Hello'), gh('Octo', 'Hello'));
  });

  it('reads ssh:// and scp-like remotes', () => {
    assert.deepStrictEqual(parseGitHubRemote('ssh://git@github.com/octo/hello.git'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('ssh://git@github.com:22/octo/hello.git'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('git+ssh://git@github.com/octo/hello'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('git@github.com:octo/hello.git'), gh('octo', 'hello'));
    assert.deepStrictEqual(parseGitHubRemote('github.com:octo/hello'), gh('octo', 'hello'));
  });

  it('treats www.github.com as github.com', () => {
    assert.deepStrictEqual(parseGitHubRemote('https://www.github.com/octo/hello.git'), gh('octo', 'hello'));
  });

  it('accepts a GitHub Enterprise host given in the list (any case)', () => {
    assert.deepStrictEqual(
      parseGitHubRemote('https://code.corp.example/team/svc.git', ['code.corp.example']),
      gh('team', 'svc', 'code.corp.example'),
    );
    assert.deepStrictEqual(
      parseGitHubRemote('git@code.corp.example:team/svc.git', ['CODE.Corp.Example']),
      gh('team', 'svc', 'code.corp.example'),
    );
    assert.strictEqual(parseGitHubRemote('https://code.corp.example/team/svc.git'), undefined);
  });

  it('accepts a host with "github" in its name', () => {
    assert.deepStrictEqual(
      parseGitHubRemote('https://github.corp.example/team/svc'),
      gh('team', 'svc', 'github.corp.example'),
    );
    assert.deepStrictEqual(
      parseGitHubRemote('git@mygithub.internal:team/svc.git'),
      gh('team', 'svc', 'mygithub.internal'),
    );
  });

  it('rejects other hosts', () => {
    for (const remote of [
      'https://gitlab.com/o/r.git',
      'git@gitlab.com:o/r.git',
      'ssh://git@bitbucket.org/o/r.git',
      'https://evil.example/github.com/o/r',
      'https://dev.azure.com/o/r',
    ]) {
      assert.strictEqual(parseGitHubRemote(remote), undefined, remote);
    }
  });

  it('rejects junk', () => {
    for (const remote of [
      '',
      '   ',
      'not a url',
      'github.com',
      'github.com/o/r',
      'https://',
      'https://github.com',
      'C:\\repos\\x',
      '/home/me/repo',
      'file:///home/me/github/o/r',
      'https://github.com:notaport/o/r',
    ]) {
      assert.strictEqual(parseGitHubRemote(remote), undefined, remote);
    }
  });

  it('needs exactly two path segments', () => {
    for (const remote of [
      'https://github.com/octo',
      'https://github.com/octo/',
      'https://github.com/octo/hello/tree/main',
      'git@github.com:octo.git',
      'git@github.com:a/b/c.git',
      'https://github.com//hello',
      'https://github.com/./hello',
      'git@github.com:../hello',
      'git@github.com:/octo/hello',
    ]) {
      assert.strictEqual(parseGitHubRemote(remote), undefined, remote);
    }
  });

  it('property: never throws, and what it returns has a lower-case host and two clean segments', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(
              fc.constantFrom('https://', 'ssh://git@', 'git@', 'http://x@', ''),
              fc.constantFrom('github.com', 'GitHub.com', 'gitlab.com', 'ghe.local', 'www.github.com'),
              fc.constantFrom(':', '/', ':/'),
              fc.string(),
            )
            .map((p) => p.join('')),
        ),
        (remote) => {
          const r = parseGitHubRemote(remote, ['ghe.local']);
          if (!r) return;
          assert.strictEqual(r.host, r.host.toLowerCase());
          for (const seg of [r.owner, r.repo])
            assert.ok(seg !== '' && seg !== '.' && seg !== '..' && !seg.includes('/'), JSON.stringify(r));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('talking points: permalink', () => {
  const repo = { host: 'github.com', owner: 'octo', repo: 'hello' };

  it('links one line or a range', () => {
    assert.strictEqual(
      permalink(repo, 'abc1234', 'src/a.ts', 3, 3),
      'https://github.com/octo/hello/blob/abc1234/src/a.ts#L3',
    );
    assert.strictEqual(
      permalink(repo, 'abc1234', 'src/a.ts', 3, 9),
      'https://github.com/octo/hello/blob/abc1234/src/a.ts#L3-L9',
    );
  });

  it('encodes each path segment (spaces, unicode, # and ?), keeping the slashes', () => {
    assert.strictEqual(
      permalink(repo, 'abc1234', 'my dir/ünï 日本.ts', 1, 1),
      'https://github.com/octo/hello/blob/abc1234/my%20dir/%C3%BCn%C3%AF%20%E6%97%A5%E6%9C%AC.ts#L1',
    );
    assert.strictEqual(
      permalink(repo, 'abc1234', 'a#b/c?d.ts', 2, 2),
      'https://github.com/octo/hello/blob/abc1234/a%23b/c%3Fd.ts#L2',
    );
  });

  it('uses the enterprise host', () => {
    assert.strictEqual(
      permalink({ host: 'ghe.corp', owner: 'o', repo: 'r' }, 'ABCDEF0', 'x', 1, 2),
      'https://ghe.corp/o/r/blob/ABCDEF0/x#L1-L2',
    );
  });

  it('accepts a full 40-hex (or 64-hex) commit', () => {
    const sha1 = '0123456789abcdef0123456789abcdef01234567';
    assert.strictEqual(permalink(repo, sha1, 'a', 1, 1), `https://github.com/octo/hello/blob/${sha1}/a#L1`);
    assert.ok(permalink(repo, 'a'.repeat(64), 'a', 1, 1));
  });

  it('returns undefined for a commit that is not hex (or too short or long)', () => {
    for (const commit of [
      'main',
      'HEAD',
      'abc',
      'abc123',
      'abc1234g',
      'refs/heads/main',
      '',
      'a'.repeat(65),
      'abc1234\n',
      ' abc1234',
    ]) {
      assert.strictEqual(permalink(repo, commit, 'a.ts', 1, 1), undefined, JSON.stringify(commit));
    }
  });
});

// --- Properties: a selection added to a meeting file never breaks the file. ---

const themeArb: fc.Arbitrary<Theme | undefined> = fc.option(fc.constantFrom(...THEMES), { nil: undefined });

/** Splits into lines keeping each line's break, to compare byte for byte. */
function linesWithEol(text: string): string[] {
  return parseDocument(text).source.lines.map((l) => l.text + l.eol);
}

describe('properties: adding a talking point to a meeting file', () => {
  it('keeps every original line, opens no block, adds no heading, and adds exactly one agenda item', function () {
    this.timeout(60000);
    let added = 0;
    fc.assert(
      fc.property(
        meetingFileArb,
        selectionArb,
        languageArb,
        themeArb,
        fc.option(
          fc.record({ path: pathArb, start: fc.integer({ min: 1, max: 500 }), span: fc.nat(40), url: urlArb }),
          { nil: undefined },
        ),
        (file, selection, languageId, theme, src) => {
          const summary = summarize(selection);
          const source = src
            ? {
                label: sourceLabel(src.path, src.start, src.start + src.span),
                ...(src.url !== undefined ? { url: src.url } : {}),
              }
            : undefined;
          const item: NewListItem = talkingPointItem({
            summary,
            ...(theme ? { theme } : {}),
            ...(source ? { source } : {}),
            excerpt: { text: selection, languageId },
          });
          const before = parseDocument(file.text);
          const result = addListItem(before, AGENDA, item);
          if ('error' in result) return;
          added++;
          const out = applyEdits(file.text, result.edits);
          const after = parseDocument(out);

          // (1) The original lines, in order and byte for byte, around one inserted block: the rendered item.
          const oldLines = linesWithEol(file.text);
          const newLines = linesWithEol(out);
          const inserted = newLines.length - oldLines.length;
          let at = -1;
          for (let k = 0; k <= oldLines.length && at < 0; k++) {
            const same = oldLines.every((l, i) => newLines[i < k ? i : i + inserted] === l);
            if (same) at = k;
          }
          assert.ok(at >= 0, `original lines not kept:\n${JSON.stringify(out)}`);
          const block = newLines.slice(at, at + inserted);
          assert.deepStrictEqual(
            block.map((l) => l.replace(/\r?\n$/, '')),
            renderListItem(item),
            'the inserted block is the rendered item',
          );
          for (const l of block)
            assert.ok(
              l.endsWith(file.eol) && !/[\r\n]/.test(l.slice(0, -file.eol.length)),
              `inserted line break: ${JSON.stringify(l)}`,
            );

          // (2) Nothing left open.
          assert.strictEqual(after.scan.unclosedBlockLine, undefined);
          assert.strictEqual(after.scan.unterminatedFrontMatter, false);

          // (3) The same headings, in the same order: nothing in the selection became structure.
          assert.deepStrictEqual(
            after.scan.headings.map((h) => `${h.level} ${h.text}`),
            before.scan.headings.map((h) => `${h.level} ${h.text}`),
          );
          assert.deepStrictEqual(after.data, before.data, 'front matter unchanged');

          // (4) The agenda gained exactly one top-level item, the new one, owning the whole block.
          const oldSection = findSection(before.scan, before.source.lines.length, ['Agenda'])!;
          const newSection = findSection(after.scan, after.source.lines.length, ['Agenda'])!;
          const oldTop = itemsIn(before.scan, oldSection).filter((i) => i.parent === -1);
          const newTop = itemsIn(after.scan, newSection).filter((i) => i.parent === -1);
          assert.strictEqual(
            newTop.length,
            oldTop.length + 1,
            `top-level agenda items: ${JSON.stringify(newTop.map((i) => i.text))}`,
          );
          assert.deepStrictEqual(
            newTop.filter((i) => i.line < at).map((i) => i.text),
            oldTop.map((i) => i.text),
          );
          const fresh = newTop.find((i) => i.line === at);
          assert.ok(fresh, 'the new item starts the inserted block');
          assert.ok(
            fresh.text.startsWith(summary),
            `${JSON.stringify(fresh.text)} should start with ${JSON.stringify(summary)}`,
          );
          assert.strictEqual(fresh.checked, false);
          assert.strictEqual(fresh.endLine, at + inserted, 'the source and excerpt belong to the new item');
          assert.strictEqual(
            itemsIn(after.scan, newSection).filter((i) => i.line > at && i.line < at + inserted).length,
            0,
            'no item inside the excerpt',
          );
          for (let l = at; l < at + inserted; l++)
            assert.notStrictEqual(after.scan.kinds[l], 'html', `line ${l} became HTML`);
        },
      ),
      { numRuns: RUNS },
    );
    // The file is well formed: the point should almost always be placed.
    assert.ok(added >= RUNS * 0.9, `only ${added} of ${RUNS} points were added`);
  });

  it('a code excerpt reads back as the selection: un-indented and unfenced, it is the selection’s lines', () => {
    fc.assert(
      fc.property(
        meetingFileArb,
        selectionArb,
        fc.constantFrom('typescript', 'python', 'shellscript'),
        (file, selection, languageId) => {
          fc.pre(selection.trim() !== '');
          const item = talkingPointItem({ summary: summarize(selection), excerpt: { text: selection, languageId } });
          const result = addListItem(parseDocument(file.text), AGENDA, item);
          if ('error' in result) return;
          const expected = excerptLines({ text: selection, languageId });
          const out = parseDocument(applyEdits(file.text, result.edits));
          const fenceLine = out.source.lines.findIndex((l) => l.text === `  ${expected[0]}`);
          assert.ok(fenceLine > 0);
          const body = out.source.lines
            .slice(fenceLine, fenceLine + expected.length)
            .map((l) => (l.text === '' ? '' : l.text.slice(2)));
          assert.deepStrictEqual(
            body,
            expected.map((l) => (l.trim() === '' ? '' : l)),
          );
          for (let l = fenceLine; l < fenceLine + expected.length - (expected.at(-1)!.startsWith('(') ? 1 : 0); l++) {
            assert.strictEqual(out.scan.kinds[l], 'fence', `line ${l}: ${JSON.stringify(out.source.lines[l]!.text)}`);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
