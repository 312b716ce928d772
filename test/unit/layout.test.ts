import * as assert from 'assert';
import fc from 'fast-check';
import {
  classify,
  feedbackPath,
  goalPath,
  isSafeRelativePath,
  meetingPath,
  personPath,
  slugify,
  titleFromSlug,
} from '../../src/core/layout';
import { RUNS } from './arbitraries';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

describe('layout: classify', () => {
  it('classifies people, goals, feedback and templates', () => {
    assert.deepStrictEqual(classify('people/alex-kim.md'), { kind: 'person', slug: 'alex-kim' });
    assert.deepStrictEqual(classify('goals/learn-rust.md'), { kind: 'goal', slug: 'learn-rust' });
    assert.deepStrictEqual(classify('feedback/incident-comms.md'), { kind: 'feedback', slug: 'incident-comms' });
    assert.deepStrictEqual(classify('templates/meeting.md'), { kind: 'template', slug: 'meeting' });
  });

  it('accepts an upper-case .MD extension', () => {
    assert.deepStrictEqual(classify('people/Alex.MD'), { kind: 'person', slug: 'Alex' });
  });

  it('classifies meetings with a valid date, with or without a suffix', () => {
    assert.deepStrictEqual(classify('meetings/alex-kim/2026-11-10.md'), {
      kind: 'meeting',
      slug: '2026-11-10',
      person: 'alex-kim',
      date: '2026-11-10',
    });
    assert.deepStrictEqual(classify('meetings/alex-kim/2026-11-10-2.md'), {
      kind: 'meeting',
      slug: '2026-11-10-2',
      person: 'alex-kim',
      date: '2026-11-10',
    });
    assert.strictEqual(classify('meetings/a/2026-11-10_offsite.md').date, '2026-11-10');
    assert.strictEqual(classify('meetings/a/2026-11-10 late.md').kind, 'meeting');
    assert.strictEqual(classify('meetings/a/2024-02-29.md').kind, 'meeting');
  });

  it('does not classify invalid dates or glued suffixes as meetings', () => {
    for (const p of [
      'meetings/a/2026-02-30.md',
      'meetings/a/2025-02-29.md',
      'meetings/a/2026-13-01.md',
      'meetings/a/2026-11-10x.md',
      'meetings/a/26-11-10.md',
      'meetings/a/notes.md',
    ]) {
      assert.strictEqual(classify(p).kind, 'other', p);
    }
  });

  it('does not classify meetings at the wrong depth', () => {
    assert.strictEqual(classify('meetings/2026-11-10.md').kind, 'other');
    assert.strictEqual(classify('meetings/a/b/2026-11-10.md').kind, 'other');
  });

  it('classifies questions.md at the root only', () => {
    assert.deepStrictEqual(classify('questions.md'), { kind: 'questions', slug: 'questions' });
    assert.deepStrictEqual(classify('Questions.md'), { kind: 'questions', slug: 'Questions' });
    assert.strictEqual(classify('people/questions.md').kind, 'person');
    assert.strictEqual(classify('other/questions.md').kind, 'other');
  });

  it('classifies nested, unknown and non-markdown files as other', () => {
    assert.deepStrictEqual(classify('people/sub/x.md'), { kind: 'other', slug: 'x' });
    assert.deepStrictEqual(classify('people/photo.png'), { kind: 'other', slug: 'photo.png' });
    assert.deepStrictEqual(classify('README.md'), { kind: 'other', slug: 'README' });
    assert.deepStrictEqual(classify('random/x.md'), { kind: 'other', slug: 'x' });
    assert.deepStrictEqual(classify('people/x.md.bak'), { kind: 'other', slug: 'x.md.bak' });
  });

  it('builds paths that classify back to their kind', () => {
    assert.strictEqual(classify(personPath('alex')).kind, 'person');
    assert.strictEqual(classify(meetingPath('alex', '2026-01-31')).date, '2026-01-31');
    assert.strictEqual(classify(goalPath('g')).kind, 'goal');
    assert.strictEqual(classify(feedbackPath('f')).kind, 'feedback');
  });
});

