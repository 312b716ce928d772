// Property tests for wins written from GitHub's answers: whatever a pull
// request's title holds (markdown, HTML, links, tags, line breaks, bidi
// controls, front-matter-looking text), rendering the win and adding it to a
// meeting file adds exactly one well-formed list item and changes nothing
// else; and escaping a title loses nothing but whitespace and control
// characters.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { addListItemsLines, SectionTarget } from '../../src/core/edits';
import {
  Circle,
  CIRCLES,
  escapeInline,
  Evidence,
  parseWin,
  PullRequestFacts,
  PullRequestRef,
  pullRequestUrl,
  renderPendingWin,
  renderWin,
  unescapeInline,
} from '../../src/core/evidence';
import { summarize, WINS_HEADINGS } from '../../src/core/journal-entry';
import { extractTags } from '../../src/core/markdown-inline';
import { findSection, itemsIn } from '../../src/core/markdown-sections';
import { applyEdits, offsetAt } from '../../src/core/text';
import { RUNS } from './arbitraries';

const WINS: SectionTarget = { heading: WINS_HEADINGS[0]!, aliases: WINS_HEADINGS.slice(1), createAt: 'end' };

// ---------------------------------------------------------------------------
// Arbitraries

const anyUtf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Pieces of text that mean something to markdown, to HTML, to the journal's parser or to a terminal. */
const HOSTILE = [
  '[x](http://evil.example)',
  '![img](http://evil.example/x.png)',
  '[a/b#1](https://github.com/a/b/pull/1)',
  '](',
  '[',
  ']',
  '(',
  ')',
  '<script>alert(1)</script>',
  '<b>',
  '</details>',
  '<!--',
  '-->',
  '<http://evil.example>',
  '<me@evil.example>',
  '`',
  '``',
  '```',
  '~~~',
  '`code`',
  '\\',
  '\\`',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '$',
  '$$',
  '|',
  '!',
  ':',
  '&amp;',
  '&#35;',
  '&#x3C;',
  '#tag',
  '#win',
  '#impact/enabling',
  '#goal/other',
  '#enrich',
  '#1',
  ' #x',
  '(#y',
  '＃z',
  'http://evil.example/a?b#c',
  'https://evil.example',
  'HTTPS://EVIL.EXAMPLE',
  'ftp://evil.example',
  'www.evil.example',
  'WWW.evil.example',
  'me@evil.example',
  'mailto:me@evil.example',
  'xmpp:me@evil.example',
  'x_www.evil.example',
  '_www.evil.example',
  '1https://evil.example',
  'v2http://evil.example',
  '_http://evil.example',
  'a@b.c',
  'javascript:alert(1)',
  ' merged 2001-01-01',
  ', reviewed 2001-01-01',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\f',
  '\t',
  '\u0000',
  '\u001b[31m',
  '---',
  '...',
  '***',
  '___',
  '---\ntitle: x\n---',
  '\n---\n',
  '\n## Wins\n',
  '\n# H\n',
  '## Notes',
  '===',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '- [ ] ',
  '-',
  '+',
  '1.',
  '123456789)',
  'Review:',
  'Review: ',
  ' — ',
  ' by @bob',
  '\u202e',
  '\u202d',
  '\u200f',
  '\u200e',
  '\u2066',
  '\u2069',
  '\u061c',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\u3164',
  '\u115f',
  '\u00a0',
  '\u3000',
  ' ',
  '  ',
  '🎉',
  '👩🏽‍💻',
  'שלום',
  'Ünïcödé',
  '\ud800',
  '\udfff',
];

const hostileTitle: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

/** Any title GitHub might send. */
const titleArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ unit: anyUtf16Unit }) },
  { weight: 4, arbitrary: hostileTitle },
  // Long titles, cut at 200 code points.
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 60, maxLength: 120 }).map((p) => p.join('')),
  },
);

const circleArb: fc.Arbitrary<Circle> = fc.constantFrom(...CIRCLES.map((c) => c.id));

