import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, readText, waitFor, workspaceRoot, writeText, git } from './helpers';

describe('capture: where a talking point came from', () => {
  afterEach(closeAllEditors);

  it('links a selection in a GitHub repository with a permalink at the current commit (through the git extension)', async () => {
    const { services } = await api();
    const repo = vscode.Uri.joinPath(workspaceRoot(), 'service');
    const file = vscode.Uri.joinPath(repo, 'src', 'retry loop.ts');
    await writeText(file, 'export function retry() {\n  while (true) {}\n}\n');
    git(repo.fsPath, 'init', '-q');
    git(repo.fsPath, 'add', '.');
    git(repo.fsPath, 'commit', '-qm', 'init');
    git(repo.fsPath, 'remote', 'add', 'origin', 'git@github.com:acme/service.git');
    const commit = git(repo.fsPath, 'rev-parse', 'HEAD');
    await vscode.commands.executeCommand('git.openRepository', repo.fsPath).then(undefined, () => undefined);
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(1, 0, 1, editor.document.lineAt(1).text.length);
    const expected = `https://github.com/acme/service/blob/${commit}/src/retry%20loop.ts#L2`;
    // The git extension discovers the repository asynchronously: retry the capture until it links.
    const person = services.store.index.people()[0]!;
    let meeting: vscode.Uri | undefined;
    await waitFor(
      async () => {
        meeting = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTalkingPoint', {
          person: person.slug,
          theme: 'question',
          summary: `retry ${Date.now()}`,
        });
        return meeting && (await readText(meeting)).includes(expected);
      },
      'a talking point with the GitHub permalink',
      15000,
    );
    const text = await readText(meeting!);
    assert.ok(
      text.includes(
        `  Source: [service/src/retry loop.ts:2](${expected})\n  \`\`\`typescript\n  while (true) {}\n  \`\`\`\n`,
      ),
      text,
    );
  });

  it('adds the terminal selection as a talking point, the clipboard restored', async () => {
    const terminal = vscode.window.createTerminal({ name: 'build' });
    terminal.show();
    terminal.sendText('echo terminal-output-marker');
    await vscode.env.clipboard.writeText('what the user had copied');
    const uri = await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.terminal.focus');
        await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
        const { services } = await api();
        const person = services.store.index.people()[0]!;
        const result = await vscode.commands.executeCommand<vscode.Uri>('oneOnOne.addTerminalSelection', {
          person: person.slug,
          theme: 'blocker',
          summary: 'Build fails on CI',
        });
        return result && (await readText(result)).includes('terminal-output-marker') ? result : undefined;
      },
      'the terminal output to be captured',
      15000,
    );
    const text = await readText(uri);
    assert.ok(text.includes('- [ ] Build fails on CI #blocker\n  Source: `terminal “build”`\n  ```console\n'), text);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'what the user had copied');
    terminal.dispose();
  });
});
