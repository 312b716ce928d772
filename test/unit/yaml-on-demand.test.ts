// yaml is loaded the first time front matter needs it (src/core/yaml.ts).
// Before then: flat front matter reads as ever, other front matter waits
// (the index keeps the entry it had), edits of front matter ask for yaml,
// and new files are written without it.

import * as assert from 'assert';
import * as fc from 'fast-check';
import * as yaml from 'yaml';
import { parseDocument } from '../../src/core/document';
import { renderScalar, setField } from '../../src/core/front-matter-edits';
import { parseIndexCache, serializeIndexCache } from '../../src/core/index-cache';
import { JournalIndex } from '../../src/core/journal-index';
import { DEFAULT_MEETING_TEMPLATE, goalFile, personFile } from '../../src/core/templates';
import { onLibraryWanted, takeLibraryWanted } from '../../src/core/on-demand';
import { installYaml, yamlFailed } from '../../src/core/yaml';

const FLAT = '---\nname: Alex Kim\nrole: peer\n---\n# Alex Kim\n';
const NESTED = '---\nname: Alex Kim\ntags: [growth, design]\n---\n# Alex Kim\n';

describe('yaml on demand: before it is loaded', () => {
  let wanted = 0;
  beforeEach(() => {
    installYaml(undefined);
    wanted = 0;
    onLibraryWanted((name) => {
      assert.strictEqual(name, 'yaml');
      wanted++;
    });
    takeLibraryWanted();
  });
  afterEach(() => {
    onLibraryWanted(undefined);
    yamlFailed(undefined);
    installYaml(yaml);
    takeLibraryWanted();
  });

  it('reads flat front matter without it, and asks for nothing', () => {
    const doc = parseDocument(FLAT);
    assert.deepStrictEqual(doc.data, { name: 'Alex Kim', role: 'peer' });
    assert.strictEqual(doc.yamlPending, undefined);
    assert.strictEqual(wanted, 0);
    assert.strictEqual(takeLibraryWanted(), false);
  });

  it('marks other front matter as waiting, with no data and no problem, and asks for yaml', () => {
    const doc = parseDocument(NESTED);
    assert.strictEqual(doc.yamlPending, true);
    assert.deepStrictEqual(doc.data, {});
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(wanted, 1);
    assert.strictEqual(takeLibraryWanted(), true);
    assert.strictEqual(takeLibraryWanted(), false, 'taken once');
  });

  it('reports a failed load as a problem of the file, not as waiting', () => {
    yamlFailed('the YAML reader could not be loaded (gone)');
    const doc = parseDocument(NESTED);
    assert.strictEqual(doc.yamlPending, undefined);
    assert.strictEqual(doc.problems.length, 1);
    assert.match(doc.problems[0]!.message, /could not be loaded \(gone\)/);
    assert.strictEqual(wanted, 0, 'a failed load is not asked for again by every parse');
  });

  it('refuses nesting too deep for yaml without it', () => {
    const deep = `---\n${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n`;
    const doc = parseDocument(deep);
    assert.strictEqual(doc.yamlPending, undefined);
    assert.match(doc.problems[0]!.message, /nested more than/);
  });

  it('the index keeps the entry it had until yaml comes, then takes the new text in one change', () => {
    const index = new JournalIndex();
    index.update('people/alex-kim.md', FLAT);
    const changes: (readonly string[])[] = [];
    index.onDidChange((paths) => changes.push(paths));

    index.update('people/alex-kim.md', NESTED.replace('Alex Kim\ntags', 'Alexandra Kim\ntags'));
    index.update('goals/ship-it.md', '---\ntitle: Ship it\nlinks: {a: 1}\n---\n');
    assert.strictEqual(wanted, 2);
    assert.ok(index.waitingForLibraries);
    assert.strictEqual(index.get('people/alex-kim.md')!.data.name, 'Alex Kim', 'the old entry stays');
    assert.strictEqual(index.get('goals/ship-it.md'), undefined, 'a new file waits unseen');
    assert.deepStrictEqual(changes, []);

    installYaml(yaml);
    index.librariesSettled();
    assert.ok(!index.waitingForLibraries);
    assert.strictEqual(index.get('people/alex-kim.md')!.data.name, 'Alexandra Kim');
    assert.deepStrictEqual(index.get('people/alex-kim.md')!.data.tags, ['growth', 'design']);
    assert.strictEqual(index.get('goals/ship-it.md')!.data.title, 'Ship it');
    assert.deepStrictEqual(changes, [['people/alex-kim.md', 'goals/ship-it.md']]);
  });

  it('a template needs no yaml: its `{{placeholder}}` values read as the texts they stand for', () => {
    const index = new JournalIndex();
    const entry = index.update('templates/meeting.md', DEFAULT_MEETING_TEMPLATE);
    assert.ok(!index.waitingForLibraries);
    assert.strictEqual(index.get('templates/meeting.md'), entry);
    assert.deepStrictEqual(entry.problems, []);
    assert.deepStrictEqual(entry.data, { date: '{{date}}', status: 'planned' });
    assert.strictEqual(wanted, 0);
    const custom = index.update('templates/review.md', '---\ndate: {{ date }}  # filled in\nwith: "{{person}}"\n---\n');
    assert.deepStrictEqual(custom.data, { date: '{{ date }}', with: '{{person}}' });
    assert.ok(!index.waitingForLibraries);
  });

  it('a file whose front matter only yaml reads is known as such, kept so in the index cache, and asks for yaml when put back', () => {
    installYaml(yaml);
    const index = new JournalIndex();
    const nested = index.update('goals/g.md', NESTED);
    index.update('goals/flat.md', FLAT);
    assert.ok(index.needsYaml('goals/g.md'));
    assert.ok(!index.needsYaml('goals/flat.md'));
    const key = { root: 'file:///j', code: '1', language: 'en' };
    const file = { size: 1, mtime: 1_000, hash: '' };
    const text = serializeIndexCache(key, [
      { ...file, entry: nested, needsYaml: true },
      { ...file, entry: index.get('goals/flat.md')! },
    ]);
    const cache = parseIndexCache(text, key)!;
    const keptNested = cache.get('goals/g.md')!;
    const keptFlat = cache.get('goals/flat.md')!;
    assert.strictEqual(keptNested.needsYaml, true);
    assert.strictEqual(keptFlat.needsYaml, undefined);

    installYaml(undefined);
    const next = new JournalIndex();
    next.restore(keptFlat.entry, keptFlat.needsYaml === true);
    assert.strictEqual(wanted, 0, 'flat front matter asks for nothing');
    next.restore(keptNested.entry, keptNested.needsYaml === true);
    assert.strictEqual(wanted, 1, 'put back, it asks for yaml: code that reads its file needs it');
    assert.ok(next.needsYaml('goals/g.md'));
    next.delete('goals/g.md');
    assert.ok(!next.needsYaml('goals/g.md'));
  });

  it('a newer state of a waiting file wins: flat text, a deletion, a deleted folder', () => {
    const index = new JournalIndex();
    index.update('people/a.md', NESTED);
    index.update('people/a.md', FLAT);
    index.update('goals/g.md', NESTED);
    index.delete('goals/g.md');
    index.update('feedback/f.md', NESTED);
    index.deleteFolder('feedback');
    assert.ok(!index.waitingForLibraries);
    installYaml(yaml);
    index.librariesSettled();
    assert.deepStrictEqual(index.get('people/a.md')!.data, { name: 'Alex Kim', role: 'peer' });
    assert.strictEqual(index.get('goals/g.md'), undefined);
    assert.strictEqual(index.get('feedback/f.md'), undefined);
  });

  it('a failed load shows the waiting files with their problem', () => {
    const index = new JournalIndex();
    index.update('goals/g.md', NESTED);
    yamlFailed('the YAML reader could not be loaded (gone)');
    index.librariesSettled();
    assert.ok(!index.waitingForLibraries);
    assert.match(index.get('goals/g.md')!.problems[0]!.message, /could not be loaded/);
  });

  it('an edit of front matter says yaml is needed, and changes nothing', () => {
    const result = setField(parseDocument(FLAT), 'role', 'mentor');
    assert.ok('error' in result);
    assert.match(result.error, /still loading/);
    assert.strictEqual(takeLibraryWanted(), true);
    installYaml(yaml);
    const again = setField(parseDocument(FLAT), 'role', 'mentor');
    assert.ok('edits' in again && again.edits.length === 1);
    assert.strictEqual(again.edits[0]!.newText, 'mentor');
  });

  it('new files are written without it, and read back by it as written', () => {
    const person = personFile('Sam: "the" boss', 'peer', 'weekly');
    const goal = goalFile('#1 goal: ship', '2026-12-07', { target: '2027-03-31' });
    assert.strictEqual(takeLibraryWanted(), false);
    assert.deepStrictEqual(yaml.parse(person.split('---\n')[1]!), {
      name: 'Sam: "the" boss',
      role: 'peer',
      cadence: 'weekly',
    });
    assert.strictEqual(yaml.parse(goal.split('---\n')[1]!).title, '#1 goal: ship');
  });
});

