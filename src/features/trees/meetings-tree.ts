import * as vscode from 'vscode';
import { ItemSummary, JournalEntry, Person } from '../../core/journal-index';
import { ItemContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { meetingNode, Node, personNode, pointNode } from './nodes';
import { describeProblems, openCommand, RefreshingProvider } from './tree-support';
import { cadenceLabel } from '../commands/support';

/** People, each with their meetings: the next one first and marked, then the rest newest first. */
export class MeetingsTreeProvider extends RefreshingProvider {
  /** Each person's next meeting, per refresh: every meeting row asks, so it is computed once per person. */
  private readonly nextByPerson = new Map<string, JournalEntry | undefined>();
  private nextForDay = '';

  constructor(private readonly services: Services) {
    super(services.store);
  }

  protected override modelChanged(): void {
    this.nextByPerson.clear();
  }

  private next(person: string): JournalEntry | undefined {
    const today = this.services.today();
    if (today !== this.nextForDay) {
      this.nextByPerson.clear();
      this.nextForDay = today;
    }
    if (!this.nextByPerson.has(person)) this.nextByPerson.set(person, this.services.store.index.nextMeeting(person, today));
    return this.nextByPerson.get(person);
  }

  getChildren(element?: Node): Node[] {
    const { index } = this.services.store;
    if (!element) return this.services.store.state.kind === 'ready' ? index.people().map((p) => personNode(p.slug)) : [];
    if (element.type === 'meeting') {
      const entry = index.get(element.path);
      return (entry?.agenda ?? []).map((item, i) => pointNode(element.person, element.path, i, item.line, item.text));
    }
    if (element.type !== 'person') return [];
    return this.orderedMeetings(element.slug).map((m) => meetingNode(element.slug, m.path));
  }

  getParent(element: Node): Node | undefined {
    if (element.type === 'point') return meetingNode(element.person, element.path);
    return element.type === 'meeting' ? personNode(element.person) : undefined;
  }

  getTreeItem(element: Node): vscode.TreeItem {
    const { index } = this.services.store;
    if (element.type === 'person') {
      const person = index.person(element.slug);
      return person ? this.personItem(person) : new vscode.TreeItem(element.slug);
    }
    if (element.type === 'meeting') {
      const entry = index.get(element.path);
      return entry ? this.meetingItem(entry, this.next(element.person)) : new vscode.TreeItem(element.path);
    }
    if (element.type === 'point') {
      const entry = index.get(element.path);
      const item = entry?.agenda.find((a) => a.line === element.line && a.text === element.text) ?? entry?.agenda.find((a) => a.text === element.text);
      return item ? this.pointItem(element, item) : new vscode.TreeItem(element.text);
    }
    return new vscode.TreeItem(element.id);
  }

  private orderedMeetings(person: string): JournalEntry[] {
    const meetings = this.services.store.index.meetingsOf(person);
    const next = this.next(person);
    return next ? [next, ...meetings.filter((m) => m !== next)] : meetings;
  }

  private personItem(person: Person): vscode.TreeItem {
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
      const uri = this.services.store.uriOf(person.entry.path);
      item.resourceUri = uri;
      item.command = openCommand(uri);
    }
    return item;
  }

  private meetingItem(entry: JournalEntry, next: JournalEntry | undefined): vscode.TreeItem {
    const isNext = entry === next;
    const state = entry.agenda.length === 0 ? vscode.TreeItemCollapsibleState.None : isNext ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(entry.title, state);
    item.id = meetingNode(entry.person ?? '', entry.path).id;
    const parts: string[] = [];
    if (isNext) parts.push('next');
    else if (entry.status && entry.status !== 'planned') parts.push(entry.status);
    if (entry.openActionItems > 0) parts.push(`${entry.openActionItems} open`);
    item.description = parts.join(' · ');
    const icon = entry.problems.length > 0 ? 'warning' : isNext ? 'arrow-circle-right' : entry.status === 'done' ? 'pass' : 'calendar';
    item.iconPath = new vscode.ThemeIcon(icon);
    item.contextValue = isNext ? ItemContext.NextMeeting : ItemContext.Meeting;
    const uri = this.services.store.uriOf(entry.path);
    item.resourceUri = uri;
    item.command = openCommand(uri);
    const tooltip = new vscode.MarkdownString(`**1:1 on ${entry.title}**${isNext ? ' — next' : ''}`);
    tooltip.appendMarkdown(`\n\n${entry.agenda.length} talking point(s), ${entry.openActionItems} open action item(s)`);
    if (entry.problems.length > 0) tooltip.appendMarkdown(`\n\n$(warning) ${escapeMarkdown(describeProblems(entry.problems))}`);
    tooltip.supportThemeIcons = true;
    item.tooltip = tooltip;
    return item;
  }

  private pointItem(node: Extract<Node, { type: 'point' }>, point: ItemSummary): vscode.TreeItem {
    const label = withoutTags(point.text) || point.text;
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
    const uri = this.services.store.uriOf(node.path);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(point.line, 0, point.line, 0) }] };
    item.accessibilityInformation = { label: `${label}${discussed ? ', discussed' : ''}` };
    return item;
  }
}

/** An item's text without its `#tags`, for a compact tree label (the tags go in the description). */
export function withoutTags(text: string): string {
  return text.replace(/(^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu, '').replace(/\s+/g, ' ').trim();
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
