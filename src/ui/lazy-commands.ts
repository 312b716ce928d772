// Commands whose bodies live in a bundle of their own (scripts/build.mjs),
// loaded on first use: VS Code needs every command registered at activation
// (menus, keybindings, the palette), but not its code. Each id is registered
// here as a stub; the first call of any of a bundle's commands loads the
// bundle once and builds its command table, and every call goes to the table.

import * as vscode from 'vscode';
import { lazyBundle } from '../host/lazy-bundle';
import { Services } from '../host/services';

export type CommandTable = Readonly<Record<string, (...args: unknown[]) => unknown>>;

/**
 * What a feature's lazy bundle exports: its commands, made once, on the first
 * call of one of them. `shared` is what the feature's index.ts keeps from
 * activation on (evidence: the GitHub sign-in the tests replace).
 */
export interface LazyFeature<S = undefined> {
  commands(context: vscode.ExtensionContext, services: Services, shared: S): CommandTable;
}

export function registerLazyCommands<S = undefined>(
  context: vscode.ExtensionContext,
  services: Services,
  bundle: string,
  ids: readonly string[],
  shared?: S,
): void {
  let table: Promise<CommandTable> | undefined;
  const load = (): Promise<CommandTable> => {
    table ??= lazyBundle<LazyFeature<S | undefined>>(context.extensionUri, bundle).then((feature) =>
      feature.commands(context, services, shared),
    );
    // A failed load is tried again on the next call (lazyBundle forgets it too).
    table.catch(() => (table = undefined));
    return table;
  };
  for (const id of ids)
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        let commands: CommandTable;
        try {
          commands = await load();
        } catch (error) {
          services.log.error(`Loading ${bundle} for ${id} failed: ${String(error)}`);
          void vscode.window.showErrorMessage(
            vscode.l10n.t('This command could not be loaded ({0}). Reload the window and try again.', String(error)),
          );
          return undefined;
        }
        const run = commands[id];
        if (!run) throw new Error(`${bundle} has no command ${id}`);
        return run(...args);
      }),
    );
}
