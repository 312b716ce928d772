// The warnings a file's front matter gets in the Problems panel: a status,
// role or date the journal does not know, a schedule field that does not
// parse, each pointed at the line of its key.

import { isIsoDate } from './dates';
import { JournalDocument } from './document';
import { Problem } from './front-matter';
import { FileKind } from './layout';
import { scheduleOf } from './schedule';
import { FEEDBACK_STATUSES, GOAL_STATUSES, ROLES } from './templates';
import { l10n } from './l10n';

export const MEETING_STATUSES = ['planned', 'done', 'skipped', 'cancelled'] as const;

/** The problems of a file's front-matter fields, for its kind. */
export function checkFields(kind: FileKind, doc: JournalDocument): Problem[] {
  const problems: Problem[] = [];
  const expect = (key: string, allowed: readonly string[]): void => {
    const value = doc.data[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push({
        message: l10n.t('"{0}" should be one of: {1}.', key, allowed.join(', ')),
        line: keyLine(doc, key),
        severity: 'warning',
      });
    }
  };
  switch (kind) {
    case 'person':
      expect('role', ROLES);
      for (const p of scheduleOf(doc.data).problems)
        problems.push({ message: p.message, line: keyLine(doc, p.key), severity: 'warning' });
      break;
    case 'meeting': {
      expect('status', MEETING_STATUSES);
      const date = doc.data['date'];
      if (date !== undefined && !(typeof date === 'string' && isIsoDate(date))) {
        problems.push({
          message: l10n.t('"date" should be a date like 2026-01-31.'),
          line: keyLine(doc, 'date'),
          severity: 'warning',
        });
      }
      break;
    }
    case 'goal':
      expect('status', GOAL_STATUSES);
      break;
    case 'feedback':
      expect('status', FEEDBACK_STATUSES);
      break;
    default:
      break;
  }
  return problems;
}

/** The line of a top-level front-matter key, for pointing a diagnostic at it. */
function keyLine(doc: JournalDocument, key: string): number {
  const fm = doc.scan.frontMatter;
  if (!fm) return 0;
  const pattern = new RegExp(`^['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`);
  for (let i = fm.startLine + 1; i < fm.endLine; i++) if (pattern.test(doc.source.lines[i]!.text)) return i;
  return fm.startLine;
}
