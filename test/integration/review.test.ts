// The review packet in VS Code: generated from the sample journal with one
// arguments object, the same file when run again, a changed packet replaced
// as one edit that undo takes back, and nothing private in it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, exists, journalUri, readText, waitFor, writeText } from './helpers';

describe('review packet', () => {
  const FROM = '2026-10-01';
  const TO = '2026-12-31';
  const packet = (): vscode.Uri => journalUri('reviews', `${FROM}_${TO}-alex-kim.md`);

  after(async () => {
    await closeAllEditors();
    if (await exists(journalUri('reviews')))
      await vscode.workspace.fs.delete(journalUri('reviews'), { recursive: true });
  });

  it('writes the packet for a range and a person, with wins by circle, goals, feedback and meetings, and opens it', async () => {
    await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.generateReview', {
      from: FROM,
      to: TO,
      person: 'Alex Kim',
    });
    assert.ok(uri);
    assert.strictEqual(uri.toString(), packet().toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = await readText(uri);
    assert.match(
      text,
      /^---\nfrom: 2026-10-01\nto: 2026-12-31\nperson: alex-kim\n---\n\n# Review packet: 2026-10-01 to 2026-12-31 \(1:1s with Alex Kim\)\n/,
    );
    for (const heading of [
      '## Summary',
      '## Wins by circle of impact',
      '### Individual contribution',
      '### Collaboration',
      '### Enabling others',
      '## Goals',
      '## Feedback acted on',
      '## Meetings held',
    ]) {
      assert.ok(text.includes(`\n${heading}\n`), `the packet has "${heading}"`);
    }
    assert.ok(
      text.includes('[acme/billing#214](https://github.com/acme/billing/pull/214)'),
      'the review evidence is in',
    );
    assert.ok(
      text.includes('[Lead a design review end to end](../goals/lead-a-design-review.md)'),
      'the goal links relative to the packet',
    );
    assert.ok(text.includes('- 2026-11-10: Alex agreed I run the next Platform design review.'));
    assert.ok(text.includes('**What I am trying:**'));
    // The sample's Private sections never reach the packet.
    assert.ok(!text.includes('Felt rushed'), 'the private reflection of 2026-11-10 is left out');
    // Priya's 1:1 is not Alex's.
    assert.ok(!text.includes('priya-nair'));
  });

  it('running it again gives the same file; a changed packet is replaced in one edit that undo takes back', async () => {
    const args = { from: FROM, to: TO, person: 'alex-kim' };
    const first = await readText(packet());
    await vscode.commands.executeCommand('oneOnOne.generateReview', args);
    assert.strictEqual(await readText(packet()), first);
    await closeAllEditors();
    await writeText(packet(), `${first}\nMy own note.\n`);
    const { services } = await api();
    await waitFor(
      async () => (await services.store.readText(`reviews/${FROM}_${TO}-alex-kim.md`))?.includes('My own note.'),
      'VS Code to see the edited packet',
    );
    await vscode.commands.executeCommand('oneOnOne.generateReview', args);
    assert.strictEqual(await readText(packet()), first);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === packet().toString());
    await vscode.commands.executeCommand('undo');
    assert.ok(editor.document.getText().includes('My own note.'), 'undo brings the edited packet back');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses bad ranges without writing', async () => {
    const before = await exists(journalUri('reviews', `${TO}_${FROM}.md`));
    const result = await vscode.commands.executeCommand('oneOnOne.generateReview', { from: TO, to: FROM });
    assert.strictEqual(result, undefined);
    assert.strictEqual(await exists(journalUri('reviews', `${TO}_${FROM}.md`)), before);
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.generateReview', { from: '2026-13-01', to: TO }),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('oneOnOne.generateReview', { from: FROM, to: TO, person: 'nobody-here' }),
      undefined,
    );
  });
});
