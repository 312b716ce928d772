// The journal itself: creating it where the setting says (init.ts), or as a
// personal journal outside the workspace, the same in every window (personal.ts),
// or by moving a workspace journal there (move.ts); and its meeting templates
// (templates.ts). Built as dist/journal.js, loaded on the first call (index.ts
// registers the ids).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { CommandTable } from '../../ui/lazy-commands';
import { whenTrusted } from '../../ui/trust';
import { initJournal } from './init';
import { moveJournal } from './move';
import { addTemplates } from './templates';
import { createPersonalJournal } from './personal';

export function commands(_context: vscode.ExtensionContext, services: Services): CommandTable {
  return {
    'oneOnOne.initJournal': (arg?: unknown) => initJournal(services, arg),
    'oneOnOne.createPersonalJournal': (arg?: unknown) => createPersonalJournal(services, arg),
    'oneOnOne.moveJournal': (arg?: unknown) => moveJournal(services, arg),
    'oneOnOne.addTemplates': whenTrusted(vscode.l10n.t('add meeting templates'), () => addTemplates(services)),
  };
}
