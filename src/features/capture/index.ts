// Capture (a selection, a typed line or the terminal's selection → a talking
// point; a question from the bank): its code is in capture.ts, bundled as
// dist/capture.js and loaded on the first call (ui/lazy-commands.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

export function activateCapture(context: vscode.ExtensionContext, services: Services): void {
  registerLazyCommands(context, services, 'capture.js', [
    'oneOnOne.addTalkingPoint',
    'oneOnOne.jotTopic',
    'oneOnOne.addTerminalSelection',
    'oneOnOne.askQuestion',
  ]);
}
