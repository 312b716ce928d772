// The one path by which the extension changes journal files. Edits are
// computed by the core against the text VS Code holds for the file (an open,
// unsaved editor included) and applied as one WorkspaceEdit, so the user's
// unsaved work is respected and Ctrl+Z undoes us. New files are created by the
// same WorkspaceEdit mechanism.

import * as vscode from 'vscode';
import { parseDocument, JournalDocument } from '../core/document';
import { EditResult } from '../core/edits';
import { isSafeRelativePath } from '../core/layout';
import { stripBom } from '../core/text';
import { decode, JournalStore } from './journal-store';
import { Logger } from './logger';

export type WriteResult = { readonly ok: true; readonly uri: vscode.Uri } | { readonly ok: false; readonly reason: string; readonly uri?: vscode.Uri };

export interface NewFile {
  /** Journal-relative path. */
  readonly path: string;
  readonly contents: string;
}

export interface FileChange {
  readonly path: string;
  readonly compute: (doc: JournalDocument) => EditResult;
}

const encoder = new TextEncoder();

export class JournalWriter {
  constructor(
    private readonly store: JournalStore,
    private readonly log: Logger,
  ) {}

  /** Creates files that do not exist yet, all in one WorkspaceEdit; refuses if any exists. */
  async create(files: readonly NewFile[], label: string): Promise<WriteResult> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, reason: blocked };
    const edit = new vscode.WorkspaceEdit();
    const uris: vscode.Uri[] = [];
    for (const file of files) {
      if (!isSafeRelativePath(file.path)) return { ok: false, reason: `Refusing to write outside the journal: ${file.path}` };
      const uri = this.store.uriOf(file.path);
      if (await exists(uri)) return { ok: false, reason: `${file.path} already exists.`, uri };
      edit.createFile(uri, { contents: encoder.encode(file.contents), overwrite: false, ignoreIfExists: false }, { label, needsConfirmation: false });
      uris.push(uri);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      return { ok: false, reason: `VS Code could not create ${files.map((f) => f.path).join(', ')}.` };
    }
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
   * order, so a later one can use what an earlier one found.
   */
  async editMany(changes: readonly FileChange[], label: string): Promise<WriteResult> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, reason: blocked };
    const prepared: { path: string; uri: vscode.Uri; document: vscode.TextDocument; wasDirty: boolean; version: number }[] = [];
    for (const { path } of changes) {
      if (!isSafeRelativePath(path)) return { ok: false, reason: `Refusing to write outside the journal: ${path}` };
      const uri = this.store.uriOf(path);
      let document: vscode.TextDocument;
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        return { ok: false, reason: `${path} could not be opened: ${String(error)}`, uri };
      }
      const wasDirty = document.isDirty;
      if (!wasDirty) {
        const mismatch = await this.diskMismatch(uri, document);
        if (mismatch) return { ok: false, reason: `${path}: ${mismatch}`, uri };
      }
      prepared.push({ path, uri, document, wasDirty, version: document.version });
    }
    // From here to applyEdit nothing awaits: the texts the edits are computed on are the texts they apply to.
    const edit = new vscode.WorkspaceEdit();
    let any = false;
    for (const [i, p] of prepared.entries()) {
      if (p.document.version !== p.version) return { ok: false, reason: `${p.path} changed while the edit was prepared; try again.`, uri: p.uri };
      const result = changes[i]!.compute(parseDocument(p.document.getText()));
      if ('error' in result) return { ok: false, reason: `${p.path}: ${result.error}`, uri: p.uri };
      for (const e of result.edits) {
        any = true;
        edit.replace(p.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText, {
          label,
          needsConfirmation: false,
        });
      }
    }
    const first = prepared[0]!.uri;
    if (!any) return { ok: true, uri: first };
    if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, reason: `VS Code could not apply the change to ${changes.map((c) => c.path).join(', ')}.`, uri: first };
    const unsaved: string[] = [];
    for (const p of prepared) {
      if (!p.wasDirty && !(await p.document.save())) unsaved.push(p.path);
      this.store.updateFromText(p.path, p.document.getText());
    }
    if (unsaved.length > 0) {
      return { ok: false, reason: `${unsaved.join(', ')} changed but could not be saved; the change is in the open editor.`, uri: first };
    }
    this.log.info(`${label}: edited ${changes.map((c) => c.path).join(', ')}`);
    return { ok: true, uri: first };
  }

  private blocked(): string | undefined {
    if (!vscode.workspace.isTrusted) return 'This workspace is not trusted: 1:1 Journal only reads it. Trust the workspace to make changes.';
    if (!this.store.root) return 'Open a folder first: the journal lives inside your workspace.';
    return undefined;
  }

  /**
   * VS Code normalises mixed line endings when it loads a file, so saving our
   * edit would rewrite lines we never meant to touch. Refuse instead.
   */
  private async diskMismatch(uri: vscode.Uri, document: vscode.TextDocument): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      return `could not be read: ${String(error)}`;
    }
    const decoded = decode(bytes);
    if (decoded.kind !== 'text') return decoded.kind === 'unreadable' ? decoded.message : 'the file is gone.';
    const disk = stripBom(decoded.text).text;
    const held = document.getText();
    if (disk === held) return undefined;
    if (disk.replace(/\r\n?/g, '\n') === held.replace(/\r\n?/g, '\n')) {
      return 'the file mixes line endings (LF and CRLF). Saving it from VS Code would change every line, so nothing was written. Convert it to one line ending (status bar: LF/CRLF) and try again.';
    }
    return 'the file changed on disk; try again in a moment.';
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