describe('layout: slugify', () => {
  it('lower-cases and joins words with single dashes', () => {
    assert.strictEqual(slugify('  Alex   Kim!! '), 'alex-kim');
    assert.strictEqual(slugify('Learn Rust -- properly'), 'learn-rust-properly');
  });

  it('removes diacritics', () => {
    assert.strictEqual(slugify('Zoë Ångström-Núñez'), 'zoe-angstrom-nunez');
    assert.strictEqual(slugify('İstanbul Straße'), 'istanbul-straße');
  });

  it('keeps letters and digits of non-Latin scripts', () => {
    assert.strictEqual(slugify('Иван Петров'), 'иван-петров');
    assert.strictEqual(slugify('山田 太郎'), '山田-太郎');
    assert.strictEqual(slugify('שלום עולם'), 'שלום-עולם');
    assert.strictEqual(slugify('٣ مرحبا'), '٣-مرحبا');
    assert.strictEqual(slugify('ภาษา ไทย'), 'ภาษา-ไทย');
  });

  it('keeps the vowel signs of Indic scripts (they are marks, not diacritics)', () => {
    // NFKD + stripping every \p{M} turns हिन्दी into हनद and தமிழ் into தமழ.
    assert.strictEqual(slugify('हिन्दी'), 'हिन्दी');
    assert.strictEqual(slugify('தமிழ்'), 'தமிழ்');
  });

  it('keeps Hangul composed (NFC), so the slug matches what the user types', () => {
    // NFKD splits 김 into conjoining jamo and nothing recomposes them.
    assert.strictEqual(slugify('김민수'), '김민수');
  });

  it('never keeps path separators or dots', () => {
    assert.strictEqual(slugify('../../etc/passwd'), 'etc-passwd');
    assert.strictEqual(slugify('a\\b/c'), 'a-b-c');
    assert.strictEqual(slugify('..'), undefined);
    assert.strictEqual(slugify('v1.2'), 'v1-2');
  });

  it('renames Windows reserved names', () => {
    assert.strictEqual(slugify('con'), 'con-1');
    assert.strictEqual(slugify('CON'), 'con-1');
    assert.strictEqual(slugify('Lpt1'), 'lpt1-1');
    assert.strictEqual(slugify('nul'), 'nul-1');
    assert.strictEqual(slugify('CON.md'), 'con-md');
    assert.strictEqual(slugify('console'), 'console');
  });

  it('returns undefined when nothing usable is left', () => {
    for (const s of ['', '   ', '!!!', '🎉', '---', '\u0301'])
      assert.strictEqual(slugify(s), undefined, JSON.stringify(s));
  });

  it('truncates to 64 characters without a trailing dash', () => {
    const slug = slugify('word '.repeat(40))!;
    assert.ok(slug.length <= 64);
    assert.ok(!slug.endsWith('-'));
    assert.strictEqual(slugify('a'.repeat(100)), 'a'.repeat(64));
  });

  it('does not cut a character outside the BMP in half when truncating', () => {
    const slug = slugify('a' + '\u{20000}'.repeat(40))!;
    assert.ok(slug.length <= 64);
    assert.ok(wellFormed(slug), `lone surrogate at the end: ${JSON.stringify(slug.slice(-2))}`);
  });

  it('property: never yields a path separator, `..`, an illegal character, or a lone surrogate', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
          fc.constantFrom('..', '/', '\\', 'a/../b', 'con', 'C:\\x'),
        ),
        (name) => {
          const slug = slugify(name);
          if (slug === undefined) return;
          assert.ok(slug.length > 0 && slug.length <= 66);
          assert.ok(!/[/\\]/.test(slug));
          assert.ok(!slug.includes('..'));
          assert.ok(![...slug].some((ch) => '<>:"|?*'.includes(ch) || ch.charCodeAt(0) < 32));
          assert.ok(!slug.startsWith('-') && !slug.endsWith('-'));
          assert.ok(isSafeRelativePath(personPath(slug)), slug);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('property: astral letters never leave a lone surrogate', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', '\u{20000}', '\u{1D400}', ' ', '\u{10400}'),
          minLength: 30,
          maxLength: 90,
        }),
        (name) => {
          const slug = slugify(name);
          if (slug !== undefined) assert.ok(wellFormed(slug), JSON.stringify(name));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('layout: titleFromSlug', () => {
  it('title-cases dash-separated words', () => {
    assert.strictEqual(titleFromSlug('alex-kim'), 'Alex Kim');
    assert.strictEqual(titleFromSlug('--a--b-'), 'A B');
    assert.strictEqual(titleFromSlug(''), '');
  });
});

describe('layout: isSafeRelativePath', () => {
  it('accepts plain relative paths', () => {
    for (const p of ['people/alex.md', 'meetings/a/2026-01-01.md', 'questions.md', 'goals/山田.md'])
      assert.strictEqual(isSafeRelativePath(p), true, p);
  });

  it('rejects escaping, absolute, empty and illegal paths', () => {
    for (const p of [
      '',
      '/etc/passwd',
      '../x.md',
      'people/../../x',
      'a//b',
      './a',
      'a/.',
      'a\\b',
      'C:/x',
      'c:x',
      'a/b:c',
      'a/<b>',
      'a/"b"',
      'a|b',
      'a?',
      'a*',
      'a/\u0001',
      'people/',
    ]) {
      assert.strictEqual(isSafeRelativePath(p), false, JSON.stringify(p));
    }
  });
});
