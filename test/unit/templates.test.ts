import * as assert from 'assert';
import { parseDocument } from '../../src/core/document';
import { findSection } from '../../src/core/markdown-sections';
import {
  DEFAULT_MEETING_TEMPLATE,
  feedbackFile,
  goalFile,
  isRole,
  personFile,
  renderTemplate,
} from '../../src/core/templates';

const TRICKY = 'Sam: "the" boss';

describe('templates: renderTemplate', () => {
  it('fills the default meeting template', () => {
    const out = renderTemplate(DEFAULT_MEETING_TEMPLATE, { person: 'Alex Kim', date: '2026-11-24' });
    const d = parseDocument(out);
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.data, { date: '2026-11-24', status: 'planned' });
    assert.strictEqual(d.scan.headings[0]!.text, '1:1 with Alex Kim — 2026-11-24');
    assert.ok(findSection(d.scan, d.source.lines.length, ['Agenda']));
  });

  it('quotes a value in front matter and writes it plainly in the body', () => {
    const out = renderTemplate('---\nwith: {{person}}\ndate: {{date}}\n---\n# 1:1 with {{person}}\n', {
      person: TRICKY,
      date: '2026-01-02',
    });
    const d = parseDocument(out);
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.data, { with: TRICKY, date: '2026-01-02' });
    assert.strictEqual(d.scan.headings[0]!.text, `1:1 with ${TRICKY}`);
  });

  it('quotes values that YAML would read as another type', () => {
    const out = renderTemplate('---\na: {{x}}\nb: {{y}}\n---\n', { x: 'true', y: '#hash' });
    assert.deepStrictEqual(parseDocument(out).data, { a: 'true', b: '#hash' });
  });

  it('collapses line breaks in values, in the body and in front matter', () => {
    const out = renderTemplate('---\na: {{x}}\n---\n{{x}}\n', { x: 'one\ntwo' });
    assert.strictEqual(out, '---\na: one two\n---\none two\n');
  });

  it('keeps CRLF line endings and a BOM of the template', () => {
    const out = renderTemplate('\uFEFF---\r\ndate: {{date}}\r\n---\r\n# {{person}}\r\n', {
      date: '2026-01-02',
      person: 'A',
    });
    assert.strictEqual(out, '\uFEFF---\r\ndate: 2026-01-02\r\n---\r\n# A\r\n');
  });

  it('accepts spaces inside braces and leaves unknown placeholders alone', () => {
    assert.strictEqual(renderTemplate('{{ person }} {{nope}} {{date}}', { person: 'A' }), 'A {{nope}} {{date}}');
  });

  it('does not treat a body `---` as front matter', () => {
    assert.strictEqual(renderTemplate('# {{x}}\n---\n{{x}}\n', { x: 'a: b' }), '# a: b\n---\na: b\n');
  });

  it('treats an unterminated front matter as body', () => {
    assert.strictEqual(renderTemplate('---\nname: {{x}}\n', { x: 'a: b' }), '---\nname: a: b\n');
  });
});

describe('templates: file contents', () => {
  it('personFile parses back with name, role and cadence', () => {
    const d = parseDocument(personFile(TRICKY, 'manager', 'weekly'));
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.data, { name: TRICKY, role: 'manager', cadence: 'weekly' });
    assert.deepStrictEqual(
      d.scan.headings.map((h) => [h.level, h.text]),
      [[1, TRICKY]],
    );
  });

  it('personFile leaves out missing fields', () => {
    assert.strictEqual(personFile('Alex', undefined, undefined), '---\nname: Alex\n---\n\n# Alex\n');
    assert.deepStrictEqual(parseDocument(personFile('Alex', undefined, '')).data, { name: 'Alex' });
  });

  it('personFile keeps a multi-line name in front matter but not in the heading', () => {
    const d = parseDocument(personFile('Line\nBreak', 'peer', undefined));
    assert.deepStrictEqual(d.data, { name: 'Line\nBreak', role: 'peer' });
    assert.strictEqual(d.scan.headings[0]!.text, 'Line Break');
  });

  it('goalFile parses back as an active goal with its sections', () => {
    const d = parseDocument(goalFile('Ship #1: the "big" one', '2026-11-10'));
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.data, { title: 'Ship #1: the "big" one', status: 'active', created: '2026-11-10' });
    assert.deepStrictEqual(
      d.scan.headings.map((h) => h.text),
      ['Ship #1: the "big" one', 'Why it matters', 'Progress'],
    );
  });

  it('feedbackFile parses back, with and without a source', () => {
    const d = parseDocument(feedbackFile('Too terse: in reviews', 'Alex Kim', '2026-10-27'));
    assert.deepStrictEqual(d.problems, []);
    assert.deepStrictEqual(d.data, {
      title: 'Too terse: in reviews',
      from: 'Alex Kim',
      status: 'received',
      received: '2026-10-27',
    });
    assert.deepStrictEqual(
      d.scan.headings.map((h) => h.text),
      ['Too terse: in reviews', 'What I heard', 'What I am trying', 'Circle back'],
    );
    assert.deepStrictEqual(parseDocument(feedbackFile('x', undefined, '2026-10-27')).data, {
      title: 'x',
      status: 'received',
      received: '2026-10-27',
    });
  });

  it('isRole knows the roles', () => {
    assert.deepStrictEqual(['manager', 'skip-level', 'mentor', 'report', 'peer', 'boss', undefined].map(isRole), [
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
