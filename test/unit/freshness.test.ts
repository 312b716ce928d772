import * as assert from 'assert';
import { compareWithDisk } from '../../src/core/freshness';

describe('freshness: the text an edit is computed on against the file on disk', () => {
  it('is the same when the disk holds the text, a BOM aside', () => {
    assert.strictEqual(compareWithDisk('## Agenda\n\n- [ ] one\n', '## Agenda\n\n- [ ] one\n'), 'same');
    assert.strictEqual(compareWithDisk('\uFEFF## Agenda\r\n- [ ] one', '## Agenda\r\n- [ ] one'), 'same');
  });

  it('tells a file VS Code normalised on load (mixed breaks) from a changed one', () => {
    assert.strictEqual(compareWithDisk('## Agenda\r\n\n- [ ] one\n', '## Agenda\n\n- [ ] one\n'), 'mixed-line-endings');
    assert.strictEqual(
      compareWithDisk('\uFEFF## Agenda\r\n\n- [ ] one\n', '## Agenda\r\n\r\n- [ ] one\r\n'),
      'mixed-line-endings',
    );
  });

  it('counts a whole file converted to CRLF (git autocrlf on a pull) as a change, not as mixed breaks', () => {
    assert.strictEqual(compareWithDisk('## Agenda\r\n\r\n- [ ] one\r\n', '## Agenda\n\n- [ ] one\n'), 'changed');
  });

  it('counts any other difference as a change, mixed breaks or not', () => {
    assert.strictEqual(compareWithDisk('## Agenda\n\n- [ ] one\n- [ ] two\n', '## Agenda\n\n- [ ] one\n'), 'changed');
    assert.strictEqual(compareWithDisk('## Agenda\r\n\n- [ ] one\n- [ ] two\n', '## Agenda\n\n- [ ] one\n'), 'changed');
    assert.strictEqual(compareWithDisk('', '## Agenda\n'), 'changed');
    assert.strictEqual(compareWithDisk('## Agenda\n', ''), 'changed');
  });
});
