// What the goal and feedback commands share: a title asked or given and a
// free file name for it.

import * as vscode from 'vscode';
import { slugify } from '../../core/layout';
import { Services } from '../../host/services';
import { argsOf, fail } from '../../ui/commands';

/** `goals/<slug>.md`, or `<slug>-2.md`… when a file with that name exists. */
export function freePath(services: Services, pathOf: (slug: string) => string, title: string): string | undefined {
  const slug = slugify(title);
  if (!slug) return undefined;
  for (let n = 1; n < 1000; n++) {
    const path = pathOf(n === 1 ? slug : `${slug}-${n}`);
    if (!services.store.index.get(path)) return path;
  }
  return undefined;
}

/** `title` from the arguments, or typed (prefilled with `value`). */
export async function askTitle(
  arg: unknown,
  title: string,
  prompt: string,
  value?: string,
): Promise<string | undefined> {
  const given = argsOf<{ title: unknown }>(arg)?.title;
  if (given !== undefined) {
    if (typeof given !== 'string' || !slugify(given))
      return fail(vscode.l10n.t('"title" must be text with at least one letter or digit.'));
    return given.trim();
  }
  if (argsOf(arg)) return fail(vscode.l10n.t('"title" is missing.'));
  const typed = await vscode.window.showInputBox({
    title,
    prompt,
    ...(value ? { value } : {}),
    ignoreFocusOut: true,
    validateInput: (v) => (slugify(v) ? undefined : vscode.l10n.t('Type a title with at least one letter or digit.')),
  });
  return typed?.trim();
}
