// Asking for a personal journal's folder: a path typed (`~/one-on-ones`
// suggested) or picked with the folder picker (the input box's Browse button),
// checked as the setting will read it.

import * as vscode from 'vscode';
import { userFolderSetting } from '../../core/journal-location';
import { homeFolder } from '../../host/journal-store';

export const DEFAULT_PERSONAL_FOLDER = '~/one-on-ones';

/** Why `value` cannot be a personal journal folder, or undefined. */
export function folderProblem(value: string): string | undefined {
  const setting = userFolderSetting(value, homeFolder());
  if ('error' in setting) return setting.error;
  if ('relative' in setting)
    return vscode.l10n.t(
      '"{0}" is a path inside a workspace. A personal journal needs a full path, such as {1} or /home/me/one-on-ones.',
      value,
      DEFAULT_PERSONAL_FOLDER,
    );
  return undefined;
}

/** The folder the user typed or picked, trimmed; undefined when cancelled. */
export function askPersonalFolder(title: string, prompt: string, suggested: string): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = title;
  box.prompt = prompt;
  box.value = suggested;
  box.ignoreFocusOut = true;
  const browse: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('folder-opened'),
    tooltip: vscode.l10n.t('Browse…'),
  };
  box.buttons = [browse];
  const validate = (v: string): string | undefined =>
    v.trim() === '' ? vscode.l10n.t('Give a folder, such as {0}.', DEFAULT_PERSONAL_FOLDER) : folderProblem(v.trim());
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = validate(v)));
    box.onDidAccept(() => {
      const problem = validate(box.value);
      if (problem) box.validationMessage = problem;
      else finish(box.value.trim());
    });
    box.onDidHide(() => finish(undefined));
    box.onDidTriggerButton(async () => {
      box.ignoreFocusOut = true;
      const home = homeFolder();
      const picked = await vscode.window.showOpenDialog({
        title,
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: vscode.l10n.t('Use This Folder'),
        ...(home ? { defaultUri: vscode.Uri.file(home) } : {}),
      });
      if (picked?.[0]) {
        box.value = picked[0].fsPath;
        box.validationMessage = validate(box.value);
      }
      box.show();
    });
    box.show();
  });
}
