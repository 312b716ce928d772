import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, exists, isoDaysFromToday, journalUri, readBytes, readText, rows, waitFor, writeText } from './helpers';

describe('sidebar trees', () => {
  it('lists people from the journal, by name, with role and cadence', async () => {
    const { trees } = await api();
    const people = await rows(trees!.meetings);
    const alex = people.find((r) => r.label === 'Alex Kim');
    assert.ok(alex, `Alex Kim not in ${people.map((r) => r.label).join(', ')}`);
    assert.strictEqual(alex.description, 'manager · weekly on Tue at 10:00');
    const priya = people.find((r) => r.label === 'Priya Nair');
    assert.strictEqual(priya?.description, 'mentor · every month on the 1st Thursday at 16:00');
  });

  it("lists a person's meetings, the next one first and marked, with open action items counted", async () => {
    const { trees, services } = await api();
    const date = isoDaysFromToday(3);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.newMeeting', { person: 'alex-kim', date });
    assert.ok(uri);
    const alex = (await rows(trees!.meetings)).find((r) => r.label === 'Alex Kim')!;
    const children = await rows(trees!.meetings, alex.node);
    // Alex's meetings hold wins, so the person's Wins group comes first, then the meetings.
    assert.strictEqual(children[0]!.label, 'Wins');
    assert.strictEqual(children[0]!.description, '3');
    const meetings = children.slice(1);
    const next = services.store.index.nextMeeting('alex-kim', services.today());
    assert.ok(next);
    assert.strictEqual(meetings[0]!.label, next.date);
    assert.match(meetings[0]!.description, /^next/);
    assert.strictEqual(meetings[0]!.icon, 'arrow-circle-right');
    const old = meetings.find((r) => r.label === '2026-11-10');
    assert.ok(old, 'the done meeting of 2026-11-10 is listed');
    assert.strictEqual(old.description, 'done · 1 open');
    // the rest newest first
    const rest = meetings.slice(1).map((r) => r.label);
    assert.deepStrictEqual(rest, [...rest].sort().reverse());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('groups goals and feedback threads by status', async () => {
    const { trees, services } = await api();
    // Staleness and circle-backs depend on the day: look at the sample on a fixed one.
    const realNow = services.clock.now;
    services.clock.now = () => new Date(2026, 10, 21, 12, 0);
    try {
      const goalGroups = await rows(trees!.goals);
      assert.deepStrictEqual(
        goalGroups.slice(0, 2).map((r) => r.label),
        ['Active', 'Achieved'],
      );
      const active = await rows(trees!.goals, goalGroups[0]!.node);
      const lead = active.find(
        (r) => r.label === 'Lead a design review end to end' && r.description.endsWith('by 2027-01-31 · Collaboration'),
      );
      assert.ok(lead, active.map((r) => `${r.label}: ${r.description}`).join('\n'));
      assert.deepStrictEqual(
        [lead.description, lead.icon, lead.contextValue],
        ['last discussed 2026-11-10 · by 2027-01-31 · Collaboration', 'target', 'oneOnOne.goal.active'],
      );
      const guide = active.find((r) => r.label === "Write the team's onboarding guide");
      assert.ok(guide);
      assert.deepStrictEqual(
        [guide.description, guide.icon, guide.contextValue],
        [
          'quiet 8 wk · last discussed 2026-09-21 · by 2027-02-28 · Enabling others',
          'bell-dot',
          'oneOnOne.goal.active.stale',
        ],
      );
      const feedbackGroups = await rows(trees!.feedback);
      const trying = feedbackGroups.find((r) => r.label === 'Trying');
      assert.ok(trying);
      const threads = await rows(trees!.feedback, trying.node);
      assert.deepStrictEqual(
        threads.map((r) => [r.label, r.description, r.icon, r.contextValue]),
        [
          [
            'Incident updates were too sparse',
            'from Alex Kim · circle back 2026-12-08',
            'beaker',
            'oneOnOne.feedback.trying',
          ],
          [
            'Review comments read as blunt',
            'circle back due · from Alex Kim · 2026-11-20',
            'bell-dot',
            'oneOnOne.feedback.trying.due',
          ],
        ],
      );
    } finally {
      services.clock.now = realNow;
    }
  });

  it('opens the file when a row is clicked', async () => {
    const { trees } = await api();
    const alex = (await rows(trees!.meetings)).find((r) => r.label === 'Alex Kim')!;
    const item = await trees!.meetings.getTreeItem(alex.node);
    assert.strictEqual(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/people/alex-kim.md'),
      'the person file to open',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('follows files created and deleted outside the extension', async () => {
    const { trees } = await api();
    const person = journalUri('people', 'dana-cruz.md');
    await writeText(person, '---\nname: Dana Cruz\nrole: peer\n---\n');
    await waitFor(
      async () => (await rows(trees!.meetings)).some((r) => r.label === 'Dana Cruz'),
      'Dana Cruz to appear',
    );
    const meeting = journalUri('meetings', 'dana-cruz', '2026-01-05.md');
    await writeText(meeting, '# 1:1\n\n## Action items\n\n- [ ] one\n- [ ] two\n');
    await waitFor(async () => {
      const dana = (await rows(trees!.meetings)).find((r) => r.label === 'Dana Cruz');
      const ms = dana ? await rows(trees!.meetings, dana.node) : [];
      return ms.some((r) => r.label === '2026-01-05' && r.description === '2 open');
    }, 'the meeting with 2 open items to appear');
    await vscode.workspace.fs.delete(journalUri('meetings', 'dana-cruz'), { recursive: true });
    await vscode.workspace.fs.delete(person);
    await waitFor(
      async () => !(await rows(trees!.meetings)).some((r) => r.label === 'Dana Cruz'),
      'Dana Cruz to disappear',
    );
  });

  it('shows a file with malformed front matter with a warning and a diagnostic, and never rewrites it', async () => {
    const { trees } = await api();
    const uri = journalUri('people', 'broken.md');
    const text = '---\nname: [unclosed\nrole: manager\n---\r\n\r\nHand-written notes\tstay.';
    await writeText(uri, text);
    const before = await readBytes(uri);
    const row = await waitFor(
      async () => (await rows(trees!.meetings)).find((r) => r.label === 'Broken'),
      'the broken person to show',
    );
    assert.strictEqual(row.icon, 'warning');
    const diagnostics = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    }, 'a diagnostic for the malformed front matter');
    assert.match(diagnostics[0]!.message, /front matter/i);
    assert.strictEqual(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    await vscode.commands.executeCommand('oneOnOne.refresh');
    assert.deepStrictEqual(await readBytes(uri), before);
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'the diagnostic to go with the file');
    assert.strictEqual(await exists(uri), false);
  });

  it('skips a file over 1 MB and a file that is not UTF-8, with a warning each', async () => {
    const { services } = await api();
    const big = journalUri('goals', 'huge.md');
    await vscode.workspace.fs.writeFile(big, new Uint8Array(1024 * 1024 + 10).fill(0x61));
    const latin1 = journalUri('goals', 'latin1.md');
    await vscode.workspace.fs.writeFile(latin1, new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const bigEntry = await waitFor(() => services.store.index.get('goals/huge.md'), 'the large file entry');
    assert.match(bigEntry.problems[0]!.message, /over 1 MB/);
    const latinEntry = await waitFor(() => services.store.index.get('goals/latin1.md'), 'the latin-1 file entry');
    assert.match(latinEntry.problems[0]!.message, /UTF-8/);
    await vscode.workspace.fs.delete(big);
    await vscode.workspace.fs.delete(latin1);
    await waitFor(
      () => !services.store.index.get('goals/huge.md') && !services.store.index.get('goals/latin1.md'),
      'both entries to go',
    );
  });

  it('reads the people first, so the Meetings tree has its rows before the meetings are read', async () => {
    const { services, trees } = await api();
    const firstBatch: { people: number; meetings: number; rows: string[] }[] = [];
    const seen = services.store.onDidChange(() => {
      if (firstBatch.length > 0 || services.store.state.kind !== 'ready') return;
      const kinds = [...services.store.index.all()].map((e) => e.kind);
      firstBatch.push({
        people: kinds.filter((k) => k === 'person').length,
        meetings: kinds.filter((k) => k === 'meeting').length,
        rows: trees!.meetings.getChildren().map((n) => n.id),
      });
    });
    try {
      await services.store.reload();
    } finally {
      seen.dispose();
    }
    assert.strictEqual(firstBatch.length, 1, 'the store reported a change while loading');
    assert.ok(firstBatch[0]!.people > 0, 'the first batch holds the person files');
    assert.strictEqual(firstBatch[0]!.meetings, 0, 'and no meeting yet');
    assert.ok(
      firstBatch[0]!.rows.includes('person/alex-kim'),
      `the tree already lists Alex Kim: ${firstBatch[0]!.rows.join(', ')}`,
    );
    // once loaded, the whole journal is in again
    assert.ok(services.store.index.meetingsOf('alex-kim').length > 0);
  });

  it('shows the people the last session kept before any file is read, then corrects what changed while closed', async () => {
    const { services, trees } = await api();
    const alexUri = journalUri('people', 'alex-kim.md');
    const alexText = await readText(alexUri);
    const casey = journalUri('people', 'casey-ng.md');
    await writeText(casey, '---\nname: Casey Ng\nrole: peer\n---\n\nNotes that stay in the file.\n');
    await waitFor(() => services.store.index.person('casey-ng')?.entry, 'Casey Ng to be read');
    // What the next start finds: the people as they are now.
    await services.store.saveStartupCache();
    const label = async (slug: string): Promise<string | undefined> => {
      const node = trees!.meetings.getChildren().find((n) => n.id === `person/${slug}`);
      return node
        ? `${String((await trees!.meetings.getTreeItem(node)).label)} · ${String((await trees!.meetings.getTreeItem(node)).description)}`
        : undefined;
    };
    try {
      // "While closed": Alex's role changes and Casey's file goes; the next start's cache does not know yet.
      await writeText(alexUri, alexText.replace('role: manager', 'role: mentor'));
      await vscode.workspace.fs.delete(casey);
      const changed = new Set<string>();
      const started = services.store.start();
      // At once, before any file is read: the rows are the kept ones.
      assert.strictEqual(services.store.state.kind, 'ready');
      assert.strictEqual(services.store.index.ofKind('meeting').length, 0, 'no meeting is read yet');
      assert.strictEqual(await label('alex-kim'), 'Alex Kim · manager · weekly on Tue at 10:00');
      assert.strictEqual(await label('casey-ng'), 'Casey Ng · peer');
      assert.ok(await label('priya-nair'));
      const seen = services.store.onDidChange((paths) => paths.forEach((p) => changed.add(p)));
      try {
        await started;
      } finally {
        seen.dispose();
      }
      // Once read: corrected, and the person whose file did not change fired no change.
      assert.strictEqual(await label('alex-kim'), 'Alex Kim · mentor · weekly on Tue at 10:00');
      assert.strictEqual(await label('casey-ng'), undefined);
      assert.ok(
        changed.has('people/alex-kim.md') && changed.has('people/casey-ng.md'),
        [...changed].slice(0, 5).join(', '),
      );
      assert.ok(!changed.has('people/priya-nair.md'), 'an unchanged person is not refreshed');
      assert.ok(services.store.index.meetingsOf('alex-kim').length > 0, 'the meetings are read');
    } finally {
      await writeText(alexUri, alexText);
      await waitFor(
        () => services.store.index.person('alex-kim')?.role === 'manager',
        'Alex Kim to be a manager again',
      );
      await services.store.saveStartupCache();
    }
  });

  it('shows the kept people only for the journal folder they were kept for, and the journal as it is', async () => {
    const { services, trees } = await api();
    await services.store.saveStartupCache();
    const config = vscode.workspace.getConfiguration('oneOnOne');
    await config.update('journalFolder', 'elsewhere', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => services.store.state.kind === 'missing', 'the other folder to be missing');
      await services.store.start();
      assert.strictEqual(services.store.state.kind, 'missing');
      assert.deepStrictEqual(trees!.meetings.getChildren(), []);
    } finally {
      await config.update('journalFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => services.store.state.kind === 'ready' && services.store.index.person('alex-kim') !== undefined,
        'the journal to be back',
      );
      await services.store.ready();
    }
  });

  it("groups a person's older meetings by year below the latest ones", async () => {
    const { services, trees } = await api();
    const folder = journalUri('meetings', 'lee-park');
    const person = journalUri('people', 'lee-park.md');
    await writeText(person, '---\nname: Lee Park\nrole: report\n---\n');
    // 15 meetings: every second week from 2025-11-03 back to 2025-05-26
    const dates: string[] = [];
    for (let i = 0; i < 15; i++) {
      const d = new Date(Date.UTC(2025, 10, 3 - 14 * i));
      dates.push(d.toISOString().slice(0, 10));
    }
    try {
      for (const date of dates)
        await writeText(
          vscode.Uri.joinPath(folder, `${date}.md`),
          `---\ndate: ${date}\nstatus: done\n---\n\n## Agenda\n\n- [x] a point\n`,
        );
      const lee = await waitFor(async () => {
        const row = (await rows(trees!.meetings)).find((r) => r.label === 'Lee Park');
        return row && services.store.index.meetingsOf('lee-park').length === 15 ? row : undefined;
      }, 'Lee Park and 15 meetings');
      const children = await rows(trees!.meetings, lee.node);
      const meetings = children.filter((r) => r.node.type === 'meeting');
      assert.deepStrictEqual(
        meetings.map((r) => r.label),
        dates.slice(0, 12),
        'the 12 latest meetings, newest first',
      );
      const years = children.filter((r) => r.node.type === 'year');
      assert.deepStrictEqual(
        years.map((r) => [r.label, r.description, r.icon, r.contextValue]),
        [['2025', '3 older meetings', 'history', 'oneOnOne.year']],
      );
      const older = await rows(trees!.meetings, years[0]!.node);
      assert.deepStrictEqual(
        older.map((r) => r.label),
        dates.slice(12),
      );
      assert.strictEqual(
        trees!.meetings.getParent(older[0]!.node)?.id,
        years[0]!.node.id,
        "an older meeting's parent is its year",
      );
      assert.strictEqual(
        trees!.meetings.getParent(meetings[0]!.node)?.id,
        lee.node.id,
        "a recent meeting's parent is the person",
      );
      assert.strictEqual(trees!.meetings.getParent(years[0]!.node)?.id, lee.node.id);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await vscode.workspace.fs.delete(person);
      await waitFor(
        async () => !(await rows(trees!.meetings)).some((r) => r.label === 'Lee Park'),
        'Lee Park to disappear',
      );
    }
  });
});
