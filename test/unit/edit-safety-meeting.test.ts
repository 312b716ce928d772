// Edit safety, part 2: what writes to a meeting as a whole — carrying open
// items forward, finishing it (takeaways, action items, status), linking pull
// requests as wins and filling their details in later, and keeping the prep
// sheet in its Notes — on hostile files (see hostile-arbitraries.ts).

import * as assert from 'assert';
import fc from 'fast-check';
import { carryForward, carryId, itemKey, openItems, toCarry } from '../../src/core/carry';
import { parseDocument } from '../../src/core/document';
import { addListItemsLines } from '../../src/core/edits';
import { addBlock } from '../../src/core/block-edits';
import { replaceItemText } from '../../src/core/item-edits';
import {
  Circle,
  CIRCLES,
  Evidence,
  parseWin,
  PullRequestFacts,
  PullRequestRef,
  renderPendingWin,
  renderWin,
} from '../../src/core/evidence';
import { JournalIndex, Person } from '../../src/core/journal-index';
import { stringField, WINS_HEADINGS } from '../../src/core/journal-entry';
import { prepSheetBlock, renderPrepSheet } from '../../src/core/prep';
import { actionText, finishMeetingFile } from '../../src/core/finish';
import {
  assertContainsRun,
  checkEdits,
  checkFrontMatter,
  checkInsertedStructure,
  checkListsGrew,
  editsOf,
  entryOf,
  fixedPart,
  gained,
  show,
  structureOf,
  unsafeForField,
  refusedForOpenBlock,
  unsafeForEdit,
  unsafeForInsertion,
} from './edit-safety-checks';
import { hostileFile, hostileText, pendingWin, SAFETY_RUNS } from './hostile-arbitraries';

const meeting = hostileFile('meeting');
const PREVIOUS_PATH = 'meetings/alex-kim/2026-03-03.md';

describe('edit safety: carrying open items forward', () => {
  it('adds exactly the open items the target lacks, each with its link back, and nothing else; a second run adds nothing', () => {
    fc.assert(
      fc.property(
        meeting,
        meeting,
        fc.constantFrom(
          ['2026-03-03', '2026-03-03.md'],
          ['2026-03-03', '2026-03-03 (moved) #2.md'],
          ['שלום [x] 🎉', 'a b%.md'],
        ),
        (from, to, [label, fileName]) => {
          const source = parseDocument(from.raw);
          const target = parseDocument(to.raw);
          const result = carryForward(source, target, label, fileName);
          const open = openItems(source);
          // What is carried is open in the source, once per text.
          assert.ok(result.carried.every((c) => open.some((o) => o.id === c.id && o.section === c.section)));
          if ('error' in result.edits) {
            assert.deepStrictEqual(result.carried, [], 'nothing reported as carried');
            // Refused: a block never closes in the target; the Action items heading sits where the Agenda's new
            // lines go; or an item's own lines leave a block open (a fence in it that only its end closed).
            const opensBlock = toCarry(source, target).some(
              (c) => parseDocument(c.lines.join('\n')).scan.unclosedBlockLine !== undefined,
            );
            assert.ok(
              unsafeForInsertion(target) ||
                refusedForOpenBlock(target, result.edits) ||
                /separate edits/.test(result.edits.error) ||
                opensBlock,
              `refused: ${result.edits.error}\n${show(to.raw)}`,
            );
            return;
          }
          if (result.carried.length === 0) {
            assert.deepStrictEqual(result.edits.edits, []);
            assert.deepStrictEqual(toCarry(source, target), [], 'nothing left to carry');
            return;
          }
          assert.ok(!unsafeForInsertion(target), `should have refused:\n${show(to.raw)}`);
          const checked = checkEdits(to.raw, target, result.edits.edits);
          const structure = checkInsertedStructure(checked);
          for (const h of structure.headings) assert.ok(h === 'Agenda' || h === 'Action items', h);
          const lists = checkListsGrew(to.path, to.raw, checked);
          // Exactly the carried items, unchecked, each at column 0 with its "Carried from" line under it.
          const newTop = checked.after.scan.items.filter((i) => !checked.lineMap.images.has(i.line) && i.parent === -1);
          // (An item private where it was carries a #private tag with it.)
          const heads = result.carried.map((c) => structureOf([c.lines[0]!]).items[0]!.text);
          assert.deepStrictEqual(newTop.map((i) => i.text).sort(), [...heads].sort());
          assert.ok(newTop.every((i) => i.checked === false));
          result.carried.forEach((c, k) => {
            const texts = (c.section === 'agenda' ? lists.agenda : lists.actions).map((i) => i.text);
            assert.ok(texts.includes(heads[k]!), `${c.text} is not in the target's ${c.section}`);
            assertContainsRun(checked.blocks, [
              c.lines[0]!,
              `  Carried from [${label.replace(/[[\]\\]/g, '\\$&')}](${fileName.replace(/[ ()<>#%]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}#${carryId(c.text)})`,
            ]);
          });
          // Nothing dropped, exactly once: every open item is in the target now, and carrying again adds nothing.
          const again = parseDocument(checked.out);
          const keys = new Set(again.scan.items.map((i) => itemKey(i.text)));
          for (const o of open)
            assert.ok(keys.has(itemKey(o.text)) || again.source.text.includes(`#${o.id})`), `${o.text} was dropped`);
          const second = carryForward(source, again, label, fileName);
          assert.deepStrictEqual(second.carried, []);
          assert.deepStrictEqual(editsOf(second.edits, checked.out), []);
        },
      ),
      { numRuns: SAFETY_RUNS },
    );
  });
});

