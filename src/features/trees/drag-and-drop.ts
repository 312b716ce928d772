// Drag talking points in the Meetings tree onto another meeting or person:
// the lines move in one edit across both files, nothing copied or lost.

import * as vscode from 'vscode';
import { addListItemLines } from '../../core/edits';
import { takeListItem } from '../../core/item-edits';
import { AGENDA_HEADINGS } from '../../core/journal-entry';
import { Services } from '../../host/services';
import { fail } from '../../ui/commands';
import { openOrCreateMeeting, suggestedDate } from '../../ui/meetings';
import { isNode, Node } from '../../ui/nodes';
import { refuseUntrusted } from '../../ui/trust';

type PointNode = Extract<Node, { type: 'point' }>;

const AGENDA = { heading: AGENDA_HEADINGS[0]!, aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' } as const;
export const MEETINGS_MIME = 'application/vnd.code.tree.oneonone.meetings';

/** Moves talking points to the agenda of `target`'s meeting, each in one WorkspaceEdit across both files. */
export async function moveTalkingPoints(
  services: Services,
  points: readonly PointNode[],
  target: Node,
): Promise<boolean> {
  if (!vscode.workspace.isTrusted) return refuseUntrusted(vscode.l10n.t('move talking points')) ?? false;
  let targetPath: string | undefined;
  if (target.type === 'meeting' || target.type === 'point' || (target.type === 'win' && target.via === 'meeting'))
    targetPath = target.path;
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
        {
          path: targetPath,
          compute: (doc) =>
            lines ? addListItemLines(doc, AGENDA, lines) : { error: vscode.l10n.t('Nothing to move.') },
        },
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
  // Files from the Explorer or the desktop: an invite (.ics) dropped on a person sets their cadence.
  readonly dropMimeTypes = [MEETINGS_MIME, 'text/uri-list', 'files'];

  constructor(private readonly services: Services) {}

  handleDrag(source: readonly Node[], data: vscode.DataTransfer): void {
    const points = source.filter((n): n is PointNode => n.type === 'point');
    if (points.length > 0) data.set(MEETINGS_MIME, new vscode.DataTransferItem(points));
  }

  async handleDrop(target: Node | undefined, data: vscode.DataTransfer): Promise<void> {
    if (target?.type === 'person' && (await dropInvite(target.slug, data))) return;
    const item = data.get(MEETINGS_MIME);
    if (!target || !item) return;
    const points = (item.value as unknown[]).filter((n): n is PointNode => isNode(n) && n.type === 'point');
    if (points.length > 0) await moveTalkingPoints(this.services, points, target);
  }
}

/**
 * An .ics file dropped on a person: imported by `oneOnOne.importInvite`
 * (the calendar feature), from the file's bytes when the drop carries them,
 * else from its path.
 */
async function dropInvite(person: string, data: vscode.DataTransfer): Promise<boolean> {
  // The file's own bytes first: a file from the desktop dropped into a remote window has a path only on this computer.
  let file: vscode.DataTransferFile | undefined;
  data.forEach((item) => {
    const f = item.asFile();
    if (!file && f && /\.ics$/i.test(f.name)) file = f;
  });
  if (file) {
    const text = new TextDecoder().decode(await file.data());
    await vscode.commands.executeCommand('oneOnOne.importInvite', { person, text });
    return true;
  }
  const uri = (await data.get('text/uri-list')?.asString())
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => vscode.Uri.parse(line))
    .find((u) => /\.ics$/i.test(u.path));
  if (!uri) return false;
  if (uri.scheme === 'file')
    await vscode.commands.executeCommand('oneOnOne.importInvite', { person, file: uri.fsPath });
  else {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    await vscode.commands.executeCommand('oneOnOne.importInvite', { person, text });
  }
  return true;
}
