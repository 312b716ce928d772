import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, closeAllEditors, exists, journalUri, readText, waitFor, workspaceRoot } from './helpers';

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  assert.ok(m, `no front matter in:\n${text}`);
  return parse(m[1]!) as Record<string, unknown>;
}

describe('commands with an arguments object', () => {
  afterEach(closeAllEditors);

  it('initJournal creates the folder, README, template and first person in a new journal folder', async () => {
    const { services } = await api();
    const config = vscode.workspace.getConfiguration('oneOnOne');
    await config.update('journalFolder', 'fresh-journal', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => services.store.state.kind === 'missing', 'the store to see the missing folder');
      const root = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.initJournal', {
        name: 'Sam Lee',
        role: 'manager',
      });
      assert.ok(root);
      const base = vscode.Uri.joinPath(workspaceRoot(), 'fresh-journal');
      assert.strictEqual(root.toString(), base.toString());
      for (const f of ['README.md', 'templates/meeting.md', 'people/sam-lee.md']) {
        assert.ok(await exists(vscode.Uri.joinPath(base, ...f.split('/'))), `${f} was not created`);
      }
      const person = await readText(vscode.Uri.joinPath(base, 'people', 'sam-lee.md'));
      assert.deepStrictEqual(frontMatter(person), { name: 'Sam Lee', role: 'manager' });
      await waitFor(
        () => services.store.state.kind === 'ready' && services.store.index.findPerson('Sam Lee'),
        'the new journal to load',
      );
      // running it again changes nothing
      const before = await readText(vscode.Uri.joinPath(base, 'templates', 'meeting.md'));
      await vscode.commands.executeCommand('oneOnOne.initJournal');
      assert.strictEqual(await readText(vscode.Uri.joinPath(base, 'templates', 'meeting.md')), before);
      await vscode.workspace.fs.delete(base, { recursive: true });
    } finally {
      await config.update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => services.store.state.kind === 'ready' && services.store.index.findPerson('alex-kim'),
        'the sample journal to load again',
      );
    }
  });

  it('addPerson writes a person file whose front matter survives awkward names', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addPerson', {
      name: 'José "JJ": Ünal',
      role: 'skip-level',
      cadence: 'monthly',
    });
    assert.ok(uri);
    assert.ok(uri.path.endsWith('/people/jose-jj-unal.md'), uri.path);
    assert.deepStrictEqual(frontMatter(await readText(uri)), {
      name: 'José "JJ": Ünal',
      role: 'skip-level',
      cadence: 'monthly',
    });
    const { services } = await api();
    assert.strictEqual(services.store.index.findPerson('josé "jj": ünal')?.slug, 'jose-jj-unal');
  });

  it('addPerson refuses bad input and writes nothing', async () => {
    const before = (await vscode.workspace.fs.readDirectory(journalUri('people'))).length;
    assert.strictEqual(await vscode.commands.executeCommand('oneOnOne.addPerson', { name: '../..' }), undefined);
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.addPerson', { name: 'Kim', role: 'boss' }),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.addPerson', { name: 'Alex Kim' }),
      undefined,
      'an existing person',
    );
    assert.strictEqual((await vscode.workspace.fs.readDirectory(journalUri('people'))).length, before);
  });

  it('a name with path characters becomes a safe file name inside the journal', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addPerson', { name: '../../etc/passwd' });
    assert.ok(uri);
    assert.strictEqual(uri.toString(), journalUri('people', 'etc-passwd.md').toString());
    await vscode.workspace.fs.delete(uri);
  });

  it('newMeeting creates the meeting from the journal template, by slug or display name, and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', {
      person: 'Priya Nair',
      date: '2027-03-09',
    });
    assert.ok(uri);
    assert.strictEqual(uri.toString(), journalUri('meetings', 'priya-nair', '2027-03-09.md').toString());
    const text = await readText(uri);
    assert.deepStrictEqual(frontMatter(text), { date: '2027-03-09', status: 'planned' });
    assert.match(text, /^# 1:1 with Priya Nair — 2027-03-09$/m);
    assert.match(text, /^## Agenda$/m);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    // a second call opens the same file and does not overwrite it
    const again = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', {
      person: 'priya-nair',
      date: '2027-03-09',
    });
    assert.strictEqual(again?.toString(), uri.toString());
    assert.strictEqual(await readText(uri), text);
  });

  it('newMeeting refuses an unknown person or an impossible date', async () => {
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.newMeeting', { person: 'nobody', date: '2027-01-01' }),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.newMeeting', { person: 'alex-kim', date: '2027-02-30' }),
      undefined,
    );
    assert.strictEqual(await exists(journalUri('meetings', 'alex-kim', '2027-02-30.md')), false);
  });

  it('openNextAgenda opens the next meeting with a person', async () => {
    const { services } = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.openNextAgenda', { person: 'alex-kim' });
    assert.ok(uri);
    const next = services.store.index.nextMeeting('alex-kim', services.today());
    assert.ok(next);
    assert.strictEqual(uri.toString(), services.store.uriOf(next.path).toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('newGoal and newFeedbackThread create files with their status, and never clash', async () => {
    const goal = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newGoal', {
      title: 'Lead a design review end to end',
    });
    assert.ok(goal);
    assert.ok(goal.path.endsWith('/goals/lead-a-design-review-end-to-end.md'), goal.path);
    const second = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newGoal', {
      title: 'Lead a design review end to end',
    });
    assert.ok(second?.path.endsWith('/goals/lead-a-design-review-end-to-end-2.md'), second?.path);
    assert.strictEqual(frontMatter(await readText(goal)).status, 'active');
    const thread = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newFeedbackThread', {
      title: 'Talk less in reviews',
      from: 'alex-kim',
    });
    assert.ok(thread);
    const fm = frontMatter(await readText(thread));
    assert.strictEqual(fm.status, 'received');
    assert.strictEqual(fm.from, 'Alex Kim');
    const { trees } = await api();
    await waitFor(async () => {
      const groups = await trees!.feedback.getChildren();
      return groups.some((g) => g.type === 'group' && g.status === 'received');
    }, 'the Received group to show');
  });
});
