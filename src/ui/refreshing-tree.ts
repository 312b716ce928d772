import * as vscode from 'vscode';
import { Problem } from '../core/front-matter';
import { JournalStore } from '../host/journal-store';
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
  private pending = false;

  constructor(store: JournalStore) {
    this.subscription = store.onDidChange(() => {
      this.modelChanged();
      this.refresh();
    });
  }

  /** Drop anything memoised from the model (called at once, before the coalesced refresh). */
  protected modelChanged(): void {}

  /**
   * At most one refresh per REFRESH_DELAY_MS: the first change refreshes at
   * once (the journal's first rows show without a wait), changes within the
   * next REFRESH_DELAY_MS make one more refresh at its end.
   */
  refresh(): void {
    if (this.timer) {
      this.pending = true;
      return;
    }
    this.emitter.fire(undefined);
    const window = (): void => {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.pending) {
          this.pending = false;
          this.emitter.fire(undefined);
          window();
        }
      }, REFRESH_DELAY_MS);
    };
    window();
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
  return { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
}

export function describeProblems(problems: readonly Problem[]): string {
  const first = problems[0]!;
  return problems.length > 1
    ? vscode.l10n.t('Line {0}: {1} (+{2} more)', first.line + 1, first.message, problems.length - 1)
    : vscode.l10n.t('Line {0}: {1}', first.line + 1, first.message);
}
