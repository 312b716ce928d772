// `oneOnOne.askQuestion { person?, question?, theme? }`: a good question from
// the bank (built-in, plus the journal's questions.md) becomes a talking point.
// Questions already on an agenda with that person are marked and listed last.

import * as vscode from 'vscode';
import { parseDocument } from '../../core/document';
import { builtInQuestions, Question, questionKey, questionsFromFile } from '../../core/questions';
import { findTheme, THEMES } from '../../core/talking-points';
import { decode, MAX_FILE_BYTES } from '../../core/file-text';
import { readJournalFile } from '../../host/path-guard';
import { Services } from '../../host/services';
import { argsOf, fail, requireJournal, resolvePerson } from '../../ui/commands';

const QUESTIONS_FILE = 'questions.md';

async function questionBank(services: Services): Promise<Question[]> {
  const mine: Question[] = [];
  // No questions.md of the user's (or a linked or oversized one): the built-in bank alone.
  const bytes = await readJournalFile(services.store.root, QUESTIONS_FILE, MAX_FILE_BYTES);
  if (bytes instanceof Uint8Array) {
    const decoded = decode(bytes);
    if (decoded.kind === 'text') mine.push(...questionsFromFile(parseDocument(decoded.text)));
  } else if (!bytes.missing) {
    services.log.warn(`${bytes.reason} Only the built-in questions are offered.`);
  }
  return [...mine, ...builtInQuestions()];
}

/** When each question was last on an agenda with `person`: question key → date. */
function askedWith(services: Services, person: string): Map<string, string> {
  const asked = new Map<string, string>();
  for (const meeting of services.store.index.meetingsOf(person)) {
    for (const item of meeting.agenda) {
      const key = questionKey(item.text);
      if (key !== '' && !asked.has(key)) asked.set(key, meeting.date ?? '');
    }
  }
  return asked;
}

export async function askQuestion(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<{ person: unknown; question: unknown; theme: unknown }>(arg);
  const person = await resolvePerson(
    services,
    args?.person !== undefined ? { person: args.person } : undefined,
    vscode.l10n.t('Ask a question in the next 1:1 with…'),
  );
  if (!person) return undefined;
  let question: { text: string; theme: string } | undefined;
  if (typeof args?.question === 'string' && args.question.trim() !== '') {
    const theme =
      args.theme === undefined ? 'question' : typeof args.theme === 'string' ? findTheme(args.theme)?.id : undefined;
    if (!theme) return fail(vscode.l10n.t('"theme" must be one of: {0}.', THEMES.map((t) => t.id).join(', ')));
    question = { text: args.question.trim(), theme };
  } else if (args?.question !== undefined) {
    return fail(vscode.l10n.t('"question" must be text.'));
  } else {
    const bank = await questionBank(services);
    const asked = askedWith(services, person.slug);
    type Item = vscode.QuickPickItem & { question?: Question };
    const items: Item[] = [];
    for (const theme of THEMES) {
      const inTheme = bank.filter((q) => q.theme === theme.id);
      if (inTheme.length === 0) continue;
      items.push({ label: theme.label, kind: vscode.QuickPickItemKind.Separator });
      const fresh = inTheme.filter((q) => !asked.has(questionKey(q.text)));
      const old = inTheme.filter((q) => asked.has(questionKey(q.text)));
      for (const q of [...fresh, ...old]) {
        const when = asked.get(questionKey(q.text));
        items.push({
          label: q.text,
          description: [
            when !== undefined ? vscode.l10n.t('asked {0}', when) : undefined,
            q.origin === 'mine' ? 'questions.md' : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
          question: q,
        });
      }
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('A question for {0}', person.name),
      placeHolder: vscode.l10n.t(
        'Pick a question for the agenda (type to filter); your own go in questions.md in the journal',
      ),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!picked?.question) return undefined;
    question = picked.question;
  }
  return vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.jotTopic', {
    text: question.text,
    person: person.slug,
    theme: question.theme,
  });
}
