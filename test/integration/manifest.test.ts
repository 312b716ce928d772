import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

describe('manifest and command registration', () => {
  let manifest: Manifest;
  before(async () => {
    await api();
    manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
  });

  it('registers every contributed command, and contributes every registered one', async () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    // VS Code adds focus/open/… commands for each contributed view: those are not ours to register.
    const viewIds = (manifest.contributes as unknown as { views: Record<string, { id: string }[]> }).views[
      'oneOnOne'
    ]!.map((v) => `${v.id}.`);
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('oneOnOne.') && !viewIds.some((prefix) => c.startsWith(prefix)))
      .sort();
    assert.deepStrictEqual(registered, contributed);
  });

  it('gives every command the "1:1" category and an explicit command-palette rule', () => {
    const palette = new Set(manifest.contributes.menus['commandPalette']!.map((m) => m.command));
    for (const c of manifest.contributes.commands) {
      assert.strictEqual(c.category, '1:1', `${c.command} has no 1:1 category`);
      assert.ok(palette.has(c.command), `${c.command} has no commandPalette rule`);
    }
  });

  it('keeps the public command ids of the foundation', () => {
    const ids = manifest.contributes.commands.map((c) => c.command);
    for (const id of [
      'oneOnOne.initJournal',
      'oneOnOne.addPerson',
      'oneOnOne.newMeeting',
      'oneOnOne.newGoal',
      'oneOnOne.newFeedbackThread',
      'oneOnOne.refresh',
    ]) {
      assert.ok(ids.includes(id), `${id} is missing`);
    }
  });
});
