// What can be done to a talking point from the Meetings tree: tick it as
// discussed (or open it again), jump to where it came from, and drag it to
// another meeting — the lines move in one edit, nothing copied or lost.

import * as vscode from 'vscode';
import { addListItemLines, locateItem, setItemChecked, takeListItem } from '../../core/edits';
import { AGENDA_HEADINGS } from '../../core/journal-index';
import { isContainedPath } from '../../core/layout';
import { Services } from '../../host/services';
import { openOrCreateMeeting, suggestedDate } from '../commands/meetings';
import { fail } from '../commands/support';
import { refuseUntrusted, whenTrusted } from '../privacy/trust';
import { isNode, Node } from '../trees/nodes';

type PointNode = Extract<Node, { type: 'point' }>;

const AGENDA = { heading: AGENDA_HEADINGS[0]!, aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' } as const;
export const MEETINGS_MIME = 'application/vnd.code.tree.oneonone.meetings';

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
      return item ? setItemChecked(doc, item.line, checked) : { error: `"${point.text}" is no longer in this meeting; refresh and try again.` };
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
  if (!source) return void vscode.window.showInformationMessage('This talking point does not record where it came from.');
  const m = /^(.*?):(\d+)(?:-(\d+))?$/.exec(source.label);
  // The label is text in a journal file (perhaps someone else's): it opens a file of the workspace, never `../../…` beyond it.
  if (m && isContainedPath(m[1]!)) {
    const [path, start, end] = [m[1]!, Number(m[2]), Number(m[3] ?? m[2])];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const relative = path.startsWith(`${folder.name}/`) && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? path.slice(folder.name.length + 1) : path;
      const uri = vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        continue;
      }
      const editor = await vscode.window.showTextDocument(uri, { preview: true });
      const range = new vscode.Range(Math.max(0, start - 1), 0, Math.max(0, end - 1), Number.MAX_SAFE_INTEGER);
      editor.selection = new vscode.Selection(range.start, editor.document.lineAt(Math.min(range.end.line, editor.document.lineCount - 1)).range.end);
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

/** Moves talking points to the agenda of `target`'s meeting, each in one WorkspaceEdit across both files. */
export async function moveTalkingPoints(services: Services, points: readonly PointNode[], target: Node): Promise<boolean> {
  if (!vscode.workspace.isTrusted) return refuseUntrusted('move talking points') ?? false;
  let targetPath: string | undefined;
  if (target.type === 'meeting' || target.type === 'point' || (target.type === 'win' && target.via === 'meeting')) targetPath = target.path;
  else if (target.type === 'person') {
    const person = services.store.index.people().find((p) => p.slug === target.slug);
    if (!person) return false;
    targetPath = services.store.index.nextMeeting(person.slug, services.today())?.path;
    if (!targetPath) {
      const created = await openOrCreateMeeting(services, person, suggestedDate(services, person), false);
      targetPath = created ? services.store.pathOf(created) : undefined;
    }
  }
  if (!targetPath) return false;
  for (const point of points) {
    if (point.path === targetPath) continue;
    let lines: string[] | undefined;
    const result = await services.writer.editMany(
      [
        {
          path: point.path,
          compute: (doc) => {
            const taken = takeListItem(doc, point.line, point.text);
            if ('error' in taken) return taken;
            lines = taken.lines;
            return { edits: taken.edits };
          },
        },
        { path: targetPath, compute: (doc) => (lines ? addListItemLines(doc, AGENDA, lines) : { error: 'Nothing to move.' }) },
      ],
      'Move talking point',
    );
    if (!result.ok) {
      fail(result.reason);
      return false;
    }
  }
  return true;
}

export class MeetingsDragAndDrop implements vscode.TreeDragAndDropController<Node> {
  readonly dragMimeTypes = [MEETINGS_MIME];
  readonly dropMimeTypes = [MEETINGS_MIME];

  constructor(private readonly services: Services) {}

  handleDrag(source: readonly Node[], data: vscode.DataTransfer): void {
    const points = source.filter((n): n is PointNode => n.type === 'point');
    if (points.length > 0) data.set(MEETINGS_MIME, new vscode.DataTransferItem(points));
  }

  async handleDrop(target: Node | undefined, data: vscode.DataTransfer): Promise<void> {
    const item = data.get(MEETINGS_MIME);
    if (!target || !item) return;
    const points = (item.value as unknown[]).filter((n): n is PointNode => isNode(n) && n.type === 'point');
    if (points.length > 0) await moveTalkingPoints(this.services, points, target);
  }
}

export function activateTalkingPoints(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.markDiscussed', whenTrusted('tick talking points', (arg?: unknown) => setDiscussed(services, arg, true))),
    vscode.commands.registerCommand('oneOnOne.reopenTalkingPoint', whenTrusted('tick talking points', (arg?: unknown) => setDiscussed(services, arg, false))),
    vscode.commands.registerCommand('oneOnOne.openTalkingPointSource', (arg?: unknown) => openSource(services, arg)),
  );
}
