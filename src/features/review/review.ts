// `oneOnOne.generateReview { from, to, person? }`: a review packet for a date
// range, written to `reviews/<from>_<to>[-<person>].md` and opened. The
// packet is deterministic: running it again on the same journal gives the
// same file, and a packet that differs is replaced as one undoable edit.

import * as vscode from 'vscode';
import { endOfQuarter, startOfQuarter, subMonths, subQuarters } from 'date-fns';
import { isIsoDate, parseIsoDate, toIsoDate } from '../../core/dates';
import { Person } from '../../core/journal-index';
import { renderReview, reviewPath } from '../../core/review';
import { stripBom } from '../../core/text';
import { Services } from '../../host/services';
import { argsOf, fail, openInEditor, requireJournal } from '../../ui/commands';
import { CommandTable } from '../../ui/lazy-commands';
import { whenTrusted } from '../../ui/trust';

export interface ReviewArgs {
  readonly from: string;
  readonly to: string;
  readonly person: string;
}

export async function generateReview(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<ReviewArgs>(arg);
  const { index } = services.store;
  let from: string;
  let to: string;
  let person: Person | undefined;
  if (args) {
    if (typeof args.from !== 'string' || !isIsoDate(args.from) || typeof args.to !== 'string' || !isIsoDate(args.to)) {
      return fail(vscode.l10n.t('"from" and "to" must be dates written as YYYY-MM-DD.'));
    }
    if (args.from > args.to) return fail(vscode.l10n.t('"from" ({0}) is after "to" ({1}).', args.from, args.to));
    ({ from, to } = args);
    if (args.person !== undefined) {
      person = typeof args.person === 'string' ? index.findPerson(args.person) : undefined;
      if (!person) return fail(vscode.l10n.t('No person "{0}" in the journal.', String(args.person)));
    }
  } else {
    const range = await pickRange(services.today());
    if (!range) return undefined;
    ({ from, to } = range);
    const people = index.people();
    const picked = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t('All 1:1s'),
          description: vscode.l10n.t('everyone you meet'),
          person: undefined as Person | undefined,
        },
        ...people.map((p) => ({ label: p.name, description: p.role, person: p as Person | undefined })),
      ],
      {
        title: vscode.l10n.t('Review packet {0} to {1}', from, to),
        placeHolder: vscode.l10n.t('Whose 1:1s go in?'),
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    person = picked.person;
  }

  const texts = new Map<string, string>();
  for (const entry of [...index.ofKind('goal'), ...index.ofKind('feedback')]) {
    const text = await services.store.readText(entry.path);
    if (text !== undefined) texts.set(entry.path, text);
  }
  const path = reviewPath(from, to, person?.slug);
  const contents = renderReview({ index, from, to, person, texts, outPath: path });
  const existing = await services.store.readText(path);
  let uri = services.store.uriOf(path);
  if (existing === undefined) {
    const result = await services.writer.create([{ path, contents }], 'Generate review packet');
    if (!result.ok) return fail(result.reason);
    uri = result.uri;
  } else if (existing.replace(/\r\n?/g, '\n') !== contents) {
    if (!args) {
      const pick = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} exists and differs from a fresh packet (the journal changed, or it was edited). Replace it? Undo (Ctrl+Z) brings the old one back.',
          path,
        ),
        { modal: true },
        vscode.l10n.t('Replace'),
        vscode.l10n.t('Open Existing'),
      );
      if (!pick) return undefined;
      if (pick === vscode.l10n.t('Open Existing')) {
        await openInEditor(uri);
        return uri;
      }
    }
    const result = await services.writer.edit(
      path,
      (doc) => {
        // The user agreed to replace the packet as it was when asked: edited since (another window), it is kept.
        if (unify(doc.source.text) !== unify(stripBom(existing).text))
          return {
            error: vscode.l10n.t(
              'it changed while you were asked whether to replace it; nothing was replaced. Run the command again.',
            ),
          };
        const last = doc.source.lines.length - 1;
        return {
          edits: [
            {
              range: {
                start: { line: 0, character: 0 },
                end: { line: last, character: doc.source.lines[last]!.text.length },
              },
              newText: contents.replace(/\n/g, doc.source.eol),
            },
          ],
        };
      },
      'Generate review packet',
    );
    if (!result.ok) return fail(result.reason);
  }
  await openInEditor(uri);
  return uri;
}

/** Common ranges first; a custom range asks for two dates. */
async function pickRange(today: string): Promise<{ from: string; to: string } | undefined> {
  const now = parseIsoDate(today)!;
  const day = (d: Date): string => toIsoDate(d);
  const lastQuarter = subQuarters(now, 1);
  const presets = [
    {
      label: vscode.l10n.t('Last quarter'),
      from: day(startOfQuarter(lastQuarter)),
      to: day(endOfQuarter(lastQuarter)),
    },
    { label: vscode.l10n.t('This quarter so far'), from: day(startOfQuarter(now)), to: today },
    { label: vscode.l10n.t('Last 6 months'), from: day(subMonths(now, 6)), to: today },
    { label: vscode.l10n.t('Last 12 months'), from: day(subMonths(now, 12)), to: today },
  ];
  const picked = await vscode.window.showQuickPick(
    [
      ...presets.map((p) => ({ ...p, description: vscode.l10n.t('{0} to {1}', p.from, p.to) })),
      { label: vscode.l10n.t('Custom range…'), from: '', to: '', description: vscode.l10n.t('two dates') },
    ],
    { title: vscode.l10n.t('Review packet'), placeHolder: vscode.l10n.t('Which period?'), ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.from) return { from: picked.from, to: picked.to };
  const ask = (prompt: string, value: string, after?: string): Thenable<string | undefined> =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Review packet'),
      prompt,
      value,
      ignoreFocusOut: true,
      validateInput: (v) =>
        !isIsoDate(v.trim())
          ? vscode.l10n.t('Write the date as YYYY-MM-DD.')
          : after && v.trim() < after
            ? vscode.l10n.t('Pick a date on or after {0}.', after)
            : undefined,
    });
  const from = (await ask(vscode.l10n.t('First day (YYYY-MM-DD)'), presets[0]!.from))?.trim();
  if (!from) return undefined;
  const to = (await ask(vscode.l10n.t('Last day (YYYY-MM-DD)'), today, from))?.trim();
  return to ? { from, to } : undefined;
}

/** The commands of dist/review.js (index.ts registers them; ui/lazy-commands.ts loads this on the first call). */
export function commands(_context: vscode.ExtensionContext, services: Services): CommandTable {
  return {
    'oneOnOne.generateReview': whenTrusted(vscode.l10n.t('write a review packet'), (arg?: unknown) =>
      generateReview(services, arg),
    ),
  };
}

function unify(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
