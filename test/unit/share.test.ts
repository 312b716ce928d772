// The shareable agenda: a meeting as markdown for a shared doc, with every
// private part left out.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { shareableAgenda } from '../../src/core/share';
import { Eol } from '../../src/core/text';
import { joinLines, proseLine, RUNS } from './arbitraries';

const share = (...lines: string[]): { markdown: string; omitted: number } =>
  shareableAgenda(parseDocument(lines.join('\n')));
const md = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('share: Private sections', () => {
  it('drops a ## Private section, with headings nested in it, up to the next ## heading', () => {
    assert.deepStrictEqual(
      share(
        '# 1:1 — 2026-11-17',
        '',
        '## Agenda',
        '',
        '- [ ] Roadmap',
        '',
        '## Private',
        '',
        'secret one',
        '',
        '### Nested under Private',
        '',
        '- secret two',
        '',
        '#### Deeper',
        'secret three',
        '',
        '## Notes',
        '',
        'A note',
      ),
      {
        markdown: md('# 1:1 — 2026-11-17', '', '## Agenda', '', '- [ ] Roadmap', '', '## Notes', '', 'A note'),
        omitted: 1,
      },
    );
  });

  it('drops a ### Private section up to the next ### or ## heading, not beyond', () => {
    assert.deepStrictEqual(
      share(
        '## Notes',
        'public note',
        '### Private',
        'secret',
        '### Follow-ups',
        '- public follow-up',
        '### Private',
        'secret again',
        '## Action items',
        '- [ ] act',
      ),
      {
        markdown: md('## Notes', 'public note', '### Follow-ups', '- public follow-up', '## Action items', '- [ ] act'),
        omitted: 2,
      },
    );
  });

  it('reads "Private" in any case, with a colon or emphasis, but not "Private notes"', () => {
    assert.deepStrictEqual(
      share('## PRIVATE', 'a', '## Private:', 'b', '## **Private**', 'c', '## private', 'd', '## Private notes', 'e'),
      { markdown: md('## Private notes', 'e'), omitted: 4 },
    );
  });

  it('drops a Private section at the end of the file, and everything under a # Private', () => {
    assert.deepStrictEqual(share('## Agenda', '- [ ] a', '## Private', 'secret'), {
      markdown: md('## Agenda', '- [ ] a'),
      omitted: 1,
    });
    assert.deepStrictEqual(share('# Private', '## Agenda', '- [ ] hidden too'), { markdown: '', omitted: 1 });
  });

  it('drops a heading tagged #private with its section', () => {
    assert.deepStrictEqual(
      share(
        '## Agenda',
        '- [ ] a',
        '## Compensation #private',
        '- numbers',
        '### Details',
        'more numbers',
        '## Notes',
        'n',
      ),
      { markdown: md('## Agenda', '- [ ] a', '## Notes', 'n'), omitted: 1 },
    );
  });

  it('a Private heading inside a code fence is text, and so is what follows it', () => {
    assert.deepStrictEqual(share('## Notes', '```', '## Private', '```', 'after the fence'), {
      markdown: md('## Notes', '```', '## Private', '```', 'after the fence'),
      omitted: 0,
    });
  });
});

describe('share: #private items and lines', () => {
  it('drops a #private item with its sub-items and body, in any case and position', () => {
    assert.deepStrictEqual(
      share(
        '## Agenda',
        '- [ ] Roadmap',
        '- [ ] Salary #private',
        '  - [ ] sub of private',
        '    grandchild text',
        '  ```',
        '  code',
        '  ```',
        '* [x] #Private at the start',
        '1. in parentheses (#private)',
        '- [ ] Kept',
      ),
      { markdown: md('## Agenda', '- [ ] Roadmap', '- [ ] Kept'), omitted: 3 },
    );
  });

  it('drops only a #private sub-item, keeping its parent and siblings', () => {
    assert.deepStrictEqual(share('- [ ] parent', '  - [ ] sub #private', '    - sub child', '  - [ ] kept sub'), {
      markdown: md('- [ ] parent', '  - [ ] kept sub'),
      omitted: 1,
    });
  });

  it('a #private line under an item drops the innermost item holding it', () => {
    assert.deepStrictEqual(
      share('- [ ] outer', '  - [ ] inner', '    detail #private', '  - [ ] sibling', '- [ ] next'),
      { markdown: md('- [ ] outer', '  - [ ] sibling', '- [ ] next'), omitted: 1 },
    );
  });

  it('a #private line in a paragraph drops the whole paragraph, not the next one', () => {
    assert.deepStrictEqual(
      share(
        '# Notes',
        'Para one',
        'with #private inside',
        'still the same paragraph',
        '',
        'Other paragraph',
        '## Heading',
        'para under it',
        '#private on its own line',
      ),
      {
        markdown: md('# Notes', '', 'Other paragraph', '## Heading'),
        omitted: 2,
      },
    );
  });

  it('keeps #private inside code spans, code fences and words', () => {
    assert.deepStrictEqual(
      share(
        '- [ ] use the `#private` tag',
        '- [ ] email me#private',
        '```',
        '- [ ] code #private',
        '```',
        '~~~',
        'text #private',
        '~~~',
      ),
      {
        markdown: md(
          '- [ ] use the `#private` tag',
          '- [ ] email me#private',
          '```',
          '- [ ] code #private',
          '```',
          '~~~',
          'text #private',
          '~~~',
        ),
        omitted: 0,
      },
    );
  });
});

