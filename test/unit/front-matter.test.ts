import * as assert from 'assert';
import { parseDocument as parseYaml } from 'yaml';
import { parseDocument } from '../../src/core/document';
import { setField } from '../../src/core/front-matter-edits';
import { renderScalar, Scalar } from '../../src/core/front-matter-edits';
import { applyEdits } from '../../src/core/text';

function set(text: string, key: string, value: Scalar): string {
  const result = setField(parseDocument(text), key, value);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return applyEdits(text, result.edits);
}
function setError(text: string, key: string, value: Scalar): string | undefined {
  const result = setField(parseDocument(text), key, value);
  return 'error' in result ? result.error : undefined;
}

describe('front matter: parsing', () => {
  it('reads a mapping, keeping dates as strings', () => {
    const d = parseDocument('---\nname: Alex Kim\ndate: 2026-11-10\ncount: 3\nok: true\n---\n# x\n');
    assert.deepStrictEqual(d.data, { name: 'Alex Kim', date: '2026-11-10', count: 3, ok: true });
    assert.deepStrictEqual(d.problems, []);
  });

  it('gives {} and no problems without front matter', () => {
    const d = parseDocument('# Just a heading\n');
    assert.deepStrictEqual(d.data, {});
    assert.deepStrictEqual(d.problems, []);
  });

  it('gives {} for empty or comment-only front matter', () => {
    for (const t of ['---\n---\n', '---\n\n---\n', '---\n# only a comment\n---\n', '---\n~\n---\n']) {
      const d = parseDocument(t);
      assert.deepStrictEqual(d.data, {}, t);
      assert.deepStrictEqual(d.problems, [], t);
    }
  });

  it('reports an unterminated front matter on line 0', () => {
    const d = parseDocument('---\nname: x\n\n# Title\n');
    assert.deepStrictEqual(d.data, {});
    assert.strictEqual(d.problems.length, 1);
    assert.strictEqual(d.problems[0]!.line, 0);
    assert.strictEqual(d.problems[0]!.severity, 'error');
  });

  it('reports a list as front matter', () => {
    const d = parseDocument('---\n- a\n- b\n---\n');
    assert.deepStrictEqual(d.data, {});
    assert.deepStrictEqual(
      d.problems.map((p) => [p.line, p.severity]),
      [[1, 'error']],
    );
  });

  it('reports a scalar as front matter', () => {
    const d = parseDocument('---\njust text\n---\n');
    assert.deepStrictEqual(d.data, {});
    assert.strictEqual(d.problems.length, 1);
    assert.strictEqual(d.problems[0]!.line, 1);
  });

  it('puts a YAML error on the zero-based file line where it is (first line)', () => {
    const d = parseDocument('---\n\tname: x\n---\n');
    assert.deepStrictEqual(d.data, {});
    assert.deepStrictEqual(
      d.problems.map((p) => p.line),
      [1],
    );
  });

  it('puts a YAML error on the zero-based file line where it is (tab on line 2)', () => {
    // yaml reports "Tabs are not allowed as indentation" at front-matter line 2 = file line 2.
    const d = parseDocument('---\na: 1\n\tb: 2\n---\n');
    assert.strictEqual(d.problems.length, 1);
    assert.strictEqual(d.problems[0]!.line, 2);
  });

  it('puts a YAML error on the zero-based file line where it is (line 3)', () => {
    const d = parseDocument('---\nname: Alex\nrole: manager\ncadence: [weekly\n---\n');
    assert.ok(d.problems.length >= 1);
    assert.ok(d.problems.every((p) => p.severity === 'error'));
    assert.ok(
      d.problems.some((p) => p.line >= 3),
      `lines: ${d.problems.map((p) => p.line).join(',')}`,
    );
    assert.ok(
      d.problems.every((p) => p.line >= 3 && p.line <= 4),
      `lines: ${d.problems.map((p) => p.line).join(',')}`,
    );
  });

  it('reports duplicate keys on the line of the duplicate', () => {
    const d = parseDocument('---\nname: a\nrole: manager\nname: b\n---\n');
    assert.deepStrictEqual(d.data, {});
    assert.strictEqual(d.problems.length, 1);
    assert.match(d.problems[0]!.message, /unique/i);
    assert.strictEqual(d.problems[0]!.line, 3);
  });

  it('reads a front matter closed with `...`', () => {
    assert.deepStrictEqual(parseDocument('---\na: 1\n...\nbody').data, { a: 1 });
  });

  it('reads CRLF front matter', () => {
    assert.deepStrictEqual(parseDocument('---\r\na: 1\r\nb: two\r\n---\r\nbody').data, { a: 1, b: 'two' });
  });

  it('reads front matter in a file with lone-CR line breaks (old Mac style)', () => {
    // The scanner splits on lone CR (as VS Code does); the front matter must parse the same way.
    const d = parseDocument('---\ra: 1\rb: two\r---\rbody');
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.data, { a: 1, b: 'two' });
  });

  it('reads front matter after a BOM', () => {
    assert.deepStrictEqual(parseDocument('\uFEFF---\na: 1\n---\n').data, { a: 1 });
  });

  it('does not throw on an alias bomb and reports it', () => {
    const bomb = [
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '---',
    ].join('\n');
    const d = parseDocument(bomb);
    assert.deepStrictEqual(d.data, {});
    assert.strictEqual(d.problems.length, 1);
  });
});

