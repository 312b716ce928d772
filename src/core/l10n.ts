// Messages of the core that reach the user (refusals, problems, summaries),
// translated without importing vscode: the extension's activation hands in
// vscode.l10n.t, and until then (and in unit tests) the English text is
// formatted here the same way. Call it as `l10n.t('…{0}…', arg)` with a
// literal first argument, so that `npm run l10n` finds the message.

export type L10nArg = string | number | boolean;
export type Translator = (message: string, ...args: L10nArg[]) => string;

/** `{0}`, `{1}`… replaced by the argument at that index, as vscode.l10n.t does; any other `{…}` is left as it is. */
export function formatMessage(message: string, ...args: L10nArg[]): string {
  if (args.length === 0) return message;
  return message.replace(/{([^}]+)}/g, (match, key: string) => {
    const arg = /^(0|[1-9]\d*)$/.test(key) ? args[Number(key)] : undefined;
    return arg === undefined ? match : String(arg);
  });
}

let translate: Translator = formatMessage;

export const l10n = {
  t(message: string, ...args: L10nArg[]): string {
    return translate(message, ...args);
  },
};

/** Set once by the extension's activation; `undefined` restores the English default. */
export function setTranslator(fn: Translator | undefined): void {
  translate = fn ?? formatMessage;
}
