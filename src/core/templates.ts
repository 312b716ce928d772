// Contents of the files the extension creates. Values typed by the user are
// written into front matter quoted as YAML needs (renderScalar), so a name
// like `Sam: "the" boss` cannot break the file.

import { renderScalar, Scalar } from './front-matter-edits';
import { codeSpan } from './talking-points';
import { FRONT_MATTER_PAIR, isPlaceholderValue } from './template-placeholders';
import { toSource } from './text';

export const ROLES = ['manager', 'skip-level', 'mentor', 'report', 'peer'] as const;
export type Role = (typeof ROLES)[number];

export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export const FEEDBACK_STATUSES = ['received', 'trying', 'circled-back', 'closed'] as const;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const DEFAULT_MEETING_TEMPLATE = `---
date: {{date}}
status: planned
---

# 1:1 with {{person}} — {{date}}

## Agenda

## Wins

## Notes

## Action items

## Private
`;

function frontMatter(fields: Record<string, Scalar | undefined>): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
  const lines = Object.entries(defined).map(([key, value]) => `${key}: ${renderScalar(value as Scalar, true)}\n`);
  return `---\n${lines.join('')}---\n`;
}

function heading(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

export function personFile(name: string, role: Role | undefined, cadence: string | undefined): string {
  return `${frontMatter({ name, role, cadence })}\n# ${heading(name)}\n`;
}

export interface GoalFields {
  readonly target?: string | undefined;
  readonly circle?: string | undefined;
  /** Written under "Why it matters". */
  readonly why?: string | undefined;
}

export function goalFile(title: string, created: string, fields: GoalFields = {}): string {
  const why = fields.why?.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return (
    `${frontMatter({ title, status: 'active', target: fields.target, circle: fields.circle, created })}\n# ${heading(title)}\n\n` +
    `## Why it matters\n\n${why ? `${why}\n\n` : ''}## Progress\n`
  );
}

export interface FeedbackFields {
  /** What was said, written as a quote under "What I heard". */
  readonly heard?: string | undefined;
  /** Where it was said: a file and lines, a review comment's address. */
  readonly source?: string | undefined;
  readonly circleBack?: string | undefined;
}

export function feedbackFile(
  title: string,
  from: string | undefined,
  received: string,
  fields: FeedbackFields = {},
): string {
  const heard: string[] = [];
  if (fields.heard !== undefined && fields.heard.trim() !== '') {
    const lines = fields.heard
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      .split('\n');
    while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    heard.push(...lines.map((l) => (l.trim() === '' ? '>' : `> ${l.trimEnd()}`)), '');
  }
  const source = fields.source?.replace(/[\r\n]+/g, ' ').trim();
  if (source) heard.push(`Source: ${codeSpan(source)}`, '');
  return (
    `${frontMatter({ title, from, status: 'received', received, circleBack: fields.circleBack })}\n# ${heading(title)}\n\n` +
    `## What I heard\n\n${heard.map((l) => `${l}\n`).join('')}## What I am trying\n\n## Circle back\n`
  );
}

/**
 * Fills `{{person}}`, `{{date}}` and other placeholders. Inside the front
 * matter a value is written as a YAML scalar (quoted when needed); in the body
 * as plain text. The template's own line breaks are kept.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const source = toSource(template);
  const fmEnd = frontMatterEnd(source.lines.map((l) => l.text));
  let out = source.bom ? '\uFEFF' : '';
  const fill = (text: string): string =>
    text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, key: string) => {
      const value = values[key];
      return value === undefined ? whole : value.replace(/[\r\n]+/g, ' ');
    });
  source.lines.forEach((line, index) => {
    let filled: string;
    const pair = index > 0 && index < fmEnd ? FRONT_MATTER_PAIR.exec(line.text) : null;
    if (pair && isPlaceholderValue(pair[2]!)) {
      // A placeholder in a plain front-matter value: the whole filled value is
      // written as one YAML scalar, quoted when it needs to be.
      filled = pair[1]! + renderScalar(fill(pair[2]!)) + (pair[3] ?? '');
    } else {
      filled = fill(line.text);
    }
    out += filled + line.eol;
  });
  return out;
}

function frontMatterEnd(lines: readonly string[]): number {
  if (lines.length < 2 || lines[0]!.trimEnd() !== '---') return -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i]!.trimEnd();
    if (t === '---' || t === '...') return i;
  }
  return -1;
}

export const JOURNAL_README = `# My 1:1 journal

Plain markdown kept by the 1:1 Journal extension. Every file here is yours to
read, grep and edit by hand.

- \`people/\` — one file per person you meet (name, role, cadence).
- \`meetings/<person>/<YYYY-MM-DD>.md\` — one file per meeting: Agenda, Wins,
  Notes, Action items, Private.
- \`goals/\` and \`feedback/\` — goals and feedback threads that live across meetings.
- \`templates/meeting.md\` — the template new meetings start from.

Notes under a \`## Private\` heading are yours alone: the extension never puts
them in anything it shares.
`;
