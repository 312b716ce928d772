// Help while writing a meeting file: what completes at the cursor, which
// `#goal/…` tags link where, and where a carried item came from.

import * as assert from 'assert';
import { parseDocument } from '../../src/core/document';
import { JournalIndex } from '../../src/core/journal-index';
import {
  agoText,
  carriedFrom,
  completionAt,
  goalLinks,
  ownerSuggestions,
  tagSuggestions,
} from '../../src/core/writing';

const MEETING = [
  '# 1:1',
  '',
  '## Agenda',
  '',
  '- [ ] Ask about #gro',
  '- [ ] Design review plan #goal/lead-a-design-review and #goal/unknown',
  '- [ ] Retry budget #team/process',
  '  Carried from [2026-11-10](2026-11-10.md#carry-1x3k9q)',
  '',
  '```',
  '#not-a-tag in a fence',
  '```',
  '',
  '## Action items',
  '',
  '- [ ] Al',
].join('\n');

function index(): JournalIndex {
  const i = new JournalIndex();
  i.update('people/alex-kim.md', '---\nname: Alex Kim\n---\n');
  i.update('people/priya-nair.md', '---\nname: Priya Nair\n---\n');
  i.update('goals/lead-a-design-review.md', '---\ntitle: Lead a design review\nstatus: active\n---\n');
  i.update('goals/old-one.md', '---\ntitle: Old one\nstatus: achieved\n---\n');
  return i;
}

describe('writing help: completion', () => {
  const doc = parseDocument(MEETING);

  it('after # offers the themes, #private and the active goals; never inside a fence', () => {
    assert.deepStrictEqual(completionAt(doc, 4, 20), { kind: 'tag', start: 16, prefix: 'gro' });
    const tags = tagSuggestions(index()).map((s) => s.tag);
    assert.ok(
      ['growth', 'feedback', 'team/process', 'private', 'goal/lead-a-design-review'].every((t) => tags.includes(t)),
    );
    assert.ok(!tags.includes('goal/old-one'), 'an achieved goal is not offered');
    assert.strictEqual(completionAt(doc, 10, 5), undefined);
  });

  it('at the start of an action item offers its owner: me, the meeting’s person first, then everyone', () => {
    assert.deepStrictEqual(completionAt(doc, 15, 8), { kind: 'owner', start: 6, prefix: 'Al' });
    assert.strictEqual(completionAt(doc, 4, 6), undefined, 'not in the agenda');
    assert.deepStrictEqual(ownerSuggestions(index(), 'priya-nair'), ['Me', 'Priya Nair', 'Alex Kim']);
  });
});

describe('writing help: links and carried items', () => {
  it('links #goal/<slug> of a goal the journal has, with its range', () => {
    assert.deepStrictEqual(goalLinks(parseDocument(MEETING), index()), [
      { line: 5, start: 25, end: 51, path: 'goals/lead-a-design-review.md' },
    ]);
  });

  it('finds the "Carried from" line of the item under the cursor', () => {
    const doc = parseDocument(MEETING);
    const from = { label: '2026-11-10', target: '2026-11-10.md#carry-1x3k9q', line: 7 };
    assert.deepStrictEqual(carriedFrom(doc, 6), from);
    assert.deepStrictEqual(carriedFrom(doc, 7), from);
    assert.strictEqual(carriedFrom(doc, 4), undefined);
    assert.strictEqual(agoText('2026-11-10', '2026-12-07'), '4 weeks ago');
    assert.strictEqual(agoText('2026-12-06', '2026-12-07'), 'yesterday');
  });

  it('never throws on a broken file', () => {
    const broken = parseDocument('---\nname: [unclosed\n---\n- [ ] #\n```\n- [ ] Carried from [x](\n');
    assert.doesNotThrow(() => {
      completionAt(broken, 3, 7);
      goalLinks(broken, index());
      carriedFrom(broken, 5);
      completionAt(broken, 99, 0);
    });
  });
});
