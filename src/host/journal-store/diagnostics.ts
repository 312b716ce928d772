// The journal's problems (malformed front matter, unreadable files) in VS
// Code's Problems panel, kept in step with the index one batch at a time.

import * as vscode from 'vscode';
import { Problem } from '../../core/front-matter';
import { JournalIndex } from '../../core/journal-index';
import { uriIn } from './location';

export class JournalDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('oneOnOne');

  /** Shows the problems of the files at `paths` (journal-relative, under `root`) as the index now has them. */
  update(root: vscode.Uri | undefined, paths: readonly string[], index: JournalIndex): void {
    if (!root) return;
    // One message to the workbench per batch (a full read touches every file),
    // and none for files that had no problems before and have none now.
    const updates: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const path of new Set(paths)) {
      const entry = index.get(path);
      const uri = uriIn(root, path);
      if (entry && entry.problems.length > 0) updates.push([uri, entry.problems.map(toDiagnostic)]);
      else if (this.collection.has(uri)) updates.push([uri, undefined]);
    }
    if (updates.length > 0) this.collection.set(updates);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const line = Math.max(0, problem.line);
  const d = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = '1:1 Journal';
  return d;
}