describe('share: the rest', () => {
  it('drops the front matter, and gives nothing for a file of front matter only', () => {
    assert.deepStrictEqual(share('---', 'date: 2026-11-17', 'status: planned', '---', '# 1:1', '- [ ] a'), {
      markdown: md('# 1:1', '- [ ] a'),
      omitted: 0,
    });
    assert.deepStrictEqual(share('---', 'title: x', '---'), { markdown: '', omitted: 0 });
    assert.deepStrictEqual(shareableAgenda(parseDocument('')), { markdown: '', omitted: 0 });
  });

  it('drops HTML comments on one line or several, and keeps other HTML', () => {
    assert.deepStrictEqual(
      share(
        '<!-- a comment -->',
        '<details>',
        '<summary>S</summary>',
        'body',
        '</details>',
        '',
        '<!--',
        '- [ ] commented out',
        '-->',
        'kept',
      ),
      {
        markdown: md('<details>', '<summary>S</summary>', 'body', '</details>', '', 'kept'),
        omitted: 0,
      },
    );
  });

  it('drops "Carried from" lines, whatever their link, and keeps lines that only start like one', () => {
    assert.deepStrictEqual(
      share(
        '- [ ] Kept',
        '  Carried from [2026-11-10](2026-11-10.md#carry-1r7qlcv)',
        '- [ ] Other',
        '  Carried from [2026-11-10](2026-11-10%20%282%29.md#carry-abc)',
        '  Carried from [a \\[b\\]](x.md#carry-abc)',
        'Carried from [x](y) and more',
      ),
      { markdown: md('- [ ] Kept', '- [ ] Other', 'Carried from [x](y) and more'), omitted: 0 },
    );
  });

  it('collapses blank lines, trims trailing spaces and blank ends, but keeps a fence as it is', () => {
    const text = [
      '\uFEFF',
      '',
      '# T  ',
      '',
      '',
      '   ',
      '\t',
      'text \t',
      '```',
      'a  ',
      '',
      '',
      'b',
      '```',
      '',
      '',
      '',
    ].join('\r\n');
    assert.deepStrictEqual(shareableAgenda(parseDocument(text)), {
      markdown: md('# T', '', 'text', '```', 'a  ', '', '', 'b', '```'),
      omitted: 0,
    });
  });

  it('collapses the blank lines left around a dropped part into one', () => {
    assert.deepStrictEqual(share('- [ ] a', '', '<!-- c -->', '', '- [ ] b #private', '', '', '- [ ] c'), {
      markdown: md('- [ ] a', '', '- [ ] c'),
      omitted: 1,
    });
  });

  it('gives LF lines for a CRLF or CR file, without a BOM', () => {
    assert.strictEqual(
      shareableAgenda(parseDocument('\uFEFF# T\r\n- [ ] a\r- [ ] b')).markdown,
      md('# T', '- [ ] a', '- [ ] b'),
    );
  });
});

// ---------------------------------------------------------------------------
// Generated meetings with secrets hidden every way the format allows.

interface Rendered {
  readonly lines: readonly string[];
  readonly hidden: readonly string[];
  readonly visible: readonly string[];
  /** Counts as one omitted part when it is not already inside a private section. */
  readonly privatePart: boolean;
}

type FragmentKind =
  | 'pub-item'
  | 'priv-item'
  | 'pub-item-priv-child'
  | 'priv-continuation'
  | 'priv-para'
  | 'pub-para'
  | 'fence'
  | 'comment'
  | 'long-comment'
  | 'carried';

