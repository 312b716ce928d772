// What can be done to a talking point from the Meetings tree: tick it as
// discussed (or open it again) and jump to where it came from. Dragging it to
// another meeting is the tree's own (features/trees/drag-and-drop.ts).

import * as vscode from 'vscode';
import { locateItem, setItemChecked } from '../../core/item-edits';
import { isContainedPath } from '../../core/layout';
import { Services } from '../../host/services';
import { fail } from '../../ui/commands';
import { whenTrusted } from '../../ui/trust';
import { isNode, Node } from '../../ui/nodes';

type PointNode = Extract<Node, { type: 'point' }>;

function asPoint(arg: unknown): PointNode | undefined {
  return isNode(arg) && arg.type === 'point' ? arg : undefined;
}

async function setDiscussed(services: Services, arg: unknown, checked: boolean): Promise<vscode.Uri | undefined> {
  const point = asPoint(arg);
  if (!point) return fail('Run this on a talking point in the Meetings view.');
  const result = await services.writer.edit(
    point.path,
    (doc) => {
      const item = locateItem(doc, point.line, point.text);
      return item
        ? setItemChecked(doc, item.line, checked)
        : { error: `"${point.text}" is no longer in this meeting; refresh and try again.` };
    },
    checked ? 'Mark talking point discussed' : 'Reopen talking point',
  );
  return result.ok ? result.uri : fail(result.reason);
}

/** Opens the file and lines a talking point was captured from (a local file first, else its link). */
async function openSource(services: Services, arg: unknown): Promise<void> {
  const point = asPoint(arg);
  if (!point) return void fail('Run this on a talking point in the Meetings view.');
  const source = services.store.index.get(point.path)?.agenda.find((a) => a.text === point.text)?.source;
  if (!source)
    return void vscode.window.showInformationMessage('This talking point does not record where it came from.');
  const m = /^(.*?):(\d+)(?:-(\d+))?$/.exec(source.label);
  // The label is text in a journal file (perhaps someone else's): it opens a file of the workspace, never `../../…` beyond it.
  if (m && isContainedPath(m[1]!)) {
    const [path, start, end] = [m[1]!, Number(m[2]), Number(m[3] ?? m[2])];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const relative =
        path.startsWith(`${folder.name}/`) && (vscode.workspace.workspaceFolders?.length ?? 0) > 1
          ? path.slice(folder.name.length + 1)
          : path;
      const uri = vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        continue;
      }
      const editor = await vscode.window.showTextDocument(uri, { preview: true });
      const range = new vscode.Range(Math.max(0, start - 1), 0, Math.max(0, end - 1), Number.MAX_SAFE_INTEGER);
      editor.selection = new vscode.Selection(
        range.start,
        editor.document.lineAt(Math.min(range.end.line, editor.document.lineCount - 1)).range.end,
      );
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
  }
  if (source.url) {
    await vscode.env.openExternal(vscode.Uri.parse(source.url));
    return;
  }
  void vscode.window.showWarningMessage(`${source.label} is not in this workspace.`);
}

export function activateTalkingPoints(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'oneOnOne.markDiscussed',
      whenTrusted('tick talking points', (arg?: unknown) => setDiscussed(services, arg, true)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.reopenTalkingPoint',
      whenTrusted('tick talking points', (arg?: unknown) => setDiscussed(services, arg, false)),
    ),
    vscode.commands.registerCommand('oneOnOne.openTalkingPointSource', (arg?: unknown) => openSource(services, arg)),
  );
}
