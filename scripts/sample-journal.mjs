// The sample journal as `npm start` lays it out: a copy of samples/journal in
// .cache/sample-journal whose dates are moved by whole weeks so that Alex's
// planned 1:1 is the next one after today (weekdays and cadences still hold),
// and which git ignores, so the privacy warning has nothing to warn about.
// The tests keep using samples/journal itself, with its fixed dates.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The sample's planned meeting: the one that should come next. */
export const SAMPLE_NEXT = '2026-11-24';
const DAY = 86_400_000;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function utcDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days to add to every sample date: a whole number of weeks that puts SAMPLE_NEXT 1–7 days after `today`. */
export function shiftDays(today) {
  const next = utcDay(SAMPLE_NEXT);
  const now = utcDay(today);
  const weeks = Math.floor((now - next) / (7 * DAY)) + 1;
  return weeks * 7;
}

/** Moves every ISO date in a text by `days`; anything that is not a real date is left alone. */
export function shiftText(text, days) {
  if (days === 0) return text;
  return text.replace(ISO_DATE, (whole, y, m, d) => {
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    if (isoOf(ms) !== whole) return whole;
    return isoOf(ms + days * DAY);
  });
}

function filesUnder(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, base));
    else out.push(path.relative(base, full));
  }
  return out.sort();
}

function hashes(dir) {
  const out = {};
  for (const rel of filesUnder(dir))
    out[rel] = createHash('sha1')
      .update(fs.readFileSync(path.join(dir, rel)))
      .digest('hex');
  return out;
}

/** The local calendar day, as the extension sees it. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Lays out `source` in `dest` with dates relative to `today`. A copy the user
 * has written in since it was laid out is kept as it is (nothing they wrote is
 * lost); returns what happened.
 */
export function layOutSample(source, dest, today = localToday()) {
  const stampFile = `${dest}.json`;
  if (fs.existsSync(dest)) {
    let stamp;
    try {
      stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    } catch {
      stamp = undefined;
    }
    const untouched = stamp && JSON.stringify(stamp.files) === JSON.stringify(hashes(dest));
    if (!untouched) return { kept: true, dest, days: stamp?.days };
    if (stamp.today === today) return { kept: false, dest, days: stamp.days };
    fs.rmSync(dest, { recursive: true, force: true });
  }
  const days = shiftDays(today);
  for (const rel of filesUnder(source)) {
    const target = path.join(dest, shiftText(rel, days));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const bytes = fs.readFileSync(path.join(source, rel));
    fs.writeFileSync(target, rel.endsWith('.md') ? shiftText(bytes.toString('utf8'), days) : bytes);
  }
  // The copy sits inside this repository: VS Code's git extension would offer to open the repository above it.
  fs.mkdirSync(path.join(dest, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dest, '.vscode', 'settings.json'),
    JSON.stringify({ 'git.openRepositoryInParentFolders': 'never' }, null, 2) + '\n',
  );
  fs.writeFileSync(stampFile, JSON.stringify({ today, days, files: hashes(dest) }, null, 2) + '\n');
  return { kept: false, dest, days };
}
