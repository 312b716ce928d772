// fast-check generators for hostile journal files, for the edit-safety suite.
//
// A hostile file is a meeting, goal, feedback thread or questions.md as a
// person might leave it: CRLF, mixed or lone-CR line endings, a BOM, tabs,
// no final newline, lines of 10,000+ characters, headings and checkboxes
// inside ``` and ~~~ fences, <details>, <pre> and <!-- comments -->, front
// matter with comments, anchors, aliases, block scalars and keys we do not
// know, right-to-left text and emoji (surrogate pairs, ZWJ sequences).
// Sometimes it is broken on purpose (a fence, comment or <pre> never closed,
// front matter never closed, YAML that does not parse, a NUL that makes it
// binary) so refusals get exercised.
// The checks run on the edits are in edit-safety-checks.ts.

import fc from 'fast-check';
import { Eol } from '../../src/core/text';

/**
 * Runs per property: enough to meet most shapes on every run of the unit
 * tier, few enough to keep the suite within a few seconds. Soak it with
 * EDIT_SAFETY_RUNS=5000 npm run test:unit.
 */
export const SAFETY_RUNS = Number(process.env['EDIT_SAFETY_RUNS']) || 60;

// ---------------------------------------------------------------------------
// Text

/** Words that are hard on a parser, an editor or a renderer; none starts a line (they follow a safe first word). */
const HOSTILE_WORDS = [
  'مرحبا بالعالم',
  'שלום עולם',
  '\u200fRTL mark\u200f',
  '\u202eoverride\u202c',
  '\u2067isolate\u2069',
  '🎉',
  '👩🏽‍💻',
  '🏳️‍🌈',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '𠜎𠜱',
  'e\u0301',
  '日本語',
  'Ünïcödé',
  'a\tb',
  '\u00a0nbsp',
  'zero\u200bwidth',
  '\u2028sep',
  '#growth',
  '#goal/ship-it',
  'PR #42',
  '`## code`',
  '`- [ ] code`',
  '<b>bold</b>',
  '[link](../x.md#y)',
  '**bold**',
  '_em_',
  '\\',
  '&amp;',
  '---',
  'x: y',
  '"q"',
  "'s'",
  '# hash',
  '~~~',
  '```',
  '<!-- inline -->',
  '<details>',
  '\t',
  '  ',
  '|',
  '> not a quote',
  '- not an item',
  '[ ]',
  '[x]',
  '](',
  '*',
  '#',
  '##',
];
const FIRST_WORDS = ['Talk', 'Ask', 'Review', 'Plan', 'سؤال', 'שאלה', 'Über', '質問', '🎉', 'Follow-up'];

export const hostileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FIRST_WORDS),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
      ),
      { maxLength: 5 },
    ),
  )
  .map(([first, rest]) => [first, ...rest].join(' ').replace(/[\r\n]/g, ' '));

const longOf = (base: string): string => base.repeat(Math.ceil(10_050 / base.length));
/** Lines of 10,000+ characters: ASCII with tabs, right-to-left with emoji, markdown punctuation. */
export const LONG_TEXTS = [
  longOf('lorem ipsum\tdolor sit amet, '),
  longOf('مرحبا بالعالم שלום עולם 🎉👩🏽‍💻 '),
  longOf('`code` **b** [l](x) #tag <i>i</i> ## '),
];
const longText = fc.constantFrom(...LONG_TEXTS);

/** One line of prose: never opens a block of its own (it starts with a word). */
export const proseText: fc.Arbitrary<string> = fc.oneof(
  { weight: 25, arbitrary: hostileText },
  { weight: 1, arbitrary: longText },
);

// ---------------------------------------------------------------------------
// Blocks (arrays of lines, no line breaks inside)

export type Lines = readonly string[];

