import * as assert from 'assert';
import { suggestSummary } from '../../src/core/summary-suggestion';

describe('talking points: suggestSummary', () => {
  it('gives prose its first sentence, capitalised, without list or quote markers', () => {
    assert.strictEqual(
      suggestSummary({ text: 'the rollout needs a reviewer. Also the docs.\nMore here', languageId: 'plaintext' }),
      'The rollout needs a reviewer.',
    );
    assert.strictEqual(
      suggestSummary({ text: '\n\n- ask about\n  the on-call rotation\n\nlater', languageId: 'markdown' }),
      'Ask about the on-call rotation',
    );
    assert.strictEqual(suggestSummary({ text: 'Why 3 retries? Nobody knows', languageId: '' }), 'Why 3 retries?');
    assert.strictEqual(suggestSummary({ text: 'v1.2 ships today', languageId: 'plaintext' }), 'V1.2 ships today');
  });

  it('names what code defines, with the file it is in', () => {
    const code = '  // keeps retries bounded\n  export async function retryBudget(max: number) {\n    return max;\n  }';
    assert.strictEqual(
      suggestSummary({ text: code, languageId: 'typescript' }, 'src/net/retry.ts:40-52'),
      'Discuss `retryBudget` in retry.ts',
    );
    assert.strictEqual(
      suggestSummary({ text: 'class Cache:\n  pass', languageId: 'python' }, 'cache.py:3'),
      'Discuss `Cache` in cache.py',
    );
    assert.strictEqual(suggestSummary({ text: 'def load(path):\n  ...', languageId: 'python' }), 'Discuss `load`');
    assert.strictEqual(
      suggestSummary({ text: 'pub fn parse(s: &str) {}', languageId: 'rust' }, 'a/b.rs'),
      'Discuss `parse` in b.rs',
    );
    assert.strictEqual(suggestSummary({ text: 'func (s *Server) Serve() {}', languageId: 'go' }), 'Discuss `Serve`');
    assert.strictEqual(
      suggestSummary({ text: 'const limit = 3;', languageId: 'javascript' }, 'x.js:1'),
      'Discuss `limit` in x.js',
    );
    assert.strictEqual(suggestSummary({ text: '  private void flush() {', languageId: 'java' }), 'Discuss `flush`');
  });

  it('falls back to the file, then to the first line, for code that defines nothing', () => {
    assert.strictEqual(
      suggestSummary({ text: 'if (x) {\n  y();\n}', languageId: 'typescript' }, 'src/a.ts:3-5'),
      'Discuss this code in a.ts',
    );
    assert.strictEqual(suggestSummary({ text: '\n  x += 1;\n', languageId: 'c' }), 'Discuss this code: x += 1;');
  });

  it('picks the line that went wrong in terminal output', () => {
    const out = '$ npm test\n> jest\nPASS a.test.ts\nFAIL b.test.ts\n  Error: timeout';
    assert.strictEqual(suggestSummary({ text: out, languageId: 'console' }), 'Ask about this output: FAIL b.test.ts');
    assert.strictEqual(
      suggestSummary({ text: '$ ls\nREADME.md', languageId: 'console' }),
      'Ask about this output: $ ls',
    );
  });

  it('gives nothing for blank text, and never more than one short line', () => {
    assert.strictEqual(suggestSummary({ text: ' \n\t', languageId: 'typescript' }), '');
    const long = suggestSummary({ text: 'word '.repeat(200), languageId: 'plaintext' });
    assert.ok(long.length <= 100 && !long.includes('\n'), long);
    const control = suggestSummary({ text: 'a\u0007b\u202e. c', languageId: 'plaintext' });
    assert.ok(![...control].some((ch) => ch.charCodeAt(0) < 0x20), control);
  });
});
