// Edit safety, part 3: what writes to goals and feedback threads — logging
// progress (by hand, from a finished meeting, from a linked pull request),
// moving a goal's status, moving a feedback thread along — on hostile files
// (see hostile-arbitraries.ts).

import * as assert from 'assert';
import fc from 'fast-check';
import { parseIsoDate } from '../../src/core/dates';
import { JournalDocument, parseDocument } from '../../src/core/document';
import { addListItemsLines, EditResult } from '../../src/core/edits';
import { Evidence, goalProgressText, PullRequestRef } from '../../src/core/evidence';
import { JournalIndex } from '../../src/core/journal-index';
import { stringField } from '../../src/core/journal-entry';
import { FeedbackStatus, GoalStatus } from '../../src/core/threads';
import {
  CIRCLE_BACK_TARGET,
  FeedbackChange,
  logProgress,
  logProgressOnce,
  progressFromMeeting,
  PROGRESS_TARGET,
  setFeedbackStatus,
  setGoalStatus,
  TRYING_TARGET,
} from '../../src/core/thread-edits';
import { FEEDBACK_STATUSES, GOAL_STATUSES } from '../../src/core/templates';
import {
  Checked,
  checkEdits,
  checkFrontMatter,
  checkInsertedStructure,
  editsOf,
  entryOf,
  fixedPart,
  gained,
  show,
  unsafeForField,
  refusedForOpenBlock,
  unsafeForInsertion,
} from './edit-safety-checks';
import { HostileFile, hostileFile, hostileText, SAFETY_RUNS } from './hostile-arbitraries';

const goalFile = hostileFile('goal');
const threadFile = hostileFile('feedback');
const dateArb = fc.constantFrom('2026-03-09', '2026-12-31');
const PROGRESS_NAMES = [PROGRESS_TARGET.heading, ...(PROGRESS_TARGET.aliases ?? [])];

/** As threads.ts writes text on one line. */
const oneLine = (text: string): string =>
  text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Typed notes: prose, line breaks, only spaces. */
const noteArb = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'two\nlines\r\nhere', '\u2028', 'tab\there') },
);

/** Lines a front-matter change may touch: inside the front matter. */
const inFrontMatter =
  (doc: JournalDocument) =>
  (l: number): boolean => {
    const fm = doc.scan.frontMatter;
    return fm !== undefined && l > fm.startLine && l < fm.endLine;
  };

/**
 * After an edit of a goal: the entry is the old one (with `changes` to its
 * front matter), its old progress entries unchanged and in order, and the new
 * ones exactly `expected`.
 */
function checkProgress(
  file: HostileFile,
  checked: Checked,
  expected: readonly { date: string; text: string }[],
  changes: Readonly<Record<string, string>> = {},
): void {
  const before = entryOf(file.path, file.raw);
  const now = entryOf(file.path, checked.out);
  assert.deepStrictEqual(
    fixedPart(now, Object.keys(changes)),
    fixedPart(before, Object.keys(changes), changes),
    'the rest of the entry',
  );
  const isOld = (p: { line: number }): boolean => checked.lineMap.images.has(p.line);
  const strip = (p: { date: string; text: string }): { date: string; text: string } => ({ date: p.date, text: p.text });
  assert.deepStrictEqual(
    (now.progress ?? []).filter(isOld).map(strip),
    (before.progress ?? []).map(strip),
    'old progress',
  );
  assert.deepStrictEqual((now.progress ?? []).filter((p) => !isOld(p)).map(strip), expected, 'new progress');
}

/** A progress insertion: refused exactly on a file that is unsafe to insert into; else whole lines in the Progress section, nothing else. */
function checkProgressAddition(
  file: HostileFile,
  doc: JournalDocument,
  result: EditResult,
  expected: readonly { date: string; text: string }[],
): Checked | undefined {
  if (unsafeForInsertion(doc)) {
    assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
    return undefined;
  }
  if (refusedForOpenBlock(doc, result)) return undefined;
  const checked = checkEdits(file.raw, doc, editsOf(result, file.raw));
  assert.strictEqual(checked.blocks.length, 1);
  const structure = checkInsertedStructure(checked);
  assert.ok(
    structure.headings.length === 0 || (structure.headings.length === 1 && structure.headings[0] === 'Progress'),
    JSON.stringify(structure.headings),
  );
  assert.deepStrictEqual(
    gained(checked.after, checked.lineMap, PROGRESS_NAMES).map((i) => i.text),
    expected.map((e) => `${e.date}: ${e.text}`),
  );
  checkProgress(file, checked, expected);
  return checked;
}

