// Meeting templates in a real VS Code: a person's `template:` chooses the
// template of their new meetings, New Meeting's `template` one meeting's, the
// journal's own templates/<name>.md wins over the built-in one, and Add
// Meeting Templates writes the built-in ones that are missing, never over the
// user's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, exists, journalUri, readText, waitFor, writeText } from './helpers';

describe('meeting templates', () => {
  const person = journalUri('people', 'tess-template.md');
  const mentoring = journalUri('templates', 'mentoring.md');
  const added: vscode.Uri[] = [];

  before(async () => {
    const { services } = await api();
    await writeText(person, '---\nname: Tess Template\nrole: skip-level\ntemplate: skip-level\n---\n');
    await waitFor(() => services.store.index.findPerson('tess-template'), 'Tess to be indexed');
  });

  after(async () => {
    await closeAllEditors();
    for (const uri of [person, mentoring, ...added, journalUri('meetings', 'tess-template')])
      await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  const create = (args: object): Thenable<vscode.Uri | undefined> =>
    vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.newMeeting', { person: 'tess-template', ...args });

  it('a person’s template: chooses their meetings’ template; template: chooses one meeting’s', async () => {
    const skip = await create({ date: '2027-01-05' });
    assert.match(await readText(skip!), /^# Skip-level with Tess Template — 2027-01-05$/m);
    const first = await create({ date: '2027-01-12', template: 'first' });
    assert.match(await readText(first!), /^# First 1:1 with Tess Template — 2027-01-12$/m);
  });

  it('the journal’s own templates/<name>.md wins over the built-in one of that name', async () => {
    await writeText(
      mentoring,
      '---\ndate: {{date}}\nstatus: planned\n---\n\n# My mentoring page, {{person}}\n\n## Agenda\n',
    );
    const uri = await create({ date: '2027-01-19', template: 'mentoring' });
    assert.match(await readText(uri!), /^# My mentoring page, Tess Template$/m);
  });

  it('refuses a template nobody has, and creates nothing', async () => {
    const shown: string[] = [];
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window['showErrorMessage'];
    window['showErrorMessage'] = (m: string) => (shown.push(m), Promise.resolve(undefined));
    try {
      assert.strictEqual(await create({ date: '2027-01-26', template: 'pirate' }), undefined);
    } finally {
      window['showErrorMessage'] = original;
    }
    assert.match(shown[0] ?? '', /"template" must name templates\/<name>\.md/);
    assert.ok(!(await exists(journalUri('meetings', 'tess-template', '2027-01-26.md'))));
  });

  it('Add Meeting Templates writes the missing built-in ones, and never over the user’s', async () => {
    const before = await readText(mentoring);
    const paths = await vscode.commands.executeCommand<string[]>('oneOnOne.addTemplates');
    assert.ok(paths, 'it ran');
    for (const p of paths) if (p !== 'templates/meeting.md') added.push(journalUri(...p.split('/')));
    assert.ok(!paths.includes('templates/mentoring.md'), paths.join(', '));
    for (const name of ['first', 'skip-level', 'report'])
      assert.ok(await exists(journalUri('templates', `${name}.md`)), `templates/${name}.md`);
    assert.strictEqual(await readText(mentoring), before);
    assert.deepStrictEqual(await vscode.commands.executeCommand<string[]>('oneOnOne.addTemplates'), []);
  });
});
