// Search the Journal (`oneOnOne.search`): its code is in search.ts, bundled as
// dist/search.js and loaded on the first call (ui/lazy-commands.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

export function activateSearch(context: vscode.ExtensionContext, services: Services): void {
  registerLazyCommands(context, services, 'search.js', ['oneOnOne.search']);
}
