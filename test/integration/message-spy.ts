// Records the messages the extension shows, for the path-safety and bad-input
// suites: each refusal must say which file and what to do. The messages are
// answered (dismissed) rather than shown: a notification left open would only
// clutter the suites that run after.
import * as vscode from 'vscode';

export interface Shown {
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

export class MessageSpy {
  readonly shown: Shown[] = [];
  private readonly restores: (() => void)[] = [];

  install(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const [name, level] of [
      ['showInformationMessage', 'info'],
      ['showWarningMessage', 'warning'],
      ['showErrorMessage', 'error'],
    ] as const) {
      const original = window[name];
      window[name] = (text: string): Thenable<unknown> => {
        this.shown.push({ level, text });
        return Promise.resolve(undefined);
      };
      this.restores.push(() => (window[name] = original));
    }
  }

  restore(): void {
    for (const undo of this.restores.splice(0).reverse()) undo();
  }

  /** Errors and warnings shown since `n` messages had been. */
  errorsSince(n: number): string[] {
    return this.shown
      .slice(n)
      .filter((m) => m.level !== 'info')
      .map((m) => m.text);
  }
}
