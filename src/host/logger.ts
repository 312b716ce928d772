// One output channel ("1:1 Journal") with log levels the user can change from
// the channel's gear (Trace, Debug, Info, Warning, Error; Info by default).
// What may be logged: journal-relative file paths, dates, counts, setting
// names and error kinds. What never is: a token or Authorization header, a
// file's content, the text of a talking point, a note or a title, or a
// person's name. Every line also passes redactSecrets, a safety net for
// anything credential-shaped that slips through.
import * as vscode from 'vscode';
import { redactSecrets } from '../core/privacy';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  /** Step by step detail, for a bug report (Trace level). */
  trace(message: string): void;
  /** What a command decided and why (Debug level). */
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LogLine {
  readonly level: LogLevel;
  /** The message as written to the channel (after redaction). */
  readonly message: string;
}

export interface JournalLog extends Logger, vscode.Disposable {
  /**
   * Every line, whatever level the channel shows: for the tests that check
   * what must never be logged (services.log is this object).
   */
  readonly onDidLog: vscode.Event<LogLine>;
}

export function createLogger(): JournalLog {
  const channel = vscode.window.createOutputChannel('1:1 Journal', { log: true });
  const emitter = new vscode.EventEmitter<LogLine>();
  const write = (level: LogLevel, message: string): void => {
    const safe = redactSecrets(message);
    channel[level](safe);
    emitter.fire({ level, message: safe });
  };
  return {
    trace: (m) => write('trace', m),
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    onDidLog: emitter.event,
    dispose: () => {
      emitter.dispose();
      channel.dispose();
    },
  };
}