/** Headings and checkboxes where markdown does not see them: fences, HTML blocks, comments. */
const HIDING_BLOCKS: readonly Lines[] = [
  ['```', '## Agenda', '- [ ] fake in a fence', '## Action items', '- [ ] fake action', '~~~', '```'],
  ['~~~ts', '## Wins', '- [x] fake win', '```', '## Progress', '- 2020-01-01: fake progress', '~~~'],
  ['````md', '```', '## Notes', '- [ ] fake', '```', '````'],
  ['<details>', '<summary>## Agenda</summary>', '## Agenda', '- [ ] fake in details', '## Action items', '</details>'],
  ['<!--', '## Agenda', '', '- [ ] fake in a comment', '## Progress', '-->'],
  ['<!-- one line ## Agenda - [ ] -->'],
  ['<pre>', '## Wins', '', '- [ ] fake in pre', '</pre>'],
  ['<div dir="rtl">', 'مرحبا ## Agenda', '- [ ] שלום', '</div>'],
];

const OTHER_BLOCKS: readonly Lines[] = [
  ['> ## a quoted heading', '> - [ ] a quoted item', '> שלום'],
  ['| a | b |', '|---|---|', '| שלום | 🎉 |'],
  ['* * *'],
  ['\tindented with a tab', '  \t mixed indent'],
  ['   '],
  ['\t'],
  ['Setext looking', '==='],
  ['Text with a trailing #private? no: #private-ish'],
];

export const hostileBlock: fc.Arbitrary<Lines> = fc.oneof(
  // After a blank line, as people write them: an HTML block runs on to the next blank line and would take them in.
  { weight: 3, arbitrary: fc.constantFrom(...HIDING_BLOCKS).map((b) => ['', ...b]) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_BLOCKS) },
  { weight: 2, arbitrary: proseText.map((t) => [t]) },
  { weight: 1, arbitrary: fc.constant(['']) },
);

/** What can sit under a list item, indented for it. */
const ITEM_BODIES: readonly Lines[] = [
  ['  > quoted context مرحبا'],
  ['  Source: [src/a b.ts:3-9](https://github.com/o/r/blob/abc1234/src/a%20b.ts#L3-L9)'],
  ['  Source: `terminal “bash”`'],
  ['  ```ts', '  ## not a heading', '  - [ ] not an item', '  ```'],
  ['  ~~~', '  <!-- not a comment opener in a fence', '  ~~~'],
  ['  - [ ] nested child 🎉'],
  ['  - [x] nested done', '    - deeper שלום'],
  ['\t- [ ] tab-nested child'],
  ['  Carried from [2026-03-03](2026-03-03.md#carry-abc123)'],
  ['  continuation\twith a tab'],
  ['  <details>', '  ## hidden', '  </details>'],
];
const itemBody: fc.Arbitrary<Lines> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...ITEM_BODIES) },
  { weight: 1, arbitrary: longText.map((t) => [`  ${t}`]) },
);

/** A list item line (with its body): markers, checkboxes, indentation and text of every kind. */
export const listItem = (opts: { checkbox?: 'always' | 'any' } = {}): fc.Arbitrary<Lines> =>
  fc
    .record({
      marker: fc.constantFrom('- ', '- ', '- ', '* ', '+ ', '1. ', '2) ', '-\t'),
      box:
        opts.checkbox === 'always'
          ? fc.constantFrom('[ ] ', '[x] ', '[X] ')
          : fc.constantFrom('[ ] ', '[ ] ', '[x] ', '[X] ', ''),
      text: fc.oneof({ weight: 30, arbitrary: hostileText }, { weight: 1, arbitrary: longText }),
      body: fc.array(itemBody, { maxLength: 2 }),
      n: fc.nat({ max: 999 }),
    })
    // A number makes most texts unique, as they usually are.
    .map(({ marker, box, text, body, n }) => [`${marker}${box}${text} n${n}`, ...body.flat()]);

/** A section: heading, then items, prose and hostile blocks. */
function section(
  heading: fc.Arbitrary<string>,
  item: fc.Arbitrary<Lines>,
  extra: fc.Arbitrary<Lines> = hostileBlock,
): fc.Arbitrary<Lines> {
  return fc
    .tuple(
      heading,
      fc.constantFrom('', '', 'none'),
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: item },
          { weight: 2, arbitrary: extra },
          { weight: 1, arbitrary: fc.constant<Lines>(['']) },
        ),
        { maxLength: 5 },
      ),
      fc.constantFrom('', 'none'),
    )
    .map(([h, gap, content, after]) => [
      h,
      ...(gap === 'none' ? [] : [gap]),
      ...content.flat(),
      ...(after === 'none' ? [] : [after]),
    ]);
}

