// Settings that more than one feature reads, with their defaults and bounds.

import * as vscode from 'vscode';
import { DEFAULT_STALE_WEEKS } from '../core/threads';

/** `oneOnOne.staleGoalWeeks`: weeks without discussion after which an active goal is flagged (0: never). */
export function staleGoalWeeks(): number {
  const weeks = vscode.workspace.getConfiguration('oneOnOne').get<number>('staleGoalWeeks', DEFAULT_STALE_WEEKS);
  return typeof weeks === 'number' && Number.isFinite(weeks) && weeks >= 0 ? Math.floor(weeks) : DEFAULT_STALE_WEEKS;
}
