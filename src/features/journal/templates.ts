// `oneOnOne.addTemplates`: the built-in meeting templates written into the
// journal's templates/ folder, so they can be edited (each one missing there;
// the user's own are never touched). A person's `template:` key or New
// Meeting's `template` argument chooses one.

import * as vscode from 'vscode';
import { BUILT_IN_TEMPLATES, templatePath } from '../../core/meeting-templates';
import { Services } from '../../host/services';
import { exists } from '../../host/stat';
import { fail, note, openInEditor, requireJournal } from '../../ui/commands';

/** The journal paths written (none when every template is there already). */
export async function addTemplates(services: Services): Promise<string[] | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const missing: { path: string; contents: string }[] = [];
  for (const [name, template] of Object.entries(BUILT_IN_TEMPLATES)) {
    const path = templatePath(name);
    if (!(await exists(services.store.uriOf(path)))) missing.push({ path, contents: template.text });
  }
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every built-in template is in templates/ already; edit them there.'),
    );
    return [];
  }
  const result = await services.writer.create(missing, 'Add meeting templates');
  if (!result.ok) return fail(result.reason);
  note(vscode.l10n.t('Added {0}.', missing.map((m) => m.path).join(', ')));
  void vscode.window
    .showInformationMessage(
      missing.length === 1
        ? vscode.l10n.t(
            'Added 1 meeting template to templates/. Choose one per person with "template: skip-level" in their file.',
          )
        : vscode.l10n.t(
            'Added {0} meeting templates to templates/. Choose one per person with "template: skip-level" in their file.',
            missing.length,
          ),
      vscode.l10n.t('Open Template'),
    )
    .then(async (pick) => {
      if (pick) await openInEditor(services.store.uriOf(missing[0]!.path));
    });
  return missing.map((m) => m.path);
}
