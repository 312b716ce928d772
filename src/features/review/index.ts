// The review packet (`oneOnOne.generateReview`): its code is in review.ts, bundled
// as dist/review.js and loaded on the first call (ui/lazy-commands.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

export function activateReview(context: vscode.ExtensionContext, services: Services): void {
  registerLazyCommands(context, services, 'review.js', ['oneOnOne.generateReview']);
}