/** A section that may be missing. */
const maybe = (arb: fc.Arbitrary<Lines>, freq = 4): fc.Arbitrary<Lines> => fc.option(arb, { freq }).map((l) => l ?? []);

// ---------------------------------------------------------------------------
// Front matter

/** Lines of front matter we do not know (and must keep byte for byte). */
const FRONT_MATTER_EXTRAS: readonly Lines[] = [
  ['# a comment — مرحبا 🎉'],
  ['  # an indented comment'],
  ['x-custom: "quoted: value" # a trailing comment'],
  ['base: &anchor שלום', 'copy: *anchor'],
  ['defaults: &defaults', '  room: 4B', 'office: *defaults'],
  ['tags: [one, "two, three", 🎉]'],
  ['nested:', '  inner: 1', '  deeper:', '    - a', '    - ب'],
  ['notes: |', '  ## not a heading', '  - [ ] not an item', '  ```'],
  ['folded: >-', '  long text', '  continued'],
  ['emoji: 👩🏽‍💻', 'rtl: "עברית \u200f مرحبا"'],
  [`long: ${'x'.repeat(10_050)}`],
  ['empty:'],
  ['nothing: ~'],
  ['hex: 0x1F', 'float: 1.5e3'],
  ['"quoted key": v', "'single key': w"],
  ['? complex key', ': complex value'],
  ['tabbed: "a\tb"'],
  ['!!str typed: !!str 123'],
];

/** Front matter that YAML refuses: the file still shows; no key of it is ever written. */
const BROKEN_YAML: readonly Lines[] = [
  ['dup: 1', 'dup: 2'],
  ['\tbad: tab indentation'],
  ['a: [unclosed'],
  ['- a list, not a map'],
  ['{flow: map}'],
];

export type FileKind = 'meeting' | 'goal' | 'feedback' | 'questions';

/** Keys the extension reads, in the shapes people write them; several shapes per key. */
function knownKeys(kind: FileKind): fc.Arbitrary<Lines> {
  const opt = (lines: readonly Lines[]): fc.Arbitrary<Lines> => fc.constantFrom(...lines, []);
  switch (kind) {
    case 'meeting':
      return fc
        .tuple(
          fc.constantFrom<Lines>(['date: 2026-03-10'], ["date: '2026-03-10'"], ['date: 2026-03-10 # the day']),
          opt([
            ['status: planned'],
            ['status: "planned"'],
            ['status: planned   # not yet'],
            ['status:'],
            ['status: done'],
            ['st: &st planned', 'status: *st'],
          ]),
        )
        .map(([a, b]) => [...a, ...b]);
    case 'goal':
      return fc
        .tuple(
          fc.constantFrom<Lines>(['title: Ship the مرحبا migration 🎉'], ['title: "Lead: the review"'], []),
          opt([
            ['status: active'],
            ["status: 'achieved' # yay"],
            ['status: dropped'],
            ['status:'],
            ['status: [active]'],
          ]),
          opt([['created: 2026-01-05']]),
        )
        .map(([a, b, c]) => [...a, ...b, ...c]);
    case 'feedback':
      return fc
        .tuple(
          fc.constantFrom<Lines>(['title: Speak up earlier שלום'], ['title: "Docs: shorter"']),
          opt([['from: Alex Kim'], ['from: "אלכס"']]),
          opt([
            ['status: received'],
            ['status: trying # since March'],
            ['status: circled-back'],
            ['status: closed'],
            ['status:'],
          ]),
          opt([['circleBack: 2026-04-01'], ["circleBack: '2026-04-01' # two weeks"], ['circleBack:']]),
        )
        .map(([a, b, c, d]) => [...a, ...b, ...c, ...d]);
    case 'questions':
      return fc.constant([]);
  }
}

function frontMatter(kind: FileKind): fc.Arbitrary<Lines | undefined> {
  return fc.option(
    fc
      .record({
        known: knownKeys(kind),
        extras: fc.subarray([...FRONT_MATTER_EXTRAS], { maxLength: 5 }),
        broken: fc.oneof(
          { weight: 11, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(...BROKEN_YAML) },
        ),
        extrasFirst: fc.boolean(),
        close: fc.constantFrom('---', '---', '---', '...', '---  '),
      })
      .map(({ known, extras, broken, extrasFirst, close }) => {
        const more = [...extras.flat(), ...(broken ?? [])];
        return ['---', ...(extrasFirst ? [...more, ...known] : [...known, ...more]), close];
      }),
    { freq: 8, nil: undefined },
  );
}

