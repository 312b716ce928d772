import * as vscode from 'vscode';
import { feedbackPath, goalPath, slugify } from '../../core/layout';
import { feedbackFile, goalFile } from '../../core/templates';
import { Services } from '../../host/services';
import { argsOf, fail, openInEditor, optionalString, requireJournal } from './support';

/** `goals/<slug>.md`, or `<slug>-2.md`… when a goal with that name exists. */
function freePath(services: Services, pathOf: (slug: string) => string, title: string): string | undefined {
  const slug = slugify(title);
  if (!slug) return undefined;
  for (let n = 1; n < 1000; n++) {
    const path = pathOf(n === 1 ? slug : `${slug}-${n}`);
    if (!services.store.index.get(path)) return path;
  }
  return undefined;
}

async function askTitle(arg: unknown, title: string, prompt: string): Promise<string | undefined> {
  const given = argsOf<{ title: unknown }>(arg)?.title;
  if (given !== undefined) {
    if (typeof given !== 'string' || !slugify(given)) return fail('"title" must be text with at least one letter or digit.');
    return given.trim();
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt,
    ignoreFocusOut: true,
    validateInput: (v) => (slugify(v) ? undefined : 'Type a title with at least one letter or digit.'),
  });
  return typed?.trim();
}

/** `oneOnOne.newGoal { title }` → the new goal file's URI. */
export async function newGoal(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const title = await askTitle(arg, 'New goal', 'What do you want to achieve? e.g. "Lead a design review end to end"');
  if (!title) return undefined;
  const path = freePath(services, goalPath, title);
  if (!path) return fail(`Could not find a free file name for "${title}".`);
  const result = await services.writer.create([{ path, contents: goalFile(title, services.today()) }], 'New goal');
  if (!result.ok) return fail(result.reason);
  if (!argsOf(arg)) await openInEditor(result.uri);
  return result.uri;
}

/** `oneOnOne.newFeedbackThread { title, from? }` → the new feedback file's URI. */
export async function newFeedbackThread(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const title = await askTitle(arg, 'New feedback thread', 'What was the feedback about? e.g. "Incident updates were too sparse"');
  if (!title) return undefined;
  const args = argsOf<{ from: unknown }>(arg);
  let from: string | undefined;
  if (args) {
    const given = optionalString(args.from, 'from');
    if (given instanceof Error) return fail(given.message);
    from = given === undefined ? undefined : (services.store.index.findPerson(given)?.name ?? given);
  } else {
    const people = services.store.index.people();
    const picked = await vscode.window.showQuickPick(
      [...people.map((p) => ({ label: p.name, description: p.role })), { label: 'Someone else…' }, { label: 'Skip', description: 'leave "from" empty' }],
      { title: `New feedback thread: ${title}`, placeHolder: 'Who gave you this feedback?', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    if (picked.label === 'Someone else…') {
      from = (await vscode.window.showInputBox({ title: `New feedback thread: ${title}`, prompt: 'Who gave you this feedback?', ignoreFocusOut: true }))?.trim();
      if (from === undefined) return undefined;
    } else if (picked.label !== 'Skip') {
      from = picked.label;
    }
  }
  const path = freePath(services, feedbackPath, title);
  if (!path) return fail(`Could not find a free file name for "${title}".`);
  const result = await services.writer.create([{ path, contents: feedbackFile(title, from, services.today()) }], 'New feedback thread');
  if (!result.ok) return fail(result.reason);
  if (!args) await openInEditor(result.uri);
  return result.uri;
}

export function activateThreads(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.newGoal', (arg?: unknown) => newGoal(services, arg)),
    vscode.commands.registerCommand('oneOnOne.newFeedbackThread', (arg?: unknown) => newFeedbackThread(services, arg)),
  );
}
