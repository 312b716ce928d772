// The language-model tools (contributes.languageModelTools): Copilot's agent
// reads the journal through them and writes to it only through the commands'
// own paths (undoable, unsaved editors respected), after the user confirms.
// Bad input is an error the model can read and correct; an untrusted
// workspace refuses every write.

import * as vscode from 'vscode';
import { isCircle } from '../../core/evidence/circles';
import { Person } from '../../core/journal-index';
import { findTheme, THEMES } from '../../core/talking-points';
import { resolvePersonName } from '../../core/copilot/people-in-text';
import { Services } from '../../host/services';
import { answers, nextDate, peopleList, prepInput, unavailable } from './journal';

export const TOOL_NAMES = {
  addTalkingPoint: 'oneOnOne_addTalkingPoint',
  prepSheet: 'oneOnOne_prepSheet',
  openItems: 'oneOnOne_openItems',
  logWin: 'oneOnOne_logWin',
  searchJournal: 'oneOnOne_searchJournal',
} as const;

type Input = Record<string, unknown>;
type Tool = vscode.LanguageModelTool<Input>;

function text(markdown: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(markdown)]);
}

async function ready(services: Services): Promise<void> {
  const why = await unavailable(services);
  if (why) throw new Error(why);
}

async function writable(services: Services): Promise<void> {
  await ready(services);
  if (!vscode.workspace.isTrusted)
    throw new Error(
      vscode.l10n.t('This workspace is not trusted: the 1:1 Journal only reads here, it writes nothing.'),
    );
}

function optional(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(vscode.l10n.t('"{0}" must be text.', key));
  return value.trim();
}

function required(input: Input, key: string): string {
  const value = optional(input, key);
  if (!value) throw new Error(vscode.l10n.t('"{0}" is required and must not be empty.', key));
  return value;
}

async function personOf(services: Services, name: string): Promise<Person> {
  const person = resolvePersonName(name, services.store.index.people());
  if (!person)
    throw new Error(
      vscode.l10n.t('There is no one called "{0}" in the journal. The people are: {1}.', name, peopleList(services)),
    );
  return person;
}

function themeOf(input: Input): string | undefined {
  const theme = optional(input, 'theme');
  if (theme === undefined) return undefined;
  const found = findTheme(theme);
  if (!found) throw new Error(vscode.l10n.t('"theme" must be one of: {0}.', THEMES.map((t) => t.id).join(', ')));
  return found.id;
}

