import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, journalUri, readText, rows, waitFor } from './helpers';
import { MessageSpy } from './message-spy';

describe('extension', () => {
  it('is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('activates without the code of its command-only features; a first command loads its bundle, once', async () => {
    const { perf } = await api();
    assert.deepStrictEqual(perf.activation.bundles, [], 'no bundle is read before activate() returns');
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'oneOnOne.generateReview',
      'oneOnOne.search',
      'oneOnOne.showBalance',
      'oneOnOne.jotTopic',
      'oneOnOne.importInvite',
      'oneOnOne.linkPullRequest',
      'oneOnOne.initJournal',
      'oneOnOne.newGoal',
      'oneOnOne.setFeedbackStatus',
    ])
      assert.ok(commands.includes(id), `${id} is registered at activation`);
    // A review packet with a bad range: the command's own refusal, from its bundle.
    const refused = await vscode.commands.executeCommand('oneOnOne.generateReview', { from: 'soon', to: 'later' });
    assert.strictEqual(refused, undefined);
    assert.ok(perf.loadedBundles().includes('review.js'), `review.js loaded: ${perf.loadedBundles().join(', ')}`);
    const again = perf.loadedBundles().length;
    await vscode.commands.executeCommand('oneOnOne.generateReview', { from: 'soon', to: 'later' });
    assert.strictEqual(perf.loadedBundles().length, again, 'a second call loads nothing more');
  });

  it('says so when a command cannot load its bundle, and loads it at the next call once it is there', async () => {
    const { perf } = await api();
    const bundle = vscode.Uri.joinPath(
      vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri,
      'dist',
      'evidence.js',
    );
    const aside = bundle.with({ path: `${bundle.path}.aside` });
    assert.ok(!perf.loadedBundles().includes('evidence.js'), 'evidence.js is not loaded before its first command');
    const messages = new MessageSpy();
    messages.install();
    await vscode.workspace.fs.rename(bundle, aside);
    try {
      // An address that is not a pull request: the command's own refusal, once its bundle loads.
      await vscode.commands.executeCommand('oneOnOne.openPullRequest', { url: 'not an address' });
      const [missing] = messages.errorsSince(0);
      assert.match(String(missing), /could not be loaded .*evidence\.js.*Reload the window/s);
      assert.ok(!perf.loadedBundles().includes('evidence.js'), 'a failed load is not kept');
    } finally {
      await vscode.workspace.fs.rename(aside, bundle, { overwrite: true });
    }
    try {
      const before = messages.shown.length;
      await vscode.commands.executeCommand('oneOnOne.openPullRequest', { url: 'not an address' });
      assert.deepStrictEqual(messages.errorsSince(before), ['This is not a win that links a pull request.']);
      assert.ok(perf.loadedBundles().includes('evidence.js'), `evidence.js loaded: ${perf.loadedBundles().join(', ')}`);
    } finally {
      messages.restore();
    }
  });

  it('reads rrule for a cadence written as an RRULE: the journal is read in full once it has come', async () => {
    const { perf, services, trees } = await api();
    assert.deepStrictEqual(perf.activation.bundles, [], 'not before activate() returns');
    // Priya Nair meets FREQ=MONTHLY;BYDAY=1TH: her entry waited for rrule, and was read before ready() resolved.
    assert.ok(perf.loadedBundles().includes('rrule.js'), `rrule.js loaded: ${perf.loadedBundles().join(', ')}`);
    const priya = services.store.index.person('priya-nair');
    assert.strictEqual(priya?.schedule?.cadence, 'rrule');
    assert.deepStrictEqual(priya.entry?.problems, []);
    const row = (await rows(trees!.meetings)).find((r) => r.label === 'Priya Nair');
    assert.strictEqual(row?.description, 'mentor · every month on the 1st Thursday at 16:00');
  });

  it('reads yaml only for front matter beyond flat lines: the first such file loads it, and its edits use it', async () => {
    const { perf, services } = await api();
    // The sample journal's front matter is flat, its template's `{{date}}` included.
    assert.ok(!perf.loadedBundles().includes('yaml.js'), `yaml.js loaded: ${perf.loadedBundles().join(', ')}`);
    const path = 'goals/lists-in-front-matter.md';
    const text =
      '---\ntitle: Lists in front matter\nstatus: active\ntags: [growth, design] # two\n---\n\n# Lists in front matter\n';
    const created = await services.writer.create([{ path, contents: text }], 'yaml test');
    assert.ok(created.ok, JSON.stringify(created));
    try {
      const entry = await waitFor(() => services.store.index.get(path), 'the goal, read with yaml');
      assert.deepStrictEqual(entry.data.tags, ['growth', 'design']);
      assert.ok(perf.loadedBundles().includes('yaml.js'), `yaml.js loaded: ${perf.loadedBundles().join(', ')}`);
      await vscode.commands.executeCommand('oneOnOne.setGoalStatus', {
        goal: path,
        status: 'achieved',
        note: 'Shipped',
      });
      assert.ok(perf.loadedBundles().includes('goals-feedback.js'), 'the goal commands are loaded on their first call');
      const after = await readText(journalUri(...path.split('/')));
      assert.ok(
        after.startsWith('---\ntitle: Lists in front matter\nstatus: achieved\ntags: [growth, design] # two\n---\n'),
        after,
      );
      await waitFor(() => services.store.index.get(path)?.data.status === 'achieved', 'the achieved goal');
    } finally {
      await vscode.workspace.fs.delete(journalUri(...path.split('/')));
      await waitFor(() => services.store.index.get(path) === undefined, 'the goal gone');
    }
  });
});
