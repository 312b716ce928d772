// Edit safety, part 1: what writes to a meeting's agenda — capture (a
// selection, a jotted topic, a question from the bank), "Add to Next Agenda"
// for a goal or a feedback thread, dragging a talking point to another
// meeting, and ticking one as discussed — on hostile files (see
// hostile-arbitraries.ts). Each property checks that every byte outside the
// edit stays, that the index sees the old model plus the intended change,
// and that a file the edit cannot be made in safely gets no edit at all.

import * as assert from 'assert';
import * as util from 'util';
import fc from 'fast-check';
import { AGENDA_TARGET } from '../../src/core/carry';
import { JournalDocument, parseDocument } from '../../src/core/document';
import {
  addListItem,
  addListItemLines,
  EditResult,
  NewListItem,
  renderListItem,
  SectionTarget,
} from '../../src/core/edits';
import { locateItem, setItemChecked, takeListItem } from '../../src/core/item-edits';
import { JournalIndex } from '../../src/core/journal-index';
import { AGENDA_HEADINGS, JournalEntry } from '../../src/core/journal-entry';
import { ListItem } from '../../src/core/markdown';
import { findSection } from '../../src/core/markdown-sections';
import { applyEdits, indentWidth, TextEdit } from '../../src/core/text';
import { builtInQuestions, questionsFromFile } from '../../src/core/questions';
import {
  findTheme,
  sourceLabel,
  summarize,
  TalkingPoint,
  talkingPointItem,
  themeInText,
  THEMES,
} from '../../src/core/talking-points';
import { privateLines } from '../../src/core/share';
import { agendaPointFor } from '../../src/core/threads';
import {
  assertContainsRun,
  checkEdits,
  checkInsertedStructure,
  checkListsGrew,
  entryOf,
  fixedPart,
  frontMatterText,
  show,
  structureOf,
  refusedForOpenBlock,
  unsafeForEdit,
  unsafeForInsertion,
} from './edit-safety-checks';
import { HostileFile, hostileFile, hostileText, SAFETY_RUNS } from './hostile-arbitraries';
import { languageArb, pathArb, selectionArb, urlArb } from './talking-point-arbitraries';