describe('edit safety: logging goal progress', () => {
  it('by hand: one dated line in the Progress log and nothing else', () => {
    fc.assert(
      fc.property(goalFile, dateArb, noteArb, (file, date, text) => {
        const doc = parseDocument(file.raw);
        const result = logProgress(doc, date, text);
        if (oneLine(text) === '') {
          assert.ok('error' in result, 'an empty entry is refused');
          return;
        }
        checkProgressAddition(file, doc, result, [{ date, text: oneLine(text) }]);
      }),
      { numRuns: SAFETY_RUNS },
    );
  });

  it('from a finished meeting: the discussed #goal points, once (finishing again adds nothing)', () => {
    // A meeting with a discussed point tagged with the goal, among whatever else it holds.
    const discussed = hostileFile('meeting', {
      append: hostileText.map((t) => ['', '## Agenda', '', `- [x] ${t} #goal/ship-it`]),
    });
    fc.assert(
      fc.property(
        goalFile,
        discussed,
        dateArb,
        fc.array(noteArb, { maxLength: 2 }),
        (file, meetingFile, date, extra) => {
          const index = new JournalIndex();
          index.update(file.path, file.raw);
          const meeting = index.update(meetingFile.path, meetingFile.raw);
          const progress = progressFromMeeting(
            meeting,
            'Alex Kim مرحبا',
            () => '../meetings/alex-kim/2026-03-10.md',
            index,
          );
          const lines = [...progress.flatMap((p) => p.lines), ...extra.map(oneLine).filter((t) => t !== '')];
          const doc = parseDocument(file.raw);
          const result = logProgressOnce(doc, date, lines);
          const have = new Set(doc.source.lines.map((l) => l.text.trim()));
          const fresh = lines.filter((t) => !have.has(`- ${date}: ${oneLine(t)}`));
          if (fresh.length === 0) {
            assert.deepStrictEqual(editsOf(result, file.raw), []);
            return;
          }
          const checked = checkProgressAddition(
            file,
            doc,
            result,
            fresh.map((t) => ({ date, text: oneLine(t) })),
          );
          if (checked)
            assert.deepStrictEqual(
              editsOf(logProgressOnce(parseDocument(checked.out), date, lines), checked.out),
              [],
              'a second run adds nothing',
            );
        },
      ),
      { numRuns: SAFETY_RUNS },
    );
  });

  it('from linked pull requests: one dated line per pull request and nothing else', () => {
    const refArb: fc.Arbitrary<PullRequestRef> = fc
      .record({
        host: fc.constant('github.com'),
        owner: fc.constantFrom('o', 'a-b'),
        repo: fc.constantFrom('r', 'x.js'),
        number: fc.integer({ min: 1, max: 99999 }),
      })
      .map((r) => ({ ...r }));
    const evidenceArb: fc.Arbitrary<Evidence> = fc
      .record({
        ref: refArb,
        title: fc.oneof(hostileText, fc.constantFrom('\n## Progress\n- 2020-01-01: x', '', '<!--')),
        state: fc.constantFrom<'open' | 'closed' | 'merged'>('merged', 'open'),
        kind: fc.constantFrom<'authored' | 'reviewed'>('authored', 'reviewed'),
      })
      .map((r) => ({
        kind: r.kind,
        pr: {
          ref: r.ref,
          title: r.title,
          author: 'alice',
          mergedAt: undefined,
          updatedAt: undefined,
          state: r.state,
          additions: undefined,
          deletions: undefined,
          changedFiles: undefined,
          labels: [],
          body: '',
          authorAssociation: undefined,
        },
      }));
    fc.assert(
      fc.property(goalFile, dateArb, fc.array(evidenceArb, { minLength: 1, maxLength: 3 }), (file, date, evidence) => {
        const doc = parseDocument(file.raw);
        // As "Link Pull Requests as Wins…" writes to the goal (src/features/evidence/link.ts).
        const texts = evidence.map((e) => goalProgressText(date, { evidence: e, circle: 'individual' }));
        const result = addListItemsLines(
          doc,
          PROGRESS_TARGET,
          texts.map((t) => [`- ${t}`]),
        );
        checkProgressAddition(
          file,
          doc,
          result,
          texts.map((t) => ({ date, text: t.slice(date.length + 1).trim() })),
        );
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});

const GOAL_CHANGE: Readonly<Record<GoalStatus, string>> = {
  active: 'Reactivated',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

describe('edit safety: moving a goal’s status', () => {
  it('sets status in place and logs the change in Progress; nothing else changes; no edit when it is already so', () => {
    fc.assert(
      fc.property(
        goalFile,
        fc.constantFrom<GoalStatus>(...GOAL_STATUSES),
        dateArb,
        fc.option(noteArb, { nil: undefined }),
        (file, status, date, note) => {
          const doc = parseDocument(file.raw);
          const result = setGoalStatus(doc, status, date, note);
          if ((stringField(doc.data, 'status') ?? 'active') === status) {
            assert.deepStrictEqual(editsOf(result, file.raw), [], 'already so');
            return;
          }
          if (unsafeForInsertion(doc) || unsafeForField(doc, 'status')) {
            assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
            return;
          }
          // The Progress line's place inside a block never closed: refused, naming it.
          if (refusedForOpenBlock(doc, result)) return;
          const checked = checkEdits(file.raw, doc, editsOf(result, file.raw), inFrontMatter(doc));
          checkFrontMatter(doc, checked, { status });
          const structure = checkInsertedStructure(checked);
          assert.ok(structure.headings.every((h) => h === 'Progress'));
          const text =
            note !== undefined && oneLine(note) !== ''
              ? `${GOAL_CHANGE[status]} — ${oneLine(note)}`
              : `${GOAL_CHANGE[status]}.`;
          checkProgress(file, checked, [{ date, text }], { status });
        },
      ),
      { numRuns: SAFETY_RUNS },
    );
  });
});

describe('edit safety: moving a feedback thread along', () => {
  const changeArb: fc.Arbitrary<FeedbackChange> = fc.record({
    status: fc.constantFrom<FeedbackStatus>(...FEEDBACK_STATUSES),
    date: dateArb,
    circleBack: fc.option(fc.constantFrom('2026-04-01', '2026-05-15', 'soon', '2026-02-30'), { nil: undefined }),
    trying: fc.option(noteArb, { nil: undefined }),
    outcome: fc.option(noteArb, { nil: undefined }),
  });

  it('sets status and circle-back in place and adds what I am trying and how it went; nothing else changes', () => {
    fc.assert(
      fc.property(threadFile, changeArb, (file, change) => {
        const doc = parseDocument(file.raw);
        const result = setFeedbackStatus(doc, change);
        const statusStep =
          (stringField(doc.data, 'status') ?? 'received') !== change.status || doc.data['status'] === undefined;
        const circleStep = change.circleBack !== undefined && stringField(doc.data, 'circleBack') !== change.circleBack;
        const trying = change.trying === undefined ? '' : oneLine(change.trying);
        const outcome = change.outcome === undefined ? '' : oneLine(change.outcome);
        if (circleStep && !parseIsoDate(change.circleBack!)) {
          assert.ok('error' in result, 'a circle-back that is not a date is refused');
          return;
        }
        if (!statusStep && !circleStep && trying === '' && outcome === '') {
          assert.deepStrictEqual(editsOf(result, file.raw), []);
          return;
        }
        if (
          (statusStep && unsafeForField(doc, 'status')) ||
          (circleStep && unsafeForField(doc, 'circleBack')) ||
          ((trying !== '' || outcome !== '') && unsafeForInsertion(doc))
        ) {
          assert.ok('error' in result, `should have refused:\n${show(file.raw)}`);
          return;
        }
        if ((trying !== '' || outcome !== '') && refusedForOpenBlock(doc, result)) return;
        if ('error' in result && trying !== '' && outcome !== '') {
          // Known limit (only reachable with both given as command arguments): when one of the two sections is
          // missing and the other is last and empty, the section created at the end splits it, and the second
          // line would go inside the first insertion. Refused, nothing written.
          assert.match(result.error, /separate edits/);
          return;
        }
        const checked = checkEdits(file.raw, doc, editsOf(result, file.raw), inFrontMatter(doc));
        const changes: Record<string, string> = {};
        if (statusStep) changes['status'] = change.status;
        if (circleStep) changes['circleBack'] = change.circleBack!;
        checkFrontMatter(doc, checked, changes);
        const structure = checkInsertedStructure(checked);
        assert.ok(
          structure.headings.every((h) => h === 'What I am trying' || h === 'Circle back'),
          JSON.stringify(structure.headings),
        );
        assert.deepStrictEqual(
          structure.items.map((i) => i.text).sort(),
          [...(trying ? [`${change.date}: ${trying}`] : []), ...(outcome ? [`${change.date}: ${outcome}`] : [])].sort(),
        );
        if (trying)
          assert.ok(
            gained(checked.after, checked.lineMap, [TRYING_TARGET.heading, ...(TRYING_TARGET.aliases ?? [])]).some(
              (i) => i.text === `${change.date}: ${trying}`,
            ),
            'under What I am trying',
          );
        if (outcome)
          assert.ok(
            gained(checked.after, checked.lineMap, [
              CIRCLE_BACK_TARGET.heading,
              ...(CIRCLE_BACK_TARGET.aliases ?? []),
            ]).some((i) => i.text === `${change.date}: ${outcome}`),
            'under Circle back',
          );
        const before = entryOf(file.path, file.raw);
        const now = entryOf(file.path, checked.out);
        assert.deepStrictEqual(fixedPart(now, Object.keys(changes)), fixedPart(before, Object.keys(changes), changes));
      }),
      { numRuns: SAFETY_RUNS },
    );
  });
});
