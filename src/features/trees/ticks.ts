// Ticking a talking point's checkbox in the Meetings tree: the same edit as
// Mark Discussed / Reopen (one character of the file, undoable, into an
// unsaved editor when one is open). Ticks in quick succession are written one
// after another, each on the text the one before left, so none is lost; a
// tick that cannot be written (the file changed, the workspace is untrusted)
// says why, and the row shows the file's state again.

import * as vscode from 'vscode';
import { Node } from '../../ui/nodes';

export class TreeTicks {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly refresh: () => void) {}

  /** What the tree view reports as ticked or unticked; settled once every tick in it is written (or refused). */
  apply(items: readonly (readonly [Node, vscode.TreeItemCheckboxState])[]): Promise<void> {
    const points = items.filter(([node]) => node.type === 'point');
    const done = this.queue.then(async () => {
      let refused = false;
      for (const [node, state] of points) {
        const checked = state === vscode.TreeItemCheckboxState.Checked;
        const command = checked ? 'oneOnOne.markDiscussed' : 'oneOnOne.reopenTalkingPoint';
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, node).then(
          (uri) => uri !== undefined,
          () => false,
        );
        refused ||= !written;
      }
      // The checkbox already shows the tick: put it back where the file says.
      if (refused) this.refresh();
    });
    this.queue = done.catch(() => undefined);
    return done;
  }
}
