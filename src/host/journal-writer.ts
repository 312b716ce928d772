// The one path by which the extension changes journal files. Edits are
// computed by the core against the text VS Code holds for the file (an open,
// unsaved editor included) and applied as one WorkspaceEdit, so the user's
// unsaved work is respected and Ctrl+Z undoes us. New files are created by the
// same WorkspaceEdit mechanism.
//
// It is one file, longer than 300 lines, on purpose: an edit's freshness
// checks, its one WorkspaceEdit and its guarded save are one sequence per
// attempt (the versions recorded while preparing are checked right before
// applying, the texts computed on are compared with the disk before saving),
// and docs/data-safety.md is reviewed by reading that sequence whole.

import * as vscode from 'vscode';
import { exists } from './stat';
import { parseDocument, JournalDocument } from '../core/document';
import { takeLibraryWanted } from '../core/on-demand';
import { EditResult } from '../core/edits';
import { compareWithDisk } from '../core/freshness';
import { decode } from '../core/file-text';
import { JournalStore } from './journal-store';
import { JournalLock } from './journal-lock';
import { Logger } from './logger';
import { contentRefusal, guardWrite, NO_JOURNAL } from './path-guard';
import { librariesLoading } from './libraries';

export type WriteResult =
  | { readonly ok: true; readonly uri: vscode.Uri }
  | { readonly ok: false; readonly reason: string; readonly uri?: vscode.Uri };

export interface NewFile {
  /** Journal-relative path. */
  readonly path: string;
  readonly contents: string;
}

export interface FileChange {
  readonly path: string;
  readonly compute: (doc: JournalDocument) => EditResult;
}

/** An edit that needs a library not loaded yet (core/on-demand.ts): computed again once it is. */
interface NeedsLibrary {
  readonly needsLibrary: true;
}

/** An edit whose file changed under it: computed again, up to ATTEMPTS times in all. */
interface Stale {
  readonly stale: string;
  readonly uri: vscode.Uri;
  /** The file changed on disk and VS Code has yet to reload its document. */
  readonly reloading: boolean;
}

const ATTEMPTS = 5;
/** The libraries an edit may need (core/on-demand.ts), each loaded at most once. */
const MAX_LIBRARY_WAITS = 2;
/** How long to wait at most for VS Code to reload a file that changed on disk before looking again. */
const SETTLE_MS = 250;

/**
 * VS Code normalises mixed line endings when it loads a file, so saving our
 * edit would rewrite lines we never meant to touch. Refused instead.
 */
const MIXED_LINE_ENDINGS = vscode.l10n.t(
  'the file mixes line endings (LF and CRLF). Saving it from VS Code would change every line, so nothing was written. Convert it to one line ending (status bar: LF/CRLF) and try again.',
);

/** What to do with an edit that was applied but not saved, because the file changed on disk meanwhile. */
const WAITS_UNSAVED = vscode.l10n.t(
  'The edit waits unsaved in the open editor: undo it there (Ctrl+Z) and run the command again, or compare it with the file on disk before you save.',
);

const encoder = new TextEncoder();

export class JournalWriter {
  constructor(
    private readonly store: JournalStore,
    private readonly log: Logger,
    /** Other windows on the same journal take turns with this one (none: this window writes alone). */
    private readonly lock?: JournalLock,
  ) {}

  /** Creates files that do not exist yet, all in one WorkspaceEdit; refuses if any exists. */
  create(files: readonly NewFile[], label: string): Promise<WriteResult> {
    return this.inTurn(() => this.createNow(files, label));
  }

