// The meeting templates the journal knows: `templates/<name>.md` in the
// journal (plain markdown the user edits), else the built-in one of that
// name. A person's `template:` key chooses theirs; New Meeting's `template`
// argument chooses one for a single meeting. `{{person}}` and `{{date}}` are
// filled in (templates.ts).

import { DEFAULT_MEETING_TEMPLATE } from './templates';

const head = (title: string): string => `---
date: {{date}}
status: planned
---

# ${title}
`;

const TAIL = `
## Wins

## Notes

## Action items

## Private
`;

export const BUILT_IN_TEMPLATES: Readonly<Record<string, { readonly description: string; readonly text: string }>> = {
  meeting: { description: 'a regular 1:1', text: DEFAULT_MEETING_TEMPLATE },
  first: {
    description: 'the first 1:1 with someone',
    text: `${head('First 1:1 with {{person}} — {{date}}')}
## Agenda

## Getting to know each other

_What are you working on, and what do you want to be doing in a year? How do you like to give and get feedback?_

## How we will work together

_How often do we meet, and for how long? What belongs here rather than in a status update? How do I reach you when something is urgent?_
${TAIL}`,
  },
  'skip-level': {
    description: "with your manager's manager",
    text: `${head('Skip-level with {{person}} — {{date}}')}
## Agenda

## What I would like them to know

_What is going well on the team, what is in the way, what I am growing towards._

## What I would like to learn

_Where the organisation is heading, how my work fits, what they see that I do not._
${TAIL}`,
  },
  mentoring: {
    description: 'with a mentor',
    text: `${head('Mentoring with {{person}} — {{date}}')}
## Agenda

## The question I bring

_One situation, what I tried, what I am unsure about._

## What I will try before next time
${TAIL}`,
  },
  report: {
    description: "a report's 1:1, for managers",
    text: `${head('1:1 with {{person}} — {{date}}')}
## Their agenda

_Their topics first: it is their meeting._

## Agenda

## Growth and feedback

_How are they doing against their goals? One piece of feedback each way._
${TAIL}`,
  },
};

/** A template's name as a file name allows it (`Skip Level` → `skip-level`), or undefined for one that cannot be. */
export function templateName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value
    .trim()
    .toLowerCase()
    .replace(/\.md$/, '')
    .replace(/[\s_]+/g, '-');
  return /^[a-z0-9][a-z0-9-]{0,40}$/.test(name) ? name : undefined;
}

/** The journal path of a template. */
export function templatePath(name: string): string {
  return `templates/${name}.md`;
}
