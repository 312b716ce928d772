// Path safety in VS Code: the real commands, called with hostile arguments the
// way another extension or a keybinding could call them, never write outside
// the journal folder, and say why when they refuse. The file system around the
// workspace is listed before and after each test: nothing may appear there.
// The core rules are property-tested in test/unit/path-safety.test.ts.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { addListItem } from '../../src/core/edits';
import { api, closeAllEditors, exists, journalUri, readBytes, waitFor, workspaceRoot } from './helpers';
import { MessageSpy } from './message-spy';

const ID = `escape-${process.pid}-${Date.now().toString(36)}`;

/** Every file and folder under `dir`, as paths relative to it (links not followed), but `skip` and VS Code's own `.vscode`. */
function listTree(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(at, e.name);
      if (full === skip || e.name === '.vscode') continue;
      out.push(path.relative(dir, full));
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

describe('path safety: hostile names never write outside the journal', () => {
  const messages = new MessageSpy();
  const workspace = (): string => workspaceRoot().fsPath;
  const journal = (): string => path.join(workspace(), 'one-on-ones');
  /** The temporary folder the test workspace was copied into: everything in it but the journal must stay as it was. */
  const around = (): string => path.dirname(workspace());
  let treeBefore: string[] = [];
  let tmpBefore: string[] = [];
  const outside = (): string => path.join(around(), `outside-${ID}`);

  before(async () => {
    await api();
    fs.mkdirSync(outside(), { recursive: true });
    fs.writeFileSync(path.join(outside(), 'secret.md'), '# Outside the journal\n\nSECRET-TEMPLATE\n');
    messages.install();
  });

  after(() => {
    messages.restore();
    fs.rmSync(outside(), { recursive: true, force: true });
  });

  beforeEach(() => {
    treeBefore = listTree(around(), journal());
    tmpBefore = fs.readdirSync(path.dirname(around())).filter((n) => n.includes(ID));
  });

  afterEach(async () => {
    await closeAllEditors();
    // Nothing new beside the journal: not in the workspace, not next to it, not in the temp folder or at /.
    assert.deepStrictEqual(listTree(around(), journal()), treeBefore, 'files appeared outside the journal folder');
    assert.deepStrictEqual(
      fs.readdirSync(path.dirname(around())).filter((n) => n.includes(ID)),
      tmpBefore,
      'a file appeared in the temp folder',
    );
    assert.deepStrictEqual(
      fs.readdirSync('/').filter((n) => n.includes(ID)),
      [],
      'a file appeared at /',
    );
  });

  /** Removes what a test created inside the journal. */
  async function remove(...uris: (vscode.Uri | undefined)[]): Promise<void> {
    for (const uri of uris) if (uri && (await exists(uri))) await vscode.workspace.fs.delete(uri, { recursive: true });
  }

  function assertInsideJournal(uri: vscode.Uri, folder: string): void {
    const base = journalUri(folder).path + '/';
    assert.ok(uri.path.startsWith(base), `${uri.path} is not in ${base}`);
    const name = uri.path.slice(base.length);
    assert.ok(/^[\p{L}\p{N}\p{M}-]+(?:-\d+)?\.md$/u.test(name), `not a plain slug: ${name}`);
  }

  const HOSTILE_NAMES = [
    `../../${ID}`,
    `..\\..\\${ID}`,
    `/tmp/${ID}`,
    `C:\\${ID}`,
    `．．／．．／${ID}`,
    `‥/${ID}`,
    `\u202e${ID}`,
    `${ID}\u0000.md`,
    'CON',
    'nul.txt',
    'COM1',
    'lpt9.md',
    'trailing.',
    'x'.repeat(5000),
  ];

  it('addPerson, newGoal and newFeedbackThread turn any name into a plain file name inside the journal', async () => {
    const made: vscode.Uri[] = [];
    try {
      for (const name of HOSTILE_NAMES) {
        // Several names share a slug (../../x and ..\..\x): each starts from a journal without the last one's files.
        await remove(...made.splice(0));
        const person = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.addPerson', { name });
        assert.ok(person, `addPerson ${JSON.stringify(name.slice(0, 40))} wrote nothing`);
        assertInsideJournal(person, 'people');
        made.push(person);
        const goal = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.newGoal', { title: name });
        assert.ok(goal, `newGoal ${JSON.stringify(name.slice(0, 40))} wrote nothing`);
        assertInsideJournal(goal, 'goals');
        made.push(goal);
        const thread = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.newFeedbackThread', {
          title: name,
        });
        assert.ok(thread, `newFeedbackThread ${JSON.stringify(name.slice(0, 40))} wrote nothing`);
        assertInsideJournal(thread, 'feedback');
        made.push(thread);
        const names = made.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1));
        for (const reserved of ['con.md', 'nul.md', 'com1.md', 'lpt9.md'])
          assert.ok(!names.includes(reserved), `${reserved} was created`);
      }
    } finally {
      await remove(...made);
    }
  });

  it('names with nothing usable in them are refused with a message, and nothing is written', async () => {
    const journalBefore = listTree(journal(), '');
    for (const name of ['..', '/', '\\', '\u0000', '．．', '🎉']) {
      const n = messages.shown.length;
      assert.strictEqual(await vscode.commands.executeCommand('oneOnOne.addPerson', { name }), undefined);
      assert.strictEqual(await vscode.commands.executeCommand('oneOnOne.newGoal', { title: name }), undefined);
      assert.strictEqual(
        await vscode.commands.executeCommand('oneOnOne.newFeedbackThread', { title: name }),
        undefined,
      );
      const errors = messages.errorsSince(n);
      assert.strictEqual(errors.length, 3, `${JSON.stringify(name)}: ${errors.join(' | ')}`);
      for (const e of errors) assert.match(e, /at least one letter or digit/);
    }
    assert.deepStrictEqual(listTree(journal(), ''), journalBefore);
  });

  it('commands that look up a person, goal, thread or date by name refuse hostile ones with a message', async () => {
    const journalBefore = listTree(journal(), '');
    const calls: [string, Record<string, unknown>, RegExp][] = [
      ['oneOnOne.newMeeting', { person: '../../etc' }, /No person "\.\.\/\.\.\/etc"/],
      ['oneOnOne.newMeeting', { person: '/etc/passwd' }, /No person/],
      ['oneOnOne.newMeeting', { person: 'alex-kim', date: `../../${ID}` }, /"date" must be a date/],
      ['oneOnOne.newMeeting', { person: 'alex-kim', date: '2026-01-01/../../x' }, /"date" must be a date/],
      ['oneOnOne.jotTopic', { person: '../people/alex-kim', text: 'x' }, /No person/],
      ['oneOnOne.setGoalStatus', { goal: '/etc/passwd', status: 'achieved' }, /No goal "\/etc\/passwd"/],
      ['oneOnOne.setGoalStatus', { goal: '../people/alex-kim.md', status: 'achieved' }, /No goal/],
      ['oneOnOne.logGoalProgress', { goal: 'C:\\Windows\\win.ini', text: 'x' }, /No goal/],
      ['oneOnOne.setFeedbackStatus', { thread: '../../etc/passwd', status: 'closed' }, /No feedback thread/],
      ['oneOnOne.generateReview', { from: `../${ID}`, to: '2026-12-31' }, /"from" and "to" must be dates/],
      ['oneOnOne.generateReview', { from: '2026-01-01', to: '2026-12-31', person: '../../x' }, /No person/],
      [
        'oneOnOne.linkPullRequest',
        { person: 'alex-kim', goal: '/etc/passwd', url: 'https://github.com/o/r/pull/1' },
        /No goal/,
      ],
    ];
    for (const [command, args, expected] of calls) {
      const n = messages.shown.length;
      assert.strictEqual(
        await vscode.commands.executeCommand(command, args),
        undefined,
        `${command} ${JSON.stringify(args)}`,
      );
      const errors = messages.errorsSince(n);
      assert.ok(
        errors.some((e) => expected.test(e)),
        `${command} ${JSON.stringify(args)}: ${JSON.stringify(errors)}`,
      );
    }
    assert.deepStrictEqual(listTree(journal(), ''), journalBefore);
  });

  it('a forged tree row (a talking point with a path out of the journal) is refused by the writer, naming the path', async () => {
    for (const forged of [
      `../../${ID}.md`,
      `/tmp/${ID}.md`,
      `people/../../${ID}.md`,
      `C:\\${ID}.md`,
      `meetings/alex-kim/${ID}\u0000.md`,
    ]) {
      const n = messages.shown.length;
      const node = { type: 'point', id: `point/${forged}`, path: forged, person: 'alex-kim', line: 0, text: 'x' };
      assert.strictEqual(await vscode.commands.executeCommand('oneOnOne.markDiscussed', node), undefined);
      const errors = messages.errorsSince(n);
      assert.strictEqual(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0]!, /^Refused to write ".*": the path .*(could lead outside the journal folder)/);
      assert.ok(errors[0]!.includes(JSON.stringify(forged).slice(1, 30)), `the message names the path: ${errors[0]}`);
    }
  });

  it('the writer refuses every escaping or non-portable path, before touching the disk', async () => {
    const { services } = await api();
    const escaping = [
      `../${ID}.md`,
      `../../${ID}.md`,
      `/tmp/${ID}.md`,
      `//server/${ID}.md`,
      `C:/${ID}.md`,
      `c:${ID}.md`,
      `people\\..\\..\\${ID}.md`,
      `people/../../${ID}.md`,
      `./${ID}.md`,
      `people//${ID}.md`,
      `people/${ID}\u0000.md`,
      `．．/${ID}.md`,
      `people/\uD800${ID}.md`,
    ];
    for (const p of escaping) {
      for (const result of [
        await services.writer.create([{ path: p, contents: 'x' }], 'test'),
        await services.writer.edit(
          p,
          (doc) => addListItem(doc, { heading: 'Agenda', createAt: 'start' }, { text: 'x' }),
          'test',
        ),
      ]) {
        assert.strictEqual(result.ok, false, p);
        assert.match(!result.ok ? result.reason : '', /could lead outside the journal folder/, p);
      }
    }
    const nonPortable: [string, RegExp][] = [
      ['people/con.md', /reserved device name/],
      ['people/NUL.txt.md', /reserved device name/],
      ['people/com1.md', /reserved device name/],
      ['people/a:b.md', /contains :/],
      ['people/space.md ', /ends with a dot or a space/],
      ['people/dot.md.', /ends with a dot or a space/],
      ['people/.hidden.md', /starts with a dot/],
      [`people/${'x'.repeat(300)}.md`, /longer than/],
      [`new-folder./${ID}.md`, /ends with a dot/],
    ];
    for (const [p, why] of nonPortable) {
      const result = await services.writer.create([{ path: p, contents: 'x' }], 'test');
      assert.strictEqual(result.ok, false, p);
      assert.match(!result.ok ? result.reason : '', /^Refused to create "/, p);
      assert.match(!result.ok ? result.reason : '', why, p);
      assert.strictEqual(await exists(vscode.Uri.joinPath(journalUri(), ...p.split('/'))), false, `${p} was created`);
    }
  });

  it('never writes through a symbolic link: a linked meeting folder, a linked file, a link loop', async function () {
    const { services } = await api();
    const linkedFolder = path.join(journal(), 'meetings', 'sam-linked');
    const linkedFile = path.join(journal(), 'goals', 'linked-goal.md');
    const loop = path.join(journal(), 'meetings', 'loop-person');
    const people = ['sam-linked', 'loop-person'].map((slug) => journalUri('people', `${slug}.md`));
    try {
      fs.symlinkSync(outside(), linkedFolder, 'dir');
      fs.symlinkSync(path.join(outside(), 'secret.md'), linkedFile, 'file');
      fs.symlinkSync(loop, loop);
      for (const uri of people)
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nrole: peer\ncadence: weekly\n---\n'));
      await waitFor(
        () => services.store.index.findPerson('sam-linked') && services.store.index.findPerson('loop-person'),
        'the two people to be indexed',
      );
      const outsideBefore = listTree(outside(), '');
      const secretBefore = fs.readFileSync(path.join(outside(), 'secret.md'));

      let n = messages.shown.length;
      assert.strictEqual(
        await vscode.commands.executeCommand('oneOnOne.newMeeting', { person: 'sam-linked', date: '2031-01-07' }),
        undefined,
      );
      let errors = messages.errorsSince(n);
      assert.ok(
        errors.some((e) =>
          /"meetings\/sam-linked" is a symbolic link.*Replace the link with the folder itself/.test(e),
        ),
        JSON.stringify(errors),
      );

      n = messages.shown.length;
      assert.strictEqual(
        await vscode.commands.executeCommand('oneOnOne.newMeeting', { person: 'loop-person', date: '2031-01-07' }),
        undefined,
      );
      errors = messages.errorsSince(n);
      assert.ok(
        errors.some((e) => /"meetings\/loop-person"/.test(e) && /Nothing was written/.test(e)),
        JSON.stringify(errors),
      );

      const edit = await services.writer.edit(
        'goals/linked-goal.md',
        (doc) => addListItem(doc, { heading: 'Progress', createAt: 'end' }, { text: 'x' }),
        'test',
      );
      assert.strictEqual(edit.ok, false);
      assert.match(!edit.ok ? edit.reason : '', /"goals\/linked-goal\.md" is a symbolic link/);
      const created = await services.writer.create(
        [{ path: 'meetings/sam-linked/2031-01-14.md', contents: 'x' }],
        'test',
      );
      assert.strictEqual(created.ok, false);

      assert.deepStrictEqual(listTree(outside(), ''), outsideBefore, 'nothing was written through the folder link');
      assert.deepStrictEqual(
        fs.readFileSync(path.join(outside(), 'secret.md')),
        secretBefore,
        'the linked file is unchanged',
      );
    } finally {
      for (const p of [linkedFolder, linkedFile, loop]) fs.rmSync(p, { force: true });
      await remove(...people);
    }
  });

  it('a linked meeting template is not copied into a new meeting: the built-in template is used', async () => {
    const { services } = await api();
    const template = path.join(journal(), 'templates', 'meeting.md');
    const kept = `${template}.kept-${ID}`;
    fs.renameSync(template, kept);
    let meeting: vscode.Uri | undefined;
    try {
      fs.symlinkSync(path.join(outside(), 'secret.md'), template, 'file');
      meeting = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', {
        person: 'alex-kim',
        date: '2031-02-04',
      });
      assert.ok(meeting);
      const text = new TextDecoder().decode(await readBytes(meeting));
      assert.ok(!text.includes('SECRET-TEMPLATE'), 'the outside file was copied into the journal');
      assert.match(text, /## Agenda/);
      assert.ok(services.store.index.get('meetings/alex-kim/2031-02-04.md') || (await exists(meeting)));
    } finally {
      fs.rmSync(template, { force: true });
      fs.renameSync(kept, template);
      await remove(meeting);
    }
  });

  it('the journalFolder setting cannot put the journal outside the workspace', async () => {
    const { services } = await api();
    const config = vscode.workspace.getConfiguration('oneOnOne');
    const made: vscode.Uri[] = [];
    try {
      for (const setting of [`../${ID}-a`, `../../${ID}-b`, `/tmp/${ID}-c`, `..\\${ID}-d`]) {
        await config.update('journalFolder', setting, vscode.ConfigurationTarget.Workspace);
        await waitFor(() => services.store.state.kind !== 'ready', `the store to follow the setting ${setting}`);
        const root = services.store.root;
        if (root)
          assert.ok(
            root.path.startsWith(workspaceRoot().path + '/'),
            `${setting} → ${root.path}, outside the workspace`,
          );
        const n = messages.shown.length;
        const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.initJournal', {
          name: 'Sam Lee',
        });
        // Either refused with a message, or made inside the workspace.
        if (result) {
          assert.ok(result.path.startsWith(workspaceRoot().path + '/'), result.path);
          const top = result.path.slice(workspaceRoot().path.length + 1).split('/')[0]!;
          made.push(vscode.Uri.joinPath(workspaceRoot(), top));
        } else {
          assert.ok(messages.errorsSince(n).length > 0, 'refused without a message');
        }
      }
    } finally {
      await config.update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => services.store.state.kind === 'ready' && services.store.index.findPerson('alex-kim'),
        'the sample journal to load again',
      );
      await remove(...made);
    }
  });
});