  /** Runs a write while no other window writes this journal (see journal-lock.ts). */
  private inTurn<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock ? this.lock.run(this.store.root, fn) : fn();
  }

  private async createNow(files: readonly NewFile[], label: string): Promise<WriteResult> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, reason: blocked };
    const edit = new vscode.WorkspaceEdit();
    const uris: vscode.Uri[] = [];
    for (const file of files) {
      // Inside the journal, through no link, writable, a portable name: else refused (without a URI: nothing to open).
      const guarded = await guardWrite(this.store.root, file.path, 'create', this.store.personal);
      if ('reason' in guarded) return { ok: false, reason: guarded.reason };
      const uri = guarded.uri;
      if (await exists(uri)) return { ok: false, reason: vscode.l10n.t('{0} already exists.', file.path), uri };
      edit.createFile(
        uri,
        { contents: encoder.encode(file.contents), overwrite: false, ignoreIfExists: false },
        { label, needsConfirmation: false },
      );
      uris.push(uri);
    }
    if (!(await vscode.workspace.applyEdit(edit).then(undefined, () => false)))
      return { ok: false, reason: await this.undoCreate(files, uris) };
    this.store.index.batch(() => {
      for (const file of files) this.store.updateFromText(file.path, file.contents);
    });
    this.log.info(`${label}: created ${files.map((f) => f.path).join(', ')}`);
    return { ok: true, uri: uris[0]! };
  }

  /**
   * Applies the edits `compute` returns for the current text of `path`. An
   * open editor with unsaved changes receives the edit and stays unsaved;
   * otherwise the file is saved.
   */
  edit(path: string, compute: (doc: JournalDocument) => EditResult, label: string): Promise<WriteResult> {
    return this.editMany([{ path, compute }], label);
  }

  /**
   * Several files changed as one WorkspaceEdit (a talking point moved from
   * one meeting to another): all of it applies, or none. `compute`s run in
   * order, so a later one can use what an earlier one found. When a file
   * changes under the edit (a git pull, another window), the edit is computed
   * again on its new text; if it keeps changing, nothing is written.
   */
  editMany(changes: readonly FileChange[], label: string): Promise<WriteResult> {
    // The turn spans the attempts: waiting for VS Code to reload a file another window just saved, no third write slips in.
    return this.inTurn(() => this.editAttempts(changes, label));
  }

  private async editAttempts(changes: readonly FileChange[], label: string): Promise<WriteResult> {
    let waits = 0;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.editOnce(changes, label);
      if ('needsLibrary' in outcome) {
        // Nothing was applied. Its load is under way: wait (a failure then shows as the edit's error) and compute
        // again, once for each library an edit may need one after the other (yaml to read, rrule to compute).
        if (++waits > MAX_LIBRARY_WAITS)
          return {
            ok: false,
            reason: vscode.l10n.t('Part of the extension could not be loaded; nothing was written.'),
          };
        await librariesLoading();
        attempt--;
        continue;
      }
      if (!('stale' in outcome)) return outcome;
      if (attempt === ATTEMPTS)
        return {
          ok: false,
          reason: vscode.l10n.t('{0} Nothing was written; try again in a moment.', outcome.stale),
          uri: outcome.uri,
        };
      this.log.info(`${label}: ${outcome.stale} Computing the edit again.`);
      if (outcome.reloading && !(await changeOf(outcome.uri, SETTLE_MS)) && attempt >= 2) await reload(outcome.uri);
    }
  }

  private async editOnce(changes: readonly FileChange[], label: string): Promise<WriteResult | Stale | NeedsLibrary> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, reason: blocked };
    const prepared: {
      path: string;
      uri: vscode.Uri;
      document: vscode.TextDocument;
      wasDirty: boolean;
      version: number;
    }[] = [];
    for (const { path } of changes) {
      const guarded = await guardWrite(this.store.root, path, 'edit', this.store.personal);
      if ('reason' in guarded)
        return { ok: false, reason: guarded.reason, ...(guarded.uri ? { uri: guarded.uri } : {}) };
      const uri = guarded.uri;
      // Deleted while the command asked its questions: not brought back, not even through an open editor's unsaved text.
      if (!(await exists(uri)))
        return {
          ok: false,
          reason: vscode.l10n.t(
            '{0} is no longer there (deleted or moved while the command ran); nothing was written.',
            path,
          ),
          uri,
        };
      let document: vscode.TextDocument;
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        return { ok: false, reason: vscode.l10n.t('{0} could not be opened: {1}', path, String(error)), uri };
      }
      const wasDirty = document.isDirty;
      if (!wasDirty) {
        const disk = await diskText(uri);
        if ('error' in disk) return { ok: false, reason: `${path}: ${disk.error}`, uri };
        const comparison = compareWithDisk(disk.text, document.getText());
        if (comparison === 'mixed-line-endings') return { ok: false, reason: `${path}: ${MIXED_LINE_ENDINGS}`, uri };
        // VS Code reloads the document a moment after the file changed on disk.
        if (comparison === 'changed')
          return {
            stale: vscode.l10n.t(
              '{0} changed on disk (another window or a sync?) and VS Code has not reloaded it yet.',
              path,
            ),
            uri,
            reloading: true,
          };
      }
      prepared.push({ path, uri, document, wasDirty, version: document.version });
    }
    // From here to applyEdit nothing awaits: the texts the edits are computed on are the texts they apply to.
    const edit = new vscode.WorkspaceEdit();
    const computedOn: string[] = [];
    let any = false;
    for (const [i, p] of prepared.entries()) {
      if (p.document.version !== p.version)
        return {
          stale: vscode.l10n.t('{0} changed while the edit was prepared.', p.path),
          uri: p.uri,
          reloading: false,
        };
      const text = p.document.getText();
      computedOn.push(text);
      takeLibraryWanted();
      const doc = parseDocument(text);
      if (takeLibraryWanted()) return { needsLibrary: true };
      // Broken front matter, binary or too large: the file is the user's to fix, never ours to change.
      const refused = contentRefusal(p.path, doc);
      if (refused) return { ok: false, reason: refused, uri: p.uri };
      const result = changes[i]!.compute(doc);
      if (takeLibraryWanted()) return { needsLibrary: true };
      if ('error' in result) return { ok: false, reason: `${p.path}: ${result.error}`, uri: p.uri };
      for (const e of result.edits) {
        any = true;
        edit.replace(
          p.uri,
          new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
          e.newText,
          {
            label,
            needsConfirmation: false,
          },
        );
      }
    }
    const first = prepared[0]!.uri;
    if (!any) return { ok: true, uri: first };
    if (!(await vscode.workspace.applyEdit(edit))) {
      // VS Code refuses an edit to a document that moved on since (reloaded from disk, or typed in): compute it again.
      const moved = prepared.find((p) => p.document.version !== p.version);
      if (moved)
        return {
          stale: vscode.l10n.t('{0} changed while the edit was applied.', moved.path),
          uri: moved.uri,
          reloading: false,
        };
      return {
        ok: false,
        reason: vscode.l10n.t('VS Code could not apply the change to {0}.', changes.map((c) => c.path).join(', ')),
        uri: first,
      };
    }
    // Saved only when every file still holds, on disk, the text its edit was
    // computed on (or the edit itself, auto-saved): a save now would overwrite
    // what another writer put there meanwhile, and VS Code's own check of the
    // file's time does not see a write within the same tick of a coarse clock.
    const conflicts: string[] = [];
    for (const [i, p] of prepared.entries()) {
      if (p.wasDirty) continue;
      const disk = await diskText(p.uri);
      if (
        'error' in disk ||
        (compareWithDisk(disk.text, computedOn[i]!) !== 'same' &&
          compareWithDisk(disk.text, p.document.getText()) !== 'same')
      )
        conflicts.push(p.path);
    }
    if (conflicts.length > 0) {
      for (const p of prepared)
        if (!p.wasDirty) await vscode.window.showTextDocument(p.document, { preview: false, preserveFocus: true });
      return {
        ok: false,
        reason: vscode.l10n.t(
          '{0} changed on disk while the edit was applied (another window or a sync?), so nothing was saved and nothing on disk was overwritten. {1}',
          conflicts.join(', '),
          WAITS_UNSAVED,
        ),
        uri: first,
      };
    }
    const unsaved: string[] = [];
    for (const p of prepared) {
      // An editor with unsaved changes keeps ours unsaved too: the index follows the file, which
      // changes when the user saves (indexing the unsaved text would outlive a revert).
      if (p.wasDirty) continue;
      if (await p.document.save()) this.store.updateFromText(p.path, p.document.getText());
      else unsaved.push(p.path);
    }
    if (unsaved.length > 0) {
      for (const p of prepared)
        if (unsaved.includes(p.path))
          await vscode.window.showTextDocument(p.document, { preview: false, preserveFocus: true });
      // VS Code's own check refuses a save over a file changed on disk since it was read (another writer just after ours).
      const overtaken: string[] = [];
      for (const [i, p] of prepared.entries()) {
        const disk = unsaved.includes(p.path) ? await diskText(p.uri) : undefined;
        if (disk && !('error' in disk) && compareWithDisk(disk.text, computedOn[i]!) !== 'same') overtaken.push(p.path);
      }
      if (overtaken.length > 0) {
        return {
          ok: false,
          reason: vscode.l10n.t(
            '{0} changed on disk while the edit was saved (another window or a sync?), so VS Code did not save over it. {1}',
            overtaken.join(', '),
            WAITS_UNSAVED,
          ),
          uri: first,
        };
      }
      // Several files: the ones that saved say so, so the user knows the change is half on disk until the rest is saved or undone.
      const saved = prepared.filter((p) => !p.wasDirty && !unsaved.includes(p.path)).map((p) => p.path);
      return {
        ok: false,
        reason:
          saved.length > 0
            ? vscode.l10n.t(
                '{0} could not be saved (is the file or the journal folder read-only?), so the file on disk is unchanged. The change waits unsaved in the open editor: save it once the file is writable, or undo it there (Ctrl+Z). The same change was saved in {1}: undo it there too (Ctrl+Z undoes it in every file) if you do not save the rest.',
                unsaved.join(', '),
                saved.join(', '),
              )
            : vscode.l10n.t(
                '{0} could not be saved (is the file or the journal folder read-only?), so the file on disk is unchanged. The change waits unsaved in the open editor: save it once the file is writable, or undo it there (Ctrl+Z).',
                unsaved.join(', '),
              ),
        uri: first,
      };
    }
    this.log.info(`${label}: edited ${changes.map((c) => c.path).join(', ')}`);
    return { ok: true, uri: first };
  }

  /** After a failed create: removes what it made after all, so nothing is half-created; says what happened. */
  private async undoCreate(files: readonly NewFile[], uris: readonly vscode.Uri[]): Promise<string> {
    const left: string[] = [];
    for (const [i, uri] of uris.entries()) {
      // Each was checked to be absent just before: whatever is there now, the failed edit made.
      if (await exists(uri)) await vscode.workspace.fs.delete(uri).then(undefined, () => left.push(files[i]!.path));
    }
    const paths = files.map((f) => f.path).join(', ');
    const after =
      left.length > 0
        ? vscode.l10n.t('{0} was created anyway and could not be removed; delete it by hand.', left.join(', '))
        : vscode.l10n.t('Nothing was written.');
    return vscode.l10n.t(
      'Could not create {0}: VS Code could not write to the journal folder (is it read-only, or the disk full?). Check that you can write to it and try again. {1}',
      paths,
      after,
    );
  }

  private blocked(): string | undefined {
    if (!vscode.workspace.isTrusted)
      return vscode.l10n.t(
        'This workspace is not trusted: 1:1 Journal only reads it. Trust the workspace to make changes.',
      );
    if (!this.store.root) return NO_JOURNAL;
    return undefined;
  }
}

