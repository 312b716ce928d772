// Git's ignore rules (.gitignore files, .git/info/exclude), read as git reads
// them: whether they keep a repository-relative path out, and which file
// does. Pure text in, text out.

export interface IgnoreSource {
  /** The folder the rules are relative to, repository-relative (`''`: the root; info/exclude is at the root too). */
  readonly base: string;
  readonly text: string;
  /** Where the rules come from, for messages: `.gitignore`, `notes/.gitignore`, `.git/info/exclude`. */
  readonly label: string;
}

interface Rule {
  readonly negated: boolean;
  readonly dirOnly: boolean;
  /** Matched against the path relative to the source's base when anchored, else against the last segment. */
  readonly anchored: boolean;
  readonly regex: RegExp;
}

/** The rules of one ignore file, in order; blank lines and comments skipped. */
export function parseIgnoreRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let line = raw;
    // Trailing spaces are dropped unless escaped with a backslash.
    line = line.replace(/(?<!\\)[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith('/') && !line.endsWith('\\/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const regex = globToRegExp(line);
    if (regex) rules.push({ negated, dirOnly, anchored, regex });
  }
  return rules;
}

/** A gitignore glob as an anchored regular expression; undefined for one git would not read either (an unclosed class). */
function globToRegExp(glob: string): RegExp | undefined {
  let re = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) {
            // `a/**`: everything inside; a lone `**`: everything.
            re += '.*';
            i += 2;
          } else {
            // `**/` at the start or `/**/` inside: zero or more folders.
            re += '(?:[^/]*/)*';
            i += 3;
          }
          continue;
        }
        // `a**b` is two stars, as git reads it.
        re += '[^/]*';
        i += 2;
        continue;
      }
      re += '[^/]*';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '[') {
      const end = classEnd(glob, i);
      if (end < 0) return undefined;
      let body = glob.slice(i + 1, end);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      body = body.replace(/\\(.)/g, '$1').replace(/[\]\\^]/g, '\\$&');
      re += `[${negate ? '^' : ''}${body}]`;
      i = end + 1;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += escapeRegExp(glob[i + 1]!);
      i += 2;
    } else {
      re += escapeRegExp(c);
      i++;
    }
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return undefined;
  }
}

function classEnd(glob: string, start: number): number {
  let j = start + 1;
  if (glob[j] === '!' || glob[j] === '^') j++;
  if (glob[j] === ']') j++;
  for (; j < glob.length; j++) {
    if (glob[j] === '\\') j++;
    else if (glob[j] === ']') return j;
  }
  return -1;
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The verdict of the rules on one path (not its parents): the label of the
 * source whose last matching rule ignores it, `false` when the last matching
 * rule re-includes it (`!…`), undefined when no rule matches. Sources come
 * lowest precedence first (info/exclude, the root .gitignore, deeper ones).
 */
function verdict(
  path: string,
  isDir: boolean,
  sources: readonly { source: IgnoreSource; rules: readonly Rule[] }[],
): string | false | undefined {
  let result: string | false | undefined;
  for (const { source, rules } of sources) {
    const base = source.base === '' ? '' : `${source.base}/`;
    if (base !== '' && !path.startsWith(base)) continue;
    const relative = path.slice(base.length);
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    for (const rule of rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.regex.test(rule.anchored ? relative : name)) result = rule.negated ? false : source.label;
    }
  }
  return result;
}

/**
 * Whether git's ignore rules keep out a repository-relative path: the label of
 * the file that does, else undefined. A path in an ignored folder is ignored
 * whatever comes after, as in git (a folder left out is never looked into).
 */
export function ignoredBy(path: string, isDir: boolean, sources: readonly IgnoreSource[]): string | undefined {
  const parsed = sources.map((source) => ({ source, rules: parseIgnoreRules(source.text) }));
  const parts = path.split('/').filter((p) => p !== '');
  for (let i = 1; i <= parts.length; i++) {
    const v = verdict(parts.slice(0, i).join('/'), i < parts.length || isDir, parsed);
    if (typeof v === 'string') return v;
  }
  return undefined;
}
