// The small questions evidence commands ask: which impact circle, and
// quick-pick text that comes from GitHub shown safely.

import * as vscode from 'vscode';
import { Circle, CIRCLES, Evidence, refLabel, suggestCircle } from '../../core/evidence';

/** The user confirms (or changes) the suggested circle; undefined when they cancel. */
export async function confirmCircle(
  evidence: Evidence,
  me: string | undefined,
  position: number,
  total: number,
): Promise<Circle | undefined> {
  const suggestion = suggestCircle(evidence, me);
  const ordered = [...CIRCLES].sort((a, b) => Number(b.id === suggestion.circle) - Number(a.id === suggestion.circle));
  const picked = await vscode.window.showQuickPick(
    ordered.map((c) => ({
      label: c.label,
      description: c.id === suggestion.circle ? `suggested: ${noIcons(suggestion.reason)}` : undefined,
      detail: c.description,
      circle: c.id,
    })),
    {
      title: `Impact circle of ${refLabel(evidence.pr.ref)}${total > 1 ? ` (${position} of ${total})` : ''}`,
      placeHolder: noIcons(evidence.pr.title),
      ignoreFocusOut: true,
    },
  );
  return picked?.circle;
}

/** Quick pick labels render `$(name)` as icons: text from GitHub must not. */
export function noIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(').replace(/[\r\n]+/g, ' ');
}
