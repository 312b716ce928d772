import * as assert from 'assert';
import { finishEntryText, parseFinishEntry } from '../../src/core/finish-entry';

describe('finish meeting: one typed line', () => {
  const parse = (line: string) => parseFinishEntry(line, 'Alex Kim');

  it('is a takeaway unless it starts with an owner', () => {
    assert.deepStrictEqual(parse('  Ship   smaller PRs '), { kind: 'takeaway', text: 'Ship smaller PRs' });
    assert.deepStrictEqual(parse('Note: the team grows in Q1'), {
      kind: 'takeaway',
      text: 'Note: the team grows in Q1',
    });
    assert.deepStrictEqual(parse('by 2026-12-10 we ship'), { kind: 'takeaway', text: 'by 2026-12-10 we ship' });
    assert.strictEqual(parse('   '), undefined);
  });

  it('reads "Me:", the person (full or first name, any case) and "them:" as owners', () => {
    assert.deepStrictEqual(parse('Me: send the doc'), { kind: 'action', item: { text: 'send the doc', owner: 'me' } });
    assert.deepStrictEqual(parse('todo: book the room'), {
      kind: 'action',
      item: { text: 'book the room', owner: 'me' },
    });
    assert.deepStrictEqual(parse('alex: share the criteria'), {
      kind: 'action',
      item: { text: 'share the criteria', owner: 'them' },
    });
    assert.deepStrictEqual(parse('Alex Kim: intro me'), { kind: 'action', item: { text: 'intro me', owner: 'them' } });
    assert.deepStrictEqual(parse('They: decide'), { kind: 'action', item: { text: 'decide', owner: 'them' } });
    assert.deepStrictEqual(parse('- [ ] write it down'), {
      kind: 'action',
      item: { text: 'write it down', owner: 'me' },
    });
  });

  it('takes a due date from the end, only when it is a real date', () => {
    assert.deepStrictEqual(parse('Me: send the doc by 2026-12-10'), {
      kind: 'action',
      item: { text: 'send the doc', owner: 'me', due: '2026-12-10' },
    });
    assert.deepStrictEqual(parse('Alex: review (due 2027-01-31)'), {
      kind: 'action',
      item: { text: 'review', owner: 'them', due: '2027-01-31' },
    });
    assert.deepStrictEqual(parse('Me: send it by 2026-02-30'), {
      kind: 'action',
      item: { text: 'send it by 2026-02-30', owner: 'me' },
    });
    assert.deepStrictEqual(parse('Me: by 2026-12-10'), { kind: 'takeaway', text: 'Me: by 2026-12-10' });
  });

  it('writes an entry back as a line that reads the same', () => {
    for (const line of ['Ship it', 'Me: send the doc by 2026-12-10', 'Alex: review', 'Me: plan']) {
      const entry = parse(line)!;
      assert.deepStrictEqual(parse(finishEntryText(entry, 'Alex Kim')), entry, line);
    }
    assert.strictEqual(
      finishEntryText(parse('alex kim: review by 2026-12-01')!, 'Alex Kim'),
      'Alex: review by 2026-12-01',
    );
  });
});
