// The values of an index entry the index cache (index-cache-entry.ts) keeps
// beside its items, to JSON and back: problems, a goal's progress, a person's
// schedule (its set and map as arrays); and the checks that what JSON gives
// back is what was kept.

import { Problem } from './front-matter';
import { ProgressEntry } from './journal-entry';
import { Schedule } from './schedule';

export function decodeProblems(value: unknown): Problem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Problem[] = [];
  for (const p of value as unknown[]) {
    if (!Array.isArray(p) || p.length !== 3 || !isString(p[0]) || !isLine(p[1])) return undefined;
    if (p[2] !== 'error' && p[2] !== 'warning') return undefined;
    out.push({ message: p[0], line: p[1], severity: p[2] });
  }
  return out;
}

/** A goal's progress entries as kept (the index's own objects, back from JSON), if shaped as such. */
export function decodeProgress(value: unknown): ProgressEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const p of value as unknown[])
    if (!isRecord(p) || !isLine(p['line']) || !isString(p['date']) || !isString(p['text'])) return undefined;
  return value as ProgressEntry[];
}

/** A schedule as JSON: its set of skipped dates and map of moved meetings as arrays. */
export function scheduleToJson(schedule: Schedule): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...schedule };
  if (schedule.skip) out['skip'] = [...schedule.skip];
  if (schedule.moved) out['moved'] = [...schedule.moved];
  return isJsonData(out) ? out : undefined;
}

export function scheduleFromJson(value: unknown): Schedule | undefined {
  if (!isRecord(value) || !isString(value['cadence']) || typeof value['durationMinutes'] !== 'number') return undefined;
  const out: Record<string, unknown> = { ...value };
  for (const key of ['rule', 'starts', 'call', 'timeZone'])
    if (out[key] !== undefined && !isString(out[key])) return undefined;
  if (out['weekday'] !== undefined && typeof out['weekday'] !== 'number') return undefined;
  if (out['time'] !== undefined && !isWallTime(out['time'])) return undefined;
  if (out['skip'] !== undefined) {
    if (!Array.isArray(out['skip']) || !out['skip'].every(isString)) return undefined;
    out['skip'] = new Set(out['skip']);
  }
  if (out['moved'] !== undefined) {
    const moved = out['moved'];
    if (!Array.isArray(moved) || !moved.every((m) => Array.isArray(m) && isString(m[0]) && isWallDateTime(m[1])))
      return undefined;
    out['moved'] = new Map(moved as [string, unknown][]);
  }
  if (out['extra'] !== undefined && !(Array.isArray(out['extra']) && out['extra'].every(isWallDateTime)))
    return undefined;
  return out as unknown as Schedule;
}

function isWallTime(value: unknown): boolean {
  return isRecord(value) && typeof value['hour'] === 'number' && typeof value['minute'] === 'number';
}

function isWallDateTime(value: unknown): boolean {
  return isRecord(value) && isString(value['date']) && (value['time'] === undefined || isWallTime(value['time']));
}

/**
 * Comes back the same through JSON: plain objects and arrays of strings,
 * booleans, null and finite numbers (front matter can hold `.inf` or `-0`,
 * which would not).
 */
export function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonData(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype) return false;
  for (const key in value) if (!isJsonData((value as Record<string, unknown>)[key])) return false;
  return true;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

export function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isCount(value: unknown): value is number {
  return isLine(value);
}