export function createTools(services: Services, extensionUri: vscode.Uri): Map<string, Tool> {
  const tools = new Map<string, Tool>();

  tools.set(TOOL_NAMES.addTalkingPoint, {
    async prepareInvocation({ input }) {
      // The same person invoke() writes for, and the text as plain text (a string is not rendered as markdown the model could shape).
      const person = resolvePersonName(String(input['person'] ?? ''), services.store.index.people());
      const who = person?.name ?? String(input['person'] ?? '');
      const when = person ? nextDate(services, person) : '';
      const point = String(input['text'] ?? '');
      return {
        invocationMessage: vscode.l10n.t('Adding a talking point for {0}', who),
        confirmationMessages: {
          title: vscode.l10n.t('Add a talking point to your 1:1?'),
          message: when
            ? vscode.l10n.t('Add “{0}” to the agenda of your 1:1 with {1} on {2}?', point, who, when)
            : vscode.l10n.t('Add “{0}” to the agenda of your next 1:1 with {1}?', point, who),
        },
      };
    },
    async invoke({ input }) {
      await writable(services);
      const person = await personOf(services, required(input, 'person'));
      const point = required(input, 'text');
      const theme = themeOf(input);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.jotTopic', {
        text: point,
        person: person.slug,
        ...(theme ? { theme } : {}),
      });
      if (!uri) throw new Error(vscode.l10n.t('The talking point was not added (VS Code showed why).'));
      const path = services.store.pathOf(uri) ?? uri.toString();
      const date = services.store.index.get(path)?.date ?? nextDate(services, person);
      return text(
        vscode.l10n.t('Added “{0}” to the agenda of the 1:1 with {1} on {2} ({3}).', point, person.name, date, path),
      );
    },
  });

  tools.set(TOOL_NAMES.prepSheet, {
    prepareInvocation: ({ input }) => ({
      invocationMessage: vscode.l10n.t('Reading the prep sheet for {0}', String(input['person'] ?? '')),
    }),
    async invoke({ input }) {
      await ready(services);
      const person = await personOf(services, required(input, 'person'));
      const { prepSheetAnswer } = await answers(extensionUri);
      return text(prepSheetAnswer(prepInput(services, person, nextDate(services, person))).markdown);
    },
  });

  tools.set(TOOL_NAMES.openItems, {
    prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Reading the open items of the 1:1 journal') }),
    async invoke({ input }) {
      await ready(services);
      const name = optional(input, 'person');
      const person = name ? await personOf(services, name) : undefined;
      const owner = optional(input, 'owner');
      if (owner !== undefined && owner !== 'me' && owner !== 'them')
        throw new Error(vscode.l10n.t('"owner" must be "me" or "them".'));
      const { openItemsAnswer } = await answers(extensionUri);
      return text(
        openItemsAnswer(services.store.index, services.today(), {
          ...(person ? { person } : {}),
          ...(owner ? { owner } : {}),
        }).markdown,
      );
    },
  });

  tools.set(TOOL_NAMES.logWin, {
    async prepareInvocation({ input }) {
      const person = resolvePersonName(String(input['person'] ?? ''), services.store.index.people());
      const url = String(input['url'] ?? '');
      return {
        invocationMessage: vscode.l10n.t('Linking {0} as a win', url),
        confirmationMessages: {
          title: vscode.l10n.t('Link a pull request as a win?'),
          message: person
            ? vscode.l10n.t(
                'Link {0} as a win in your 1:1 with {1} on {2}?',
                url,
                person.name,
                nextDate(services, person),
              )
            : vscode.l10n.t('Link {0} as a win in your next 1:1 (you pick with whom)?', url),
        },
      };
    },
    async invoke({ input }) {
      await writable(services);
      const url = required(input, 'url');
      const name = optional(input, 'person');
      const person = name ? await personOf(services, name) : undefined;
      const circle = optional(input, 'circle');
      if (circle !== undefined && !isCircle(circle))
        throw new Error(vscode.l10n.t('"circle" must be one of: individual, collaboration, enabling.'));
      const outcome = await vscode.commands.executeCommand<
        | {
            linked: readonly string[];
            pending: readonly string[];
            skipped: readonly string[];
            failed: readonly { ref: string; reason: string }[];
          }
        | undefined
      >('oneOnOne.linkPullRequest', { url, ...(person ? { person: person.slug } : {}), ...(circle ? { circle } : {}) });
      if (!outcome) throw new Error(vscode.l10n.t('Nothing was linked (VS Code showed why).'));
      const lines = [
        ...outcome.linked.map((r) => vscode.l10n.t('Linked {0} as a win.', r)),
        ...outcome.pending.map((r) => vscode.l10n.t('Linked {0}; its details follow when GitHub answers.', r)),
        ...outcome.skipped.map((r) => vscode.l10n.t('{0} was linked already.', r)),
        ...outcome.failed.map((f) => vscode.l10n.t('{0} was not linked: {1}', f.ref, f.reason)),
      ];
      return text(lines.join('\n') || vscode.l10n.t('Nothing was linked.'));
    },
  });

  tools.set(TOOL_NAMES.searchJournal, {
    prepareInvocation: ({ input }) => ({
      invocationMessage: vscode.l10n.t('Searching the 1:1 journal for “{0}”', String(input['query'] ?? '')),
    }),
    async invoke({ input }) {
      await ready(services);
      const query = optional(input, 'query') ?? '';
      const name = optional(input, 'person');
      const person = name ? await personOf(services, name) : undefined;
      const theme = themeOf(input);
      if (!query && !person && !theme) throw new Error(vscode.l10n.t('Give a "query", a "person" or a "theme".'));
      const { searchAnswer } = await answers(extensionUri);
      return text(
        searchAnswer(services.store.index, query, { ...(person ? { person } : {}), ...(theme ? { theme } : {}) })
          .markdown,
      );
    },
  });
  return tools;
}