const refArb: fc.Arbitrary<PullRequestRef> = fc
  .record({
    host: fc.constantFrom('github.com', 'ghe.example.com', 'ghe.example.com:8443'),
    owner: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,12}$/),
    repo: fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/).filter((r) => r !== '.' && r !== '..' && !r.endsWith('.git')),
    number: fc.integer({ min: 1, max: 2_147_483_647 }),
  })
  .map((r) => ({ ...r }));

const dayArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const factsArb = (title: fc.Arbitrary<string>): fc.Arbitrary<PullRequestFacts> =>
  fc
    .record({
      ref: refArb,
      title,
      author: fc.constantFrom('alice', 'bob', 'dependabot[bot]', 'ghost', '-nope', 'x'.repeat(50), '<b>', 'a b'),
      mergedAt: fc.option(dayArb, { nil: undefined }),
      state: fc.constantFrom<PullRequestFacts['state']>('open', 'closed', 'merged'),
      additions: fc.option(fc.nat(100_000), { nil: undefined }),
      deletions: fc.option(fc.nat(100_000), { nil: undefined }),
      changedFiles: fc.option(fc.nat(3_000), { nil: undefined }),
    })
    .map((r) => ({ ...r, updatedAt: r.mergedAt, labels: [], body: '', authorAssociation: undefined }));

const evidenceArb: fc.Arbitrary<Evidence> = fc.oneof(
  factsArb(titleArb).map((pr): Evidence => ({ kind: 'authored', pr })),
  fc
    .tuple(factsArb(titleArb), dayArb)
    .map(([pr, day]): Evidence => ({ kind: 'reviewed', pr, reviewedAt: day.slice(0, 10) })),
);

const goalArb = fc.option(fc.constantFrom('learn-rust', 'lead-a-design-review', 'bad goal', '#x', ''), {
  nil: undefined,
});

/** A meeting file as the template makes it, with some content already in it. */
const meetingArb = fc
  .record({
    existingWins: fc.array(
      fc.constantFrom(
        'Shipped the importer #win',
        'Led the design review',
        '[acme/app#1](https://github.com/acme/app/pull/1) — details to fetch #win #enrich',
        '[x] done thing',
      ),
      { maxLength: 3 },
    ),
    agenda: fc.array(
      fc.constantFrom(
        '- [ ] Which roadmap items are at risk? #alignment',
        '- [x] Feedback on the review #feedback',
        '- plain',
        '  - nested',
      ),
      { maxLength: 3 },
    ),
    notes: fc.array(
      fc.constantFrom<string>(
        'Some prose.',
        '```',
        '## not a heading inside a fence',
        '```',
        '> quote',
        '<details>',
        '</details>',
        '',
      ),
      { maxLength: 4 },
    ),
    moreSections: fc.boolean(),
    winsHeading: fc.constantFrom('## Wins', '## Wins:', '### Accomplishments', '## wins'),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map((m) => {
    // Code fences in the notes are kept balanced.
    const notes = m.notes.filter((l) => l !== '```' && l !== '## not a heading inside a fence');
    const lines = [
      '---',
      'date: 2026-11-24',
      'status: planned',
      'title: "Sam: the boss # not a comment"',
      'tags: [one, two]',
      '---',
      '',
      '# 1:1 with Alex Kim — 2026-11-24',
      '',
      '## Agenda',
      '',
      ...m.agenda,
      '',
      m.winsHeading,
      '',
      ...m.existingWins.map((w) => `- ${w}`),
      '',
      '## Notes',
      '',
      ...notes,
      ...(notes.includes('```') ? [] : ['```', '## fenced', '```']),
      ...(m.moreSections ? ['', '## Action items', '', '- [ ] Alex: share the doc', '', '## Private'] : []),
    ];
    const eol = m.crlf ? '\r\n' : '\n';
    return {
      text: (m.bom ? '\uFEFF' : '') + lines.join(eol) + (m.finalNewline ? eol : ''),
      hadWins: m.existingWins.length > 0,
    };
  });

// ---------------------------------------------------------------------------
// An independent reading of inline markdown (CommonMark's backslash escapes and code spans)

interface InlineChar {
  readonly ch: string;
  /** Written with a backslash before it. */
  readonly escaped: boolean;
  /** Inside a code span (or one of its backtick delimiters). */
  readonly code: boolean;
}

/** The characters of one line of inline markdown, each with whether it is escaped or in a code span. */
function readInline(s: string): InlineChar[] {
  const out: InlineChar[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1]!)) {
      out.push({ ch: s[i + 1]!, escaped: true, code: false });
      i += 2;
      continue;
    }
    if (ch === '`') {
      let n = 0;
      while (s[i + n] === '`') n++;
      // The closing run must have exactly the same length.
      let close = -1;
      for (let j = i + n; j < s.length;) {
        if (s[j] !== '`') {
          j++;
          continue;
        }
        let m = 0;
        while (s[j + m] === '`') m++;
        if (m === n) {
          close = j;
          break;
        }
        j += m;
      }
      if (close < 0) {
        for (let k = 0; k < n; k++) out.push({ ch: '`', escaped: false, code: false });
      } else {
        for (let k = i; k < close + n; k++) out.push({ ch: s[k]!, escaped: false, code: true });
        i = close + n;
        continue;
      }
      i += n;
      continue;
    }
    out.push({ ch, escaped: false, code: false });
    i++;
  }
  return out;
}

