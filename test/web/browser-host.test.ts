// The bundle in VS Code's web worker extension host (the host of vscode.dev
// and github.dev), with a copy of samples/journal as the workspace: it
// activates there, reads and writes the workspace's journal through
// workspace.fs, and refuses a personal journal, since a browser has no disk
// of the user's to keep one on (README, "Where it runs"); the calendar
// parser, a bundle of its own, loads there on first use.
import * as vscode from 'vscode';
import type { JournalApi } from '../../src/extension';
import { equal, ok } from './check';

const EXTENSION_ID = 'one-on-one-journal.one-on-one-journal';

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the suite needs the sample journal open as the workspace folder');
  return folder;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with the error messages it shows recorded (and answered) instead
 * of shown. The suite is loaded from inside the extension's folder, so this
 * is the extension's own `vscode.window`.
 */
async function withErrorsRecorded(fn: () => Thenable<unknown>): Promise<{ result: unknown; shown: string[] }> {
  const shown: string[] = [];
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window.showErrorMessage;
  window.showErrorMessage = (message: string) => {
    shown.push(message);
    return Promise.resolve(undefined);
  };
  try {
    return { result: await fn(), shown };
  } finally {
    window.showErrorMessage = original;
  }
}

describe('the bundle in a web worker extension host', function () {
  let extension: vscode.Extension<JournalApi>;
  let journal: JournalApi;

  before(async function () {
    const found = vscode.extensions.getExtension<JournalApi>(EXTENSION_ID);
    ok(found, `extension ${EXTENSION_ID} is not loaded in this extension host`);
    extension = found;
    journal = await extension.activate();
    ok(journal?.services && journal.test, 'activate() returns { services, test }');
    await journal.services.store.ready();
  });

  it('runs in a browser worker, not in node', function () {
    // A node extension host (desktop, remote, code-server's server side) always has `process`.
    equal(typeof process, 'undefined', 'typeof process');
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'typeof importScripts');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    // The web worker host is on the UI side; the same bundle run by a remote node host would say Workspace.
    equal(extension.extensionKind, vscode.ExtensionKind.UI, 'extensionKind');
  });

  it('reads the journal in the workspace', function () {
    const store = journal.services.store;
    const state = store.state;
    equal(state.kind, 'ready', 'journal state');
    equal(store.personal, false, 'store.personal');
    const expected = vscode.Uri.joinPath(workspaceFolder().uri, 'one-on-ones').toString();
    equal(store.root?.toString(), expected, 'journal root');
    const alex = store.index.findPerson('alex-kim');
    ok(alex, 'alex-kim from the sample journal is in the index');
    // Priya Nair's cadence is an RRULE: rrule, a bundle of its own, loaded in the worker before the journal was ready.
    equal(store.index.person('priya-nair')?.schedule?.cadence, 'rrule', "Priya's schedule");
    ok(
      journal.perf.loadedBundles().includes('rrule.js'),
      `rrule.js loaded: ${journal.perf.loadedBundles().join(', ')}`,
    );
  });

  it('ignores a personal journal in the user settings (Settings Sync brings it from the desktop)', async function () {
    const config = () => vscode.workspace.getConfiguration('oneOnOne');
    const expected = vscode.Uri.joinPath(workspaceFolder().uri, 'one-on-ones').toString();
    try {
      await config().update('journalFolder', '~/my-1on1s', vscode.ConfigurationTarget.Global);
      await journal.services.store.reload();
      equal(journal.services.store.personal, false, 'store.personal');
      equal(journal.services.store.state.kind, 'ready', 'journal state');
      equal(journal.services.store.root?.toString(), expected, 'journal root');
    } finally {
      await config().update('journalFolder', undefined, vscode.ConfigurationTarget.Global);
      await journal.services.store.reload();
    }
    equal(journal.services.store.root?.toString(), expected, 'journal root afterwards');
  });

  it('writes a jotted topic through workspace.fs', async function () {
    const text = 'From the browser #growth';
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.jotTopic', {
      text,
      person: 'alex-kim',
    });
    ok(uri, 'oneOnOne.jotTopic returned the file it wrote');
    ok(
      uri.toString().startsWith(workspaceFolder().uri.toString() + '/'),
      `the topic went into the workspace, not ${uri.toString()}`,
    );
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    ok(written.includes('From the browser'), `the topic is in ${uri.path}:\n${written}`);
  });

  it('refuses a personal journal: the browser has no disk for it', async function () {
    const folder = `/tmp/one-on-one-web-${Date.now()}`;
    const { result, shown } = await withErrorsRecorded(() =>
      vscode.commands.executeCommand('oneOnOne.createPersonalJournal', { folder, name: 'A B' }),
    );
    equal(result, undefined, 'createPersonalJournal result');
    ok(
      shown.some((m) => /browser/i.test(m)),
      `the refusal says why (the browser); shown: ${JSON.stringify(shown)}`,
    );
    equal(journal.services.store.personal, false, 'store.personal');
    equal(journal.services.store.state.kind, 'ready', 'journal state');
    equal(
      journal.services.store.root?.toString(),
      vscode.Uri.joinPath(workspaceFolder().uri, 'one-on-ones').toString(),
      'journal root',
    );
    const setting = vscode.workspace.getConfiguration('oneOnOne').inspect<string>('journalFolder');
    equal(setting?.globalValue, undefined, 'user setting oneOnOne.journalFolder');
    // The workspace is served by code-server's machine: the folder must not have appeared there either.
    ok(!(await exists(workspaceFolder().uri.with({ path: folder }))), `${folder} was not created`);
  });

  it('refuses to move the journal out to a personal folder, and leaves it where it is', async function () {
    const { result, shown } = await withErrorsRecorded(() =>
      vscode.commands.executeCommand('oneOnOne.moveJournal', { folder: '/tmp/one-on-one-web-move' }),
    );
    equal(result, undefined, 'moveJournal result');
    ok(
      shown.some((m) => /browser/i.test(m)),
      `the refusal says why (the browser); shown: ${JSON.stringify(shown)}`,
    );
    const root = vscode.Uri.joinPath(workspaceFolder().uri, 'one-on-ones');
    equal(journal.services.store.root?.toString(), root.toString(), 'journal root');
    ok(await exists(vscode.Uri.joinPath(root, 'people', 'alex-kim.md')), 'the journal is still in the workspace');
  });

  it('imports a calendar invite: the parser, a bundle of its own, loads on first use in the worker too', async function () {
    const invite = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:web-1',
      'DTSTART;TZID=America/Los_Angeles:20260106T100000',
      'DTEND;TZID=America/Los_Angeles:20260106T103000',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const { result, shown } = await withErrorsRecorded(() =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.importInvite', {
        person: 'alex-kim',
        text: invite,
      }),
    );
    equal(JSON.stringify(shown), '[]', 'errors shown');
    ok(result instanceof vscode.Uri, 'oneOnOne.importInvite returned the person file');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(result));
    ok(written.includes('\ntimezone: America/Los_Angeles\n'), `the invite's zone is in the person file:\n${written}`);
    ok(written.includes('\ncall: https://meet.google.com/abc-defg-hij\n'), `and its call link:\n${written}`);
  });

  it('answers a language-model tool: Copilot’s answers, a bundle of their own, load on first use in the worker too', async function () {
    equal(typeof vscode.lm?.invokeTool, 'function', 'the web extension host has the language-model tools API');
    const result = await vscode.lm.invokeTool('oneOnOne_prepSheet', {
      input: { person: 'Alex Kim' },
      toolInvocationToken: undefined,
    });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    ok(text.startsWith('# Prep: 1:1 with Alex Kim'), `the prep sheet:\n${text}`);
    ok(!text.includes('Felt rushed'), `nothing of the Private section:\n${text}`);
  });
});
