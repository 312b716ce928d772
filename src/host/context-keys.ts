// Every context key and tree-item context value the extension sets, defined
// once: package.json `when` clauses refer to these exact strings.
import * as vscode from 'vscode';

export const ContextKeys = {
  /** The journal folder exists in the workspace. */
  journalExists: 'oneOnOne.journalExists',
  /** A folder is open, or a personal journal is set: there is a place for the journal. */
  workspaceOpen: 'oneOnOne.workspaceOpen',
  /** The journal is the user's own folder outside the workspace (the same in every window). */
  personalJournal: 'oneOnOne.personalJournal',
  /** oneOnOne.journalFolder names a folder that cannot be used (the welcome view says why). */
  journalProblem: 'oneOnOne.journalProblem',
  /** The active editor shows a meeting file of the journal. */
  editorIsMeeting: 'oneOnOne.editorIsMeeting',
} as const;

export const enum ItemContext {
  Person = 'oneOnOne.person',
  PersonWithoutFile = 'oneOnOne.person.noFile',
  Meeting = 'oneOnOne.meeting',
  NextMeeting = 'oneOnOne.meeting.next',
  /** A person's older meetings of one year. */
  MeetingYear = 'oneOnOne.year',
  /** Followed by `.open` or `.discussed`, and `.source` when the point records where it came from. */
  Point = 'oneOnOne.point',
  /** Followed by `.<status>`, and `.stale` when an active goal has not been discussed for a while. */
  Goal = 'oneOnOne.goal',
  /** A dated entry of a goal's progress log. */
  Progress = 'oneOnOne.progress',
  /** Followed by `.<status>`, and `.due` when its circle-back date has come. */
  Feedback = 'oneOnOne.feedback',
  Group = 'oneOnOne.group',
  /** Followed by `.link` when it links a pull request, and `.pending` when its details are still to fetch. */
  Win = 'oneOnOne.win',
  WinsGroup = 'oneOnOne.wins',
  Circle = 'oneOnOne.circle',
}

export function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
