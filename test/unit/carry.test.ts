// Carry-forward: open items of one meeting copied into the next, once, with
// a link back — and nothing else in the next meeting touched.

import * as assert from 'assert';
import fc from 'fast-check';
import { carriedLines, carryForward, carryId, itemKey, openItems, toCarry } from '../../src/core/carry';
import { parseDocument } from '../../src/core/document';
import { addListItem } from '../../src/core/edits';
import { setItemChecked } from '../../src/core/item-edits';
import { AGENDA_HEADINGS } from '../../src/core/journal-entry';
import { applyEdits, Eol, offsetAt, splitLines, stripBom, TextEdit } from '../../src/core/text';
import { joinLines, proseLine, RUNS } from './arbitraries';

const LABEL = '2026-11-10';
const FILE = '2026-11-10.md';

/** Carries `source` into `target` and returns the new target text (failing on a refusal). */
function carried(
  source: string,
  target: string,
  label = LABEL,
  file = FILE,
): { out: string; texts: string[]; edits: TextEdit[] } {
  const result = carryForward(parseDocument(source), parseDocument(target), label, file);
  if ('error' in result.edits) throw new Error(`carry refused: ${result.edits.error}`);
  return {
    out: applyEdits(target, result.edits.edits),
    texts: result.carried.map((i) => i.text),
    edits: result.edits.edits,
  };
}

const link = (text: string, label = LABEL, file = FILE): string =>
  `  Carried from [${label}](${file}#${carryId(text)})`;

/** Every edit is an insertion, and taking the inserted text out of `after` gives `before` back byte for byte. */
function assertPureInsertions(before: string, edits: readonly TextEdit[], after: string): void {
  const bare = stripBom(before).text;
  const lines = splitLines(bare);
  for (const e of edits) assert.deepStrictEqual(e.range.start, e.range.end, 'an insertion');
  const spans = edits.map((e) => ({ at: offsetAt(lines, e.range.start), text: e.newText })).sort((a, b) => a.at - b.at);
  const afterBare = stripBom(after).text;
  let rebuilt = '';
  let cursor = 0;
  let shift = 0;
  for (const s of spans) {
    const at = s.at + shift;
    assert.strictEqual(afterBare.slice(at, at + s.text.length), s.text, 'the inserted text is where the edit says');
    rebuilt += afterBare.slice(cursor, at);
    cursor = at + s.text.length;
    shift += s.text.length;
  }
  rebuilt += afterBare.slice(cursor);
  assert.strictEqual(rebuilt, bare, 'every original byte kept, in order');
  assert.strictEqual(after.startsWith('\uFEFF'), before.startsWith('\uFEFF'), 'BOM kept');
  if (bare !== '') assert.strictEqual(/[\r\n]$/.test(after), /[\r\n]$/.test(before), 'final newline state kept');
}

