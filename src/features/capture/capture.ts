// Capture: "this is worth raising" → a themed talking point in the next 1:1's
// agenda, from an editor selection, a line typed anywhere, or the terminal.
// A little longer than 300 lines: the three ways in share one flow (person,
// theme, one-line summary, where it went), and their prompts stay together.

import * as vscode from 'vscode';
import { addListItem } from '../../core/edits';
import { Person } from '../../core/journal-index';
import { AGENDA_HEADINGS } from '../../core/journal-entry';
import {
  findTheme,
  summarize,
  TalkingPoint,
  talkingPointItem,
  Theme,
  themeInText,
  THEMES,
  Source,
} from '../../core/talking-points';
import { githubPermalink } from '../../host/git';
import { Services } from '../../host/services';
import { nextMeetingPath } from '../../ui/meetings';
import { argsOf, fail, optionalString, requireJournal, resolvePerson } from '../../ui/commands';
import { selectedLines, selectionLabel } from '../../ui/selection-source';
import { CommandTable } from '../../ui/lazy-commands';
import { whenTrusted } from '../../ui/trust';
import { suggestSummary } from '../../core/summary-suggestion';
import { askQuestion } from './questions';

const LAST_PERSON = 'oneOnOne.lastPerson';
/** Person slug → the theme id last picked for them ('' for none); global, as a personal journal is. */
const LAST_THEMES = 'oneOnOne.lastThemes';
const MAX_REMEMBERED = 200;

export interface TalkingPointArgs {
  readonly text: string;
  readonly person: string;
  readonly theme: string;
  readonly summary: string;
  /** Where it came from: a label like `src/a.ts:3-9`, or `{ label, url }`. */
  readonly source: string | Source;
  /** Language id of `text`: code is fenced, prose is quoted (default). */
  readonly language: string;
}

/** The commands of dist/capture.js (index.ts registers them; ui/lazy-commands.ts loads this on the first call). */
export function commands(context: vscode.ExtensionContext, services: Services): CommandTable {
  const capture = new Capture(context, services);
  const adding = vscode.l10n.t('add a talking point');
  return {
    'oneOnOne.addTalkingPoint': whenTrusted(adding, (arg?: unknown) => capture.addTalkingPoint(arg)),
    'oneOnOne.jotTopic': whenTrusted(adding, (arg?: unknown) => capture.jotTopic(arg)),
    'oneOnOne.addTerminalSelection': whenTrusted(adding, (arg?: unknown) => capture.addTerminalSelection(arg)),
    'oneOnOne.askQuestion': whenTrusted(vscode.l10n.t('add a question to your agenda'), (arg?: unknown) =>
      askQuestion(services, arg),
    ),
  };
}