/** The file's text on disk, or why it cannot be had. */
async function diskText(uri: vscode.Uri): Promise<{ readonly text: string } | { readonly error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound')
      return {
        error: vscode.l10n.t('the file is gone (deleted or moved while the command ran); nothing was written.'),
      };
    return { error: vscode.l10n.t('could not be read: {0}', String(error)) };
  }
  const decoded = decode(bytes);
  if (decoded.kind !== 'text')
    return { error: decoded.kind === 'unreadable' ? decoded.message : vscode.l10n.t('the file is gone.') };
  return { text: decoded.text };
}

/** Resolves true when the document of `uri` changes (VS Code reloaded it), or false after `ms`. */
function changeOf(uri: vscode.Uri, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (changed: boolean): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(changed);
    };
    const timer = setTimeout(() => done(false), ms);
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString() && e.contentChanges.length > 0) done(true);
    });
  });
}

/**
 * Makes VS Code read a file it keeps stale text of. A document with no
 * editor, outside the workspace (a personal journal), is not always reloaded
 * when another window saves the file, and VS Code's watcher can go quiet for
 * seconds under load (a workspace journal too): shown in an editor it is watched; if it
 * still holds the old text, that editor is reverted — only while it has no
 * unsaved change, so nothing of the user's is dropped. An editor opened for
 * this is closed again.
 */
async function reload(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || document.isDirty) return;
  const tabOf = (): vscode.Tab | undefined =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  const hadTab = tabOf() !== undefined;
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
  if (!(await changeOf(uri, SETTLE_MS)) && !document.isDirty && vscode.window.activeTextEditor?.document === document)
    await vscode.commands.executeCommand('workbench.action.files.revert');
  const tab = hadTab ? undefined : tabOf();
  if (tab && !document.isDirty) await vscode.window.tabGroups.close(tab, true);
}
