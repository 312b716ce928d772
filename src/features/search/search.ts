// `oneOnOne.search`: a quick pick over the whole journal — talking points,
// action items, wins, feedback threads and goal progress — from the index,
// filtered as you type (words, `@person`, `#theme`, `is:open`, `is:done`,
// `is:point`…); Enter opens the file at the line. `{ query }` starts it typed.

import * as vscode from 'vscode';
import { matchesQuery, parseQuery, SearchKind, SearchRow, searchRows } from '../../core/search';
import { Services } from '../../host/services';
import { argsOf, requireJournal } from '../../ui/commands';
import { CommandTable } from '../../ui/lazy-commands';

/** Rows shown at most: enough to scan, few enough that typing stays instant at 10,000 files. */
export const SHOWN = 200;

const ICONS: Record<SearchKind, string> = {
  point: 'comment',
  action: 'checklist',
  win: 'star-full',
  feedback: 'feedback',
  progress: 'target',
};

const KIND_WORDS: Record<SearchKind, string> = {
  point: vscode.l10n.t('talking point'),
  action: vscode.l10n.t('action item'),
  win: vscode.l10n.t('win'),
  feedback: vscode.l10n.t('feedback thread'),
  progress: vscode.l10n.t('goal progress'),
};

type Item = vscode.QuickPickItem & { row: SearchRow };

function itemOf(row: SearchRow): Item {
  const box = row.status === 'open' ? '[ ] ' : row.status === 'done' ? '[x] ' : '';
  return {
    label: `$(${ICONS[row.kind]}) ${row.kind === 'point' || row.kind === 'action' ? box : ''}${row.text}`,
    description: [row.personName, row.date].filter(Boolean).join(' · '),
    detail: [
      KIND_WORDS[row.kind],
      row.kind === 'feedback' ? row.status : undefined,
      row.tags.map((t) => `#${t}`).join(' '),
    ]
      .filter(Boolean)
      .join(' · '),
    // Our own filter decides what matches (the filters are not words VS Code would find in a row).
    alwaysShow: true,
    row,
  };
}

/** What the pick shows for `value`: the matching rows, newest first, at most SHOWN. */
export function filterRows(rows: readonly SearchRow[], value: string): { shown: SearchRow[]; total: number } {
  const query = parseQuery(value);
  const shown: SearchRow[] = [];
  let total = 0;
  for (const row of rows) {
    if (!matchesQuery(row, query)) continue;
    total++;
    if (shown.length < SHOWN) shown.push(row);
  }
  return { shown, total };
}

async function openAt(services: Services, row: SearchRow): Promise<void> {
  const uri = services.store.uriOf(row.path);
  const position = new vscode.Position(row.line, 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: false });
}

/** The search pick, exposed for tests: open it with `value` typed; it resolves with the row opened, if any. */
export async function searchJournal(services: Services, arg?: unknown): Promise<SearchRow | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const { rows, skipped } = searchRows(services.store.index);
  const given = argsOf<{ query: unknown }>(arg)?.query;
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Search the 1:1 journal');
  pick.placeholder = vscode.l10n.t(
    'Words, @person, #theme, is:open, is:done, is:action, is:win, is:feedback, is:progress',
  );
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const show = (value: string): void => {
    const { shown, total } = filterRows(rows, value);
    pick.items = shown.map(itemOf);
    const more =
      total > shown.length ? ` ${vscode.l10n.t('(the newest {0} of {1}: type to narrow)', shown.length, total)}` : '';
    const skip =
      skipped === 0
        ? ''
        : ` · ${skipped === 1 ? vscode.l10n.t('1 file could not be read (see Problems)') : vscode.l10n.t('{0} files could not be read (see Problems)', skipped)}`;
    pick.title = vscode.l10n.t('Search the 1:1 journal: {0} found', total) + more + skip;
  };
  pick.onDidChangeValue(show);
  if (typeof given === 'string') pick.value = given;
  show(pick.value);
  return new Promise((resolve) => {
    let chosen: SearchRow | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.row ?? pick.activeItems[0]?.row;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (chosen) void openAt(services, chosen).then(() => resolve(chosen));
      else resolve(undefined);
    });
    pick.show();
  });
}

/** The commands of dist/search.js (index.ts registers them; ui/lazy-commands.ts loads this on the first call). */
export function commands(_context: vscode.ExtensionContext, services: Services): CommandTable {
  return { 'oneOnOne.search': (arg?: unknown) => searchJournal(services, arg) };
}
