// What every measurement shares: the list of journal files, read the same way
// the extension lists them (src/host/journal-store.ts: markdown files only,
// hidden folders and the usual tool folders skipped, symbolic links not
// followed, sorted), and the extension's decoding rules.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.obsidian', '.foam', '.vscode']);
export const MAX_FILE_BYTES = 1024 * 1024;

/** Journal-relative paths of the markdown files under `root`, sorted. */
export function listMarkdown(root) {
  const out = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.'))
          walk(path.join(dir, entry.name), `${rel}${entry.name}/`);
      } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
        out.push(`${rel}${entry.name}`);
      }
    }
  };
  walk(root, '');
  return out.sort();
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The store's `decode`: NUL bytes mean binary, invalid UTF-8 is refused, a BOM stays in the text. */
export function decode(bytes) {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
