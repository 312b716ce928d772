// The built-in meeting templates: each a meeting the journal reads as one
// (an Agenda, Action items, a Private section), and names as files allow.

import * as assert from 'assert';
import { JournalIndex } from '../../src/core/journal-index';
import { BUILT_IN_TEMPLATES, templateName, templatePath } from '../../src/core/meeting-templates';
import { renderTemplate } from '../../src/core/templates';

describe('meeting templates', () => {
  for (const [name, template] of Object.entries(BUILT_IN_TEMPLATES)) {
    it(`"${name}" (${template.description}) makes a planned meeting with an agenda, action items and a private section`, () => {
      const text = renderTemplate(template.text, { person: 'Alex Kim', date: '2026-12-08', personSlug: 'alex-kim' });
      assert.ok(text.includes('Alex Kim') && text.includes('2026-12-08'), text);
      const index = new JournalIndex();
      index.update('meetings/alex-kim/2026-12-08.md', `${text}\n- [ ] Me: x\n`);
      const entry = index.get('meetings/alex-kim/2026-12-08.md')!;
      assert.strictEqual(entry.status, 'planned');
      assert.deepStrictEqual(entry.problems, []);
      assert.ok(/\n## Agenda\n/.test(text) && /\n## Action items\n/.test(text) && /\n## Private\n/.test(text));
      assert.deepStrictEqual(entry.agenda, [], 'prompts are not talking points');
    });
  }

  it('names a template as a file name allows; a path or a strange name is none', () => {
    assert.strictEqual(templateName('Skip Level'), 'skip-level');
    assert.strictEqual(templateName('first.md'), 'first');
    assert.strictEqual(templateName('../secret'), undefined);
    assert.strictEqual(templateName(''), undefined);
    assert.strictEqual(templateName(3), undefined);
    assert.strictEqual(templatePath('first'), 'templates/first.md');
  });
});