/** An action item's text as Finish Meeting writes it: mine, or the other person's (named in any script). */
const actionArb = fc
  .tuple(
    fc.constantFrom<['me' | 'them', string]>(['me', 'Alex Kim'], ['them', 'Alex Kim'], ['them', 'אלכס']),
    hostileText,
    fc.option(fc.constantFrom('2026-04-01', '2026-12-31'), { nil: undefined }),
  )
  .map(([[owner, name], text, due]) => actionText({ text, owner, ...(due ? { due } : {}) }, name));

describe('edit safety: finishing a meeting', () => {
  it('adds the takeaways to Notes and the action items to Action items, sets status: done in place, and changes nothing else', () => {
    fc.assert(
      fc.property(
        meeting,
        fc.array(hostileText, { maxLength: 3 }),
        fc.array(actionArb, { maxLength: 3 }),
        (file, typed, actions) => {
          const takeaways = typed.map((t) => t.trim()).filter((t) => t !== '');
          const doc = parseDocument(file.raw);
          const result = finishMeetingFile(doc, takeaways, actions);
          const adds = takeaways.length + actions.length > 0;
          const done = stringField(doc.data, 'status') === 'done';
          if ((adds && unsafeForInsertion(doc)) || (!done && unsafeForField(doc, 'status'))) {
            assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
            return;
          }
          if ('error' in result) {
            // The refusals left: a block never closes (its place is inside it, or the status line cannot be checked
            // against it), or the Action items sit where the Notes' new lines go, so the steps cannot be told apart.
            assert.ok(
              (adds && refusedForOpenBlock(doc, result)) || /separate edits/.test(result.error),
              `refused: ${result.error}\n${show(file.raw)}`,
            );
            return;
          }
          const fm = doc.scan.frontMatter;
          const checked = checkEdits(
            file.raw,
            doc,
            result.edits,
            (l) => fm !== undefined && l > fm.startLine && l < fm.endLine,
          );
          checkFrontMatter(doc, checked, done ? {} : { status: 'done' });
          const structure = checkInsertedStructure(checked);
          for (const h of structure.headings) assert.ok(h === 'Notes' || h === 'Action items', h);
          const lists = checkListsGrew(file.path, file.raw, checked, done ? {} : { status: 'done' });
          const notes = gained(checked.after, checked.lineMap, ['Notes']);
          for (const t of takeaways)
            assert.ok(
              notes.some((n) => n.text === t && n.checked === undefined),
              `takeaway ${JSON.stringify(t)} is not in Notes`,
            );
          for (const a of actions)
            assert.ok(
              lists.actions.some((n) => n.text === a.trim() && n.checked === false),
              `action ${JSON.stringify(a)} is not in Action items`,
            );
          const newTop = checked.after.scan.items.filter((i) => !checked.lineMap.images.has(i.line) && i.parent === -1);
          assert.strictEqual(newTop.length, takeaways.length + actions.length);
        },
      ),
      { numRuns: SAFETY_RUNS },
    );
  });
});

