// `oneOnOne.newMeeting`: a meeting on a date given, suggested or typed.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { BUILT_IN_TEMPLATES, templateName, templatePath } from '../../core/meeting-templates';
import { Services } from '../../host/services';
import { exists } from '../../host/stat';
import { argsOf, fail, requireJournal, resolvePerson } from '../../ui/commands';
import { openOrCreateMeeting, suggestedDate } from '../../ui/meetings';

/**
 * `oneOnOne.newMeeting { person, date?, template? }` → the meeting file's URI
 * (opened in an editor). `template`: `templates/<template>.md`, or a built-in
 * one (meeting, first, skip-level, mentoring, report); else the person's.
 */
export async function newMeeting(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const person = await resolvePerson(services, arg, vscode.l10n.t('Who is the 1:1 with?'));
  if (!person) return undefined;
  const args = argsOf<{ date: unknown; template: unknown }>(arg);
  let template: string | undefined;
  if (args?.template !== undefined) {
    template = templateName(args.template);
    const known =
      template !== undefined &&
      (Object.hasOwn(BUILT_IN_TEMPLATES, template) || (await exists(services.store.uriOf(templatePath(template)))));
    if (!known)
      return fail(
        vscode.l10n.t(
          '"template" must name templates/<name>.md in the journal, or one of: {0}.',
          Object.keys(BUILT_IN_TEMPLATES).join(', '),
        ),
      );
  }
  let date: string;
  if (args?.date !== undefined) {
    if (typeof args.date !== 'string' || !isIsoDate(args.date))
      return fail(vscode.l10n.t('"date" must be a date written as YYYY-MM-DD, e.g. 2026-03-09.'));
    date = args.date;
  } else if (args) {
    date = suggestedDate(services, person);
  } else {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('New 1:1 with {0}', person.name),
      prompt: vscode.l10n.t('Date of the meeting (YYYY-MM-DD)'),
      value: suggestedDate(services, person),
      ignoreFocusOut: true,
      validateInput: (value) =>
        isIsoDate(value.trim()) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD, e.g. 2026-03-09.'),
    });
    if (typed === undefined) return undefined;
    date = typed.trim();
  }
  return openOrCreateMeeting(services, person, date, true, template);
}