describe('front matter: setFrontMatterValue (via setField)', () => {
  const base = [
    '---',
    '# who this is',
    'name: "Alex Kim"   # display name',
    'role: manager',
    'x-unknown: {a: 1}',
    "cadence: 'weekly'",
    '---',
    '',
    '# Alex Kim',
    '',
  ].join('\n');

  it('replaces only the value characters of an existing key', () => {
    assert.strictEqual(set(base, 'role', 'mentor'), base.replace('role: manager', 'role: mentor'));
  });

  it('replaces a quoted value including its quotes, keeping the comment after it', () => {
    assert.strictEqual(
      set(base, 'name', 'Sam'),
      base.replace('name: "Alex Kim"   # display name', 'name: Sam   # display name'),
    );
    assert.strictEqual(set(base, 'cadence', 'monthly'), base.replace("cadence: 'weekly'", 'cadence: monthly'));
  });

  it('inserts a missing key before the closing ---', () => {
    assert.strictEqual(
      set(base, 'since', '2026-01-01'),
      base.replace("cadence: 'weekly'\n---", "cadence: 'weekly'\nsince: 2026-01-01\n---"),
    );
  });

  it('quotes a key that needs it when inserting', () => {
    const out = set('---\na: 1\n---\n', 'odd key: x', 'v');
    assert.strictEqual(out, '---\na: 1\n"odd key: x": v\n---\n');
    assert.strictEqual(parseDocument(out).data['odd key: x'], 'v');
  });

  it('creates front matter when the file has none', () => {
    assert.strictEqual(set('# Title\n\nbody\n', 'status', 'done'), '---\nstatus: done\n---\n# Title\n\nbody\n');
  });

  it('creates front matter in an empty file and after a BOM', () => {
    assert.strictEqual(set('', 'a', 1), '---\na: 1\n---\n');
    assert.strictEqual(set('\uFEFF# T', 'a', true), '\uFEFF---\na: true\n---\n# T');
  });

  it("creates front matter with the file's CRLF breaks", () => {
    assert.strictEqual(set('# T\r\nbody\r\n', 'a', 'b'), '---\r\na: b\r\n---\r\n# T\r\nbody\r\n');
  });

  it('fills an empty front matter', () => {
    assert.strictEqual(set('---\n---\nbody', 'a', 'b'), '---\na: b\n---\nbody');
    assert.strictEqual(set('---\n# note\n---\nbody', 'a', 'b'), '---\n# note\na: b\n---\nbody');
  });

  it('replaces in a CRLF file and inserts CRLF lines', () => {
    const text = '---\r\na: 1\r\nb: 2\r\n---\r\nbody';
    assert.strictEqual(set(text, 'b', 3), '---\r\na: 1\r\nb: 3\r\n---\r\nbody');
    assert.strictEqual(set(text, 'c', 'v'), '---\r\na: 1\r\nb: 2\r\nc: v\r\n---\r\nbody');
  });

  it('replaces a value on the last line of a file with `...` closer', () => {
    assert.strictEqual(set('---\na: 1\n...', 'a', 2), '---\na: 2\n...');
  });

  it('writes numbers, booleans and null as YAML scalars', () => {
    assert.strictEqual(set('---\na: x\n---\n', 'a', 42), '---\na: 42\n---\n');
    assert.strictEqual(set('---\na: x\n---\n', 'a', false), '---\na: false\n---\n');
    assert.strictEqual(set('---\na: x\n---\n', 'a', null), '---\na: null\n---\n');
  });

  it('fills `key:` with no value as `key: value`', () => {
    assert.strictEqual(set('---\na:\nb: 1\n---\n', 'a', 'x'), '---\na: x\nb: 1\n---\n');
  });

  it('fills `key:` at the end of the front matter', () => {
    const out = set('---\nb: 1\na:\n---\n', 'a', 'x');
    assert.deepStrictEqual(parseDocument(out).data, { b: 1, a: 'x' });
  });

  it('fills `key:   # comment` without gluing the value to the comment', () => {
    const out = set('---\na:   # later\nb: 1\n---\n', 'a', 'x');
    assert.deepStrictEqual(parseDocument(out).data, { a: 'x', b: 1 });
    assert.match(out.split('\n')[1]!, /# later$/);
  });

  it('replaces a block scalar value without swallowing the next key', () => {
    const text = '---\na: |\n  line one\n  line two\nb: 1\n---\nbody\n';
    const out = set(text, 'a', 'x');
    assert.deepStrictEqual(parseDocument(out).data, { a: 'x', b: 1 });
    assert.ok(out.endsWith('---\nbody\n'));
  });

  it('replaces a folded block scalar value without swallowing the next key', () => {
    const out = set('---\na: >-\n  folded\n  text\nb: 1\n---\n', 'a', 'x');
    assert.deepStrictEqual(parseDocument(out).data, { a: 'x', b: 1 });
  });

  it('replaces multi-line plain and quoted scalars', () => {
    assert.strictEqual(set('---\na: one\n  two\nb: 1\n---\n', 'a', 'x'), '---\na: x\nb: 1\n---\n');
    assert.strictEqual(set('---\na: "one\n  two"\nb: 1\n---\n', 'a', 'x'), '---\na: x\nb: 1\n---\n');
  });

  it('refuses a flow map', () => {
    assert.match(setError('---\n{a: 1, b: 2}\n---\n', 'a', 3) ?? '', /flow/);
  });

  it('refuses to overwrite a list or a map value', () => {
    assert.match(setError('---\ntags:\n  - a\n  - b\n---\n', 'tags', 'x') ?? '', /list or map/);
    assert.match(setError('---\nm:\n  k: v\n---\n', 'm', 'x') ?? '', /list or map/);
    assert.match(setError('---\nt: [a, b]\n---\n', 't', 'x') ?? '', /list or map/);
  });

  it('refuses a front matter with YAML errors, or never closed, or not a map', () => {
    assert.ok(setError('---\na: [\n---\n', 'a', 1));
    assert.ok(setError('---\na: 1\n', 'a', 2));
    assert.ok(setError('---\n- x\n---\n', 'a', 2));
  });

  const tricky = [
    'Sam: "the" boss',
    'a: b',
    '"quoted"',
    "it's",
    '#not a comment',
    'ends with #',
    'true',
    'null',
    '~',
    '123',
    '0x1F',
    '1e3',
    '2026-01-01',
    '',
    ' leading space',
    'trailing space ',
    '- dash',
    '[list]',
    '{map}',
    '@at',
    '`tick',
    '%percent',
    '|pipe',
    '>gt',
    '* star',
    '&anchor',
    '*alias',
    '!tag',
    '? question',
    'tab\there',
    'שלום 🎉',
    '\\backslash\\',
    'x'.repeat(200),
  ];
  for (const value of tricky) {
    it(`round-trips ${JSON.stringify(value.length > 40 ? value.slice(0, 20) + '…' : value)} through the yaml parser`, () => {
      const out = set('---\nname: old\nrole: manager\n---\n# body\n', 'name', value);
      const d = parseDocument(out);
      assert.deepStrictEqual(d.problems, []);
      assert.deepStrictEqual(d.data, { name: value, role: 'manager' });
      assert.strictEqual(out.split('\n').length, 6, 'still one line per key');
    });
  }

  it('collapses line breaks in a value to spaces', () => {
    const out = set('---\nname: old\n---\n', 'name', 'one\ntwo\r\nthree\rfour');
    assert.strictEqual(parseDocument(out).data['name'], 'one two three four');
    assert.strictEqual(out.split('\n').length, 4);
  });

  it('renderScalar gives plain text when no quoting is needed', () => {
    assert.strictEqual(renderScalar('Alex Kim'), 'Alex Kim');
    assert.strictEqual(renderScalar(7), '7');
    const quoted = renderScalar('a: b');
    assert.notStrictEqual(quoted, 'a: b');
    assert.strictEqual(parseYaml(`k: ${quoted}`).toJS().k, 'a: b');
  });
});