class Capture {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Services,
  ) {}

  /**
   * `oneOnOne.addTalkingPoint { text, person, theme, summary?, source? }` →
   * the meeting file's URI. Without `text` it takes the editor's selection;
   * an arguments object means no prompts (missing fields take defaults).
   */
  async addTalkingPoint(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const args = argsOf<TalkingPointArgs>(arg);
    if (args?.text !== undefined) return this.fromArgs(args);
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      if (args) return fail(vscode.l10n.t('Select some text first, or pass "text".'));
      return this.jotTopic(undefined);
    }
    const selected = await selectionPoint(this.services, editor);
    if (args) {
      return this.fromArgs({
        source: selected.source,
        language: selected.excerpt.languageId,
        ...args,
        text: selected.excerpt.text,
      });
    }
    const person = await this.pickPerson();
    if (!person) return undefined;
    const theme = await this.pickTheme(person, undefined);
    if (!theme) return undefined;
    const suggested = suggestSummary(selected.excerpt, selected.source.label);
    const summary = await askSummary(person, suggested, vscode.l10n.t('the selection goes underneath'));
    if (summary === undefined) return undefined;
    return this.add(person, { ...selected, summary, ...theme });
  }

  /** `oneOnOne.jotTopic { text, person, theme? }`: a topic typed from anywhere; `#growth` in the text sets the theme. */
  async jotTopic(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const args = argsOf<TalkingPointArgs>(arg);
    if (args) return this.fromArgs({ ...args, summary: args.summary ?? args.text, text: undefined });
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Jot a topic for your next 1:1'),
      prompt: vscode.l10n.t(
        'Type a tag to set the theme: #growth #feedback #alignment #win #blocker #question #team/process',
      ),
      placeHolder: vscode.l10n.t('e.g. Ask what "senior" means on this team #growth'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Write the topic in a few words.') : undefined),
    });
    if (typed === undefined) return undefined;
    const person = await this.pickPerson();
    if (!person) return undefined;
    const tagged = themeInText(typed);
    const theme = tagged ? { theme: tagged } : await this.pickTheme(person, typed);
    if (!theme) return undefined;
    return this.add(person, { summary: typed, ...theme });
  }

  /**
   * `oneOnOne.addTerminalSelection { person?, theme?, summary? }`: the
   * terminal's selection (read through the clipboard, which is then restored)
   * as a talking point.
   */
  async addTerminalSelection(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const terminal = vscode.window.activeTerminal;
    const saved = await vscode.env.clipboard.readText();
    let text: string;
    try {
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
      text = await vscode.env.clipboard.readText();
    } finally {
      // What the user had copied comes back, whatever happened.
      await vscode.env.clipboard.writeText(saved);
    }
    if (text.trim() === '') return fail(vscode.l10n.t('Select some text in the terminal first.'));
    const source = { label: `terminal${terminal ? ` “${terminal.name}”` : ''}` };
    const args = argsOf<TalkingPointArgs>(arg);
    if (args) return this.fromArgs({ ...args, text, source, language: 'console' });
    const person = await this.pickPerson();
    if (!person) return undefined;
    const theme = await this.pickTheme(person, undefined);
    if (!theme) return undefined;
    const excerpt = { text, languageId: 'console' };
    const summary = await askSummary(
      person,
      suggestSummary(excerpt),
      vscode.l10n.t('the terminal output goes underneath'),
    );
    if (summary === undefined) return undefined;
    return this.add(person, { summary, ...theme, source, excerpt });
  }

  private async fromArgs(args: Partial<TalkingPointArgs>): Promise<vscode.Uri | undefined> {
    const text = optionalString(args.text, 'text');
    if (text instanceof Error) return fail(text.message);
    const summaryArg = optionalString(args.summary, 'summary');
    if (summaryArg instanceof Error) return fail(summaryArg.message);
    const summary = summaryArg ?? (text ? summarize(text) : undefined);
    if (!summary) return fail(vscode.l10n.t('Give the talking point a "text" or a "summary".'));
    let theme: Theme | undefined;
    if (args.theme !== undefined) {
      theme = typeof args.theme === 'string' ? findTheme(args.theme) : undefined;
      if (!theme) return fail(vscode.l10n.t('"theme" must be one of: {0}.', THEMES.map((t) => t.id).join(', ')));
    } else {
      theme = themeInText(summary);
    }
    let source: Source | undefined;
    if (typeof args.source === 'string') source = { label: args.source };
    else if (args.source && typeof args.source === 'object' && typeof args.source.label === 'string') {
      source = { label: args.source.label, ...(typeof args.source.url === 'string' ? { url: args.source.url } : {}) };
    } else if (args.source !== undefined)
      return fail(vscode.l10n.t('"source" must be text like "src/a.ts:3-9", or { label, url }.'));
    const person =
      args.person === undefined
        ? await this.pickPerson()
        : await resolvePerson(this.services, { person: args.person }, vscode.l10n.t('Add to the next 1:1 with…'));
    if (!person) return undefined;
    const language = typeof args.language === 'string' ? args.language : 'plaintext';
    return this.add(person, {
      summary,
      ...(theme ? { theme } : {}),
      ...(source ? { source } : {}),
      // The text goes under the item unless the summary already says all of it.
      ...(text && text !== summary ? { excerpt: { text, languageId: language } } : {}),
    });
  }

  private pickPerson(): Promise<Person | undefined> {
    return resolvePerson(
      this.services,
      undefined,
      vscode.l10n.t('Add to the next 1:1 with…'),
      this.context.workspaceState.get<string>(LAST_PERSON),
    );
  }

  /**
   * The theme quick pick, starting at the theme last picked for this person,
   * or at "No theme" (Enter alone must not tag everything). `{}` is no theme;
   * undefined is Escape.
   */
  private async pickTheme(person: Person, typed: string | undefined): Promise<{ theme?: Theme } | undefined> {
    const remembered = this.context.globalState.get<Record<string, string>>(LAST_THEMES) ?? {};
    const last = Object.prototype.hasOwnProperty.call(remembered, person.slug) ? remembered[person.slug] : undefined;
    type Item = vscode.QuickPickItem & { theme?: Theme };
    const none: Item = {
      label: vscode.l10n.t('No theme'),
      description: vscode.l10n.t('untagged'),
      detail: vscode.l10n.t('tag it later, or type #tag in the text'),
    };
    const items: Item[] = [
      none,
      ...THEMES.map((t) => ({ label: t.label, description: `#${t.tag}`, detail: t.description, theme: t })),
    ];
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.items = items;
    quickPick.title = vscode.l10n.t('Theme of the talking point for {0}', person.name);
    quickPick.placeholder = typed
      ? vscode.l10n.t('“{0}” is about…', summarize(typed))
      : vscode.l10n.t('What is it about?');
    quickPick.matchOnDescription = true;
    quickPick.ignoreFocusOut = true;
    const start = items.find((i) => (i.theme?.id ?? '') === last) ?? none;
    quickPick.activeItems = [start];
    const picked = await new Promise<Item | undefined>((resolve) => {
      // Enter with nothing matching the filter does nothing, as in any quick pick (it is not Escape).
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        if (item) resolve(item);
      });
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    quickPick.dispose();
    if (!picked) return undefined;
    const rest = Object.entries(remembered).filter(([slug]) => slug !== person.slug);
    const next = Object.fromEntries([...rest.slice(-(MAX_REMEMBERED - 1)), [person.slug, picked.theme?.id ?? '']]);
    await this.context.globalState.update(LAST_THEMES, next);
    return picked.theme ? { theme: picked.theme } : {};
  }

  /** Adds the point to the agenda of the next meeting with `person`, creating that meeting when needed. */
  private async add(person: Person, point: TalkingPoint): Promise<vscode.Uri | undefined> {
    const { store, writer } = this.services;
    const path = await nextMeetingPath(this.services, person);
    if (!path) return undefined;
    const item = talkingPointItem(point);
    const result = await writer.edit(
      path,
      (doc) =>
        addListItem(doc, { heading: AGENDA_HEADINGS[0]!, aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' }, item),
      'Add talking point',
    );
    if (!result.ok) return fail(result.reason);
    await this.context.workspaceState.update(LAST_PERSON, person.slug);
    const date = store.index.get(path)?.date ?? '';
    confirm(person, date);
    return result.uri;
  }
}

/** The selection with where it came from (ui/selection-source.ts), and a GitHub permalink when there is one. */
async function selectionPoint(
  services: Services,
  editor: vscode.TextEditor,
): Promise<{ source: Source; excerpt: { text: string; languageId: string } }> {
  const { document, selection } = editor;
  const { start, end } = selectedLines(selection);
  const label = await selectionLabel(services, document, selection);
  const url = document.isUntitled ? undefined : await githubPermalink(document.uri, start, end);
  return {
    source: { label, ...(url ? { url } : {}) },
    excerpt: { text: document.getText(selection), languageId: document.languageId },
  };
}

/** Says where the point went, with a way there; not awaited, so the command returns at once. */
function confirm(person: Person, date: string): void {
  const openAgenda = vscode.l10n.t('Open Agenda');
  void vscode.window
    .showInformationMessage(
      date
        ? vscode.l10n.t('Talking point added to your 1:1 with {0} on {1}.', person.name, date)
        : vscode.l10n.t('Talking point added to your 1:1 with {0}.', person.name),
      openAgenda,
    )
    .then((picked) => {
      if (picked !== openAgenda) return;
      void vscode.commands.executeCommand('oneOnOne.openNextAgenda', {
        person: person.slug,
        ...(date ? { date } : {}),
      });
    });
}

function askSummary(person: Person, suggested: string, underneath: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Talking point for {0}', person.name),
    prompt: vscode.l10n.t('One line for the agenda ({0})', underneath),
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Write a few words to recognise it by.') : undefined),
  });
}
