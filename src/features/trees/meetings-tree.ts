import * as vscode from 'vscode';
import { ItemSummary, JournalEntry, Person } from '../../core/journal-index';
import { linksAsText } from '../../core/markdown';
import { ItemContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { markStartup } from '../../host/startup-timeline';
import { CIRCLE_TAG_PREFIX, circleLabel, CIRCLES, ENRICH_TAG, isCircle, parseWin } from '../../core/evidence';
import { circleNode, meetingNode, Node, personNode, pointNode, winNode, winsNode, yearNode } from '../../ui/nodes';
import { describeProblems, openCommand, RefreshingProvider } from '../../ui/refreshing-tree';
import { cadenceLabel } from '../../ui/commands';
import { escapeMarkdown } from '../../ui/markdown-label';

/** How many of a person's meetings are rows of their own (the next one and the latest); older ones are grouped by year. */
export const RECENT_MEETINGS = 12;

/**
 * People, each with their meetings: the next one first and marked, then the
 * latest ones newest first, then the older ones in a row per year (a journal
 * of years stays a short tree, and a refresh re-renders only what is shown).
 */
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
    if (!this.nextByPerson.has(person))
      this.nextByPerson.set(person, this.services.store.index.nextMeeting(person, today));
    return this.nextByPerson.get(person);
  }

  getChildren(element?: Node): Node[] {
    const { index } = this.services.store;
    if (!element)
      return firstRows(this.services.store.state.kind === 'ready' ? index.people().map((p) => personNode(p.slug)) : []);
    if (element.type === 'meeting') {
      const entry = index.get(element.path);
      if (!entry) return [];
      return [
        ...entry.agenda.map((item, i) => pointNode(element.person, element.path, i, item.line, item.text)),
        ...entry.wins.map((item, i) =>
          winNode(element.person, element.path, i, item.line, item.text, 'meeting', circleOf(item.tags)),
        ),
      ];
    }
    if (element.type === 'wins') {
      const present = new Set(this.winsOf(element.person).map((w) => w.circle));
      return CIRCLE_ORDER.filter((c) => present.has(c)).map((c) => circleNode(element.person, c));
    }
    if (element.type === 'circle') {
      return this.winsOf(element.person)
        .filter((w) => w.circle === element.circle)
        .map((w) => winNode(element.person, w.path, w.index, w.line, w.text, 'circle', w.circle));
    }
    if (element.type === 'year') {
      return this.orderedMeetings(element.person)
        .slice(RECENT_MEETINGS)
        .filter((m) => yearOf(m) === element.year)
        .map((m) => meetingNode(element.person, m.path));
    }
    if (element.type !== 'person') return [];
    const ordered = this.orderedMeetings(element.slug);
    const rows: Node[] = ordered.slice(0, RECENT_MEETINGS).map((m) => meetingNode(element.slug, m.path));
    const years = new Set(ordered.slice(RECENT_MEETINGS).map(yearOf));
    for (const year of years) rows.push(yearNode(element.slug, year));
    return ordered.some((m) => m.wins.length > 0) ? [winsNode(element.slug), ...rows] : rows;
  }

  getParent(element: Node): Node | undefined {
    switch (element.type) {
      case 'point':
        return meetingNode(element.person, element.path);
      case 'win':
        return element.via === 'meeting'
          ? meetingNode(element.person, element.path)
          : circleNode(element.person, element.circle);
      case 'circle':
        return winsNode(element.person);
      case 'meeting': {
        const at = this.orderedMeetings(element.person).findIndex((m) => m.path === element.path);
        const entry = this.services.store.index.get(element.path);
        return at >= RECENT_MEETINGS && entry ? yearNode(element.person, yearOf(entry)) : personNode(element.person);
      }
      case 'year':
      case 'wins':
        return personNode(element.person);
      default:
        return undefined;
    }
  }

  /** Every win in a person's meetings, newest meeting first. */
  private winsOf(
    person: string,
  ): { path: string; index: number; line: number; text: string; tags: readonly string[]; circle: string }[] {
    const out: { path: string; index: number; line: number; text: string; tags: readonly string[]; circle: string }[] =
      [];
    for (const m of this.services.store.index.meetingsOf(person)) {
      m.wins.forEach((w, index) =>
        out.push({ path: m.path, index, line: w.line, text: w.text, tags: w.tags, circle: circleOf(w.tags) }),
      );
    }
    return out;
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
      const item =
        entry?.agenda.find((a) => a.line === element.line && a.text === element.text) ??
        entry?.agenda.find((a) => a.text === element.text);
      return item ? this.pointItem(element, item) : new vscode.TreeItem(element.text);
    }
    if (element.type === 'year') return this.yearItem(element);
    if (element.type === 'wins') return this.winsItem(element.person);
    if (element.type === 'circle') return this.circleItem(element);
    if (element.type === 'win') return this.winItem(element);
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
    const uri = this.services.store.uriOf(entry.path);
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

  private pointItem(node: Extract<Node, { type: 'point' }>, point: ItemSummary): vscode.TreeItem {
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
    const uri = this.services.store.uriOf(node.path);
    item.command = {
      command: 'vscode.open',
      title: 'Open',
      arguments: [uri, { selection: new vscode.Range(point.line, 0, point.line, 0) }],
    };
    item.accessibilityInformation = { label: `${label}${discussed ? ', discussed' : ''}` };
    return item;
  }

  private yearItem(node: Extract<Node, { type: 'year' }>): vscode.TreeItem {
    const count = this.orderedMeetings(node.person)
      .slice(RECENT_MEETINGS)
      .filter((m) => yearOf(m) === node.year).length;
    const item = new vscode.TreeItem(
      node.year === UNDATED ? 'Undated' : node.year,
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = `${count} older meeting${count === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = ItemContext.MeetingYear;
    const name = this.services.store.index.person(node.person)?.name ?? node.person;
    item.accessibilityInformation = {
      label: `${item.label as string}: ${count} older meeting${count === 1 ? '' : 's'} with ${name}`,
    };
    return item;
  }

  private winsItem(person: string): vscode.TreeItem {
    const wins = this.winsOf(person);
    const item = new vscode.TreeItem('Wins', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = winsNode(person).id;
    item.iconPath = new vscode.ThemeIcon('star-full');
    const pending = wins.filter((w) => w.tags.includes(ENRICH_TAG)).length;
    item.description = `${wins.length}${pending > 0 ? ` · ${pending} to enrich` : ''}`;
    item.tooltip = 'Everything linked or written under Wins in these 1:1s, by circle of impact';
    item.contextValue = pending > 0 ? `${ItemContext.WinsGroup}.pending` : ItemContext.WinsGroup;
    const name = this.services.store.index.person(person)?.name ?? person;
    item.accessibilityInformation = {
      label: `Wins of ${name}: ${wins.length}${pending > 0 ? `, ${pending} to enrich` : ''}`,
    };
    return item;
  }

  private circleItem(node: Extract<Node, { type: 'circle' }>): vscode.TreeItem {
    const count = this.winsOf(node.person).filter((w) => w.circle === node.circle).length;
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

  private winItem(node: Extract<Node, { type: 'win' }>): vscode.TreeItem {
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
    const uri = this.services.store.uriOf(node.path);
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
}

/** The root's rows, with when the workbench first asked for them and first got some (for `npm run bench`). */
function firstRows(rows: Node[]): Node[] {
  markStartup('firstRootRequest');
  if (rows.length > 0) markStartup('firstRows');
  return rows;
}

const UNDATED = 'undated';

function yearOf(entry: JournalEntry): string {
  return entry.date?.slice(0, 4) ?? UNDATED;
}

const CIRCLE_ORDER = [...CIRCLES.map((c) => c.id as string), 'unset'];
const CIRCLE_ICONS: Record<string, string> = {
  individual: 'person',
  collaboration: 'organization',
  enabling: 'mortar-board',
};

/** A win's circle from its tags (the index has them already: no re-parsing while the tree renders). */
function circleOf(tags: readonly string[]): string {
  const circle = tags.find((t) => t.startsWith(CIRCLE_TAG_PREFIX))?.slice(CIRCLE_TAG_PREFIX.length);
  return isCircle(circle) ? circle : 'unset';
}

/** An item's text without its `#tags`, for a compact tree label (the tags go in the description). */
export function withoutTags(text: string): string {
  return text
    .replace(/(^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