/** Checks that one item's text is inline markdown with exactly our one link and nothing a renderer would make into more. */
function assertOneSafeLink(text: string): void {
  const chars = readInline(text);
  const live = chars.map((c) => (c.code ? '\u0001' : c.escaped ? '\u0002' : c.ch)).join('');
  assert.strictEqual(live.split('](').length - 1, 1, `exactly one markdown link in ${JSON.stringify(text)}`);
  const middle = live.indexOf('](');
  const open = live.lastIndexOf('[', middle);
  const close = live.indexOf(')', middle);
  assert.ok(
    /^\[[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+#\d+\]\(https:\/\/[^\s()]+\)$/.test(live.slice(open, close + 1)),
    `the link is a pull request's: ${JSON.stringify(text)}`,
  );
  // Nothing before the link's label but the title, plain: `[` only in a login (`dependabot[bot]`).
  assert.ok(!/\[(?!bot\])/.test(live.slice(0, open)), `no other link label in ${JSON.stringify(text)}`);
  assert.ok(!live.includes('<'), `no raw < outside code spans in ${JSON.stringify(text)}`);
  assert.ok(!live.includes('`'), `no unmatched backtick in ${JSON.stringify(text)}`);
  // Text runs between code spans, escapes resolved, with our own link taken out:
  // none may hold what GFM's or a linkifier's autolinks pick up.
  const runs: string[] = [''];
  chars.forEach((c, i) => {
    if (c.code || (i >= open && i <= close)) {
      if (runs[runs.length - 1] !== '') runs.push('');
    } else runs[runs.length - 1] += c.ch;
  });
  for (const run of runs) {
    assert.ok(
      !/(?:https?|ftp):\/\//i.test(run),
      `no URL outside code spans: ${JSON.stringify(run)} in ${JSON.stringify(text)}`,
    );
    assert.ok(
      !/(?:^|[\s*_~(])www\./i.test(run),
      `no www. outside code spans: ${JSON.stringify(run)} in ${JSON.stringify(text)}`,
    );
    assert.ok(
      !/[A-Za-z0-9._+-]@[A-Za-z0-9_-]+\.[A-Za-z0-9]/.test(run),
      `no e-mail outside code spans: ${JSON.stringify(run)} in ${JSON.stringify(text)}`,
    );
  }
}

/** What escaping keeps of a text: control, format and separator characters become spaces, runs of spaces one. */
function normalized(t: string): string {
  return t
    .replace(/(?!\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function expectedTags(circle: Circle | undefined, goal: string | undefined, pending: boolean): string[] {
  const tags = ['win'];
  if (circle) tags.push(`impact/${circle}`);
  if (goal && /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(goal)) tags.push(`goal/${goal.toLowerCase()}`);
  if (pending) tags.push('enrich');
  return tags;
}

// ---------------------------------------------------------------------------

describe('properties: a win from any pull request title', () => {
  it('adds exactly one well-formed Wins item to a meeting file and changes nothing else', () => {
    fc.assert(
      fc.property(
        meetingArb,
        evidenceArb,
        circleArb,
        goalArb,
        fc.boolean(),
        ({ text, hadWins }, evidence, circle, goal, pending) => {
          const line = renderWin({ evidence, circle, goal }, pending);
          assert.ok(!/[\r\n\u2028\u2029\u0085]/.test(line), `one line: ${JSON.stringify(line)}`);
          assert.ok(
            !/(?!\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(line),
            `no control or bidi characters: ${JSON.stringify(line)}`,
          );

          const d = parseDocument(text);
          const result = addListItemsLines(d, WINS, [[`- ${line}`]]);
          if ('error' in result) assert.fail(`refused: ${result.error}\n${JSON.stringify(line)}`);
          assert.strictEqual(result.edits.length, 1);
          const edit = result.edits[0]!;
          assert.deepStrictEqual(edit.range.start, edit.range.end, 'an insertion');
          const out = applyEdits(text, result.edits);

          // Every other byte unchanged: taking the inserted text out gives the file back.
          const bom = text.startsWith('\uFEFF') ? 1 : 0;
          const at = offsetAt(d.source.lines, edit.range.start) + bom;
          assert.strictEqual(out.slice(at, at + edit.newText.length), edit.newText);
          assert.strictEqual(out.slice(0, at) + out.slice(at + edit.newText.length), text);
          assert.strictEqual(out.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
          assert.strictEqual(/\r?\n$/.test(out), /\r?\n$/.test(text), 'final newline state kept');

          // One line more (plus a blank separator when the section was empty).
          const nd = parseDocument(out);
          const added = nd.source.lines.length - d.source.lines.length;
          if (hadWins) assert.strictEqual(added, 1, `one line added:\n${JSON.stringify(out)}`);
          else
            assert.ok(
              added === 1 || added === 2,
              `one item line and at most one blank line added:\n${JSON.stringify(out)}`,
            );
          const inserted = edit.newText.split(/\r\n|\n/).filter((l) => l.trim() !== '');
          assert.deepStrictEqual(inserted, [`- ${line}`], 'the inserted non-blank text is the item');

          // Same front matter, same headings, same problems.
          assert.deepStrictEqual(nd.data, d.data);
          assert.deepStrictEqual(nd.data['title'], 'Sam: the boss # not a comment');
          assert.deepStrictEqual(nd.problems, d.problems);
          assert.deepStrictEqual(
            nd.scan.headings.map((h) => [h.level, h.text]),
            d.scan.headings.map((h) => [h.level, h.text]),
          );
          assert.strictEqual(nd.scan.unclosedBlockLine, undefined);

          // The Wins section has exactly one more item, and it reads back as the win.
          const section = (doc: typeof d) =>
            itemsIn(doc.scan, findSection(doc.scan, doc.source.lines.length, [...WINS_HEADINGS])!);
          const before = section(d);
          const after = section(nd);
          assert.strictEqual(after.length, before.length + 1);
          assert.deepStrictEqual(
            after.slice(0, before.length).map((i) => i.text),
            before.map((i) => i.text),
          );
          const item = after[after.length - 1]!;
          assert.strictEqual(item.parent, -1, 'a top-level item');
          assert.strictEqual(item.checked, undefined, 'no checkbox');
          assert.strictEqual(item.text, line.trim());
          assert.strictEqual(nd.scan.items.length, d.scan.items.length + 1, 'no other item appeared');

          const parsed = parseWin(item.text);
          assert.deepStrictEqual(parsed.ref, evidence.pr.ref);
          assert.strictEqual(parsed.url, pullRequestUrl(evidence.pr.ref));
          assert.strictEqual(parsed.circle, circle);
          assert.strictEqual(parsed.pending, pending);
          assert.strictEqual(parsed.review, evidence.kind === 'reviewed');
          assert.strictEqual(
            parsed.merged,
            evidence.pr.state === 'merged' ? evidence.pr.mergedAt?.slice(0, 10) : undefined,
            'the merge day is ours, not the title’s',
          );

          // Its tags are ours alone, whatever the title held.
          const tags = expectedTags(circle, goal, pending);
          assert.deepStrictEqual(extractTags(item.text), tags);
          assert.deepStrictEqual([...item.tags], tags);

          assertOneSafeLink(item.text);

          // The index sees one more win in the meeting.
          const path = 'meetings/alex-kim/2026-11-24.md';
          assert.strictEqual(summarize(path, nd).wins.length, summarize(path, d).wins.length + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('renders the title so that it reads back as itself (whitespace and controls aside)', () => {
    fc.assert(
      fc.property(factsArb(titleArb), circleArb, fc.boolean(), (pr, circle, review) => {
        const evidence: Evidence = review
          ? { kind: 'reviewed', pr, reviewedAt: '2026-11-17' }
          : { kind: 'authored', pr };
        const parsed = parseWin(renderWin({ evidence, circle }));
        const expected = normalized(pr.title) || 'Untitled pull request';
        if ([...expected].length <= 200) assert.strictEqual(parsed.title, expected);
        assert.deepStrictEqual(parsed.ref, pr.ref);
      }),
      { numRuns: RUNS },
    );
  });

  it('a pending win is one safe item with its link and tags', () => {
    fc.assert(
      fc.property(refArb, fc.option(circleArb, { nil: undefined }), goalArb, (ref, circle, goal) => {
        const line = renderPendingWin(ref, circle, goal);
        const d = parseDocument('## Wins\n\n- earlier\n\n## Notes\n');
        const result = addListItemsLines(d, WINS, [[`- ${line}`]]);
        if ('error' in result) assert.fail(result.error);
        const item = parseDocument(applyEdits('## Wins\n\n- earlier\n\n## Notes\n', result.edits)).scan.items[1]!;
        assert.strictEqual(item.text, line);
        const parsed = parseWin(item.text);
        assert.deepStrictEqual(parsed.ref, ref);
        assert.strictEqual(parsed.pending, true);
        assert.strictEqual(parsed.circle, circle);
        assert.deepStrictEqual(extractTags(item.text), expectedTags(circle, goal, true));
        assertOneSafeLink(item.text);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties: escapeInline', () => {
  it('unescapeInline(escapeInline(t)) is t with whitespace and control characters normalized, when not cut', () => {
    fc.assert(
      fc.property(titleArb, (t) => {
        const expected = normalized(t);
        fc.pre([...expected].length <= 200);
        assert.strictEqual(unescapeInline(escapeInline(t)), expected);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('is one line of at most 200 visible code points, with no tag, link, HTML or code span of its own', () => {
    fc.assert(
      fc.property(titleArb, (t) => {
        const s = escapeInline(t);
        assert.ok(!/[\r\n\u2028\u2029]/.test(s));
        assert.ok([...unescapeInline(s)].length <= 200, `too long: ${s.length}`);
        assert.deepStrictEqual(extractTags(s), [], `no tags in ${JSON.stringify(s)}`);
        assert.strictEqual(s, s.trim());
        // Inside a list item it stays one paragraph of text: no list marker, quote or heading opens it.
        const item = parseDocument(`- ${s} — [a/b#1](https://github.com/a/b/pull/1)`).scan;
        assert.strictEqual(item.items.length, 1);
        assert.strictEqual(item.headings.length, 0);
        assert.ok(!/^(?:[-+*>#]|\d{1,9}[.)])(?:\s|$)/.test(s), `no block marker at the start of ${JSON.stringify(s)}`);
        assertOneSafeLink(`${s} — [a/b#1](https://github.com/a/b/pull/1)`);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('is cut to 200 code points with an ellipsis', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '🎉', ' ', '日'), minLength: 201, maxLength: 400 }),
        (t) => {
          const expected = normalized(t);
          fc.pre([...expected].length > 200);
          const s = unescapeInline(escapeInline(t));
          assert.ok(s.endsWith('…'));
          assert.ok([...s].length <= 200);
          assert.ok(expected.startsWith(s.slice(0, -1)));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
