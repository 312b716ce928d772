// "Once across windows": several VS Code windows on one journal each notice
// the same reminder or nudge; the first to claim it shows it. A claim is a
// file named after the key, in the extension's global storage, moved into
// place without overwriting and read back: of several windows only one finds
// its own id in it. Claims older than a few days are swept.

import * as vscode from 'vscode';
import { fnv1a } from '../core/text';
import { Logger } from './logger';

const CLAIM_DAYS = 3;

function hash(text: string): string {
  return fnv1a(text) + text.length.toString(36);
}

export class WindowClaims {
  constructor(
    private readonly storage: vscode.Uri,
    readonly windowId: string,
    private readonly log: Logger,
    /** The folder under global storage: one per kind of claim. */
    private readonly folder = 'reminders',
  ) {}

  /** True when this window is the first to claim `key`; also when storage cannot be used (better twice than never). */
  async claim(key: string): Promise<boolean> {
    const fs = vscode.workspace.fs;
    const dir = vscode.Uri.joinPath(this.storage, this.folder);
    const name = hash(key);
    const target = vscode.Uri.joinPath(dir, `${name}.claim`);
    const temp = vscode.Uri.joinPath(dir, `${name}.${hash(this.windowId)}.tmp`);
    try {
      await fs.createDirectory(dir);
      await fs.writeFile(temp, new TextEncoder().encode(this.windowId));
      try {
        await fs.rename(temp, target, { overwrite: false });
      } catch {
        await fs.delete(temp).then(undefined, () => undefined);
        return false;
      }
      return new TextDecoder().decode(await fs.readFile(target)) === this.windowId;
    } catch (error) {
      this.log.warn(`Claim of "${key}" failed (${String(error)}); showing it in this window.`);
      return true;
    }
  }

  /** Removes claims older than a few days. */
  async sweep(): Promise<void> {
    const dir = vscode.Uri.joinPath(this.storage, this.folder);
    let entries: [string, vscode.FileType][];
    try {
      // Created first (a no-op when it exists), so a first start does not log a missing folder.
      await vscode.workspace.fs.createDirectory(dir);
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    const cutoff = Date.now() - CLAIM_DAYS * 86_400_000;
    for (const [name] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      try {
        if ((await vscode.workspace.fs.stat(uri)).mtime < cutoff) await vscode.workspace.fs.delete(uri);
      } catch {
        // Another window swept it first.
      }
    }
  }
}
