// The balance panel (`oneOnOne.showBalance`): its code is in balance.ts, bundled
// as dist/balance.js and loaded on the first call (ui/lazy-commands.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

export function activateBalance(context: vscode.ExtensionContext, services: Services): void {
  registerLazyCommands(context, services, 'balance.js', ['oneOnOne.showBalance']);
}
