// The two windows run in separate extension hosts and share nothing but the
// disk: they meet at barriers, files in a folder both are given
// (ONE_ON_ONE_WINDOWS_SYNC). A window that fails leaves an `abort` file, so
// the other stops waiting at once instead of at its deadline.
import * as fs from 'fs';
import * as path from 'path';

const BARRIER_MS = 60000;

function syncDir(): string {
  const dir = process.env.ONE_ON_ONE_WINDOWS_SYNC;
  if (!dir) throw new Error('ONE_ON_ONE_WINDOWS_SYNC is not set: run this suite with scripts/test-windows.mjs');
  return dir;
}

/** Arrives at `name` leaving `data` for the other window; resolves with the other's data once it has arrived too. */
export async function barrier(name: string, me: string, other: string, data = ''): Promise<string> {
  // Renamed into place: the other window must never read a file that is there but not yet written.
  const mine = path.join(syncDir(), `${name}.${me}`);
  fs.writeFileSync(`${mine}.tmp`, data);
  fs.renameSync(`${mine}.tmp`, mine);
  const theirs = path.join(syncDir(), `${name}.${other}`);
  const started = Date.now();
  for (;;) {
    const aborted = path.join(syncDir(), 'abort');
    if (fs.existsSync(aborted)) throw new Error(`the other window gave up: ${fs.readFileSync(aborted, 'utf8')}`);
    if (fs.existsSync(theirs)) return fs.readFileSync(theirs, 'utf8');
    if (Date.now() - started > BARRIER_MS) throw new Error(`${other} did not reach "${name}" within ${BARRIER_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function abort(why: string): void {
  fs.writeFileSync(path.join(syncDir(), 'abort'), why, { flag: 'a' });
}
