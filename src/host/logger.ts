// One output channel ("1:1 Journal") with log levels the user can change from
// the channel's gear. Messages name files, never file contents or tokens.
import * as vscode from 'vscode';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(): Logger & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('1:1 Journal', { log: true });
  return {
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
    dispose: () => channel.dispose(),
  };
}
