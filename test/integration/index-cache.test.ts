// The index kept between sessions (src/core/index-cache.ts,
// src/host/journal-store/index-cache.ts): a start with it reads and parses
// only what changed "while VS Code was closed" (simulated: the kept index is
// written, files change and the watcher has seen them, then the store starts
// again from the kept file), never shows what it kept of a changed file, and
// ignores a kept file that is damaged or made for another folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { JournalStore } from '../../src/host/journal-store';
import { api, exists, journalUri, readText, waitFor, writeText } from './helpers';

/** The whole index, comparable: entries by path (sets and maps as arrays). */
function snapshot(store: JournalStore): string {
  const entries = [...store.index.all()].sort((a, b) => (a.path < b.path ? -1 : 1));
  return JSON.stringify(entries, (_key, value: unknown) =>
    value instanceof Set ? [...value] : value instanceof Map ? [...value] : value,
  );
}

/** Whether the file at `uri` is a kept index of the journal at `root`. */
async function keptFor(uri: vscode.Uri, root: vscode.Uri): Promise<boolean> {
  try {
    const value = JSON.parse(await readText(uri)) as { format?: unknown; root?: unknown };
    return value.format === 'one-on-one-journal/index' && value.root === root.toString();
  } catch {
    return false;
  }
}

/** Starts the store again as the extension does when a window opens, from the kept index. */
async function restart(store: JournalStore): Promise<NonNullable<JournalStore['lastLoad']>> {
  await store.start();
  return store.lastLoad!;
}

/** A start that found every file as kept, and the kept index written again: the next start's baseline. */
async function settle(store: JournalStore): Promise<void> {
  await restart(store);
  await store.saveIndexCache();
}

