import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { addListItemLines } from '../../src/core/edits';
import { locateItem, takeListItem } from '../../src/core/item-edits';
import { builtInQuestions, questionKey, questionsFromFile } from '../../src/core/questions';
import { THEMES } from '../../src/core/talking-points';
import { applyEdits } from '../../src/core/text';

const AGENDA = { heading: 'Agenda', createAt: 'start' } as const;

function take(text: string, line: number, itemText: string): { rest: string; lines: string[] } {
  const taken = takeListItem(parseDocument(text), line, itemText);
  assert.ok(!('error' in taken), 'error' in taken ? taken.error : '');
  return { rest: applyEdits(text, taken.edits), lines: taken.lines };
}

describe('edits: taking an item out (moves)', () => {
  it('removes the item with its body and nested items, and returns its lines at column 0', () => {
    const text = '## Agenda\n\n- [ ] keep\n- [ ] move me #growth\n  Source: `a.ts:1`\n  - nested\n- [ ] after\n';
    const { rest, lines } = take(text, 3, 'move me #growth');
    assert.strictEqual(rest, '## Agenda\n\n- [ ] keep\n- [ ] after\n');
    assert.deepStrictEqual(lines, ['- [ ] move me #growth', '  Source: `a.ts:1`', '  - nested']);
  });

  it('dedents a nested item to column 0', () => {
    const { lines } = take('- parent\n  - [ ] child\n    body\n', 1, 'child');
    assert.deepStrictEqual(lines, ['- [ ] child', '  body']);
  });

  it('takes the last item of a file without a final newline together with the break before it', () => {
    const { rest } = take('## Agenda\r\n- [ ] a\r\n- [ ] b', 2, 'b');
    assert.strictEqual(rest, '## Agenda\r\n- [ ] a');
  });

  it('finds the item by its text when lines have shifted, and refuses when it is gone or ambiguous', () => {
    const doc = parseDocument('new line\n## Agenda\n- [ ] a\n- [ ] b\n');
    assert.strictEqual(locateItem(doc, 1, 'a')?.line, 2);
    assert.ok('error' in takeListItem(doc, 2, 'zzz'));
    assert.ok('error' in takeListItem(parseDocument('- [ ] same\n- [ ] same\n'), 5, 'same'));
  });

  it('a move (take + add) keeps every item exactly once and every other line intact', () => {
    const item = fc.constantFrom(
      '- [ ] one #growth',
      '- [x] two',
      '- [ ] three\n  > quoted\n  ```\n  ## not a heading\n  ```',
    );
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        fc.array(item, { maxLength: 4 }),
        fc.nat(),
        fc.constantFrom('\n', '\r\n'),
        (from, to, pick, eol) => {
          const file = (items: string[]): string =>
            [
              '# 1:1',
              '',
              '## Agenda',
              '',
              ...items.map((i, n) => i.replace(/^(- \[.\] \w+)/, `$1 n${n}`)),
              '',
              '## Notes',
              '',
              'x',
            ]
              .join('\n')
              .replace(/\n/g, eol);
          const source = file(from);
          const target = file(to).replace(/ n(\d)/g, ' m$1');
          const sourceDoc = parseDocument(source);
          const agendaItems = sourceDoc.scan.items.filter((i) => i.parent === -1);
          const chosen = agendaItems[pick % agendaItems.length]!;
          const taken = takeListItem(sourceDoc, chosen.line, chosen.text);
          assert.ok(!('error' in taken));
          const added = addListItemLines(parseDocument(target), AGENDA, taken.lines);
          assert.ok(!('error' in added), 'error' in added ? added.error : '');
          const after = { source: applyEdits(source, taken.edits), target: applyEdits(target, added.edits) };
          const texts = (t: string): string[] =>
            parseDocument(t)
              .scan.items.filter((i) => i.parent === -1)
              .map((i) => i.text);
          const before = [...texts(source), ...texts(target)].sort();
          assert.deepStrictEqual([...texts(after.source), ...texts(after.target)].sort(), before);
          // the moved lines, re-indented, are exactly the lines that left
          const movedBlock = taken.lines.join(eol);
          assert.ok(after.target.includes(movedBlock));
          assert.strictEqual(after.source.split(eol).length, source.split(eol).length - (chosen.endLine - chosen.line));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('question bank', () => {
  it('has built-in questions for every theme but "other"', () => {
    const themes = new Set(builtInQuestions().map((q) => q.theme));
    for (const t of THEMES.filter((t) => t.id !== 'other')) assert.ok(themes.has(t.id), t.id);
  });

  it('reads questions.md: the theme from a tag, else from the heading, else "question"', () => {
    const doc = parseDocument(
      '# My questions\n\n## Growth\n\n- How do I get to staff?\n- What should I read? #feedback\n\n## Misc\n\n- Anything else?\n\n```\n- not a question\n```\n',
    );
    assert.deepStrictEqual(
      questionsFromFile(doc).map((q) => [q.text, q.theme, q.origin]),
      [
        ['How do I get to staff?', 'growth', 'mine'],
        ['What should I read?', 'feedback', 'mine'],
        ['Anything else?', 'question', 'mine'],
      ],
    );
  });

  it('recognises a question already asked whatever its case, tags and punctuation', () => {
    assert.strictEqual(
      questionKey('How can I help the team more? #team/process'),
      questionKey('how can i help the TEAM more'),
    );
    assert.notStrictEqual(questionKey('How can I help the team?'), questionKey('How can I help the team more?'));
  });
});

describe('edits: the safety net under insertions', () => {
  it('refuses an item whose lines would add a heading to the file', () => {
    const doc = parseDocument('## Agenda\n\n- [ ] a\n\n## Notes\n');
    const result = addListItemLines(doc, AGENDA, ['- [ ] b', '## Injected']);
    assert.ok('error' in result);
  });
});

describe('index lookups the trees use on every row', () => {
  it('finds one person by slug (file or meeting folder) and keeps per-kind lists in step', async () => {
    const { JournalIndex } = await import('../../src/core/journal-index');
    const index = new JournalIndex();
    index.update('people/alex-kim.md', '---\nname: Alex Kim\nrole: manager\n---\n');
    index.update('meetings/sam-lo/2026-01-05.md', '# 1:1\n');
    index.update('goals/a.md', '---\ntitle: A\n---\n');
    assert.deepStrictEqual([index.person('alex-kim')?.name, index.person('alex-kim')?.role], ['Alex Kim', 'manager']);
    assert.strictEqual(index.person('sam-lo')?.name, 'Sam Lo');
    assert.strictEqual(index.person('nobody'), undefined);
    assert.deepStrictEqual(
      index.ofKind('goal').map((e) => e.path),
      ['goals/a.md'],
    );
    index.update('goals/a.md', '# A, renamed in place\n');
    assert.strictEqual(index.ofKind('goal').length, 1);
    index.delete('goals/a.md');
    index.delete('meetings/sam-lo/2026-01-05.md');
    assert.deepStrictEqual(index.ofKind('goal'), []);
    assert.strictEqual(index.person('sam-lo'), undefined);
  });
});