/** Where capture puts a talking point (src/features/capture). */
const CAPTURE_TARGET = { heading: AGENDA_HEADINGS[0]!, aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' } as const;
const AGENDA_NAMES = [CAPTURE_TARGET.heading, ...CAPTURE_TARGET.aliases];

/**
 * One talking point added to a hostile meeting's agenda: refused when the
 * file is not read as markdown or has front matter that never closes, or
 * when its place is inside a block that never closes; otherwise whole lines inserted, nothing else touched, the front
 * matter byte for byte, the point's lines one run (the section created when
 * missing), and the index's model the old one plus that one agenda item.
 */
function checkAgendaAddition(
  file: HostileFile,
  doc: JournalDocument,
  result: EditResult,
  item: readonly string[],
  expected: { text: string; checked: boolean | undefined },
): void {
  if (unsafeForInsertion(doc)) {
    assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
    return;
  }
  if (refusedForOpenBlock(doc, result)) return;
  if ('error' in result) assert.fail(`refused: ${result.error}\n${show(file.raw)}`);
  const checked = checkEdits(file.raw, doc, result.edits);
  assert.strictEqual(checked.blocks.length, 1, 'one insertion');
  assertContainsRun(checked.blocks, item);
  const created = findSection(doc.scan, doc.source.lines.length, AGENDA_NAMES) === undefined;
  const structure = checkInsertedStructure(checked);
  assert.deepStrictEqual(structure.headings, created ? ['Agenda'] : []);
  // Front matter byte for byte (a closing --- that ended the file gains the break before the new lines).
  const fm = frontMatterText(doc);
  const now = frontMatterText(checked.after);
  assert.ok(
    now === fm ||
      (fm !== '' && !/[\r\n]$/.test(fm) && now.startsWith(fm) && /^(?:\r\n|\r|\n)$/.test(now.slice(fm.length))),
    `front matter byte for byte:\n${show(now)}\n${show(fm)}`,
  );
  const lists = checkListsGrew(file.path, file.raw, checked);
  assert.deepStrictEqual(lists.agenda, [expected]);
}

/** A new list item: its lines, and what the scanner should read back from its first line on its own. */
function checkNewItem(file: HostileFile, doc: JournalDocument, target: SectionTarget, item: NewListItem): void {
  const lines = renderListItem(item);
  const head = structureOf([lines[0]!]).items[0]!;
  assert.strictEqual(head.checked, item.checkbox === false ? undefined : false);
  checkAgendaAddition(file, doc, addListItem(doc, target, item), lines, head);
}

const meeting = hostileFile('meeting');

const pointArb: fc.Arbitrary<TalkingPoint> = fc
  .record({
    summary: fc.oneof(hostileText, selectionArb.map(summarize)),
    theme: fc.option(fc.constantFrom(...THEMES), { nil: undefined }),
    source: fc.option(
      fc
        .record({
          label: fc.tuple(pathArb, fc.integer({ min: 1, max: 9 })).map(([p, n]) => sourceLabel(p, n, n + 3)),
          url: urlArb,
        })
        .map((s) => (s.url === undefined ? { label: s.label } : { label: s.label, url: s.url })),
      { nil: undefined },
    ),
    excerpt: fc.option(fc.record({ text: selectionArb, languageId: languageArb }), { nil: undefined }),
  })
  // Capture refuses an empty summary before it writes anything.
  .filter((p) => p.summary.replace(/[\r\n]+/g, ' ').trim() !== '')
  .map((p) => ({
    summary: p.summary,
    ...(p.theme ? { theme: p.theme } : {}),
    ...(p.source ? { source: p.source } : {}),
    ...(p.excerpt ? { excerpt: p.excerpt } : {}),
  }));

describe('edit safety: capture into the agenda', () => {
  it('a selection as a talking point (source, quote or fence) adds one agenda item to a hostile meeting and nothing else', () => {
    fc.assert(
      fc.property(meeting, pointArb, (file, point) => {
        const doc = parseDocument(file.raw);
        checkNewItem(file, doc, CAPTURE_TARGET, talkingPointItem(point));
      }),
      { numRuns: SAFETY_RUNS },
    );
  });

  it('a jotted topic (its #theme from the text) adds one agenda item and nothing else', () => {
    fc.assert(
      fc.property(meeting, hostileText, fc.constantFrom(...THEMES), (file, typed, picked) => {
        const doc = parseDocument(file.raw);
        checkNewItem(
          file,
          doc,
          CAPTURE_TARGET,
          talkingPointItem({ summary: typed, theme: themeInText(typed) ?? picked }),
        );
      }),
      { numRuns: SAFETY_RUNS },
    );
  });

  it('a question from a hostile questions.md adds one agenda item and nothing else (reading the bank writes nothing)', () => {
    fc.assert(
      fc.property(hostileFile('questions'), meeting, fc.nat(), (bank, file, pick) => {
        const mine = questionsFromFile(parseDocument(bank.raw));
        // Checkboxes in fences, HTML blocks and comments (all "fake" or "never closed") are not questions
        // (unless a block broken on purpose closed one early).
        if (bank.breakage === 'none') for (const q of mine) assert.ok(!/fake|never closed/.test(q.text), q.text);
        const all = [...mine, ...builtInQuestions()];
        const question = all[pick % all.length]!;
        const doc = parseDocument(file.raw);
        // As oneOnOne.askQuestion → oneOnOne.jotTopic { text, theme } does it.
        const theme = findTheme(question.theme);
        checkNewItem(
          file,
          doc,
          CAPTURE_TARGET,
          talkingPointItem({ summary: question.text, ...(theme ? { theme } : {}) }),
        );
      }),
      { numRuns: SAFETY_RUNS },
    );
  });

  it('"Add to Next Agenda" for a hostile goal or feedback thread adds one linked agenda item and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(hostileFile('goal'), hostileFile('feedback')), meeting, (thread, file) => {
        const index = new JournalIndex();
        const entry = index.update(thread.path, thread.raw);
        const text = agendaPointFor(entry, `../../${thread.path}`, '2026-03-09', index);
        const doc = parseDocument(file.raw);
        checkNewItem(file, doc, AGENDA_TARGET, { text });
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});

/** The item's lines deleted, as a move means to: whole lines, or with the break before them when they end the file. */
function plainRemoval(doc: JournalDocument, item: ListItem): TextEdit {
  const { lines } = doc.source;
  const last = item.endLine - 1;
  if (lines[last]!.eol !== '') {
    return {
      range: { start: { line: item.line, character: 0 }, end: { line: item.endLine, character: 0 } },
      newText: '',
    };
  }
  const start =
    item.line === 0 ? { line: 0, character: 0 } : { line: item.line - 1, character: lines[item.line - 1]!.text.length };
  return { range: { start, end: { line: last, character: lines[last]!.text.length } }, newText: '' };
}

describe('edit safety: moving a talking point to another meeting (drag and drop)', () => {
  // A meeting whose agenda has at least one point to drag.
  const withPoint = hostileFile('meeting', {
    append: fc.constant([
      '',
      '## Agenda',
      '',
      '- [ ] dragged مرحبا 🎉 #growth',
      '  > with a quote',
      '  - [ ] and a child',
    ]),
  });

  it('takes exactly the item’s lines from the source and adds exactly those lines to the target agenda', () => {
    fc.assert(
      fc.property(withPoint, meeting, fc.nat(), (from, to, pick) => {
        const sourceDoc = parseDocument(from.raw);
        const targetDoc = parseDocument(to.raw);
        const sourceEntry = entryOf(from.path, from.raw);
        // The tree offers the agenda's top-level points; the second "## Agenda" is not the agenda, so fall back to any item.
        const candidates = sourceEntry.agenda.length > 0 ? sourceEntry.agenda : sourceDoc.scan.items;
        if (candidates.length === 0) {
          // No item at all (an HTML block or a fence left open took them in): nothing to take.
          assert.ok('error' in takeListItem(sourceDoc, 0, 'anything'));
          return;
        }
        const point = candidates[pick % candidates.length]!;
        const taken = takeListItem(sourceDoc, point.line, point.text);
        if (unsafeForEdit(sourceDoc)) {
          assert.ok('error' in taken, `should have refused:\n${show(from.raw)}`);
          return;
        }
        const item = sourceDoc.scan.items.find((i) => i.line === point.line)!;
        const lines = sourceDoc.source.lines;
        // Source: the item's lines go, and at most the break before them when it was the file's last line.
        const last = item.endLine - 1;
        const mayTouch = (l: number): boolean =>
          (l >= item.line && l <= last) || (l === item.line - 1 && lines[last]!.eol === '');
        const removed = new Set(
          sourceDoc.scan.items.filter((i) => i.line >= item.line && i.line < item.endLine).map((i) => i.line),
        );
        /** The agenda, action items and wins the index lists, without the item taken out. */
        const lists = (entry: JournalEntry, without: ReadonlySet<number>): unknown[] =>
          (['agenda', 'actions', 'wins'] as const).map((list) =>
            entry[list].filter((i) => !without.has(i.line)).map((i) => [i.text, i.checked, i.tags]),
          );
        if ('error' in taken) {
          // Refused only when taking the lines out would change how the rest of the file reads: its lines, or
          // the index's items (one turned private by a #private paragraph it now follows, say).
          const plain = [plainRemoval(sourceDoc, item)];
          let changes: boolean;
          try {
            checkEdits(from.raw, sourceDoc, plain, mayTouch);
            const after = parseDocument(applyEdits(from.raw, plain));
            const gone = item.endLine - item.line;
            // How a kept line reads (text, heading, fence, HTML block…) is part of the file too, not only its items.
            // So is which lines are private (a #private paragraph takes in the lines that follow it).
            const wasPrivate = privateLines(sourceDoc).lines;
            const isPrivate = privateLines(after).lines;
            const kindsMoved =
              after.scan.headings.length !== sourceDoc.scan.headings.length ||
              sourceDoc.scan.kinds.some((kind, l) => {
                if (l >= item.line && l < item.endLine) return false;
                const j = l < item.line ? l : l - gone;
                return after.scan.kinds[j] !== kind || isPrivate[j] !== wasPrivate[l];
              });
            changes =
              kindsMoved ||
              !util.isDeepStrictEqual(
                lists(entryOf(from.path, applyEdits(from.raw, plain)), new Set()),
                lists(sourceEntry, removed),
              );
          } catch {
            changes = true;
          }
          assert.ok(changes, `refused: ${taken.error}\n${show(from.raw)}`);
          return;
        }
        const checked = checkEdits(from.raw, sourceDoc, taken.edits, mayTouch);
        assert.strictEqual(checked.spans.length, 1);
        assert.strictEqual(checked.spans[0]!.inserted, '', 'a deletion');
        assert.deepStrictEqual(
          checked.after.scan.items.filter((i) => !checked.lineMap.images.has(i.line)),
          [],
          'no item appears in the source',
        );
        const now = entryOf(from.path, checked.out);
        assert.deepStrictEqual(fixedPart(now), fixedPart(sourceEntry));
        assert.deepStrictEqual(
          lists(now, new Set()),
          lists(sourceEntry, removed),
          "the source's agenda, action items and wins, less the item",
        );
        // The lines handed over are the item's, at column 0.
        assert.strictEqual(taken.lines.length, item.endLine - item.line);
        assert.ok(
          /^(?:[-*+]|\d{1,9}[.)])[ \t]/.test(taken.lines[0]!),
          `moved to column 0: ${JSON.stringify(taken.lines[0]!.slice(0, 20))}`,
        );
        // Each keeps its text and its indentation relative to the item (a tab may become spaces).
        taken.lines.forEach((l, k) => {
          const was = lines[item.line + k]!.text;
          if (was.trim() === '') return assert.strictEqual(l, '');
          assert.strictEqual(l.trimStart(), was.trimStart(), `line ${k} of the item changed`);
          assert.strictEqual(
            indentWidth(l),
            Math.max(0, indentWidth(was) - item.indent),
            `line ${k} of the item moved relative to it`,
          );
        });

        // Target: as for any talking point. An item whose own lines leave a block open (a fence in it that only
        // the item's end closed) may be refused, when it would run on to the end or into the lines after it; the
        // move is one edit across both files, so the source keeps it then.
        const added = addListItemLines(targetDoc, CAPTURE_TARGET, taken.lines);
        if (
          'error' in added &&
          !unsafeForInsertion(targetDoc) &&
          parseDocument(taken.lines.join('\n')).scan.unclosedBlockLine !== undefined
        )
          return;
        checkAgendaAddition(to, targetDoc, added, taken.lines, { text: item.text, checked: item.checked });
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});

describe('edit safety: ticking a talking point as discussed (and reopening it)', () => {
  it('changes the one character of its box and nothing else, and the index sees it ticked', () => {
    fc.assert(
      fc.property(meeting, fc.nat(), fc.boolean(), (file, pick, checked) => {
        const doc = parseDocument(file.raw);
        const boxes = doc.scan.items.filter((i) => i.checkCharacter !== undefined);
        if (boxes.length === 0) {
          assert.ok('error' in setItemChecked(doc, 0, checked));
          return;
        }
        const target = boxes[pick % boxes.length]!;
        const item = locateItem(doc, target.line, target.text)!;
        assert.strictEqual(item.line, target.line);
        const result = setItemChecked(doc, item.line, checked);
        if ('error' in result) assert.fail(result.error);
        if (item.checked === checked) {
          assert.deepStrictEqual(result.edits, [], 'no edit when it is already so');
          return;
        }
        const c = checkEdits(file.raw, doc, result.edits, (l) => l === item.line);
        assert.strictEqual(c.spans.length, 1);
        const span = c.spans[0]!;
        assert.ok(
          span.end - span.start === 1 && /^[ xX]$/.test(span.removed) && span.inserted === (checked ? 'x' : ' '),
          JSON.stringify(span),
        );
        assert.strictEqual(c.out.length, file.raw.length);
        const now = c.after.scan.items.find((i) => i.line === item.line)!;
        assert.deepStrictEqual([now.text, now.checked, now.indent], [item.text, checked, item.indent]);
        const before = entryOf(file.path, file.raw);
        const after = entryOf(file.path, c.out);
        assert.deepStrictEqual(fixedPart(after), fixedPart(before));
        for (const list of ['agenda', 'actions', 'wins'] as const) {
          assert.deepStrictEqual(
            after[list].map((i) => [i.line, i.text, i.checked]),
            before[list].map((i) => [i.line, i.text, i.line === item.line ? checked : i.checked]),
            list,
          );
        }
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});
