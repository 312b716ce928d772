// The flat front-matter shortcut against yaml: whatever it reads, it reads as
// yaml does (same data, no problems); whatever it is not sure of, it leaves
// to yaml. parseFrontMatter's results are what they were before it existed.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { ParsedFrontMatter, parseFrontMatter, parseFrontMatterWithYaml } from '../../src/core/front-matter';
import { parseFlatFrontMatter } from '../../src/core/flat-front-matter';
import { scanMarkdown } from '../../src/core/markdown';
import { splitLines } from '../../src/core/text';
import { fileWithFrontMatter, frontMatterRaw, markdownFile, RUNS } from './arbitraries';

/** What a reading says of the file: its data and problems (not which way it was read). */
function readOf(parsed: ParsedFrontMatter): Pick<ParsedFrontMatter, 'data' | 'problems'> {
  return { data: parsed.data, problems: parsed.problems };
}

/** yaml's reading of raw front matter, as parseFrontMatter would give it without the shortcut. */
function viaYaml(raw: string): Pick<ParsedFrontMatter, 'data' | 'problems'> {
  return readOf(parseFrontMatterWithYaml({ startLine: 0, endLine: raw.split('\n').length, raw }));
}

describe('front matter: the flat shortcut', () => {
  it('property: on generated front matter it declines or gives the data yaml gives, and yaml finds no problem', () => {
    let taken = 0;
    fc.assert(
      fc.property(frontMatterRaw, (raw) => {
        const flat = parseFlatFrontMatter(raw);
        if (flat === undefined) return;
        taken++;
        const yaml = viaYaml(raw);
        assert.deepStrictEqual(yaml.problems, [], JSON.stringify(raw));
        assert.deepStrictEqual(flat, yaml.data, JSON.stringify(raw));
      }),
      { numRuns: RUNS * 8 },
    );
    // Not vacuous: a good share of the generated blocks take the shortcut.
    assert.ok(taken > RUNS, `only ${taken} of ${RUNS * 8} taken`);
  });

  it('property: parseFrontMatter gives the same data and problems as yaml alone, on whole generated files', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          markdownFile.map((f) => f.text),
          fileWithFrontMatter,
        ),
        (text) => {
          const scan = parseDocument(text).scan;
          if (!scan.frontMatter) return;
          assert.deepStrictEqual(
            readOf(parseFrontMatter(scan)),
            readOf(parseFrontMatterWithYaml(scan.frontMatter)),
            JSON.stringify(scan.frontMatter.raw),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads what journals hold: plain and quoted values, dates as strings, numbers, booleans, null, comments', () => {
    const raw = [
      '# who this is',
      'name: José "JJ" Núñez   # display name',
      "role: 'skip-level'",
      'time: "09:30"',
      'date: 2026-11-10',
      'quoted: "2026-11-10"',
      'duration: 30',
      'negative: -5',
      'ok: true',
      'off: FALSE',
      'none: ~',
      'empty:',
      'comment-only:   # nothing',
      'cadence: FREQ=MONTHLY;BYDAY=1TH   # from the invite',
      'timezone: Europe/Berlin',
      "it: 'it''s'",
      'say: "a \\"b\\" \\\\ c"',
      'link: https://example.com/a#b',
      'title: 1:1 with Alex — C# and #growth (a comment: yaml reads ` #` so)',
      '',
      '  # an indented comment',
    ]
      .map((l) => `${l}\n`)
      .join('');
    const expected = {
      name: 'José "JJ" Núñez',
      role: 'skip-level',
      time: '09:30',
      date: '2026-11-10',
      quoted: '2026-11-10',
      duration: 30,
      negative: -5,
      ok: true,
      off: false,
      none: null,
      empty: null,
      'comment-only': null,
      cadence: 'FREQ=MONTHLY;BYDAY=1TH',
      timezone: 'Europe/Berlin',
      it: "it's",
      say: 'a "b" \\ c',
      link: 'https://example.com/a#b',
      title: '1:1 with Alex — C# and',
    };
    assert.deepStrictEqual(parseFlatFrontMatter(raw), expected);
    assert.deepStrictEqual(viaYaml(raw), { data: expected, problems: [] });
    assert.deepStrictEqual(parseFlatFrontMatter(''), {});
    assert.deepStrictEqual(parseFlatFrontMatter('# only a comment\n\n'), {});
  });

  it('leaves to yaml whatever it is not sure of', () => {
    const declined = [
      'attendees: [alex, me]\n', // flow collections
      'x: {a: 1}\n',
      'notes: |\n  line\n', // block scalars
      'notes: >\n',
      'a: &anchor x\n', // anchors, aliases, tags
      'a: *anchor\n',
      'a: !tag x\n',
      'tags:\n  - one\n', // nesting and lists
      'tags:\n- one\n',
      'nested:\n  inner: 1\n',
      'title: a\n  continued\n', // multi-line
      'a: "two\n  lines"\n',
      '\tb: tab\n', // tabs
      'a:\tb\n',
      'a: b\tc\n',
      '# a\tcomment\n',
      'a: 1\na: 2\n', // duplicates
      "a: 'x'#c\n", // odd quoting
      'a: "x" y\n',
      'a: "\\u00e9"\n',
      'a: "\\n"\n',
      "a: 'unclosed\n",
      '"quoted key": x\n', // keys yaml reads differently
      'true: x\n',
      'null: x\n',
      '__proto__: x\n',
      'a.b: x\n',
      'a : x\n',
      'a:b\n',
      'a: b: c\n', // a mapping inside a value
      'a: b:\n',
      'a: - b\n',
      'a: @x\n',
      'a: %x\n',
      'a: `x\n',
      'just a scalar\n',
      '- a list\n',
      '%YAML 1.2\n',
      '--- x\n',
      'a: 1.5\n', // numbers other than plain integers
      'a: 0x1F\n',
      'a: 1e3\n',
      'a: .inf\n',
      'a: 1234567890123456\n',
      'a: x\u2028y\n', // characters a reader might break on
      'a: \ufeffx\n',
      'a: x\u0085y\n',
      'a: x\u0001\n',
    ];
    for (const raw of declined) assert.strictEqual(parseFlatFrontMatter(raw), undefined, JSON.stringify(raw));
  });

  it('keeps the problems yaml reports, on the same lines', () => {
    for (const text of [
      '---\nname: a\nrole: manager\nname: b\n---\n',
      '---\na: 1\n\tb: 2\n---\n',
      '---\ntags: [unclosed, list\n---\n',
      "---\na: 'x'#c\n---\n",
    ]) {
      const scan = scanMarkdown(splitLines(text));
      const parsed = parseFrontMatter(scan);
      assert.ok(parsed.problems.length > 0, text);
      assert.deepStrictEqual(parsed, parseFrontMatterWithYaml(scan.frontMatter!), text);
    }
  });
});