const fragmentArb = fc.record({
  kind: fc.constantFrom<FragmentKind>(
    'pub-item',
    'priv-item',
    'pub-item-priv-child',
    'priv-continuation',
    'priv-para',
    'pub-para',
    'fence',
    'comment',
    'long-comment',
    'carried',
  ),
  variant: fc.nat({ max: 3 }),
  prose: proseLine,
  blank: fc.constantFrom('', '', '   ', '\t'),
});

const sectionArb = fc.record({
  level: fc.integer({ min: 1, max: 4 }),
  heading: fc.constantFrom<'public' | 'private' | 'tagged'>('public', 'public', 'private', 'tagged'),
  variant: fc.nat({ max: 4 }),
  fragments: fc.array(fragmentArb, { maxLength: 4 }),
});

const meetingArb = fc.record({
  frontMatter: fc.boolean(),
  preamble: fc.array(fragmentArb, { maxLength: 2 }),
  sections: fc.array(sectionArb, { maxLength: 6 }),
  style: fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'crlf', 'mixed'),
  // Mixed: LF with CRLF, or CR alone (a CR before an empty LF line would merge into one CRLF and eat the blank line).
  eols: fc.oneof(
    fc.constant<Eol[]>(['\r']),
    fc.array(fc.constantFrom<Eol>('\n', '\r\n'), { minLength: 1, maxLength: 4 }),
  ),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

/** Renders a generated meeting; secret markers go where the format says they are private. */
function renderMeeting(m: typeof meetingArb extends fc.Arbitrary<infer T> ? T : never): {
  text: string;
  hidden: string[];
  visible: string[];
  privateParts: number;
} {
  let n = 0;
  const secret = (): string => `SECRET${n++}X`;
  const pub = (): string => `PUBLIC${n++}X`;
  const lines: string[] = [];
  const hidden: string[] = [];
  const visible: string[] = [];
  let privateParts = 0;

  const fragment = (f: (typeof m.preamble)[number], inPrivate: boolean): void => {
    const r = renderFragment(f, secret, pub);
    lines.push(f.blank, ...r.lines);
    hidden.push(...r.hidden);
    (inPrivate ? hidden : visible).push(...r.visible);
    if (r.privatePart && !inPrivate) privateParts++;
  };

  if (m.frontMatter) {
    const s = secret();
    lines.push('---', `title: ${s}`, 'status: planned', '---');
    hidden.push(s);
  }
  for (const f of m.preamble) fragment(f, false);
  let privateLevel: number | undefined;
  for (const section of m.sections) {
    const hashes = '#'.repeat(section.level);
    const nested = privateLevel !== undefined && section.level > privateLevel;
    const isPrivate = section.heading !== 'public';
    if (!nested) privateLevel = isPrivate ? section.level : undefined;
    const inPrivate = nested || isPrivate;
    if (isPrivate && !nested) privateParts++;
    if (section.heading === 'private') {
      lines.push(`${hashes} ${['Private', 'private', 'Private:', '**Private**', 'PRIVATE'][section.variant]}`);
    } else {
      const marker = section.heading === 'tagged' ? secret() : pub();
      const name = ['Agenda', 'Notes', 'Wins', 'Private notes', 'Action items'][section.variant];
      lines.push(section.heading === 'tagged' ? `${hashes} ${name} ${marker} #private` : `${hashes} ${name} ${marker}`);
      (inPrivate ? hidden : visible).push(marker);
    }
    for (const f of section.fragments) fragment(f, inPrivate);
  }
  const text = (m.bom ? '\uFEFF' : '') + joinLines(lines, m.eols, m.style, m.finalNewline);
  return { text, hidden, visible, privateParts };
}

function renderFragment(
  f: { kind: FragmentKind; variant: number; prose: string },
  secret: () => string,
  pub: () => string,
): Rendered {
  // Prose never carries the tag, and stays before it, so a code span cannot swallow it.
  const prose = f.prose.replace(/#/g, '');
  switch (f.kind) {
    case 'pub-item': {
      const [a, b] = [pub(), pub()];
      return {
        lines: [`- [ ] ${a} ${prose}`, ...(f.variant % 2 ? [`  - ${b}`] : [])],
        hidden: [],
        visible: f.variant % 2 ? [a, b] : [a],
        privatePart: false,
      };
    }
    case 'priv-item': {
      const [a, b, c, d] = [secret(), secret(), secret(), secret()];
      // One space after the marker: the body below is indented to the item's content column.
      const text = `${prose} ${a}`.trimStart();
      const head = [`- [ ] ${text} #private`, `- [ ] #private ${a}`, `* [x] ${a} #Private`, `+ ${text} (#private)`][
        f.variant
      ]!;
      return {
        lines: [head, `  - ${b}`, `    ${c} deeper`, '  ```', `  ${d}`, '  ```'],
        hidden: [a, b, c, d],
        visible: [],
        privatePart: true,
      };
    }
    case 'pub-item-priv-child': {
      const [a, b, c, d] = [pub(), secret(), secret(), pub()];
      return {
        lines: [`- [ ] ${a}`, `  - [ ] ${b} #private`, `    - ${c}`, `  - [ ] ${d} kept`],
        hidden: [b, c],
        visible: [a, d],
        privatePart: true,
      };
    }
    case 'priv-continuation': {
      const [a, b] = [secret(), secret()];
      return { lines: [`- [ ] ${a} topic`, `  detail ${b} #private`], hidden: [a, b], visible: [], privatePart: true };
    }
    case 'priv-para': {
      const [a, b, c] = [secret(), secret(), secret()];
      return {
        lines: [`Para ${a} ${prose}`, `more ${b} #private`, `tail ${c}`],
        hidden: [a, b, c],
        visible: [],
        privatePart: true,
      };
    }
    case 'pub-para': {
      const a = pub();
      return { lines: [`Para ${a} ${prose}`], hidden: [], visible: [a], privatePart: false };
    }
    case 'fence': {
      const a = pub();
      return {
        lines: [
          ['```', '~~~', '````md'][f.variant % 3]!,
          `- [ ] ${a} #private`,
          '## Private',
          ['```', '~~~', '````'][f.variant % 3]!,
        ],
        hidden: [],
        visible: [a],
        privatePart: false,
      };
    }
    case 'comment': {
      const a = secret();
      return { lines: [`<!-- ${a} -->`], hidden: [a], visible: [], privatePart: false };
    }
    case 'long-comment': {
      const [a, b] = [secret(), secret()];
      return { lines: ['<!--', `- [ ] ${a}`, '', `## ${b}`, '-->'], hidden: [a, b], visible: [], privatePart: false };
    }
    case 'carried': {
      const a = pub();
      return {
        lines: [`- [ ] ${a}`, '  Carried from [2026-11-10](2026-11-10.md#carry-1r7qlcv)'],
        hidden: [],
        visible: [a],
        privatePart: false,
      };
    }
  }
}

describe('share: properties', () => {
  it('no secret marker placed in a private part ever reaches the output, and every public one does', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const { text, hidden, visible, privateParts } = renderMeeting(m);
        const { markdown, omitted } = shareableAgenda(parseDocument(text));
        for (const s of hidden) assert.ok(!markdown.includes(s), `${s} leaked:\n${markdown}`);
        for (const p of visible) assert.ok(markdown.includes(p), `${p} went missing:\n${markdown}`);
        assert.strictEqual(omitted, privateParts);
        assert.ok(!/Carried from/.test(markdown));
        assert.ok(!/^<!--/m.test(markdown));
        assert.ok(!markdown.includes('\r') && !markdown.startsWith('\uFEFF'));
        assert.ok(
          markdown === '' || (markdown.endsWith('\n') && !markdown.endsWith('\n\n') && !markdown.startsWith('\n')),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('is stable: sharing the shared agenda again changes nothing', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const once = shareableAgenda(parseDocument(renderMeeting(m).text)).markdown;
        assert.deepStrictEqual(shareableAgenda(parseDocument(once)), { markdown: once, omitted: 0 });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('share: other private marks', () => {
  it('treats #private/<anything> like #private', () => {
    assert.deepStrictEqual(
      share('## Agenda', '- [ ] Public point', '- [ ] Comp numbers #private/career', '  - detail'),
      { markdown: md('## Agenda', '- [ ] Public point'), omitted: 1 },
    );
  });

  it('drops inline HTML comments from kept lines', () => {
    assert.deepStrictEqual(share('## Notes', 'Went well <!-- but I was nervous --> overall', '- item <!-- aside -->'), {
      markdown: md('## Notes', 'Went well  overall', '- item'),
      omitted: 0,
    });
  });

  it('drops a whole HTML block tagged #private', () => {
    assert.deepStrictEqual(share('## Notes', '', '<div>', 'salary talk #private', '</div>', '', 'public'), {
      markdown: md('## Notes', '', 'public'),
      omitted: 1,
    });
  });
});
