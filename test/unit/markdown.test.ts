import * as assert from 'assert';
import { scanMarkdown, ScannedMarkdown } from '../../src/core/markdown';
import { extractTags, linksAsText } from '../../src/core/markdown-inline';
import { findSection, itemsIn, normalizeHeading } from '../../src/core/markdown-sections';
import { splitLines } from '../../src/core/text';

function scan(text: string): ScannedMarkdown {
  return scanMarkdown(splitLines(text));
}
function headings(text: string): [number, number, string][] {
  return scan(text).headings.map((h) => [h.line, h.level, h.text]);
}
function items(text: string): string[] {
  return scan(text).items.map((i) => i.text);
}

describe('markdown: front matter', () => {
  it('detects front matter at line 0 and records its raw text', () => {
    const s = scan('---\na: 1\nb: 2\n---\n# T\n');
    assert.deepStrictEqual(s.frontMatter, { startLine: 0, endLine: 3, raw: 'a: 1\nb: 2\n' });
    assert.deepStrictEqual(s.kinds.slice(0, 4), ['front-matter', 'front-matter', 'front-matter', 'front-matter']);
    assert.strictEqual(s.unterminatedFrontMatter, false);
  });

  it('accepts `...` as the closer', () => {
    const s = scan('---\na: 1\n...\nbody');
    assert.strictEqual(s.frontMatter?.endLine, 2);
  });

  it('accepts trailing spaces on the fences', () => {
    assert.strictEqual(scan('--- \na: 1\n---\t\n').frontMatter?.endLine, 2);
  });

  it('ignores `---` that is not on line 0', () => {
    const s = scan('\n---\na: 1\n---\n');
    assert.strictEqual(s.frontMatter, undefined);
    assert.strictEqual(s.unterminatedFrontMatter, false);
  });

  it('flags a front matter that is never closed', () => {
    const s = scan('---\na: 1\n# Not a heading?\n');
    assert.strictEqual(s.frontMatter, undefined);
    assert.strictEqual(s.unterminatedFrontMatter, true);
  });

  it('joins raw front matter with LF whatever the file uses (yaml reads no lone CR), and handles empty front matter', () => {
    assert.strictEqual(scan('---\r\na: 1\r\n---\r\n').frontMatter?.raw, 'a: 1\n');
    assert.strictEqual(scan('---\ra: 1\rb: 2\r---\r').frontMatter?.raw, 'a: 1\nb: 2\n');
    assert.deepStrictEqual(scan('---\n---\nx').frontMatter, { startLine: 0, endLine: 1, raw: '' });
  });

  it('finds no headings or items inside front matter', () => {
    const s = scan('---\n# comment\n- a: 1\n---\n## Real\n');
    assert.deepStrictEqual(
      s.headings.map((h) => h.text),
      ['Real'],
    );
    assert.deepStrictEqual(s.items, []);
  });
});

describe('markdown: headings', () => {
  it('reads levels 1 to 6 and not 7', () => {
    assert.deepStrictEqual(headings('# a\n## b\n### c\n#### d\n##### e\n###### f\n####### g\n'), [
      [0, 1, 'a'],
      [1, 2, 'b'],
      [2, 3, 'c'],
      [3, 4, 'd'],
      [4, 5, 'e'],
      [5, 6, 'f'],
    ]);
  });

  it('drops a closing sequence of #s but keeps a # glued to a word', () => {
    assert.deepStrictEqual(headings('## Agenda ##\n## C# tips\n## Issue #5 ###  \n'), [
      [0, 2, 'Agenda'],
      [1, 2, 'C# tips'],
      [2, 2, 'Issue #5'],
    ]);
  });

  it('accepts up to 3 spaces of indentation, not 4 or a tab', () => {
    assert.deepStrictEqual(headings('   ## three\n    ## four\n\t## tab\n'), [[0, 2, 'three']]);
  });

  it('needs a space after the #s: `#growth` is not a heading', () => {
    assert.deepStrictEqual(headings('#growth\n##Agenda\n#\n'), [[2, 1, '']]);
  });

  it('ignores headings inside ``` and ~~~ fences, longer fences and info strings', () => {
    const text = [
      '```',
      '# a',
      '```',
      '~~~',
      '## b',
      '~~~',
      '````md',
      '## c',
      '```',
      '## still code',
      '````',
      '~~~~ info string here',
      '## d',
      '~~~~~',
      '## real',
    ].join('\n');
    assert.deepStrictEqual(headings(text), [[14, 2, 'real']]);
  });

  it('does not close a backtick fence with tildes or a shorter fence', () => {
    assert.deepStrictEqual(headings('````\n```\n~~~~\n# in\n````\n# out\n'), [[5, 1, 'out']]);
  });

  it('does not treat ``` with a backtick in its info string as a fence', () => {
    assert.deepStrictEqual(headings('```a`b\n# heading\n'), [[1, 1, 'heading']]);
  });

  it('ignores headings inside <details> and HTML comments', () => {
    const text = ['<details>', '## hidden', '</details>', '', '<!--', '## commented', '-->', '## shown'].join('\n');
    assert.deepStrictEqual(headings(text), [[7, 2, 'shown']]);
  });

  it('ends a <details> block at a blank line (CommonMark type 6)', () => {
    assert.deepStrictEqual(headings('<details>\n\n## after blank\n</details>\n'), [[2, 2, 'after blank']]);
  });

  it('ignores headings inside <pre> until </pre>, even across blank lines', () => {
    assert.deepStrictEqual(headings('<pre>\n\n# no\n</pre>\n# yes\n'), [[4, 1, 'yes']]);
  });
});

