// `oneOnOne.importInvite { person, file?, text? }`: a calendar invite (.ics)
// becomes the person's cadence. The parser (ical.js) is a bundle of its own,
// dist/calendar.js, loaded on first use.

import * as vscode from 'vscode';
import type { InviteEvent } from '../../core/calendar/invite';
import { fileText, MAX_FILE_BYTES } from '../../core/file-text';
import { utf8Length } from '../../core/layout';
import { lazyBundle } from '../../host/lazy-bundle';
import { Services } from '../../host/services';
import { argsOf, fail, optionalString, requireJournal, resolvePerson } from '../../ui/commands';
import { isNode } from '../../ui/nodes';
import { pickEvent, pickPerson } from './pickers';
import { InviteTarget, writeInvite } from './write';

interface InviteArgs {
  person: unknown;
  file: unknown;
  text: unknown;
}

/** Imports an invite into a person's front matter; the person file's URI when it was read and planned. */
export async function importInvite(
  services: Services,
  extensionUri: vscode.Uri,
  arg: unknown,
): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<InviteArgs>(arg);
  const text = await inviteText(args, arg);
  if (text === undefined) return undefined;
  let bundle: typeof import('../../core/calendar/invite');
  try {
    bundle = await lazyBundle<typeof import('../../core/calendar/invite')>(extensionUri, 'calendar.js');
  } catch (error) {
    services.log.error(`Loading the invite reader failed: ${String(error)}`);
    return fail(
      vscode.l10n.t('The invite reader could not be loaded ({0}). Reload the window and try again.', String(error)),
    );
  }
  const { readInvite, setTranslator } = bundle;
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const read = readInvite(text);
  if ('error' in read) return fail(read.error);
  const event = await pickEvent(read.events);
  if (!event) return undefined;
  const person = await personFor(services, arg, args, event);
  if (!person) return undefined;
  return writeInvite(services, person, event);
}

/** The invite's text: `text`, `file` (absolute or relative to the workspace), a URI the command was run on, or a file asked for. */
async function inviteText(args: Partial<InviteArgs> | undefined, arg: unknown): Promise<string | undefined> {
  if (args?.text !== undefined) {
    if (typeof args.text !== 'string' || args.text.trim() === '')
      return fail(vscode.l10n.t('"text" must be the invite\'s text.'));
    if (args.text.length > MAX_FILE_BYTES || utf8Length(args.text) > MAX_FILE_BYTES)
      return fail(
        vscode.l10n.t('The invite is over 1 MB; an invite is a few kilobytes. Export just the one meeting series.'),
      );
    if (args.text.includes('\u0000')) return fail(vscode.l10n.t('The invite is not text (it contains NUL bytes).'));
    return args.text;
  }
  let uri: vscode.Uri | undefined;
  if (args?.file !== undefined) {
    const file = optionalString(args.file, 'file');
    if (file instanceof Error || file === undefined)
      return fail(vscode.l10n.t('"file" must be the path of an .ics file.'));
    uri = fileUri(file);
    if (!uri)
      return fail(vscode.l10n.t('"{0}" is a relative path, and no folder is open to resolve it against.', file));
  } else if (arg instanceof vscode.Uri) {
    uri = arg;
  } else {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import a calendar invite'),
      openLabel: vscode.l10n.t('Import'),
      canSelectMany: false,
      filters: {
        [vscode.l10n.t('Calendar invites')]: ['ics', 'ical', 'ifb', 'icalendar'],
        [vscode.l10n.t('All files')]: ['*'],
      },
    });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    const reason =
      error instanceof vscode.FileSystemError && error.code === 'FileNotFound'
        ? vscode.l10n.t('there is no such file')
        : String(error);
    return fail(vscode.l10n.t('Could not read the invite {0}: {1}.', uri.fsPath, reason));
  }
  const name = uri.path.split('/').pop() ?? uri.fsPath;
  if (bytes.byteLength > MAX_FILE_BYTES)
    return fail(
      vscode.l10n.t(
        '{0} is {1} MB, over the 1 MB an invite may be (one is a few kilobytes). Export just the one meeting series from your calendar.',
        name,
        (bytes.byteLength / 1024 / 1024).toFixed(2),
      ),
    );
  const decoded = fileText(bytes);
  if (decoded.kind === 'unreadable')
    return fail(
      bytes.includes(0)
        ? vscode.l10n.t('{0} is not a calendar invite: it looks binary (it contains NUL bytes).', name)
        : vscode.l10n.t('{0} is not UTF-8 text, as calendar invites are. Export it again from your calendar.', name),
    );
  return decoded.text;
}

function fileUri(file: string): vscode.Uri | undefined {
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(file)) return vscode.Uri.file(file);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, ...file.split(/[\\/]/)) : undefined;
}

async function personFor(
  services: Services,
  arg: unknown,
  args: Partial<InviteArgs> | undefined,
  event: InviteEvent,
): Promise<InviteTarget | undefined> {
  if (args?.person !== undefined || isNode(arg)) {
    const person = await resolvePerson(services, arg, vscode.l10n.t('Whose 1:1 is this invite?'));
    return person ? { person } : undefined;
  }
  return pickPerson(services, event);
}