describe('the index kept between sessions', () => {
  it('keeps which files only yaml reads, so that one put back still says so (and asks for yaml)', async () => {
    const { services } = await api();
    const store = services.store;
    const path = 'goals/kept-index-yaml.md';
    const uri = journalUri('goals', 'kept-index-yaml.md');
    await writeText(uri, '---\ntitle: Lists kept\nstatus: active\ntags: [a, b]\n---\n');
    await waitFor(() => store.index.get(path), 'the file to be read');
    try {
      assert.ok(store.index.needsYaml(path));
      await settle(store);
      const kept = JSON.parse(await readText(store.indexCacheUri!)) as { files: unknown[][] };
      const record = kept.files.find((r) => r[0] === path);
      assert.strictEqual(record?.length, 6, 'kept with the mark');
      assert.strictEqual(record[5], 1);
      assert.ok(kept.files.every((r) => r.length === 5 || r[0] === path || r[5] === 1));

      const load = await restart(store);
      assert.strictEqual(load.cache, 'used');
      assert.ok(!load.parsed.includes(path), 'put back, not parsed');
      assert.ok(store.index.needsYaml(path), 'and still known to need yaml');
      assert.deepStrictEqual(store.index.get(path)?.data.tags, ['a', 'b']);
    } finally {
      await vscode.workspace.fs.delete(uri);
      await waitFor(() => !store.index.get(path), 'the file gone');
    }
  });

  it('reads and parses only the files changed, added or deleted while closed, and gives the index a full read gives', async () => {
    const { services } = await api();
    const store = services.store;
    const meeting = journalUri('meetings', 'alex-kim', '2026-11-10.md');
    const added = journalUri('goals', 'kept-index-added.md');
    const gone = journalUri('feedback', 'kept-index-gone.md');
    const original = await readText(meeting);
    await writeText(gone, '---\ntitle: Soon gone\nstatus: received\n---\n');
    await waitFor(() => store.index.get('feedback/kept-index-gone.md'), 'the file to be read');
    try {
      await settle(store);
      assert.ok(store.indexCacheUri && (await exists(store.indexCacheUri)), 'the index is kept in global storage');
      // "While closed" (this window sees it, but the kept file does not).
      await writeText(meeting, original.replace('## Agenda\n', '## Agenda\n\n- [ ] Kept-index check #growth\n'));
      await writeText(added, '---\ntitle: Added while closed\nstatus: active\n---\n');
      await vscode.workspace.fs.delete(gone);
      await waitFor(
        () =>
          store.index.get('meetings/alex-kim/2026-11-10.md')?.agenda.some((i) => i.text.startsWith('Kept-index')) &&
          store.index.get('goals/kept-index-added.md') &&
          !store.index.get('feedback/kept-index-gone.md'),
        'the watcher to see the three changes',
      );

      const load = await restart(store);
      assert.strictEqual(load.cache, 'used');
      assert.deepStrictEqual([...load.parsed].sort(), ['goals/kept-index-added.md', 'meetings/alex-kim/2026-11-10.md']);
      assert.strictEqual(load.read, 2);
      assert.strictEqual(load.restored, load.listed - 2);
      const agenda = store.index.get('meetings/alex-kim/2026-11-10.md')!.agenda.map((i) => i.text);
      assert.ok(agenda.includes('Kept-index check #growth'), agenda.join(' | '));
      assert.strictEqual(store.index.get('goals/kept-index-added.md')?.title, 'Added while closed');
      assert.strictEqual(store.index.get('feedback/kept-index-gone.md'), undefined, 'a deleted file leaves the index');

      const returning = snapshot(store);
      await store.reload();
      assert.strictEqual(store.lastLoad!.cache, 'off', 'a reload reads everything');
      assert.strictEqual(returning, snapshot(store), 'the same index as a full read');
    } finally {
      await writeText(meeting, original);
      await vscode.workspace.fs.delete(added).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(gone).then(undefined, () => undefined);
      await waitFor(() => !store.index.get('goals/kept-index-added.md'), 'the test files to go');
      await settle(store);
    }
  });

  it('re-reads a file changed while closed to the same size (its time tells), before its row is trusted', async () => {
    const { services, trees } = await api();
    const store = services.store;
    const alex = journalUri('people', 'alex-kim.md');
    const original = await readText(alex);
    try {
      await settle(store);
      const renamed = original.replace('name: Alex Kim', 'name: Alex Kym');
      assert.strictEqual(renamed.length, original.length);
      await writeText(alex, renamed);
      await waitFor(() => store.index.person('alex-kim')?.name === 'Alex Kym', 'the watcher to see the new name');

      const load = await restart(store);
      assert.strictEqual(load.cache, 'used');
      assert.deepStrictEqual(load.parsed, ['people/alex-kim.md']);
      assert.strictEqual(store.index.person('alex-kim')?.name, 'Alex Kym');
      const rows = trees!.meetings.getChildren().map((n) => n.id);
      assert.ok(rows.includes('person/alex-kim'), rows.join(', '));
    } finally {
      await writeText(alex, original);
      await waitFor(() => store.index.person('alex-kim')?.name === 'Alex Kim', 'Alex Kim again');
      await settle(store);
    }
  });

  it('ignores a damaged kept index or one of another folder, reads everything, and keeps a good one again', async () => {
    const { services } = await api();
    const store = services.store;
    await settle(store);
    const uri = store.indexCacheUri!;
    const good = await readText(uri);
    const listed = store.lastLoad!.listed;
    for (const bad of [
      good.slice(0, good.length / 2),
      'not json',
      good.replace(/"root":"[^"]*"/, '"root":"file:///elsewhere"'),
    ]) {
      await writeText(uri, bad);
      const load = await restart(store);
      assert.strictEqual(load.cache, 'ignored', bad.slice(0, 60));
      assert.strictEqual(load.restored, 0);
      assert.strictEqual(load.read, listed, 'every file read');
      assert.ok(store.index.person('alex-kim'), 'the journal is there');
      // Written again a moment after the read.
      await waitFor(() => keptFor(uri, store.root!), 'the kept index to be written again');
    }
    const load = await restart(store);
    assert.strictEqual(load.cache, 'used');
    assert.deepStrictEqual(load.parsed, []);
  });
});
