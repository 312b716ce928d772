// What can be done to a talking point from the Meetings tree: tick it as
// discussed (or open it again) and jump to where it came from. Dragging it to
// another meeting is the tree's own (features/trees/drag-and-drop.ts).

import * as vscode from 'vscode';
import { locateItem, setItemChecked } from '../../core/item-edits';
import { Services } from '../../host/services';
import { fail } from '../../ui/commands';
import { whenTrusted } from '../../ui/trust';
import { isNode, Node } from '../../ui/nodes';
import { sourceLocation } from '../../ui/selection-source';

const OPEN_LINK = vscode.l10n.t('Open Permalink');

type PointNode = Extract<Node, { type: 'point' }>;

function asPoint(arg: unknown): PointNode | undefined {
  return isNode(arg) && arg.type === 'point' ? arg : undefined;
}

async function setDiscussed(services: Services, arg: unknown, checked: boolean): Promise<vscode.Uri | undefined> {
  const point = asPoint(arg);
  if (!point) return fail(vscode.l10n.t('Run this on a talking point in the Meetings view.'));
  const result = await services.writer.edit(
    point.path,
    (doc) => {
      const item = locateItem(doc, point.line, point.text);
      return item
        ? setItemChecked(doc, item.line, checked)
        : { error: vscode.l10n.t('"{0}" is no longer in this meeting; refresh and try again.', point.text) };
    },
    checked ? 'Mark talking point discussed' : 'Reopen talking point',
  );
  return result.ok ? result.uri : fail(result.reason);
}

/** Opens the file and lines a talking point was captured from (a local file first, else its link). */
async function openSource(services: Services, arg: unknown): Promise<void> {
  const point = asPoint(arg);
  if (!point) return void fail(vscode.l10n.t('Run this on a talking point in the Meetings view.'));
  const source = services.store.index.get(point.path)?.agenda.find((a) => a.text === point.text)?.source;
  if (!source)
    return void vscode.window.showInformationMessage(
      vscode.l10n.t('This talking point does not record where it came from.'),
    );
  const found = await sourceLocation(source.label);
  if (found && 'uri' in found) {
    const editor = await vscode.window.showTextDocument(found.uri, { preview: true });
    const range = new vscode.Range(
      Math.max(0, found.start - 1),
      0,
      Math.max(0, found.end - 1),
      Number.MAX_SAFE_INTEGER,
    );
    editor.selection = new vscode.Selection(
      range.start,
      editor.document.lineAt(Math.min(range.end.line, editor.document.lineCount - 1)).range.end,
    );
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return;
  }
  if (found && 'elsewhere' in found) {
    // Captured in another window: say which repository to open, or open the permalink.
    const url = source.url;
    void vscode.window
      .showInformationMessage(
        url
          ? vscode.l10n.t(
              '{0}: open the repository {1} in a window to go to it, or open its permalink.',
              source.label,
              found.elsewhere,
            )
          : vscode.l10n.t('{0}: open the repository {1} in a window to go to it.', source.label, found.elsewhere),
        ...(url ? [OPEN_LINK] : []),
      )
      .then((pick) => (pick === OPEN_LINK && url ? vscode.env.openExternal(vscode.Uri.parse(url)) : false));
    return;
  }
  if (source.url) {
    await vscode.env.openExternal(vscode.Uri.parse(source.url));
    return;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in this workspace.', source.label));
}

export function activateTalkingPoints(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'oneOnOne.markDiscussed',
      whenTrusted(vscode.l10n.t('tick talking points'), (arg?: unknown) => setDiscussed(services, arg, true)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.reopenTalkingPoint',
      whenTrusted(vscode.l10n.t('tick talking points'), (arg?: unknown) => setDiscussed(services, arg, false)),
    ),
    vscode.commands.registerCommand('oneOnOne.openTalkingPointSource', (arg?: unknown) => openSource(services, arg)),
  );
}
