// The Meetings view's rows as VS Code shows them: a person, a meeting, a
// talking point, a year of older meetings, and the wins grouped by circle.
// Which rows there are, and in what order, is the provider's (meetings-tree.ts).

import * as vscode from 'vscode';
import { CIRCLES, circleLabel, ENRICH_TAG, parseWin } from '../../core/evidence';
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
  if (isNext) parts.push('next');
  else if (entry.status && entry.status !== 'planned') parts.push(entry.status);
  if (entry.openActionItems > 0) parts.push(`${entry.openActionItems} open`);
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
  const tooltip = new vscode.MarkdownString(`**1:1 on ${entry.title}**${isNext ? ' — next' : ''}`);
  tooltip.appendMarkdown(
    `\n\n${entry.agenda.length} talking point(s), ${entry.openActionItems} open action item(s)${entry.wins.length > 0 ? `, ${entry.wins.length} win(s)` : ''}`,
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
  if (point.source) tooltip.appendMarkdown(`\n\nFrom ${escapeMarkdown(point.source.label)}`);
  if (discussed) tooltip.appendMarkdown('\n\nDiscussed');
  item.tooltip = tooltip;
  const uri = services.store.uriOf(node.path);
  item.command = {
    command: 'vscode.open',
    title: 'Open',
    arguments: [uri, { selection: new vscode.Range(point.line, 0, point.line, 0) }],
  };
  item.accessibilityInformation = { label: `${label}${discussed ? ', discussed' : ''}` };
  // Ticked in the tree as in the file: the same one-character edit as Mark Discussed (features/trees/ticks.ts).
  // A plain bullet has no box to tick.
  if (point.checked !== undefined)
    item.checkboxState = {
      state: discussed ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: discussed ? 'Discussed: untick to open it again' : 'Tick when discussed',
      accessibilityInformation: { label: discussed ? `Discussed: ${label}` : `Not discussed yet: ${label}` },
    };
  return item;
}

/** A year of older meetings, `count` of them. */
export function yearRow(services: Services, node: Extract<Node, { type: 'year' }>, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.year === UNDATED ? 'Undated' : node.year,
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  item.description = `${count} older meeting${count === 1 ? '' : 's'}`;
  item.iconPath = new vscode.ThemeIcon('history');
  item.contextValue = ItemContext.MeetingYear;
  const name = services.store.index.person(node.person)?.name ?? node.person;
  item.accessibilityInformation = {
    label: `${item.label as string}: ${count} older meeting${count === 1 ? '' : 's'} with ${name}`,
  };
  return item;
}

/** The Wins group of a person, over every win in their meetings. */
export function winsRow(
  services: Services,
  person: string,
  wins: readonly { readonly tags: readonly string[] }[],
): vscode.TreeItem {
  const item = new vscode.TreeItem('Wins', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = winsNode(person).id;
  item.iconPath = new vscode.ThemeIcon('star-full');
  const pending = wins.filter((w) => w.tags.includes(ENRICH_TAG)).length;
  item.description = `${wins.length}${pending > 0 ? ` · ${pending} to enrich` : ''}`;
  item.tooltip = 'Everything linked or written under Wins in these 1:1s, by circle of impact';
  item.contextValue = pending > 0 ? `${ItemContext.WinsGroup}.pending` : ItemContext.WinsGroup;
  const name = services.store.index.person(person)?.name ?? person;
  item.accessibilityInformation = {
    label: `Wins of ${name}: ${wins.length}${pending > 0 ? `, ${pending} to enrich` : ''}`,
  };
  return item;
}

/** A circle of impact under Wins, with `count` wins in it. */
export function circleRow(node: Extract<Node, { type: 'circle' }>, count: number): vscode.TreeItem {
  const known = CIRCLES.find((c) => c.id === node.circle);
  const item = new vscode.TreeItem(
    known ? circleLabel(known.id) : 'Circle not set',
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  item.description = String(count);
  item.tooltip = known ? known.description : 'Wins without an #impact/… tag';
  item.iconPath = new vscode.ThemeIcon(CIRCLE_ICONS[node.circle] ?? 'circle-outline');
  item.contextValue = ItemContext.Circle;
  item.accessibilityInformation = { label: `${item.label as string}: ${count} win${count === 1 ? '' : 's'}` };
  return item;
}

export function winRow(services: Services, node: Extract<Node, { type: 'win' }>): vscode.TreeItem {
  const win = parseWin(node.text);
  const item = new vscode.TreeItem(win.title || node.text, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const facts = [
    win.ref ? `${win.ref.owner}/${win.ref.repo}#${win.ref.number}` : undefined,
    win.pending ? 'details to fetch' : win.merged ? `merged ${win.merged}` : undefined,
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
      '\n\nLinked while GitHub was unreachable: run "1:1: Enrich Evidence" to fill in the details.',
    );
  item.tooltip = tooltip;
  const uri = services.store.uriOf(node.path);
  item.command = {
    command: 'vscode.open',
    title: 'Open',
    arguments: [uri, { selection: new vscode.Range(node.line, 0, node.line, 0) }],
  };
  item.accessibilityInformation = {
    label: `Win: ${win.title || node.text}${win.circle ? `, ${circleLabel(win.circle)}` : ''}`,
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
