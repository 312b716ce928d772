// @1on1 in Copilot Chat. /prep, /open, /wins and /review answer from the
// journal itself (the same answers as the tools, with references to the
// files and buttons for the matching commands); any other question goes to
// the user's own chat model with the shareable text of the meetings that
// match it, citing them. Without a model, the slash commands still answer.

import * as vscode from 'vscode';
import { Person } from '../../core/journal-index';
import { Services } from '../../host/services';
import { answers, AnswersBundle, daysBefore, nextDate, prepInput, unavailable } from './journal';

export const PARTICIPANT_ID = 'one-on-one-journal.1on1';

type Answer = { readonly markdown: string; readonly paths: readonly string[] };

export function createHandler(services: Services, extensionUri: vscode.Uri): vscode.ChatRequestHandler {
  return async (request, _context, stream, token) => {
    const why = await unavailable(services);
    if (why) {
      stream.markdown(why);
      return { metadata: { command: request.command ?? '' } };
    }
    let bundle: AnswersBundle;
    try {
      bundle = await answers(extensionUri);
    } catch (error) {
      services.log.error(`Loading the answers for @1on1 failed: ${String(error)}`);
      stream.markdown(vscode.l10n.t('The 1:1 Journal could not load its answers: {0}', String(error)));
      return { metadata: { command: request.command ?? '' } };
    }
    const { index } = services.store;
    const person = bundle.personInText(request.prompt, index.people());
    const today = services.today();
    const show = (answer: Answer): void => {
      stream.markdown(answer.markdown);
      for (const path of answer.paths) stream.reference(services.store.uriOf(path));
    };
    switch (request.command) {
      case 'prep': {
        const who = person ?? onlyPerson(services);
        if (!who) return askWho(services, stream, 'prep');
        const date = nextDate(services, who);
        show(bundle.prepSheetAnswer(prepInput(services, who, date)));
        stream.button({
          command: 'oneOnOne.openNextAgenda',
          title: vscode.l10n.t('Open Agenda'),
          arguments: [{ person: who.slug }],
        });
        stream.button({
          command: 'oneOnOne.openPrepSheet',
          title: vscode.l10n.t('Open Prep Sheet'),
          arguments: [{ person: who.slug, date }],
        });
        break;
      }
      case 'open':
        show(bundle.openItemsAnswer(index, today, person ? { person } : {}));
        stream.button({ command: 'oneOnOne.openItems.focus', title: vscode.l10n.t('Show Open Items') });
        break;
      case 'wins': {
        const since = (person && index.lastMeeting(person.slug, today)?.date) || daysBefore(today, 30);
        show(bundle.winsAnswer(index, since, today, person));
        stream.button({
          command: 'oneOnOne.linkPullRequest',
          title: vscode.l10n.t('Link Pull Requests as Wins…'),
          arguments: person ? [{ person: person.slug }] : [],
        });
        break;
      }
      case 'review': {
        const from = daysBefore(today, 90);
        show(bundle.reviewAnswer(index, from, today, person));
        stream.button({
          command: 'oneOnOne.generateReview',
          title: vscode.l10n.t('Write the Review Packet'),
          arguments: [{ from, to: today, ...(person ? { person: person.slug } : {}) }],
        });
        break;
      }
      default:
        await freeQuestion(services, bundle, request, person, stream, token);
    }
    return { metadata: { command: request.command ?? '' } };
  };
}

function onlyPerson(services: Services): Person | undefined {
  const people = services.store.index.people();
  return people.length === 1 ? people[0] : undefined;
}

function askWho(services: Services, stream: vscode.ChatResponseStream, command: string): vscode.ChatResult {
  const people = services.store.index.people();
  stream.markdown(
    people.length === 0
      ? vscode.l10n.t('There is no one in the journal yet: add a person first ("1:1: Add Person").')
      : vscode.l10n.t(
          'Whose 1:1? For example `/{0} {1}`.',
          command,
          people[0]!.name.split(/\s+/)[0] ?? people[0]!.name,
        ),
  );
  for (const p of people.slice(0, 8))
    stream.button({ command: 'oneOnOne.openPrepSheet', title: p.name, arguments: [{ person: p.slug }] });
  return { metadata: { command } };
}

async function freeQuestion(
  services: Services,
  bundle: AnswersBundle,
  request: vscode.ChatRequest,
  person: Person | undefined,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
): Promise<void> {
  const model = request.model ?? (await vscode.lm.selectChatModels())[0];
  if (!model) {
    stream.markdown(
      vscode.l10n.t(
        'No chat model is available to answer questions, so I can only answer these: `/prep Alex` (the prep sheet of your next 1:1), `/open` (open items), `/wins` (wins since your last 1:1) and `/review` (the last three months).',
      ),
    );
    return;
  }
  const { index } = services.store;
  const meetings = person ? index.meetingsOf(person.slug) : index.ofKind('meeting');
  const names = new Map(index.people().map((p) => [p.slug, p.name]));
  const passages = [];
  stream.progress(vscode.l10n.t('Reading the journal…'));
  for (const m of bundle.candidateMeetings(meetings, request.prompt)) {
    if (token.isCancellationRequested) return;
    const raw = await services.store.readText(m.path);
    if (raw === undefined) continue;
    const who = m.person ? (names.get(m.person) ?? m.person) : '';
    passages.push({
      path: m.path,
      title: vscode.l10n.t('1:1 with {0}, {1}', who, m.date ?? ''),
      date: m.date ?? '',
      text: bundle.shareableText(raw),
    });
  }
  const chosen = bundle.selectPassages(request.prompt, passages);
  const prompt = bundle.groundedPrompt(request.prompt, chosen, services.today());
  if (!prompt.question) {
    stream.markdown(vscode.l10n.t('Ask a question about your 1:1s, or use /prep, /open, /wins or /review.'));
    return;
  }
  try {
    const response = await model.sendRequest(
      [
        vscode.LanguageModelChatMessage.User(prompt.instructions),
        vscode.LanguageModelChatMessage.User(prompt.question),
      ],
      { justification: vscode.l10n.t('To answer from the shareable text of your 1:1 journal.') },
      token,
    );
    for await (const fragment of response.text) stream.markdown(fragment);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    stream.markdown(vscode.l10n.t('The chat model did not answer: {0}', message));
    return;
  }
  for (const p of prompt.passages) stream.reference(services.store.uriOf(p.path));
}