// ---------------------------------------------------------------------------
// Files

const agendaHeading = fc.constantFrom(
  '## Agenda',
  '## Agenda',
  '## Talking points',
  '### Agenda',
  '## agenda:',
  '## **Agenda**',
  '## Agenda ##',
  '# Agenda',
  '## Topics',
);
const actionsHeading = fc.constantFrom('## Action items', '## Action items', '## Next steps', '### Todo');
const winsHeading = fc.constantFrom('## Wins', '## Wins', '## Accomplishments');
const progressHeading = fc.constantFrom('## Progress', '## Progress', '## Progress log', '### Progress');

const progressEntry: fc.Arbitrary<Lines> = fc
  .tuple(fc.constantFrom('2026-01-10', '2026-02-29', '2025-12-31'), fc.constantFrom(': ', ' — ', ' '), hostileText)
  .map(([d, sep, t]) => [`- ${d}${sep}${t}`]);

export const pendingWin: fc.Arbitrary<Lines> = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('', ' #impact/enabling', ' #goal/ship-it'))
  .map(([n, extra]) => [
    `- [o-r/repo.js#${n}](https://github.com/o-r/repo.js/pull/${n}) — details to fetch #win${extra} #enrich`,
  ]);

function body(kind: FileKind): fc.Arbitrary<Lines> {
  const title = hostileText.map((t) => `# ${t}`);
  const item = listItem();
  switch (kind) {
    case 'meeting':
      return fc
        .tuple(
          maybe(title.map((t) => [t, ''])),
          maybe(section(agendaHeading, item), 5),
          maybe(hostileBlock, 2),
          maybe(section(winsHeading, fc.oneof(item, pendingWin)), 2),
          maybe(
            section(
              fc.constant('## Notes'),
              fc.oneof(
                item,
                proseText.map((t) => [t]),
              ),
            ),
          ),
          maybe(section(actionsHeading, listItem({ checkbox: 'always' }))),
          maybe(section(fc.constant('## Private'), item), 2),
          maybe(hostileBlock, 2),
          fc.boolean(),
        )
        .map(([t, agenda, h1, wins, notes, actions, priv, h2, swap]) => {
          // Sections usually come in the template's order; sometimes not.
          const parts = swap
            ? [t, actions, h1, notes, agenda, wins, priv, h2]
            : [t, agenda, h1, wins, notes, actions, priv, h2];
          return parts.flat();
        });
    case 'goal':
      return fc
        .tuple(
          maybe(title.map((t) => [t, ''])),
          maybe(
            section(
              fc.constant('## Why it matters'),
              proseText.map((t) => [t]),
            ),
          ),
          maybe(hostileBlock, 2),
          maybe(
            section(progressHeading, fc.oneof({ weight: 3, arbitrary: progressEntry }, { weight: 1, arbitrary: item })),
            5,
          ),
          maybe(section(fc.constant('## Notes'), item), 2),
        )
        .map((parts) => parts.flat());
    case 'feedback':
      return fc
        .tuple(
          maybe(
            section(
              fc.constant('## What I heard'),
              proseText.map((t) => [t]),
            ),
          ),
          maybe(section(fc.constantFrom('## What I am trying', '## Trying'), fc.oneof(progressEntry, item))),
          maybe(hostileBlock, 2),
          maybe(section(fc.constantFrom('## Circle back', '## Outcome'), progressEntry)),
        )
        .map((parts) => parts.flat());
    case 'questions':
      return fc
        .tuple(
          fc.constant(['# My questions', '']),
          fc.array(
            section(
              fc.constantFrom('## Growth', '## Feedback', '## Misc', '## صعود', '## 🎉'),
              listItem(),
              hostileBlock,
            ),
            { minLength: 1, maxLength: 3 },
          ),
        )
        .map(([t, sections]) => [...t, ...sections.flat()]);
  }
}

/** All LF, all CRLF, LF and CRLF mixed, or LF, CRLF and lone CRs mixed. */
export type EolStyle = 'lf' | 'crlf' | 'mixed' | 'cr';

