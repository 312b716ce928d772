// Who a new person is: their name, role and cadence, given as arguments or
// asked for. Creating the journal and adding a person both begin here.

import * as vscode from 'vscode';
import { CADENCES, isCadence } from '../core/dates';
import { personPath, slugify } from '../core/layout';
import { isRole, personFile, Role, ROLES } from '../core/templates';
import { scheduleOf } from '../core/schedule';
import { Services } from '../host/services';
import { argsOf, fail } from './commands';

export interface PersonInput {
  readonly name: string;
  readonly role: Role | undefined;
  readonly cadence: string | undefined;
}

const ROLE_HINTS: Record<Role, string> = {
  manager: vscode.l10n.t('your manager'),
  'skip-level': vscode.l10n.t("your manager's manager"),
  mentor: vscode.l10n.t('someone who advises you'),
  report: vscode.l10n.t('someone you manage'),
  peer: vscode.l10n.t('a colleague'),
};

/** Reads `{ name, role?, cadence? }` or asks for each; undefined when cancelled or invalid. */
export async function personInput(
  services: Services,
  arg: unknown,
  askCadence: boolean,
): Promise<PersonInput | undefined> {
  const args = argsOf<{ name: unknown; role: unknown; cadence: unknown }>(arg);
  if (args?.name !== undefined) {
    const { name, role, cadence } = args;
    if (typeof name !== 'string' || !slugify(name))
      return fail(vscode.l10n.t('"name" must be a name with at least one letter or digit.'));
    if (role !== undefined && !isRole(role))
      return fail(vscode.l10n.t('"role" must be one of: {0}.', ROLES.join(', ')));
    if (cadence !== undefined && !isCadence(cadence)) {
      const problem = scheduleOf({ cadence }).problems[0];
      if (typeof cadence !== 'string' || problem)
        return fail(
          vscode.l10n.t(
            '"cadence" must be one of: {0}, or an RRULE such as FREQ=WEEKLY;INTERVAL=2;BYDAY=TU.',
            CADENCES.join(', '),
          ),
        );
    }
    return { name: name.trim(), role, cadence };
  }
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add a person'),
    prompt: vscode.l10n.t('Who do you have 1:1s with?'),
    placeHolder: vscode.l10n.t('Name, e.g. Alex Kim'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const slug = slugify(value);
      if (!slug) return vscode.l10n.t('Type a name with at least one letter or digit.');
      return services.store.index.get(personPath(slug))
        ? vscode.l10n.t('{0} is already in the journal.', value.trim())
        : undefined;
    },
  });
  if (name === undefined) return undefined;
  const role = await vscode.window.showQuickPick(
    ROLES.map((r) => ({ label: r, description: ROLE_HINTS[r] })),
    {
      title: vscode.l10n.t('Add a person: {0}', name.trim()),
      placeHolder: vscode.l10n.t('What is {0} to you?', name.trim()),
      ignoreFocusOut: true,
    },
  );
  if (!role) return undefined;
  let cadence: string | undefined;
  if (askCadence) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'weekly', description: vscode.l10n.t('usual, especially while onboarding') },
        { label: 'biweekly', description: vscode.l10n.t('every two weeks') },
        { label: 'monthly', description: vscode.l10n.t('the rarest a 1:1 should be') },
      ],
      {
        title: vscode.l10n.t('Add a person: {0}', name.trim()),
        placeHolder: vscode.l10n.t('How often do you meet?'),
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    cadence = picked.label;
  }
  return { name: name.trim(), role: role.label as Role, cadence };
}

export function personFileFor(input: PersonInput): { path: string; contents: string } | undefined {
  const slug = slugify(input.name);
  if (!slug) return undefined;
  return { path: personPath(slug), contents: personFile(input.name, input.role, input.cadence) };
}
