// What Finish Meeting records: the takeaways and action items, from the
// command's arguments or, without any, asked one by one.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { ActionItem } from '../../core/finish';
import { Person } from '../../core/journal-index';
import { JournalEntry } from '../../core/journal-entry';
import { argsOf, fail } from '../../ui/commands';

export interface FinishAnswers {
  readonly takeaways: string[];
  readonly actions: ActionItem[];
}

/** From `{ person?, takeaways?, actionItems? }` when given (undefined after saying what is wrong), else asked. */
export async function finishInputOf(
  arg: unknown,
  person: Person,
  entry: JournalEntry,
): Promise<FinishAnswers | undefined> {
  const args = argsOf<{ person: unknown; takeaways: unknown; actionItems: unknown }>(arg);
  if (args && (args.takeaways !== undefined || args.actionItems !== undefined || args.person !== undefined)) {
    const takeaways = parseTakeaways(args.takeaways);
    if (takeaways instanceof Error) return fail(takeaways.message);
    const actions = parseActionItems(args.actionItems);
    if (actions instanceof Error) return fail(actions.message);
    return { takeaways, actions };
  }
  return ask(person, entry);
}

async function ask(person: Person, entry: JournalEntry): Promise<FinishAnswers | undefined> {
  const title = `Finish the 1:1 of ${entry.date} with ${person.name}`;
  const takeaways: string[] = [];
  for (;;) {
    const text = await vscode.window.showInputBox({
      title,
      prompt: `Takeaway ${takeaways.length + 1} (leave empty and press Enter to go on to action items)`,
      placeHolder: 'What you want to remember from this 1:1',
      ignoreFocusOut: true,
    });
    if (text === undefined) return undefined;
    if (text.trim() === '') break;
    takeaways.push(text.trim());
  }
  const actions: ActionItem[] = [];
  for (;;) {
    const text = await vscode.window.showInputBox({
      title,
      prompt: `Action item ${actions.length + 1} (leave empty and press Enter to finish)`,
      placeHolder: 'e.g. Send the design doc for review',
      ignoreFocusOut: true,
    });
    if (text === undefined) return undefined;
    if (text.trim() === '') break;
    const owner = await vscode.window.showQuickPick(
      [
        { label: 'Me', owner: 'me' as const },
        { label: person.name, owner: 'them' as const },
      ],
      { title, placeHolder: `Who owns "${text.trim()}"?`, ignoreFocusOut: true },
    );
    if (!owner) return undefined;
    const due = await vscode.window.showInputBox({
      title,
      prompt: 'Due date (YYYY-MM-DD), or leave empty',
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' || isIsoDate(v.trim()) ? undefined : 'Write the date as YYYY-MM-DD, or leave it empty.',
    });
    if (due === undefined) return undefined;
    actions.push({ text: text.trim(), owner: owner.owner, ...(due.trim() ? { due: due.trim() } : {}) });
  }
  return { takeaways, actions };
}

function parseTakeaways(value: unknown): string[] | Error {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string'))
    return new Error('"takeaways" must be text or a list of texts.');
  return list.map((t: string) => t.trim()).filter((t) => t !== '');
}

function parseActionItems(value: unknown): ActionItem[] | Error {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    return new Error('"actionItems" must be a list of texts or { text, owner: "me" | "them", due? } objects.');
  const out: ActionItem[] = [];
  for (const v of value) {
    if (typeof v === 'string') {
      if (v.trim()) out.push({ text: v.trim(), owner: 'me' });
      continue;
    }
    if (typeof v !== 'object' || v === null || typeof (v as { text?: unknown }).text !== 'string')
      return new Error('Each action item needs a "text".');
    const { text, owner, due } = v as { text: string; owner?: unknown; due?: unknown };
    if (owner !== undefined && owner !== 'me' && owner !== 'them')
      return new Error('An action item\'s "owner" must be "me" or "them".');
    if (due !== undefined && (typeof due !== 'string' || !isIsoDate(due)))
      return new Error('An action item\'s "due" must be a date written as YYYY-MM-DD.');
    if (text.trim())
      out.push({
        text: text.trim(),
        owner: (owner as 'me' | 'them' | undefined) ?? 'me',
        ...(due ? { due: due as string } : {}),
      });
  }
  return out;
}
