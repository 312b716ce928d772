// Tree nodes are plain data with stable ids, so a refresh keeps the user's
// expansion and selection. Commands invoked from a tree receive these nodes.

export type Node =
  | { readonly type: 'person'; readonly id: string; readonly slug: string }
  | { readonly type: 'meeting'; readonly id: string; readonly path: string; readonly person: string }
  /** A person's older meetings of one year (the latest ones are the person's own rows). */
  | { readonly type: 'year'; readonly id: string; readonly person: string; readonly year: string }
  | {
      readonly type: 'point';
      readonly id: string;
      readonly path: string;
      readonly person: string;
      readonly line: number;
      readonly text: string;
    }
  | { readonly type: 'group'; readonly id: string; readonly view: 'goals' | 'feedback'; readonly status: string }
  | { readonly type: 'goal' | 'feedback'; readonly id: string; readonly path: string; readonly status: string }
  /** One dated entry of a goal's progress log. */
  | {
      readonly type: 'progress';
      readonly id: string;
      readonly path: string;
      readonly status: string;
      readonly line: number;
      readonly date: string;
      readonly text: string;
    }
  /** A person's wins from every meeting, by impact circle. */
  | { readonly type: 'wins'; readonly id: string; readonly person: string }
  | { readonly type: 'circle'; readonly id: string; readonly person: string; readonly circle: string }
  /** A win, shown under its meeting (`via: 'meeting'`) and under its circle in the person's Wins. */
  | {
      readonly type: 'win';
      readonly id: string;
      readonly path: string;
      readonly person: string;
      readonly line: number;
      readonly text: string;
      readonly via: 'meeting' | 'circle';
      readonly circle: string;
    };

export function personNode(slug: string): Node {
  return { type: 'person', id: `person/${slug}`, slug };
}

export function meetingNode(person: string, path: string): Node {
  return { type: 'meeting', id: `meeting/${path}`, path, person };
}

export function yearNode(person: string, year: string): Node {
  return { type: 'year', id: `year/${person}/${year}`, person, year };
}

export function pointNode(person: string, path: string, index: number, line: number, text: string): Node {
  return { type: 'point', id: `point/${path}/${index}/${text}`, path, person, line, text };
}

export function winsNode(person: string): Node {
  return { type: 'wins', id: `wins/${person}`, person };
}

export function circleNode(person: string, circle: string): Node {
  return { type: 'circle', id: `wins/${person}/${circle}`, person, circle };
}

export function winNode(
  person: string,
  path: string,
  index: number,
  line: number,
  text: string,
  via: 'meeting' | 'circle',
  circle: string,
): Node {
  const prefix = via === 'meeting' ? 'win' : `wins/${person}/${circle}`;
  return { type: 'win', id: `${prefix}/${path}/${index}/${text}`, path, person, line, text, via, circle };
}

export function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}
