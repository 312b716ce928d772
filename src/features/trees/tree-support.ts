import * as vscode from 'vscode';
import { Problem } from '../../core/front-matter';
import { JournalStore } from '../../host/journal-store';
import { Node } from './nodes';

const REFRESH_DELAY_MS = 30;

/**
 * Base for the journal's tree providers: refreshes (coalesced) when the index
 * changes. The index is the model; providers only map it to tree items.
 */
export abstract class RefreshingProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(store: JournalStore) {
    this.subscription = store.onDidChange(() => {
      this.modelChanged();
      this.refresh();
    });
  }

  /** Drop anything memoised from the model (called at once, before the coalesced refresh). */
  protected modelChanged(): void {}

  refresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire(undefined);
    }, REFRESH_DELAY_MS);
  }

  abstract getChildren(element?: Node): Node[];
  abstract getTreeItem(element: Node): vscode.TreeItem;

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

export function openCommand(uri: vscode.Uri): vscode.Command {
  return { command: 'vscode.open', title: 'Open', arguments: [uri] };
}

export function describeProblems(problems: readonly Problem[]): string {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
  return `Line ${first.line + 1}: ${first.message}${more}`;
}