/** Item keys and carry ids present in a meeting, computed here rather than by carry.ts. */
function presence(text: string): { keys: Set<string>; ids: Set<string> } {
  const d = parseDocument(text);
  const keys = new Set(d.scan.items.map((i) => itemKey(i.text)));
  const ids = new Set<string>();
  d.source.lines.forEach((l, i) => {
    const m = /^\s*Carried from \[.*\]\(.*#(carry-[a-z0-9]+)\)\s*$/.exec(l.text);
    if (m && d.scan.kinds[i] === 'text') ids.add(m[1]!);
  });
  return { keys, ids };
}

describe('carry: itemKey and carryId', () => {
  it('compare items without checkbox, tags, spacing or case', () => {
    assert.strictEqual(itemKey('  Share the DOC  #growth '), 'share the doc');
    assert.strictEqual(itemKey('#team/process Share\tthe doc'), 'share the doc');
    assert.strictEqual(carryId('Share the doc'), carryId('share  THE doc #feedback'));
    assert.match(carryId('Share the doc'), /^carry-[a-z0-9]+$/);
  });

  it('keep numbers: PR #42 and PR #43 are two items', () => {
    assert.strictEqual(itemKey('Review PR #42'), 'review pr #42');
    assert.notStrictEqual(itemKey('Review PR #42'), itemKey('Review PR #43'));
    assert.notStrictEqual(carryId('Review PR #42'), carryId('Review PR #43'));
    assert.strictEqual(itemKey('Review PR #42 #growth'), 'review pr #42');
  });

  it('tell different texts apart', () => {
    assert.notStrictEqual(carryId('Share the doc'), carryId('Share the docs'));
    assert.notStrictEqual(carryId('a b'), carryId('ab'));
  });
});

describe('carry: openItems', () => {
  const meeting = [
    '---',
    'date: 2026-11-10',
    '---',
    '# 1:1 — 2026-11-10',
    '',
    '## Agenda',
    '',
    '- [ ] Promotion criteria #growth',
    '  - [ ] sub point',
    '  Carried from [2026-11-03](2026-11-03.md#carry-old1)',
    '  more detail',
    '- [x] Done topic',
    '- [X] Also done',
    '- plain bullet',
    '- [ ] ',
    '```',
    '- [ ] FAKE fenced checkbox',
    '```',
    '<!-- - [ ] FAKE in a comment -->',
    '',
    '## Notes',
    '',
    '- [ ] notes are not carried',
    '',
    '## Action items',
    '',
    '1. [ ] Alex: share the doc',
    '\t- [ ] nested action',
    '- [x] Me: done thing',
    '',
  ].join('\n');

  it('takes unchecked top-level agenda and action items, with their bodies at column 0 and old links dropped', () => {
    assert.deepStrictEqual(openItems(parseDocument(meeting)), [
      {
        section: 'agenda',
        text: 'Promotion criteria #growth',
        id: carryId('Promotion criteria #growth'),
        lines: ['- [ ] Promotion criteria #growth', '  - [ ] sub point', '  more detail'],
      },
      {
        section: 'actions',
        text: 'Alex: share the doc',
        id: carryId('Alex: share the doc'),
        lines: ['1. [ ] Alex: share the doc', '\t- [ ] nested action'],
      },
    ]);
  });

  it('reads the other agenda and action headings, and indented items at column 0', () => {
    const d = parseDocument(
      [
        '### Talking points',
        '  - [ ] indented',
        '    child',
        '## Next steps',
        '- [ ] next',
        '## Todo',
        '- [ ] not the first action section',
      ].join('\r\n'),
    );
    assert.deepStrictEqual(
      openItems(d).map((i) => [i.section, i.text, i.lines]),
      [
        ['agenda', 'indented', ['- [ ] indented', '  child']],
        ['actions', 'next', ['- [ ] next']],
      ],
    );
  });

  it('is empty for a meeting without sections, and for an empty file', () => {
    assert.deepStrictEqual(openItems(parseDocument('- [ ] loose item\n')), []);
    assert.deepStrictEqual(openItems(parseDocument('')), []);
  });
});

describe('carry: carryForward', () => {
  const SOURCE = [
    '## Agenda',
    '',
    '- [ ] Promotion criteria #growth',
    '- [x] Done topic',
    '',
    '## Action items',
    '',
    '- [ ] Alex: share the doc',
    '',
  ].join('\n');

  it('adds agenda items to the Agenda and action items to the Action items, each with a link back', () => {
    const target = [
      '---',
      'date: 2026-11-17',
      '---',
      '# 1:1 — 2026-11-17',
      '',
      '## Agenda',
      '',
      '- [ ] New topic',
      '',
      '## Notes',
      '',
      '## Action items',
      '',
    ].join('\n');
    const { out, texts } = carried(SOURCE, target);
    assert.deepStrictEqual(texts, ['Promotion criteria #growth', 'Alex: share the doc']);
    assert.strictEqual(
      out,
      [
        '---',
        'date: 2026-11-17',
        '---',
        '# 1:1 — 2026-11-17',
        '',
        '## Agenda',
        '',
        '- [ ] New topic',
        '- [ ] Promotion criteria #growth',
        link('Promotion criteria #growth'),
        '',
        '## Notes',
        '',
        '## Action items',
        '',
        '- [ ] Alex: share the doc',
        link('Alex: share the doc'),
        '',
      ].join('\n'),
    );
  });

  it('creates missing sections: the Agenda after the title, the Action items at the end', () => {
    const { out } = carried(SOURCE, '# 1:1\n\n## Notes\n\nsome text');
    assert.strictEqual(
      out,
      [
        '# 1:1',
        '',
        '## Agenda',
        '',
        '- [ ] Promotion criteria #growth',
        link('Promotion criteria #growth'),
        '',
        '## Notes',
        '',
        'some text',
        '',
        '## Action items',
        '',
        '- [ ] Alex: share the doc',
        link('Alex: share the doc'),
      ].join('\n'),
    );
    assert.strictEqual(
      carried(SOURCE, '').out,
      [
        '## Agenda',
        '',
        '- [ ] Promotion criteria #growth',
        link('Promotion criteria #growth'),
        '',
        '## Action items',
        '',
        '- [ ] Alex: share the doc',
        link('Alex: share the doc'),
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF, a BOM and a missing final newline', () => {
    const crlf = '\uFEFF# 1:1\r\n\r\n## Agenda\r\n\r\n- [ ] x\r\n\r\n## Action items\r\n\r\n- [ ] y';
    const { out, edits } = carried(SOURCE, crlf);
    assert.strictEqual(
      out,
      `\uFEFF# 1:1\r\n\r\n## Agenda\r\n\r\n- [ ] x\r\n- [ ] Promotion criteria #growth\r\n${link('Promotion criteria #growth')}\r\n\r\n## Action items\r\n\r\n- [ ] y\r\n- [ ] Alex: share the doc\r\n${link('Alex: share the doc')}`,
    );
    assertPureInsertions(crlf, edits, out);
  });

  it('places items right after the last one in a file with a BOM (positions do not count the BOM)', () => {
    const target = '\uFEFF# 1:1\n\n## Agenda\n\n- [ ] first line\n- [ ] x\n\n## Notes\n\n## Action items\n\n- [ ] y\n';
    const { out } = carried(SOURCE, target);
    assert.strictEqual(
      out,
      `\uFEFF# 1:1\n\n## Agenda\n\n- [ ] first line\n- [ ] x\n- [ ] Promotion criteria #growth\n${link('Promotion criteria #growth')}\n\n## Notes\n\n## Action items\n\n- [ ] y\n- [ ] Alex: share the doc\n${link('Alex: share the doc')}\n`,
    );
  });

  it('a second run changes nothing', () => {
    const { out } = carried(SOURCE, '## Agenda\n\n## Action items\n');
    const again = carryForward(parseDocument(SOURCE), parseDocument(out), LABEL, FILE);
    assert.deepStrictEqual(again, { edits: { edits: [] }, carried: [] });
  });

  it('does not carry what the target already has, whatever its checkbox, tags, case or spacing', () => {
    const target = ['## Agenda', '- [x] promotion   CRITERIA #career', '## Notes', '- alex: Share the doc'].join('\n');
    assert.deepStrictEqual(carryForward(parseDocument(SOURCE), parseDocument(target), LABEL, FILE).carried, []);
  });

  it('a reworded or ticked copy does not bring the original back; a deleted one does', () => {
    const { out } = carried(SOURCE, '## Agenda\n\n## Action items\n');
    const reworded = out
      .replace('- [ ] Promotion criteria #growth', '- [ ] Promo criteria: ask for the rubric')
      .replace('- [ ] Alex: share', '- [x] Alex: share');
    assert.deepStrictEqual(toCarry(parseDocument(SOURCE), parseDocument(reworded)), []);
    const deleted = reworded.replace(
      `- [ ] Promo criteria: ask for the rubric\n${link('Promotion criteria #growth')}\n`,
      '',
    );
    assert.deepStrictEqual(carried(SOURCE, deleted).texts, ['Promotion criteria #growth']);
  });

  it('does not carry fenced or commented checkboxes, and fenced copies in the target do not count', () => {
    const source = [
      '## Agenda',
      '```',
      '- [ ] FAKE fenced',
      '```',
      '<!--',
      '- [ ] FAKE commented',
      '-->',
      '- [ ] Real one',
      '  ```',
      '  - [ ] CODE in the body',
      '  ```',
    ].join('\n');
    const target = ['## Agenda', '~~~', '- [ ] Real one', link('Real one'), '~~~', ''].join('\n');
    const { out, texts } = carried(source, target);
    assert.deepStrictEqual(texts, ['Real one']);
    assert.strictEqual(
      out,
      [
        ...target.split('\n').slice(0, -1),
        '',
        '- [ ] Real one',
        link('Real one'),
        '  ```',
        '  - [ ] CODE in the body',
        '  ```',
        '',
      ].join('\n'),
    );
    assert.deepStrictEqual(
      parseDocument(out).scan.items.map((i) => i.text),
      ['Real one'],
    );
  });

  it('carries a duplicate once, and numbered items too', () => {
    const source = [
      '## Action items',
      '1. [ ] numbered',
      '2) [ ] Numbered  ',
      '- [ ] NUMBERED #again',
      '- [ ] Review PR #42',
      '- [ ] Review PR #43',
    ].join('\n');
    assert.deepStrictEqual(carried(source, '## Action items\n').texts, ['numbered', 'Review PR #42', 'Review PR #43']);
  });

  it('carries an item whose text holds a Unicode line separator', () => {
    const source = '## Agenda\n- [ ] pasted\u2028text\n- [ ] plain\n';
    assert.deepStrictEqual(carried(source, '## Agenda\n').texts, ['pasted\u2028text', 'plain']);
  });

  it('links an item carried again to the meeting it came from last, once', () => {
    const source = [
      '## Agenda',
      '- [ ] Old topic',
      '  Carried from [2026-11-03](2026-11-03.md#carry-abc)',
      '  - [ ] sub',
    ].join('\n');
    assert.strictEqual(
      carried(source, '## Agenda\n').out,
      ['## Agenda', '', '- [ ] Old topic', link('Old topic'), '  - [ ] sub', ''].join('\n'),
    );
  });

  it('escapes the link so it is recognised again: file names with spaces, parentheses or #, labels with brackets', () => {
    const source = '## Agenda\n- [ ] Topic\n';
    for (const [label, file, written] of [
      ['2026-11-10', '2026-11-10 (2).md', '2026-11-10%20%282%29.md'],
      ['2026-11-10', '2026-11-10 #1.md', '2026-11-10%20%231.md'],
      ['a [b] \\c', '2026-11-10.md', '2026-11-10.md'],
    ] as const) {
      const { out } = carried(source, '## Agenda\n', label, file);
      assert.ok(out.includes(`(${written}#${carryId('Topic')})`), out);
      const reworded = out.replace('- [ ] Topic', '- [ ] Reworded');
      assert.deepStrictEqual(toCarry(parseDocument(source), parseDocument(reworded)), [], `${label} ${file}`);
    }
    assert.deepStrictEqual(carriedLines(openItems(parseDocument(source))[0]!, 'a [b] \\c', 'x.md'), [
      '- [ ] Topic',
      `  Carried from [a \\[b\\] \\\\c](x.md#${carryId('Topic')})`,
    ]);
  });

  it('refuses a target with an unclosed fence, carrying nothing', () => {
    const result = carryForward(parseDocument(SOURCE), parseDocument('## Agenda\n```\nunclosed\n'), LABEL, FILE);
    assert.ok('error' in result.edits);
    assert.deepStrictEqual(result.carried, []);
  });

  it('refuses, changing nothing, when an action heading sits inside the Agenda', () => {
    const result = carryForward(
      parseDocument(SOURCE),
      parseDocument('## Agenda\n### Todo\n## Action items'),
      LABEL,
      FILE,
    );
    assert.deepStrictEqual(result, {
      edits: { error: 'The change could not be expressed as separate edits; nothing was changed.' },
      carried: [],
    });
  });

  it('carries nothing from a meeting with nothing open', () => {
    assert.deepStrictEqual(carryForward(parseDocument('## Agenda\n- [x] done\n'), parseDocument(''), LABEL, FILE), {
      edits: { edits: [] },
      carried: [],
    });
  });
});

// ---------------------------------------------------------------------------
// Generated meetings: sections under their various headings, items with
// bodies, fences and comments full of fake checkboxes, any line endings.

type Child = readonly string[];
const childArb: fc.Arbitrary<Child> = fc.constantFrom<Child>(
  ['- [ ] sub'],
  ['- [x] sub done'],
  ['more about it'],
  ['> quoted'],
  ['```', '- [ ] CODE-CHECKBOX nested', '```'],
  ['Carried from [2026-11-03](2026-11-03.md#carry-old1)'],
);

interface ItemModel {
  readonly t: 'item';
  readonly indent: string;
  readonly marker: string;
  readonly box: string;
  readonly prose: string;
  readonly tab: boolean;
  readonly children: readonly Child[];
}

type BlockModel =
  | ItemModel
  | { readonly t: 'lines'; readonly lines: readonly string[] }
  | { readonly t: 'para'; readonly prose: string };

const itemModel: fc.Arbitrary<ItemModel> = fc.record({
  t: fc.constant<'item'>('item'),
  indent: fc.constantFrom('', '', '', '  '),
  marker: fc.constantFrom('- ', '- ', '* ', '+ ', '1. ', '2) '),
  box: fc.constantFrom('[ ] ', '[ ] ', '[ ] ', '[x] ', '[X] ', ''),
  prose: proseLine,
  tab: fc.boolean(),
  children: fc.array(childArb, { maxLength: 3 }),
});

const blockModel: fc.Arbitrary<BlockModel> = fc.oneof(
  { weight: 6, arbitrary: itemModel },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<readonly string[]>(
        ['```', '- [ ] FAKE fenced', '```'],
        ['~~~md', '* [ ] FAKE tilde', `  Carried from [x](x.md#carry-fake1)`, '~~~'],
        ['````', '```', '- [ ] FAKE inner ticks', '```', '````'],
        ['<!-- - [ ] FAKE in a comment -->'],
        ['<!--', '- [ ] FAKE in a long comment', '-->'],
        [''],
        [''],
      )
      .map((lines) => ({ t: 'lines' as const, lines })),
  },
  { weight: 1, arbitrary: proseLine.map((prose) => ({ t: 'para' as const, prose })) },
);

// Agenda and action headings all at level 2, so one never sits inside the other (see the refusal test above).
const headingArb = {
  agenda: fc.constantFrom('## Agenda', '## Talking points', '## Topics', '## agenda:', '## **Agenda**'),
  actions: fc.constantFrom('## Action items', '## Next steps', '## Todo', '## Action points', '## ACTION ITEMS'),
  other: fc.constantFrom('## Notes', '## Wins', '## Private', '### Details', '# 1:1 — 2026-11-10'),
};

interface SectionModel {
  readonly heading: string;
  readonly blanks: boolean;
  readonly blocks: readonly BlockModel[];
}

const sectionModel: fc.Arbitrary<SectionModel> = fc.record({
  heading: fc.oneof(
    { weight: 3, arbitrary: headingArb.agenda },
    { weight: 3, arbitrary: headingArb.actions },
    { weight: 2, arbitrary: headingArb.other },
  ),
  blanks: fc.boolean(),
  blocks: fc.array(blockModel, { maxLength: 6 }),
});

interface FormatModel {
  readonly style: 'lf' | 'crlf' | 'mixed';
  readonly eols: readonly Eol[];
  readonly bom: boolean;
  readonly finalNewline: boolean;
}

const formatModel: fc.Arbitrary<FormatModel> = fc.record({
  style: fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'lf', 'crlf', 'crlf', 'mixed'),
  eols: fc.array(fc.constantFrom<Eol>('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

interface MeetingModel {
  readonly frontMatter: boolean;
  readonly sections: readonly SectionModel[];
  readonly format: FormatModel;
}

const meetingModel: fc.Arbitrary<MeetingModel> = fc.record({
  frontMatter: fc.boolean(),
  sections: fc.array(sectionModel, { maxLength: 5, size: 'medium' }),
  format: formatModel,
});

/** Renders a meeting; every item gets a unique trailing token (`s3`, `t7`) so tests can tell items apart. */
function renderMeeting(m: MeetingModel, prefix: string, extra: readonly (readonly string[])[] = []): string {
  let n = 0;
  const lines: string[] = m.frontMatter ? ['---', 'date: 2026-11-10', 'status: done', '---'] : [];
  m.sections.forEach((section, s) => {
    lines.push(section.heading);
    if (section.blanks) lines.push('');
    for (const block of section.blocks) {
      if (block.t === 'lines') lines.push(...block.lines);
      else if (block.t === 'para') lines.push(`Note: ${block.prose}`);
      else {
        const token = `${prefix}${n++}`;
        // One space after the marker, so the body indentation below is the item's content column.
        lines.push(`${block.indent}${block.marker}${block.box}${`${block.prose.trimStart()} ${token}`.trimStart()}`);
        const pad =
          block.indent +
          (block.tab && block.indent.length + block.marker.length <= 4 ? '\t' : ' '.repeat(block.marker.length));
        // Sub-items last: the scanner does not see a fence indented 4+ columns after a sub-item that is indented deeper.
        const children = [...block.children].sort(
          (x, y) => Number(x[0]!.startsWith('- [')) - Number(y[0]!.startsWith('- [')),
        );
        for (const child of children)
          for (const l of child) lines.push(pad + l.replace(/^(- \[[ x]\] sub.*)$/, `$1 ${token}`));
      }
    }
    // Copies of other meetings' items go into the first section.
    if (s === 0) for (const e of extra) lines.push('', ...e);
  });
  if (m.sections.length === 0) for (const e of extra) lines.push(...e);
  const text = joinLines(lines, m.format.eols, m.format.style, m.format.finalNewline);
  return (m.format.bom ? '\uFEFF' : '') + text;
}

type CopyVariant = 'same' | 'ticked' | 'spaced' | 'tagged' | 'upper' | 'reworded' | 'fenced';

/** A target meeting's copy of a source item: every variant but `fenced` counts as already there. */
function copyLines(text: string, variant: CopyVariant): string[] {
  switch (variant) {
    case 'same':
      return [`- [ ] ${text}`];
    case 'ticked':
      return [`* [x] ${text}`];
    case 'spaced':
      return [`- [ ]   ${text.replace(/ /g, '  ')}  `];
    case 'tagged':
      return [`- [ ] ${text} #followup`];
    case 'upper':
      return [`- [ ] ${text.replace(/[a-z]/g, (c) => c.toUpperCase())}`];
    case 'reworded':
      return ['- [ ] said differently', `  Carried from [2026-11-03](2026-11-03.md#${carryId(text)})`];
    case 'fenced':
      return ['```', `- [ ] ${text}`, `  Carried from [2026-11-03](2026-11-03.md#${carryId(text)})`, '```'];
  }
}

interface Pair {
  readonly source: string;
  readonly target: string;
  /** Tokens of source items the target already has. */
  readonly copied: ReadonlySet<string>;
}

const pairArb: fc.Arbitrary<Pair> = fc
  .record({
    source: meetingModel,
    target: meetingModel,
    copies: fc.array(
      fc.record({
        pick: fc.nat(),
        variant: fc.constantFrom<CopyVariant>('same', 'ticked', 'spaced', 'tagged', 'upper', 'reworded', 'fenced'),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ source, target, copies }) => {
    const sourceText = renderMeeting(source, 's');
    const open = openItems(parseDocument(sourceText));
    const copied = new Set<string>();
    const extra: string[][] = [];
    for (const c of copies) {
      if (open.length === 0) break;
      const item = open[c.pick % open.length]!;
      extra.push(copyLines(item.text, c.variant));
      if (c.variant !== 'fenced') copied.add(tokenOf(item.text));
    }
    return { source: sourceText, target: renderMeeting(target, 't', extra), copied };
  });

function tokenOf(text: string): string {
  return /[st]\d+$/.exec(text)?.[0] ?? text;
}

/** Checks one carry run and returns the new target. */
function checkedCarry(source: string, target: string): { out: string; tokens: string[] } {
  const targetDoc = parseDocument(target);
  const result = carryForward(parseDocument(source), targetDoc, LABEL, FILE);
  if ('error' in result.edits) throw new Error(`carry refused: ${result.edits.error}\n${JSON.stringify(target)}`);
  const out = applyEdits(target, result.edits.edits);
  assertPureInsertions(target, result.edits.edits, out);
  if (!targetDoc.source.mixedEol) {
    for (const e of result.edits.edits)
      for (const l of splitLines(e.newText))
        if (l.eol !== '') assert.strictEqual(l.eol, targetDoc.source.eol, 'inserted lines use the file’s line break');
  }
  for (const e of result.edits.edits)
    assert.ok(!e.newText.includes('FAKE'), `a fenced checkbox was carried: ${JSON.stringify(e.newText)}`);
  const outDoc = parseDocument(out);
  assert.deepStrictEqual(
    outDoc.scan.items.filter((i) => /FAKE|CODE-CHECKBOX/.test(i.text)).map((i) => i.text),
    [],
    'fenced checkboxes never become items',
  );
  // Each carried item is an item of the target, with its link on the next line.
  for (const item of result.carried) {
    const found = outDoc.scan.items.find(
      (i) =>
        i.text === item.text &&
        /Carried from/.test(outDoc.source.lines[i.line + 1]?.text ?? '') &&
        outDoc.source.lines[i.line + 1]!.text.includes(item.id),
    );
    assert.ok(found, `carried item ${JSON.stringify(item.text)} is not in the target`);
  }
  return { out, tokens: result.carried.map((i) => tokenOf(i.text)) };
}

/** Every open item of the source (but those not carried yet) is in the target, by text or by link. */
function assertNothingLost(source: string, target: string, notYet: ReadonlySet<string> = new Set()): void {
  const { keys, ids } = presence(target);
  for (const item of openItems(parseDocument(source))) {
    if (notYet.has(item.text)) continue;
    assert.ok(keys.has(itemKey(item.text)) || ids.has(item.id), `open item ${JSON.stringify(item.text)} lost`);
  }
}

describe('carry: properties', () => {
  it('carries exactly the open items the target lacks, as pure insertions, and a second run does nothing', () => {
    fc.assert(
      fc.property(pairArb, ({ source, target, copied }) => {
        // An item under two sections (a level-1 Agenda holding the Action items) is carried once.
        const expected = [...new Set(openItems(parseDocument(source)).map((i) => tokenOf(i.text)))].filter(
          (t) => !copied.has(t),
        );
        const { out, tokens } = checkedCarry(source, target);
        assert.deepStrictEqual(tokens, expected);
        assertNothingLost(source, out);
        const again = carryForward(parseDocument(source), parseDocument(out), LABEL, FILE);
        assert.deepStrictEqual(again, { edits: { edits: [] }, carried: [] });
      }),
      { numRuns: RUNS },
    );
  });

  type Op =
    | { readonly kind: 'tick-target'; readonly pick: number }
    | { readonly kind: 'reword'; readonly pick: number }
    | { readonly kind: 'add-source'; readonly section: 'agenda' | 'actions'; readonly open: boolean }
    | { readonly kind: 'tick-source'; readonly pick: number }
    | { readonly kind: 'add-target' }
    | { readonly kind: 'carry' };

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('tick-target' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('reword' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('add-source' as const),
      section: fc.constantFrom<'agenda' | 'actions'>('agenda', 'actions'),
      open: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('tick-source' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('add-target' as const) }),
    fc.record({ kind: fc.constant('carry' as const) }),
  );

  const edit = (text: string, result: { edits: TextEdit[] } | { error: string }): string => {
    if ('error' in result) throw new Error(`edit refused: ${result.error}`);
    return applyEdits(text, result.edits);
  };

  it('no open item is lost across any sequence of edits, and only new open items carry on a re-run', () => {
    fc.assert(
      fc.property(pairArb, fc.array(opArb, { maxLength: 10 }), ({ source: source0, target: target0 }, ops) => {
        let source = source0;
        let target = checkedCarry(source, target0).out;
        assertNothingLost(source, target);
        const pending = new Set<string>();
        let n = 0;
        for (const op of [...ops, { kind: 'carry' } as const]) {
          switch (op.kind) {
            case 'tick-target': {
              const d = parseDocument(target);
              const open = d.scan.items.filter((i) => i.checked === false);
              if (open.length > 0) target = edit(target, setItemChecked(d, open[op.pick % open.length]!.line, true));
              break;
            }
            case 'reword': {
              // Reword the copy of a carried item; its link stays.
              const d = parseDocument(target);
              const copies = d.scan.items.filter((i) =>
                /^\s*Carried from \[/.test(d.source.lines[i.line + 1]?.text ?? ''),
              );
              if (copies.length === 0) break;
              const item = copies[op.pick % copies.length]!;
              const line = d.source.lines[item.line]!.text;
              const indent = /^[ \t]*/.exec(line)![0];
              target = applyEdits(target, [
                {
                  range: { start: { line: item.line, character: 0 }, end: { line: item.line, character: line.length } },
                  newText: `${indent}- [ ] reworded r${n++}`,
                },
              ]);
              break;
            }
            case 'add-source': {
              const text = `new n${n++}`;
              const heading =
                op.section === 'agenda'
                  ? { heading: 'Agenda', aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' as const }
                  : {
                      heading: 'Action items',
                      aliases: ['Action points', 'Next steps', 'Todo'],
                      createAt: 'end' as const,
                    };
              source = edit(source, addListItem(parseDocument(source), heading, { text }));
              if (op.open) pending.add(text);
              else {
                const d = parseDocument(source);
                source = edit(source, setItemChecked(d, d.scan.items.find((i) => i.text === text)!.line, true));
              }
              break;
            }
            case 'tick-source': {
              const d = parseDocument(source);
              const open = d.scan.items.filter((i) => i.checked === false);
              if (open.length === 0) break;
              const item = open[op.pick % open.length]!;
              source = edit(source, setItemChecked(d, item.line, true));
              pending.delete(item.text);
              break;
            }
            case 'add-target':
              target = edit(
                target,
                addListItem(
                  parseDocument(target),
                  { heading: 'Agenda', aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' },
                  { text: `user u${n++}` },
                ),
              );
              break;
            case 'carry': {
              const run = checkedCarry(source, target);
              assert.deepStrictEqual(
                new Set(run.tokens),
                new Set([...pending].map(tokenOf)),
                `carried ${JSON.stringify(run.tokens)}`,
              );
              target = run.out;
              pending.clear();
              break;
            }
          }
          assertNothingLost(source, target, pending);
        }
        assert.deepStrictEqual(toCarry(parseDocument(source), parseDocument(target)), []);
      }),
      { numRuns: RUNS },
    );
  });
});