const refArb: fc.Arbitrary<PullRequestRef> = fc
  .record({
    host: fc.constantFrom('github.com', 'ghe.example.com:8443'),
    owner: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,8}$/),
    repo: fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/).filter((r) => r !== '.' && r !== '..' && !r.endsWith('.git')),
    number: fc.integer({ min: 1, max: 2_147_483_647 }),
  })
  .map((r) => ({ ...r }));

/** Titles as GitHub might send them: anything, markdown and structure included. */
const titleArb = fc.oneof(
  hostileText,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '\n## Wins\n- [ ] x',
    '---\ntitle: x\n---',
    '<!-- open',
    '```',
    '- [ ] x',
    '[a](b) #goal/x (goals/y.md)',
    'a\r\nb',
    '\u2028',
    '',
  ),
);

const factsArb: fc.Arbitrary<PullRequestFacts> = fc
  .record({
    ref: refArb,
    title: titleArb,
    author: fc.constantFrom('alice', 'dependabot[bot]', '<b>'),
    mergedAt: fc.option(fc.constantFrom('2026-03-01T10:00:00Z', 'not a date'), { nil: undefined }),
    state: fc.constantFrom<PullRequestFacts['state']>('open', 'closed', 'merged'),
    additions: fc.option(fc.nat(10_000), { nil: undefined }),
    deletions: fc.option(fc.nat(10_000), { nil: undefined }),
    changedFiles: fc.option(fc.nat(300), { nil: undefined }),
  })
  .map((r) => ({ ...r, updatedAt: r.mergedAt, labels: [], body: '', authorAssociation: undefined }));

const circleArb: fc.Arbitrary<Circle> = fc.constantFrom(...CIRCLES.map((c) => c.id));

const winArb = fc.record({
  evidence: fc.oneof(
    factsArb.map((pr): Evidence => ({ kind: 'authored', pr })),
    factsArb.map((pr): Evidence => ({ kind: 'reviewed', pr, reviewedAt: '2026-03-02' })),
  ),
  circle: circleArb,
  pending: fc.boolean(),
});

/** Where "Link Pull Requests as Wins…" writes (src/features/evidence/link.ts). */
const WINS_TARGET = { heading: WINS_HEADINGS[0]!, aliases: WINS_HEADINGS.slice(1), createAt: 'end' } as const;

