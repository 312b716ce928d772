// The Meetings view's rows as VS Code shows them: a person, a meeting, a
// talking point, a year of older meetings, and the wins grouped by circle.
// Which rows there are, and in what order, is the provider's (meetings-tree.ts).

import * as vscode from 'vscode';
import { CIRCLES, circleDescription, circleLabel, ENRICH_TAG, parseWin } from '../../core/evidence';
import { Person } from '../../core/journal-index';
import { ItemSummary, JournalEntry } from '../../core/journal-entry';
import { linksAsText } from '../../core/markdown-inline';
import { ItemContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { cadenceLabel } from '../../ui/commands';
import { escapeMarkdown } from '../../ui/markdown-label';
import { meetingNode, Node, personNode, winsNode } from '../../ui/nodes';
import { describeProblems, openCommand } from '../../ui/refreshing-tree';

/** The year of meetings without a date. */
export const UNDATED = 'undated';

const CIRCLE_ICONS: Record<string, string> = {
  individual: 'person',
  collaboration: 'organization',
  enabling: 'mortar-board',
};

export function personRow(services: Services, person: Person): vscode.TreeItem {
  const item = new vscode.TreeItem(person.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = personNode(person.slug).id;
  item.description = [person.role, cadenceLabel(person)].filter(Boolean).join(' · ');
  const problems = person.entry?.problems ?? [];
  item.iconPath = new vscode.ThemeIcon(problems.length > 0 ? 'warning' : 'person');
  item.contextValue = person.entry ? ItemContext.Person : ItemContext.PersonWithoutFile;
  const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(person.name)}**`);
  if (person.role) tooltip.appendMarkdown(`\n\n${escapeMarkdown(person.role)}`);
  if (problems.length > 0) tooltip.appendMarkdown(`\n\n$(warning) ${escapeMarkdown(describeProblems(problems))}`);
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  if (person.entry) {
    const uri = services.store.uriOf(person.entry.path);
    item.resourceUri = uri;
    item.command = openCommand(uri);
  }
  return item;
}

/** A meeting's row; the person's next meeting is marked and opens expanded. */
export function meetingRow(services: Services, entry: JournalEntry, next: JournalEntry | undefined): vscode.TreeItem {
  const isNext = entry === next;
  const state =
    entry.agenda.length + entry.wins.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : isNext
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(entry.title, state);
  item.id = meetingNode(entry.person ?? '', entry.path).id;
  const parts: string[] = [];
  if (isNext) parts.push(vscode.l10n.t('next'));
  else if (entry.status && entry.status !== 'planned') parts.push(entry.status);
  if (entry.openActionItems > 0) parts.push(vscode.l10n.t('{0} open', entry.openActionItems));
  item.description = parts.join(' · ');
  const icon =
    entry.problems.length > 0
      ? 'warning'
      : isNext
        ? 'arrow-circle-right'
        : entry.status === 'done'
          ? 'pass'
          : 'calendar';
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = isNext ? ItemContext.NextMeeting : ItemContext.Meeting;
  const uri = services.store.uriOf(entry.path);
  item.resourceUri = uri;
  item.command = openCommand(uri);
  const tooltip = new vscode.MarkdownString(
    `**${vscode.l10n.t('1:1 on {0}', entry.title)}**${isNext ? ` — ${vscode.l10n.t('next')}` : ''}`,
  );
  tooltip.appendMarkdown(
    `\n\n${
      entry.wins.length > 0
        ? vscode.l10n.t(
            '{0} talking point(s), {1} open action item(s), {2} win(s)',
            entry.agenda.length,
            entry.openActionItems,
            entry.wins.length,
          )
        : vscode.l10n.t('{0} talking point(s), {1} open action item(s)', entry.agenda.length, entry.openActionItems)
    }`,
  );
  if (entry.problems.length > 0)
    tooltip.appendMarkdown(`\n\n$(warning) ${escapeMarkdown(describeProblems(entry.problems))}`);
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  return item;
}

export function pointRow(
  services: Services,
  node: Extract<Node, { type: 'point' }>,
  point: ItemSummary,
): vscode.TreeItem {
  // a point that links a goal or a thread reads as its title, not as markdown
  const label = linksAsText(withoutTags(point.text)) || point.text;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = point.tags.map((t) => `#${t}`).join(' ');
  const discussed = point.checked === true;
  item.iconPath = new vscode.ThemeIcon(discussed ? 'pass-filled' : 'circle-large-outline');
  item.contextValue = `${ItemContext.Point}.${discussed ? 'discussed' : 'open'}${point.source ? '.source' : ''}`;
  const tooltip = new vscode.MarkdownString(escapeMarkdown(point.text));
  if (point.source) tooltip.appendMarkdown(`\n\n${vscode.l10n.t('From {0}', escapeMarkdown(point.source.label))}`);
  if (discussed) tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Discussed')}`);
  item.tooltip = tooltip;
  const uri = services.store.uriOf(node.path);
  item.command = {
    command: 'vscode.open',
    title: vscode.l10n.t('Open'),
    arguments: [uri, { selection: new vscode.Range(point.line, 0, point.line, 0) }],
  };
  item.accessibilityInformation = { label: discussed ? vscode.l10n.t('{0}, discussed', label) : label };
  // Ticked in the tree as in the file: the same one-character edit as Mark Discussed (features/trees/ticks.ts).
  // A plain bullet has no box to tick.
  if (point.checked !== undefined)
    item.checkboxState = {
      state: discussed ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: discussed ? vscode.l10n.t('Discussed: untick to open it again') : vscode.l10n.t('Tick when discussed'),
      accessibilityInformation: {
        label: discussed ? vscode.l10n.t('Discussed: {0}', label) : vscode.l10n.t('Not discussed yet: {0}', label),
      },
    };
  return item;
}

/** A year of older meetings, `count` of them. */
export function yearRow(services: Services, node: Extract<Node, { type: 'year' }>, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.year === UNDATED ? vscode.l10n.t('Undated') : node.year,
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  item.description = count === 1 ? vscode.l10n.t('1 older meeting') : vscode.l10n.t('{0} older meetings', count);
  item.iconPath = new vscode.ThemeIcon('history');
  item.contextValue = ItemContext.MeetingYear;
  const name = services.store.index.person(node.person)?.name ?? node.person;
  item.accessibilityInformation = {
    label:
      count === 1
        ? vscode.l10n.t('{0}: 1 older meeting with {1}', item.label as string, name)
        : vscode.l10n.t('{0}: {1} older meetings with {2}', item.label as string, count, name),
  };
  return item;
}

/** The Wins group of a person, over every win in their meetings. */
export function winsRow(
  services: Services,
  person: string,
  wins: readonly { readonly tags: readonly string[] }[],
): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Wins'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = winsNode(person).id;
  item.iconPath = new vscode.ThemeIcon('star-full');
  const pending = wins.filter((w) => w.tags.includes(ENRICH_TAG)).length;
  item.description = pending > 0 ? vscode.l10n.t('{0} · {1} to enrich', wins.length, pending) : String(wins.length);
  item.tooltip = vscode.l10n.t('Everything linked or written under Wins in these 1:1s, by circle of impact');
  item.contextValue = pending > 0 ? `${ItemContext.WinsGroup}.pending` : ItemContext.WinsGroup;
  const name = services.store.index.person(person)?.name ?? person;
  item.accessibilityInformation = {
    label:
      pending > 0
        ? vscode.l10n.t('Wins of {0}: {1}, {2} to enrich', name, wins.length, pending)
        : vscode.l10n.t('Wins of {0}: {1}', name, wins.length),
  };
  return item;
}

