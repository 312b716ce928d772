// Tree nodes are plain data with stable ids, so a refresh keeps the user's
// expansion and selection. Commands invoked from a tree receive these nodes.

export type Node =
  | { readonly type: 'person'; readonly id: string; readonly slug: string }
  | { readonly type: 'meeting'; readonly id: string; readonly path: string; readonly person: string }
  | { readonly type: 'point'; readonly id: string; readonly path: string; readonly person: string; readonly line: number; readonly text: string }
  | { readonly type: 'group'; readonly id: string; readonly view: 'goals' | 'feedback'; readonly status: string }
  | { readonly type: 'goal' | 'feedback'; readonly id: string; readonly path: string; readonly status: string };

export function personNode(slug: string): Node {
  return { type: 'person', id: `person/${slug}`, slug };
}

export function meetingNode(person: string, path: string): Node {
  return { type: 'meeting', id: `meeting/${path}`, path, person };
}

export function pointNode(person: string, path: string, index: number, line: number, text: string): Node {
  return { type: 'point', id: `point/${path}/${index}/${text}`, path, person, line, text };
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && typeof (value as { id?: unknown }).id === 'string';
}
