import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, isoDaysFromToday, journalUri, readText, rows, waitFor, writeText } from './helpers';

/** A person of our own, so these tests control which meeting is "next". */
async function freshPerson(slug: string, name: string): Promise<void> {
  const { services } = await api();
  await writeText(journalUri('people', `${slug}.md`), `---\nname: ${name}\nrole: peer\ncadence: weekly\n---\n`);
  await waitFor(() => services.store.index.findPerson(slug), `${name} to be indexed`);
}

describe('capture: talking points', () => {
  afterEach(closeAllEditors);

  it('creates the next meeting from the template when there is none, and adds the point to its agenda', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTalkingPoint', {
      text: 'Should we split the billing service?',
      person: 'Casey Wu',
      theme: 'alignment',
    });
    assert.ok(uri);
    assert.strictEqual(uri.toString(), journalUri('meetings', 'casey-wu', `${isoDaysFromToday(0)}.md`).toString());
    const text = await readText(uri);
    assert.match(text, /## Agenda\n\n- \[ \] Should we split the billing service\? #alignment\n\n## Wins/);
    const { trees } = await api();
    const casey = (await rows(trees!.meetings)).find((r) => r.label === 'Casey Wu')!;
    const meetings = await rows(trees!.meetings, casey.node);
    assert.strictEqual(meetings.length, 1);
    assert.match(meetings[0]!.description, /^next/);
  });

  it('adds after the existing points, with the source and the text fenced safely', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const code = 'const md = "```js";\nconst more = "````";';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTalkingPoint', {
      text: code,
      person: 'casey-wu',
      theme: 'question',
      summary: 'Is this escaping right?',
      source: { label: 'src/md.ts:3-4', url: 'https://github.com/acme/app/blob/abc1234/src/md.ts#L3-L4' },
      language: 'typescript',
    });
    assert.ok(uri);
    const text = await readText(uri);
    const expected = [
      '- [ ] Should we split the billing service? #alignment',
      '- [ ] Is this escaping right? #question',
      '  Source: [src/md.ts:3-4](https://github.com/acme/app/blob/abc1234/src/md.ts#L3-L4)',
      '  `````typescript',
      '  const md = "```js";',
      '  const more = "````";',
      '  `````',
      '',
      '## Wins',
    ].join('\n');
    assert.ok(text.includes(expected), text);
    const { services } = await api();
    const entry = services.store.index.get(services.store.pathOf(uri)!);
    assert.deepStrictEqual(
      entry?.agenda.map((a) => a.text),
      ['Should we split the billing service? #alignment', 'Is this escaping right? #question'],
    );
  });

  it('takes the editor selection, with its workspace-relative path and lines', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const notes = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'scratch.txt');
    await writeText(notes, 'line one\nThe review said my PR was too big.\nline three\n');
    const editor = await vscode.window.showTextDocument(notes);
    editor.selection = new vscode.Selection(1, 0, 2, 0);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTalkingPoint', {
      person: 'casey-wu',
      theme: 'feedback',
    });
    assert.ok(uri);
    const text = await readText(uri);
    assert.ok(text.includes('- [ ] The review said my PR was too big. #feedback\n  Source: `scratch.txt:2`\n'), text);
  });

  it('jotTopic takes the theme from a typed tag', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.jotTopic', {
      text: 'What does senior look like here? #growth',
      person: 'casey-wu',
    });
    assert.ok(uri);
    assert.ok((await readText(uri)).includes('- [ ] What does senior look like here? #growth\n'));
  });

  it('goes into an open meeting with unsaved changes; undo takes it out again', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const { services } = await api();
    const next = services.store.index.nextMeeting('casey-wu', services.today())!;
    const uri = services.store.uriOf(next.path);
    const editor = await vscode.window.showTextDocument(uri);
    const lastLine = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(lastLine, 0), 'my unsaved private note\n'));
    const before = editor.document.getText();
    const onDisk = await readText(uri);
    await vscode.commands.executeCommand('oneOnOne.jotTopic', {
      text: 'Raise the on-call load',
      person: 'casey-wu',
      theme: 'blocker',
    });
    const after = editor.document.getText();
    assert.ok(after.includes('- [ ] Raise the on-call load #blocker\n'));
    assert.ok(after.includes('my unsaved private note'));
    assert.ok(editor.document.isDirty);
    assert.strictEqual(await readText(uri), onDisk, 'nothing saved behind the user');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('recreates a deleted Agenda section above the notes, never inside a code block', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const { services } = await api();
    const next = services.store.index.nextMeeting('casey-wu', services.today())!;
    const uri = services.store.uriOf(next.path);
    await writeText(uri, '---\ndate: x\n---\n# 1:1\n\n```md\n## Agenda\n```\n\n## Notes\n\nkept\n');
    await waitFor(() => services.store.index.get(next.path)?.agenda.length === 0, 'the edited meeting to be re-read');
    await vscode.commands.executeCommand('oneOnOne.jotTopic', { text: 'Topic', person: 'casey-wu', theme: 'other' });
    assert.strictEqual(
      await readText(uri),
      '---\ndate: x\n---\n# 1:1\n\n```md\n## Agenda\n```\n\n## Agenda\n\n- [ ] Topic #other\n\n## Notes\n\nkept\n',
    );
  });

  it('adds to the agenda above a code fence still being typed at the end of the notes (it stays open, below)', async () => {
    await freshPerson('casey-wu', 'Casey Wu');
    const { services } = await api();
    const next = services.store.index.nextMeeting('casey-wu', services.today())!;
    const uri = services.store.uriOf(next.path);
    // CommonMark spec examples of fences that never close, after the meeting's sections.
    for (const tail of ['`````\n\n```\naaa\n', '~~~~~~\naaa\n~~~ ~~\n']) {
      const head = '---\ndate: x\n---\n# 1:1\n\n## Agenda\n\n- [ ] First\n\n## Notes\n\n';
      await writeText(uri, head + tail);
      await waitFor(() => services.store.index.get(next.path)?.agenda.length === 1, 'the edited meeting to be re-read');
      const written = await vscode.commands.executeCommand('oneOnOne.jotTopic', {
        text: 'Below the fence',
        person: 'casey-wu',
        theme: 'other',
      });
      assert.ok(written, `jotTopic wrote nothing for ${JSON.stringify(tail)}`);
      assert.strictEqual(
        await readText(uri),
        head.replace('- [ ] First\n', '- [ ] First\n- [ ] Below the fence #other\n') + tail,
      );
    }
  });

  it('refuses an unknown theme and writes nothing', async () => {
    const { services } = await api();
    const next = services.store.index.nextMeeting('casey-wu', services.today())!;
    const before = await readText(services.store.uriOf(next.path));
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.jotTopic', { text: 'x', person: 'casey-wu', theme: 'gossip' }),
      undefined,
    );
    assert.strictEqual(await readText(services.store.uriOf(next.path)), before);
  });
});