describe('markdown: list items', () => {
  it('reads checked, unchecked and plain items', () => {
    const s = scan('- [ ] open\n- [x] done\n- [X] Done\n- plain\n* star\n+ plus\n');
    assert.deepStrictEqual(
      s.items.map((i) => [i.text, i.checked]),
      [
        ['open', false],
        ['done', true],
        ['Done', true],
        ['plain', undefined],
        ['star', undefined],
        ['plus', undefined],
      ],
    );
  });

  it('gives the character of the checkbox mark', () => {
    const s = scan('- [ ] a\n  1. [x] b\n');
    assert.strictEqual(s.items[0]!.checkCharacter, 3);
    assert.strictEqual(s.items[1]!.checkCharacter, 6);
    assert.strictEqual('  1. [x] b'[6], 'x');
    assert.strictEqual(scan('- plain').items[0]!.checkCharacter, undefined);
  });

  it('reads an item and a heading whose text contains U+2028 (not a line break for VS Code or splitLines)', () => {
    // LIST_ITEM and ATX end in `(.*)$` without the s flag, and `.` does not match U+2028/U+2029.
    assert.deepStrictEqual(items('- [ ] pasted\u2028text\n'), ['pasted\u2028text']);
    // trimmed like any trailing space, so the section is found by its name
    assert.deepStrictEqual(headings('## Agenda\u2029\n'), [[0, 2, 'Agenda']]);
  });

  it('reads numbered items with . and )', () => {
    assert.deepStrictEqual(items('1. one\n2) two\n10. ten\n'), ['one', 'two', 'ten']);
  });

  it('does not read `-foo`, `1.5` or a bare `-` as items', () => {
    assert.deepStrictEqual(items('-foo\n1.5 apples\n-\n'), []);
  });

  it('nests items with a parent index', () => {
    const s = scan('- a\n  - b\n    - c\n  - d\n- e\n');
    assert.deepStrictEqual(
      s.items.map((i) => [i.text, i.parent, i.indent]),
      [
        ['a', -1, 0],
        ['b', 0, 2],
        ['c', 1, 4],
        ['d', 0, 2],
        ['e', -1, 0],
      ],
    );
  });

  it('extends endLine over continuation lines and nested bodies, not trailing blanks', () => {
    const s = scan('- a\n  more\n\n  para\n  > quote\n\n- b\n\n\n');
    assert.strictEqual(s.items[0]!.endLine, 5);
    assert.strictEqual(s.items[1]!.endLine, 7);
  });

  it('includes a fenced block indented under the item in its range', () => {
    const s = scan('- a\n  ```\n  - not an item\n  ```\n- b\n');
    assert.deepStrictEqual(items('- a\n  ```\n  - not an item\n  ```\n- b\n'), ['a', 'b']);
    assert.strictEqual(s.items[0]!.endLine, 4);
  });

  it('a lazy continuation line extends the item, a paragraph after a blank line ends it', () => {
    const s = scan('- a\nlazy\n\nparagraph\n');
    assert.strictEqual(s.items[0]!.endLine, 2);
  });

  it('does not read items inside a fence', () => {
    assert.deepStrictEqual(items('```\n- [ ] no\n```\n~~~\n* no\n~~~\n- yes\n'), ['yes']);
  });

  it('does not read items inside HTML blocks', () => {
    assert.deepStrictEqual(items('<details>\n- no\n</details>\n\n<!--\n- no\n-->\n- yes'), ['yes']);
  });

  it('a top-level fence ends the open items', () => {
    const s = scan('- a\n```\ncode\n```\n  - b\n');
    assert.strictEqual(s.items[0]!.endLine, 1);
    assert.strictEqual(s.items[1]!.parent, -1);
  });

  it('a heading ends the open items', () => {
    const s = scan('- a\n## H\n  - b\n');
    assert.strictEqual(s.items[0]!.endLine, 1);
    assert.strictEqual(s.items[1]!.parent, -1);
  });

  it('extracts tags, lower-cased, without duplicates, nested with /', () => {
    const s = scan('- [ ] ask about #Growth and #team/process (#feedback) #growth\n');
    assert.deepStrictEqual(s.items[0]!.tags, ['growth', 'team/process', 'feedback']);
  });

  it('ignores tags in inline code, link targets, numbers and mid-word #', () => {
    assert.deepStrictEqual(extractTags('`#code` [x](http://a/#frag) #123 issue#5 C#sharp #ok-'), ['ok']);
  });

  it('reads tags in non-Latin scripts', () => {
    assert.deepStrictEqual(extractTags('#рост #成長'), ['рост', '成長']);
  });

  it('an item whose text looks like a heading is still an item; `#growth` alone is neither heading nor item', () => {
    const s = scan('- # growth\n#growth\n');
    assert.deepStrictEqual(
      s.items.map((i) => i.text),
      ['# growth'],
    );
    assert.deepStrictEqual(s.headings, []);
  });
});

