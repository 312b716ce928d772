// The journal in Copilot Chat: the language-model tools and the @1on1
// participant. What they answer is built in dist/copilot.js, loaded the
// first time one of them is used; here they are only registered.

import * as vscode from 'vscode';
import { loadedBundles } from '../../host/lazy-bundle';
import { Services } from '../../host/services';
import { createHandler, PARTICIPANT_ID } from './participant';
import { createTools } from './tools';

export function activateCopilot(context: vscode.ExtensionContext, services: Services) {
  const tools = createTools(services, context.extensionUri);
  const handler = createHandler(services, context.extensionUri);
  // A host without these APIs (an older VS Code, a web build without chat) has the rest of the extension.
  if (typeof vscode.lm?.registerTool === 'function')
    for (const [name, tool] of tools) context.subscriptions.push(vscode.lm.registerTool(name, tool));
  if (typeof vscode.chat?.createChatParticipant === 'function') {
    const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, handler);
    participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    context.subscriptions.push(participant);
  }
  return { tools, handler, answersLoaded: () => loadedBundles().includes('copilot.js') };
}