describe('capture: the prompts of a selection', () => {
  afterEach(closeAllEditors);

  it('start the theme at "No theme", then at the last one picked for that person; suggest a summary that reads as a sentence; confirm with Open Agenda', async function () {
    this.timeout(60_000);
    await freshPerson('drew-lane', 'Drew Lane');
    const code = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'budget.ts');
    await writeText(code, '// retries\nexport function retryBudget(max: number) {\n  return max;\n}\n');
    const editor = await vscode.window.showTextDocument(code);
    editor.selection = new vscode.Selection(1, 0, 3, 1);

    const window = vscode.window as unknown as Record<string, unknown>;
    const originals = ['showQuickPick', 'createQuickPick', 'showInputBox', 'showInformationMessage'].map(
      (name) => [name, window[name]] as const,
    );
    const createQuickPick = window['createQuickPick'] as () => vscode.QuickPick<vscode.QuickPickItem>;
    const themePicks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
    const suggested: (string | undefined)[] = [];
    const confirmations: { text: string; buttons: unknown[] }[] = [];
    let openAgenda = false;
    window['showQuickPick'] = async (items: unknown) =>
      ((await Promise.resolve(items)) as vscode.QuickPickItem[]).find((i) => i.label === 'Drew Lane');
    window['createQuickPick'] = () => {
      const qp = createQuickPick.call(vscode.window);
      themePicks.push(qp);
      return qp;
    };
    window['showInputBox'] = async (options: vscode.InputBoxOptions) => {
      suggested.push(options.value);
      return options.value;
    };
    // Only capture's own confirmations: a reminder or nudge of the journal may show meanwhile.
    window['showInformationMessage'] = async (text: string, ...buttons: unknown[]) => {
      if (!text.startsWith('Talking point added')) return undefined;
      confirmations.push({ text, buttons });
      return openAgenda ? 'Open Agenda' : undefined;
    };
    const capture = async (pick: (qp: vscode.QuickPick<vscode.QuickPickItem>) => Promise<void>): Promise<string> => {
      const from = themePicks.length;
      const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTalkingPoint'));
      const qp = await waitFor(() => themePicks[from], 'the theme pick');
      await waitFor(() => qp.items.length > 0, 'the themes');
      await pick(qp);
      const uri = await running;
      assert.ok(uri);
      return readText(uri);
    };
    const accept = async (qp: vscode.QuickPick<vscode.QuickPickItem>, label: string): Promise<void> => {
      let hidden = false;
      qp.onDidHide(() => (hidden = true));
      await waitFor(
        async () => {
          if (qp.activeItems[0]?.label !== label)
            await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
          else if (!hidden) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          await new Promise((r) => setTimeout(r, 150));
          return hidden;
        },
        `"${label}" to be chosen`,
        15_000,
      );
    };
    try {
      let active = '';
      let text = await capture(async (qp) => {
        assert.strictEqual(qp.items[0]?.label, 'No theme');
        active = qp.activeItems[0]?.label ?? '';
        await accept(qp, 'Feedback');
      });
      assert.strictEqual(active, 'No theme', 'a first capture for Drew starts at no theme');
      assert.deepStrictEqual(suggested, ['Discuss `retryBudget` in budget.ts']);
      assert.ok(text.includes('- [ ] Discuss `retryBudget` in budget.ts #feedback\n  Source: `budget.ts:2-4`\n'), text);
      await waitFor(() => confirmations.length === 1, 'the confirmation');
      assert.match(confirmations[0]!.text, /^Talking point added to your 1:1 with Drew Lane on \d{4}-\d{2}-\d{2}\.$/);
      assert.deepStrictEqual(confirmations[0]!.buttons, ['Open Agenda']);

      await closeAllEditors();
      await vscode.window.showTextDocument(code).then((e) => (e.selection = new vscode.Selection(1, 0, 3, 1)));
      openAgenda = true;
      text = await capture(async (qp) => {
        active = qp.activeItems[0]?.label ?? '';
        await accept(qp, 'No theme');
      });
      assert.strictEqual(active, 'Feedback', 'the next capture for Drew starts at the theme picked last');
      assert.strictEqual(
        text.split('Discuss `retryBudget` in budget.ts\n').length,
        2,
        'the untagged point is there once',
      );
      // "Open Agenda" on the confirmation opens the meeting.
      await waitFor(
        () => vscode.window.activeTextEditor?.document.uri.path.includes('/meetings/drew-lane/'),
        'Open Agenda to open the meeting',
      );
    } finally {
      for (const [name, original] of originals) window[name] = original;
    }
  });
});
