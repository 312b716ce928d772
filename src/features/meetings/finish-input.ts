// What Finish Meeting records: the takeaways and action items, from the
// command's arguments or, without any, typed into one list.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { FinishEntry, finishEntryText, parseFinishEntry } from '../../core/finish-entry';
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

/**
 * Takeaways and action items in one list: each line typed is added (an owner
 * first makes it an action item), a row chosen goes back into the box to be
 * corrected, and nothing is written until "Finish" is chosen.
 */
function ask(person: Person, entry: JournalEntry): Promise<FinishAnswers | undefined> {
  type Row = vscode.QuickPickItem & { readonly entry?: FinishEntry; readonly role: 'add' | 'entry' | 'finish' };
  const first = person.name.trim().split(/\s+/)[0] || person.name;
  const remove: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Remove') };
  const entries: FinishEntry[] = [];
  const qp = vscode.window.createQuickPick<Row>();
  qp.title = vscode.l10n.t('Finish the 1:1 of {0} with {1}', String(entry.date), person.name);
  qp.placeholder = vscode.l10n.t(
    'Type a takeaway, or an action item as "Me: …" or "{0}: …" (add "by YYYY-MM-DD" for a due date); Enter adds it',
    first,
  );
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = false;

  const rowOf = (e: FinishEntry): Row =>
    e.kind === 'takeaway'
      ? { label: e.text, iconPath: new vscode.ThemeIcon('note'), entry: e, role: 'entry', buttons: [remove] }
      : {
          label: e.item.text,
          description: `${e.item.owner === 'them' ? person.name : 'Me'}${e.item.due ? ` · ${vscode.l10n.t('due {0}', e.item.due)}` : ''}`,
          iconPath: new vscode.ThemeIcon('checklist'),
          entry: e,
          role: 'entry',
          buttons: [remove],
        };
  const render = (): void => {
    const typed = parseFinishEntry(qp.value, person.name);
    const takeaways = entries.filter((e) => e.kind === 'takeaway');
    const actions = entries.filter((e) => e.kind === 'action');
    const rows: Row[] = [];
    if (typed) {
      rows.push({
        label:
          typed.kind === 'takeaway'
            ? vscode.l10n.t('$(add) Add takeaway: {0}', typed.text)
            : typed.item.owner === 'them'
              ? vscode.l10n.t('$(add) Add action item for {0}: {1}', person.name, typed.item.text)
              : vscode.l10n.t('$(add) Add action item for me: {0}', typed.item.text),
        description: typed.kind === 'action' && typed.item.due ? vscode.l10n.t('due {0}', typed.item.due) : '',
        alwaysShow: true,
        role: 'add',
      });
    }
    if (takeaways.length > 0)
      rows.push({ label: vscode.l10n.t('Takeaways'), kind: vscode.QuickPickItemKind.Separator, role: 'entry' });
    rows.push(...takeaways.map(rowOf));
    if (actions.length > 0)
      rows.push({ label: vscode.l10n.t('Action items'), kind: vscode.QuickPickItemKind.Separator, role: 'entry' });
    rows.push(...actions.map(rowOf));
    rows.push({
      label: vscode.l10n.t('$(check) Finish the meeting'),
      detail: vscode.l10n.t(
        'Writes {0} and {1}, marks it done, and readies the next one',
        takeawaysText(takeaways.length),
        actionsText(actions.length),
      ),
      alwaysShow: true,
      role: 'finish',
    });
    qp.items = rows;
    // Enter adds what is typed; with nothing typed, it finishes.
    qp.activeItems = [typed ? rows[0]! : rows[rows.length - 1]!];
  };

  return new Promise<FinishAnswers | undefined>((resolve) => {
    let done = false;
    const finish = (value: FinishAnswers | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidChangeValue(render);
    qp.onDidTriggerItemButton(({ item }) => {
      const at = item.entry ? entries.indexOf(item.entry) : -1;
      if (at >= 0) entries.splice(at, 1);
      render();
    });
    qp.onDidAccept(() => {
      const row = qp.activeItems[0];
      const typed = parseFinishEntry(qp.value, person.name);
      if (typed && (!row || row.role === 'add')) {
        entries.push(typed);
        qp.value = '';
        render();
        return;
      }
      if (row?.role === 'entry' && row.entry) {
        // Back into the box, to be corrected and added again.
        entries.splice(entries.indexOf(row.entry), 1);
        qp.value = finishEntryText(row.entry, person.name);
        render();
        return;
      }
      if (row?.role === 'finish') {
        // A line still in the box when Finish is chosen is kept, not dropped.
        if (typed) entries.push(typed);
        finish({
          takeaways: entries.flatMap((e) => (e.kind === 'takeaway' ? [e.text] : [])),
          actions: entries.flatMap((e) => (e.kind === 'action' ? [e.item] : [])),
        });
      }
    });
    qp.onDidHide(() => finish(undefined));
    render();
    qp.show();
  });
}

function takeawaysText(n: number): string {
  return n === 0
    ? vscode.l10n.t('no takeaways')
    : n === 1
      ? vscode.l10n.t('1 takeaway')
      : vscode.l10n.t('{0} takeaways', n);
}

function actionsText(n: number): string {
  return n === 0
    ? vscode.l10n.t('no action items')
    : n === 1
      ? vscode.l10n.t('1 action item')
      : vscode.l10n.t('{0} action items', n);
}

function parseTakeaways(value: unknown): string[] | Error {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string'))
    return new Error(vscode.l10n.t('"takeaways" must be text or a list of texts.'));
  return list.map((t: string) => t.trim()).filter((t) => t !== '');
}

function parseActionItems(value: unknown): ActionItem[] | Error {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    return new Error(
      vscode.l10n.t('"actionItems" must be a list of texts or { text, owner: "me" | "them", due? } objects.'),
    );
  const out: ActionItem[] = [];
  for (const v of value) {
    if (typeof v === 'string') {
      if (v.trim()) out.push({ text: v.trim(), owner: 'me' });
      continue;
    }
    if (typeof v !== 'object' || v === null || typeof (v as { text?: unknown }).text !== 'string')
      return new Error(vscode.l10n.t('Each action item needs a "text".'));
    const { text, owner, due } = v as { text: string; owner?: unknown; due?: unknown };
    if (owner !== undefined && owner !== 'me' && owner !== 'them')
      return new Error(vscode.l10n.t('An action item\'s "owner" must be "me" or "them".'));
    if (due !== undefined && (typeof due !== 'string' || !isIsoDate(due)))
      return new Error(vscode.l10n.t('An action item\'s "due" must be a date written as YYYY-MM-DD.'));
    if (text.trim())
      out.push({
        text: text.trim(),
        owner: (owner as 'me' | 'them' | undefined) ?? 'me',
        ...(due ? { due: due as string } : {}),
      });
  }
  return out;
}
