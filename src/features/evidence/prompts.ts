// The small questions evidence commands ask: which impact circle, and
// quick-pick text that comes from GitHub shown safely.

import * as vscode from 'vscode';
import {
  Circle,
  circleDescription,
  circleLabel,
  CIRCLES,
  Evidence,
  refLabel,
  suggestCircle,
} from '../../core/evidence';

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
      label: circleLabel(c.id),
      description: c.id === suggestion.circle ? vscode.l10n.t('suggested: {0}', noIcons(suggestion.reason)) : undefined,
      detail: circleDescription(c.id),
      circle: c.id,
    })),
    {
      title:
        total > 1
          ? vscode.l10n.t('Impact circle of {0} ({1} of {2})', refLabel(evidence.pr.ref), position, total)
          : vscode.l10n.t('Impact circle of {0}', refLabel(evidence.pr.ref)),
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
