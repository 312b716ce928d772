// Several VS Code windows may write one journal (a personal journal is shown
// in all of them). Each write checks the file on disk, applies its edit and
// saves; another window's save landing in between would leave our edit
// refused and unsaved. So the windows take turns: a lock file in the
// extension's global storage (shared by every window of this user, never in
// the journal), moved into place without overwriting, as the reminders'
// claims are. Writers that do not take it (git, other editors) are still met
// by the writer's freshness checks.

import * as vscode from 'vscode';
import { fnv1a } from '../core/text';
import { Logger } from './logger';

/** A lock held longer than this is a window that went away mid-write (a write takes well under a second). */
const STALE_MS = 10_000;
/** How long a write waits for its turn before going ahead without one. */
const WAIT_MS = 15_000;
/** Long enough for two moves started together to both be done. */
const SETTLE_MS = 30;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class JournalLock {
  private readonly id = `${vscode.env.sessionId}-${Math.random().toString(36).slice(2)}`;
  /** This window's own writes, one after another (the file lock is not re-entrant). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly log: Logger,
  ) {}

  /** Runs `fn` while no other window writes the journal at `root`. */
  run<T>(root: vscode.Uri | undefined, fn: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(() => this.locked(root, fn));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async locked<T>(root: vscode.Uri | undefined, fn: () => Promise<T>): Promise<T> {
    if (!root || !this.storage) return fn();
    const dir = vscode.Uri.joinPath(this.storage, 'locks');
    const target = vscode.Uri.joinPath(dir, `${fnv1a(root.toString())}.lock`);
    const held = await this.acquire(dir, target);
    try {
      return await fn();
    } finally {
      if (held) await this.release(target);
    }
  }

  private async acquire(dir: vscode.Uri, target: vscode.Uri): Promise<boolean> {
    const fs = vscode.workspace.fs;
    const temp = vscode.Uri.joinPath(dir, `${fnv1a(this.id)}.${Date.now()}.tmp`);
    const started = Date.now();
    try {
      await fs.createDirectory(dir);
      for (;;) {
        await fs.writeFile(temp, new TextEncoder().encode(this.id));
        let moved = false;
        try {
          await fs.rename(temp, target, { overwrite: false });
          moved = true;
        } catch {
          await fs.delete(temp).then(undefined, () => undefined);
        }
        // "Without overwriting" is a look, then a move: two windows can both
        // move theirs in. Once both moves are done, the file names one of them.
        if (moved) {
          await sleep(SETTLE_MS);
          const holder = await fs.readFile(target).then(
            (b) => new TextDecoder().decode(b),
            () => undefined,
          );
          if (holder === this.id) return true;
        }
        const stat = await fs.stat(target).then(undefined, () => undefined);
        if (stat && Date.now() - stat.mtime > STALE_MS) {
          this.log.warn('A journal write lock was left by a window that went away; taking it over.');
          await fs.delete(target).then(undefined, () => undefined);
          continue;
        }
        if (Date.now() - started > WAIT_MS) {
          this.log.warn('Another window kept the journal busy; writing without waiting longer.');
          return false;
        }
        // Jittered, so that windows waiting together do not retry in step.
        await sleep(20 + Math.random() * 60);
      }
    } catch (error) {
      // Storage unavailable: the writer's own checks still keep every text.
      this.log.warn(`The journal write lock is unavailable (${String(error)}); writing without it.`);
      return false;
    }
  }

  private async release(target: vscode.Uri): Promise<void> {
    try {
      const holder = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      if (holder === this.id) await vscode.workspace.fs.delete(target);
    } catch {
      // Already gone (taken over as stale): nothing to release.
    }
  }
}
