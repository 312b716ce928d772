// Which person of the journal a chat message is about: "prep for my 1:1 with
// Alex" names Alex Kim. Full names first, then first names and slugs, as
// whole words; the first mentioned wins.

import { Person } from '../journal-index';

function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim()} `;
}

/** A first name said as a name: capitalised where it stands ("will we…" is not Will). */
function saidAsName(text: string, name: string): boolean {
  const pattern = new RegExp(
    `(?:^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'u',
  );
  return pattern.test(text);
}

/** The person a text mentions, if any: the one whose full name, slug or (capitalised) first name comes first. */
export function personInText(text: string, people: readonly Person[]): Person | undefined {
  const haystack = words(text);
  let best: { person: Person; at: number; length: number } | undefined;
  for (const person of people) {
    const first = person.name.split(/\s+/)[0] ?? '';
    const names = [person.name, person.slug, ...(saidAsName(text, first) ? [first] : [])];
    for (const name of names) {
      const needle = words(name);
      if (needle.trim().length < 2) continue;
      const at = haystack.indexOf(needle);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && needle.length > best.length))
        best = { person, at, length: needle.length };
    }
  }
  return best?.person;
}

/** A person given by slug or display name (any case), or by first name when only one person has it. */
export function resolvePersonName(query: string, people: readonly Person[]): Person | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  const exact = people.find((p) => p.slug === q || p.name.toLowerCase() === q);
  if (exact) return exact;
  const byFirst = people.filter((p) => (p.name.split(/\s+/)[0] ?? '').toLowerCase() === q);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}
