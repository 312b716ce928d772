// The Meetings view's provider: which rows there are under each row, and
// their parents. The rows themselves are built in meetings-rows.ts.

import * as vscode from 'vscode';
import { CIRCLE_TAG_PREFIX, CIRCLES, isCircle } from '../../core/evidence';
import { JournalEntry } from '../../core/journal-entry';
import { Services } from '../../host/services';
import { markStartup } from '../../host/startup-timeline';
import { circleNode, meetingNode, Node, personNode, pointNode, winNode, winsNode, yearNode } from '../../ui/nodes';
import { RefreshingProvider } from '../../ui/refreshing-tree';
import { circleRow, meetingRow, personRow, pointRow, UNDATED, winRow, winsRow, yearRow } from './meetings-rows';

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
      return this.olderIn(element.person, element.year).map((m) => meetingNode(element.person, m.path));
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

  getTreeItem(element: Node): vscode.TreeItem {
    const { index } = this.services.store;
    if (element.type === 'person') {
      const person = index.person(element.slug);
      return person ? personRow(this.services, person) : new vscode.TreeItem(element.slug);
    }
    if (element.type === 'meeting') {
      const entry = index.get(element.path);
      return entry ? meetingRow(this.services, entry, this.next(element.person)) : new vscode.TreeItem(element.path);
    }
    if (element.type === 'point') {
      const entry = index.get(element.path);
      const item =
        entry?.agenda.find((a) => a.line === element.line && a.text === element.text) ??
        entry?.agenda.find((a) => a.text === element.text);
      return item ? pointRow(this.services, element, item) : new vscode.TreeItem(element.text);
    }
    if (element.type === 'year')
      return yearRow(this.services, element, this.olderIn(element.person, element.year).length);
    if (element.type === 'wins') return winsRow(this.services, element.person, this.winsOf(element.person));
    if (element.type === 'circle')
      return circleRow(element, this.winsOf(element.person).filter((w) => w.circle === element.circle).length);
    if (element.type === 'win') return winRow(this.services, element);
    return new vscode.TreeItem(element.id);
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

  private orderedMeetings(person: string): JournalEntry[] {
    const meetings = this.services.store.index.meetingsOf(person);
    const next = this.next(person);
    return next ? [next, ...meetings.filter((m) => m !== next)] : meetings;
  }

  /** A person's meetings of `year` that are not rows of their own. */
  private olderIn(person: string, year: string): JournalEntry[] {
    return this.orderedMeetings(person)
      .slice(RECENT_MEETINGS)
      .filter((m) => yearOf(m) === year);
  }
}

/** The root's rows, with when the workbench first asked for them and first got some (for `npm run bench`). */
function firstRows(rows: Node[]): Node[] {
  markStartup('firstRootRequest');
  if (rows.length > 0) markStartup('firstRows');
  return rows;
}

function yearOf(entry: JournalEntry): string {
  return entry.date?.slice(0, 4) ?? UNDATED;
}

const CIRCLE_ORDER = [...CIRCLES.map((c) => c.id as string), 'unset'];

/** A win's circle from its tags (the index has them already: no re-parsing while the tree renders). */
function circleOf(tags: readonly string[]): string {
  const circle = tags.find((t) => t.startsWith(CIRCLE_TAG_PREFIX))?.slice(CIRCLE_TAG_PREFIX.length);
  return isCircle(circle) ? circle : 'unset';
}
