import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { whenTrusted } from '../../ui/trust';
import { argsOf, fail, openInEditor, requireJournal } from '../../ui/commands';
import { personFileFor, personInput } from '../../ui/person-input';

/** `oneOnOne.addPerson { name, role?, cadence? }` → the new person file's URI. */
export async function addPerson(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const input = await personInput(services, arg, true);
  if (!input) return undefined;
  const file = personFileFor(input)!;
  const result = await services.writer.create([file], 'Add person');
  if (!result.ok) return fail(result.reason);
  if (!argsOf(arg)) await openInEditor(result.uri);
  return result.uri;
}

export function activatePeople(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'oneOnOne.addPerson',
      whenTrusted(vscode.l10n.t('add a person'), (arg?: unknown) => addPerson(services, arg)),
    ),
  );
}