describe('markdown: unclosedBlockLine', () => {
  it('is undefined when every block is closed', () => {
    assert.strictEqual(scan('```\nx\n```\n<!--\n-->\n<pre>\n</pre>\n<div>\n').unclosedBlockLine, undefined);
  });

  it('points at an unclosed fence', () => {
    assert.strictEqual(scan('# a\n\n~~~\n## b\n').unclosedBlockLine, 2);
  });

  it('points at an unclosed comment or <pre>', () => {
    assert.strictEqual(scan('x\n\n<!-- open\n').unclosedBlockLine, 2);
    assert.strictEqual(scan('<pre>\n').unclosedBlockLine, 0);
  });
});

describe('markdown: findSection and itemsIn', () => {
  const text = [
    '# Title', // 0
    '',
    '## AGENDA:', // 2
    '- [ ] one', // 3
    '### Sub', // 4
    '- [ ] two', // 5
    '## Wins', // 6
    '- win', // 7
    '# Other', // 8
  ].join('\n');
  const s = scan(text);
  const lineCount = splitLines(text).length;

  it('matches case-insensitively, ignoring a trailing colon and emphasis', () => {
    assert.strictEqual(findSection(s, lineCount, ['agenda'])?.heading.line, 2);
    assert.strictEqual(normalizeHeading('**Action items**:'), 'action items');
  });

  it('ends at the next heading of the same or higher level, including subsections', () => {
    const sec = findSection(s, lineCount, ['Agenda'])!;
    assert.deepStrictEqual([sec.bodyStart, sec.end], [3, 6]);
    assert.deepStrictEqual(
      itemsIn(s, sec).map((i) => i.text),
      ['one', 'two'],
    );
  });

  it('a level-1 section runs to the next level-1 heading', () => {
    const sec = findSection(s, lineCount, ['title'])!;
    assert.strictEqual(sec.end, 8);
  });

  it('the last section runs to the end of the file', () => {
    const sec = findSection(s, lineCount, ['other'])!;
    assert.strictEqual(sec.end, lineCount);
  });

  it('takes the first heading matching any of the names', () => {
    assert.strictEqual(findSection(s, lineCount, ['Talking points', 'Wins'])?.heading.line, 6);
    assert.strictEqual(findSection(s, lineCount, ['Nope']), undefined);
  });

  it('does not match a heading inside a fence', () => {
    const t = '```\n## Agenda\n```\n## Agenda\n- x\n';
    const sc = scan(t);
    assert.strictEqual(findSection(sc, splitLines(t).length, ['Agenda'])?.heading.line, 3);
  });
});

describe('markdown: links as text', () => {
  it('keeps the text of each inline link, unescaping its brackets', () => {
    assert.strictEqual(
      linksAsText('Goal: [Lead \\[the\\] review](../../goals/lead.md) — progress since 2026-11-01'),
      'Goal: Lead [the] review — progress since 2026-11-01',
    );
    assert.strictEqual(linksAsText('[a](x.md) and [b](https://e.example/b)'), 'a and b');
  });

  it('leaves images, escaped brackets, code spans and plain text alone', () => {
    for (const text of ['![logo](logo.png)', '\\[not](x.md)', 'see `[a](b)`', 'no links [here]', ''])
      assert.strictEqual(linksAsText(text), text);
  });
});
