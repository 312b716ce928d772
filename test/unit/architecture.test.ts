// The shape of src/ (docs/architecture.md): no import cycles between files, and
// files small enough to read whole. The layer rule itself is a lint rule
// (scripts/eslint-layers.mjs); these are the checks a lint rule sees one file at a time.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const repo = path.resolve(__dirname, '../../..');
const src = path.join(repo, 'src');
const MAX_LINES = 300;

function sourceFiles(): string[] {
  return fs
    .readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(src, f))
    .sort();
}

/** The src/ files a file imports (relative imports, type-only ones included). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/gm)) {
    const base = path.resolve(path.dirname(file), m[1]!);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
    if (target) out.push(target);
  }
  return out;
}

function cyclesOf(files: readonly string[]): string[] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === 'open') {
        const loop = [...stack.slice(stack.indexOf(dep)), dep];
        cycles.push(loop.map((f) => path.relative(src, f)).join(' → '));
      } else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

describe('architecture of src/', () => {
  const files = sourceFiles();

  it('finds the source files', () => {
    assert.ok(files.length > 50, `only ${files.length} files under ${src}`);
    assert.ok(
      files.some((f) => f.endsWith(path.join('core', 'journal-index.ts'))),
      'src/core/journal-index.ts is among them',
    );
  });

  it('has no import cycles between files', () => {
    assert.deepStrictEqual(cyclesOf(files), []);
  });

  it('sees a cycle when there is one (the check itself)', () => {
    const dir = fs.mkdtempSync(path.join(repo, 'out', 'cycle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\n");
      assert.strictEqual(cyclesOf([path.join(dir, 'a.ts'), path.join(dir, 'b.ts')]).length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`keeps files under ${MAX_LINES} lines, or says at the top why one is longer`, () => {
    const long = files.filter((f) => {
      const lines = fs.readFileSync(f, 'utf8').split('\n');
      if (lines.length <= MAX_LINES) return false;
      // The reason is written in the file's opening comment, with the word "longer".
      const opening = lines.slice(0, 12).join('\n');
      return !/^\/\/.*\blonger\b/im.test(opening);
    });
    assert.deepStrictEqual(
      long.map((f) => path.relative(src, f)),
      [],
    );
  });
});