describe('yaml on demand: renderScalar without yaml', () => {
  const readBack = (rendered: string): unknown => yaml.parse(`k: ${rendered}\n`, { strict: true }).k;

  it('reads back as the same value for any text (line breaks as spaces, or kept)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        assert.strictEqual(readBack(renderScalar(s)), s.replace(/[\r\n]+/g, ' '));
        assert.strictEqual(readBack(renderScalar(s, true)), s);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any number, boolean and null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (v) => {
        assert.ok(Object.is(readBack(renderScalar(v)), v), `${String(v)} → ${renderScalar(v)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the usual values plainly, as before', () => {
    assert.strictEqual(renderScalar('Alex Kim'), 'Alex Kim');
    assert.strictEqual(renderScalar('Zoë Ñúñez'), 'Zoë Ñúñez');
    assert.strictEqual(renderScalar('2026-12-07'), '2026-12-07');
    assert.strictEqual(renderScalar('every other Tuesday'), 'every other Tuesday');
    assert.strictEqual(renderScalar('10:00'), '"10:00"');
    assert.strictEqual(renderScalar('true'), '"true"');
    assert.strictEqual(renderScalar('#tag'), '"#tag"');
    assert.strictEqual(renderScalar('Sam: "the" boss'), `'Sam: "the" boss'`);
    assert.strictEqual(renderScalar(''), '""');
    assert.strictEqual(renderScalar(3), '3');
  });
});