/** How a file is broken on purpose, so that refusing gets tested. */
export type Breakage =
  'none' | 'unclosed-fence' | 'unclosed-comment' | 'unclosed-pre' | 'unterminated-front-matter' | 'binary';

export interface HostileFile {
  /** The file as on disk: BOM included. */
  readonly raw: string;
  readonly kind: FileKind;
  /** Journal-relative path, for the index. */
  readonly path: string;
  readonly eol: EolStyle;
  readonly bom: boolean;
  readonly breakage: Breakage;
}

const PATHS: Record<FileKind, string> = {
  meeting: 'meetings/alex-kim/2026-03-10.md',
  goal: 'goals/ship-it.md',
  feedback: 'feedback/speak-up.md',
  questions: 'questions.md',
};

/** Joins lines: all LF, all CRLF, LF and CRLF mixed, or with lone CRs among them. */
export function joinWith(lines: Lines, style: EolStyle, picks: readonly number[], finalNewline: boolean): string {
  let out = '';
  let previous = '';
  lines.forEach((line, i) => {
    const p = picks[i % picks.length] ?? 0;
    let eol: Eol =
      style === 'lf'
        ? '\n'
        : style === 'crlf'
          ? '\r\n'
          : style === 'mixed'
            ? p % 2 === 0
              ? '\n'
              : '\r\n'
            : (['\n', '\r\n', '\r'] as const)[p % 3]!;
    // After a lone CR, an empty line ending in LF would read as one CRLF: the blank line would vanish.
    if (previous === '\r' && line === '' && eol === '\n') eol = '\r\n';
    const last = i === lines.length - 1 && !finalNewline;
    out += line + (last ? '' : eol);
    previous = eol;
  });
  return out;
}

/**
 * A hostile file of `kind`. `breakage: false`: never broken on purpose.
 * `append`: lines added after the body (a section an operation needs).
 */
export function hostileFile(
  kind: FileKind,
  options: { breakage?: boolean; append?: fc.Arbitrary<Lines> } = {},
): fc.Arbitrary<HostileFile> {
  return fc
    .record({
      front: kind === 'questions' ? fc.constant(undefined) : frontMatter(kind),
      body: body(kind),
      eol: fc.constantFrom<EolStyle>('lf', 'lf', 'crlf', 'crlf', 'mixed', 'cr'),
      picks: fc.array(fc.nat({ max: 5 }), { minLength: 7, maxLength: 7 }),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
      breakage:
        options.breakage === false
          ? fc.constant<Breakage>('none')
          : fc.oneof(
              { weight: 10, arbitrary: fc.constant<Breakage>('none') },
              {
                weight: 1,
                arbitrary: fc.constantFrom<Breakage>(
                  'unclosed-fence',
                  'unclosed-comment',
                  'unclosed-pre',
                  'unterminated-front-matter',
                  'binary',
                ),
              },
            ),
      breakAt: fc.nat(),
      append: options.append ?? fc.constant<Lines>([]),
    })
    .map(({ front, body: b, eol, picks, bom, finalNewline, breakage, breakAt, append }) => {
      let fm = front ?? [];
      let lines = [...b, ...append];
      let broke: Breakage = breakage;
      if (breakage === 'unterminated-front-matter') {
        if (fm.length > 0) fm = fm.slice(0, -1);
        else broke = 'none';
      } else if (breakage !== 'none') {
        const opener =
          breakage === 'unclosed-fence'
            ? ['~~~', 'never closed ## Agenda']
            : breakage === 'unclosed-comment'
              ? ['<!-- never closed', '## Agenda']
              : breakage === 'unclosed-pre'
                ? ['<pre>', '- [ ] never closed']
                : ['binary \u0000 ## Agenda'];
        const at = lines.length === 0 ? 0 : breakAt % (lines.length + 1);
        lines = [...lines.slice(0, at), ...opener, ...lines.slice(at)];
      }
      const all = [...fm, ...lines];
      if (all.length === 0) all.push('');
      const raw = (bom ? '\uFEFF' : '') + joinWith(all, eol, picks, finalNewline);
      return { raw, kind, path: PATHS[kind], eol, bom, breakage: broke };
    });
}