describe('edit safety: linking pull requests as wins', () => {
  it('adds one Wins line per pull request, each reading back as its pull request, and nothing else', () => {
    fc.assert(
      fc.property(
        meeting,
        fc.array(winArb, { minLength: 1, maxLength: 3 }),
        fc.option(fc.constantFrom('ship-it', 'bad goal'), { nil: undefined }),
        (file, wins, goal) => {
          const lines = wins.map((w) =>
            w.pending
              ? renderPendingWin(w.evidence.pr.ref, w.circle, goal)
              : renderWin({ evidence: w.evidence, circle: w.circle, goal }),
          );
          const doc = parseDocument(file.raw);
          const result = addListItemsLines(
            doc,
            WINS_TARGET,
            lines.map((l) => [`- ${l}`]),
          );
          if (unsafeForInsertion(doc)) {
            assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
            return;
          }
          if (refusedForOpenBlock(doc, result)) return;
          const checked = checkEdits(file.raw, doc, editsOf(result, file.raw));
          assert.strictEqual(checked.blocks.length, 1);
          const structure = checkInsertedStructure(checked);
          assert.ok(
            structure.headings.length === 0 || (structure.headings.length === 1 && structure.headings[0] === 'Wins'),
          );
          const lists = checkListsGrew(file.path, file.raw, checked);
          assert.deepStrictEqual(
            lists.wins.map((w) => w.text),
            lines.map((l) => l.trim()),
          );
          lists.wins.forEach((w, k) => assert.deepStrictEqual(parseWin(w.text).ref, wins[k]!.evidence.pr.ref));
        },
      ),
      { numRuns: SAFETY_RUNS },
    );
  });

  it('filling in a pending win’s details replaces its text on its line and nothing else', () => {
    const withPending = hostileFile('meeting', { append: pendingWin.map((w) => ['', '## Wins', '', ...w]) });
    fc.assert(
      fc.property(withPending, fc.nat(), factsArb, circleArb, (file, pick, facts, circle) => {
        const doc = parseDocument(file.raw);
        const pending = doc.scan.items.filter((i) => parseWin(i.text).pending && parseWin(i.text).ref);
        if (pending.length === 0) {
          // The appended Wins section fell inside a block (an HTML block runs on to the next blank line): nothing to fill in.
          assert.ok('error' in replaceItemText(doc, doc.source.lines.length - 1, 'details to fetch #win #enrich', 'x'));
          return;
        }
        const item = pending[pick % pending.length]!;
        const parsed = parseWin(item.text);
        const rendered = renderWin({
          evidence: { kind: 'authored', pr: { ...facts, ref: parsed.ref! } },
          circle,
          goal: parsed.goal,
        });
        const result = replaceItemText(doc, item.line, item.text, rendered);
        if (unsafeForEdit(doc)) {
          assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
          return;
        }
        const checked = checkEdits(file.raw, doc, editsOf(result, file.raw), (l) => l === item.line);
        assert.strictEqual(checked.spans.length, 1);
        assert.strictEqual(checked.spans[0]!.removed, item.text, 'exactly the old text goes');
        assert.strictEqual(checked.spans[0]!.inserted, rendered.trim());
        const now = checked.after.scan.items.find((i) => i.line === item.line)!;
        assert.deepStrictEqual([now.text, now.checked, now.indent], [rendered.trim(), item.checked, item.indent]);
        assert.deepStrictEqual(parseWin(now.text).ref, parsed.ref);
        assert.ok(!parseWin(now.text).pending);
        const before = entryOf(file.path, file.raw);
        const after = entryOf(file.path, checked.out);
        assert.deepStrictEqual(fixedPart(after), fixedPart(before));
        for (const list of ['agenda', 'actions', 'wins'] as const) {
          assert.deepStrictEqual(
            after[list].map((i) => [i.line, i.text, i.checked]),
            before[list].map((i) => [i.line, i.line === item.line ? rendered.trim() : i.text, i.checked]),
            list,
          );
        }
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});

describe('edit safety: keeping the prep sheet in the Notes', () => {
  it('adds the sheet as one quoted block (no heading, no item of its own) and nothing else', () => {
    fc.assert(
      fc.property(meeting, meeting, hostileFile('goal'), hostileFile('feedback'), (file, previous, goal, thread) => {
        const index = new JournalIndex();
        index.update(PREVIOUS_PATH, previous.raw);
        index.update(file.path, file.raw);
        index.update(goal.path, goal.raw);
        index.update(thread.path, thread.raw);
        const person: Person = {
          slug: 'alex-kim',
          name: 'Alex Kim مرحبا',
          role: undefined,
          cadence: undefined,
          entry: undefined,
          schedule: undefined,
        };
        const sheet = renderPrepSheet({
          index,
          person,
          date: '2026-03-10',
          today: '2026-03-09',
          link: (p) => `../../${p}`,
          balanceWindow: 3,
        });
        const block = prepSheetBlock(sheet, '2026-03-09');
        const doc = parseDocument(file.raw);
        const result = addBlock(doc, { heading: 'Notes', createAt: 'end' }, block);
        if (unsafeForEdit(doc)) {
          assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
          return;
        }
        const checked = checkEdits(file.raw, doc, editsOf(result, file.raw));
        assert.strictEqual(checked.blocks.length, 1);
        assertContainsRun(checked.blocks, block);
        const structure = checkInsertedStructure(checked);
        assert.deepStrictEqual(structure.items, []);
        assert.ok(
          structure.headings.length === 0 || (structure.headings.length === 1 && structure.headings[0] === 'Notes'),
        );
        const lists = checkListsGrew(file.path, file.raw, checked);
        assert.deepStrictEqual(lists, { agenda: [], actions: [], wins: [] });
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});