/** A circle of impact under Wins, with `count` wins in it. */
export function circleRow(node: Extract<Node, { type: 'circle' }>, count: number): vscode.TreeItem {
  const known = CIRCLES.find((c) => c.id === node.circle);
  const item = new vscode.TreeItem(
    known ? circleLabel(known.id) : vscode.l10n.t('Circle not set'),
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  item.description = String(count);
  item.tooltip = known ? circleDescription(known.id) : vscode.l10n.t('Wins without an #impact/… tag');
  item.iconPath = new vscode.ThemeIcon(CIRCLE_ICONS[node.circle] ?? 'circle-outline');
  item.contextValue = ItemContext.Circle;
  item.accessibilityInformation = {
    label:
      count === 1
        ? vscode.l10n.t('{0}: 1 win', item.label as string)
        : vscode.l10n.t('{0}: {1} wins', item.label as string, count),
  };
  return item;
}

export function winRow(services: Services, node: Extract<Node, { type: 'win' }>): vscode.TreeItem {
  const win = parseWin(node.text);
  const item = new vscode.TreeItem(win.title || node.text, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const facts = [
    win.ref ? `${win.ref.owner}/${win.ref.repo}#${win.ref.number}` : undefined,
    win.pending ? vscode.l10n.t('details to fetch') : win.merged ? vscode.l10n.t('merged {0}', win.merged) : undefined,
  ];
  if (node.via === 'circle') facts.push(node.path.split('/').pop()!.replace(/\.md$/, ''));
  else if (win.circle) facts.push(circleLabel(win.circle));
  item.description = facts.filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    win.pending ? 'cloud-download' : win.review ? 'eye' : win.ref ? 'git-merge' : 'star-empty',
  );
  item.contextValue = `${ItemContext.Win}${win.url ? '.link' : ''}${win.pending ? '.pending' : ''}`;
  const tooltip = new vscode.MarkdownString(escapeMarkdown(win.title || node.text));
  if (win.url)
    tooltip.appendMarkdown(
      `\n\n[${escapeMarkdown(`${win.ref!.owner}/${win.ref!.repo}#${win.ref!.number}`)}](${win.url})`,
    );
  if (win.circle) tooltip.appendMarkdown(`\n\n${escapeMarkdown(circleLabel(win.circle))}`);
  if (win.pending)
    tooltip.appendMarkdown(
      `\n\n${vscode.l10n.t('Linked while GitHub was unreachable: run "1:1: Enrich Evidence" to fill in the details.')}`,
    );
  item.tooltip = tooltip;
  const uri = services.store.uriOf(node.path);
  item.command = {
    command: 'vscode.open',
    title: vscode.l10n.t('Open'),
    arguments: [uri, { selection: new vscode.Range(node.line, 0, node.line, 0) }],
  };
  item.accessibilityInformation = {
    label: win.circle
      ? vscode.l10n.t('Win: {0}, {1}', win.title || node.text, circleLabel(win.circle))
      : vscode.l10n.t('Win: {0}', win.title || node.text),
  };
  return item;
}

/** An item's text without its `#tags`, for a compact tree label (the tags go in the description). */
function withoutTags(text: string): string {
  return text
    .replace(/(^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
