// The Balance page of the webview: a strict CSP and no script, bars as SVG
// widths, the numbers in a table, the nudges, clear empty states, and every
// text from the journal escaped.

import * as assert from 'assert';
import fc from 'fast-check';
import { balanceOf } from '../../src/core/balance';
import { BalancePage, escapeHtml, renderBalancePage } from '../../src/core/balance-html';
import { JournalIndex } from '../../src/core/journal-index';
import { RUNS } from './arbitraries';

const NONCE = 'TestNonce123';

function journal(): JournalIndex {
  const index = new JournalIndex();
  const meeting = (date: string, agenda: string[]): void => {
    index.update(
      `meetings/alex/${date}.md`,
      ['---', `date: ${date}`, 'status: done', '---', '', '## Agenda', '', ...agenda.map((a) => `- [x] ${a}`), ''].join(
        '\n',
      ),
    );
  };
  meeting('2026-10-05', ['Next level #growth', 'Roadmap #alignment']);
  meeting('2026-10-12', ['Status: migration', 'Update on search', 'Shipped the importer']);
  meeting('2026-10-19', ['Status: keys', 'Pairing #team/process']);
  return index;
}

function page(name = 'Alex Kim', window = 6, until = '2026-11-30'): BalancePage {
  return { kind: 'balance', name, window, balance: balanceOf(journal(), 'alex', { window, until }) };
}

/** The start tags of the document, e.g. `<rect class="bar" …>`. */
const tags = (html: string): string[] => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe('balance page', () => {
  it('has a CSP with default-src none and only its nonce for styles; no script, no inline style attribute, nothing loaded', () => {
    const html = renderBalancePage(page(), NONCE);
    assert.ok(
      html.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${NONCE}'">`,
      ),
    );
    assert.ok(html.includes(`<style nonce="${NONCE}">`));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/\son[a-z]+=/i.test(html), 'no event handler attribute');
    for (const tag of tags(html)) assert.ok(!/\sstyle=/i.test(tag), `inline style in ${tag}`);
    assert.ok(!/\s(src|href)=/i.test(html), 'loads nothing');
  });

  it('draws one bar per theme shown, its width the share of the points; core themes always, others when they came up', () => {
    const html = renderBalancePage(page(), NONCE);
    const bars = [
      ...html.matchAll(
        /<g class="row [^"]*" data-theme="([^"]+)">\n[^\n]*\n[^\n]*\n<rect class="bar" [^>]*width="([\d.]+)"/g,
      ),
    ].map((m) => [m[1], Number(m[2])]);
    // 7 points: growth 1, alignment 1, team/process 1, status 4 (three worded as updates, one "Status:").
    assert.deepStrictEqual(bars, [
      ['growth', 42.9],
      ['feedback', 0],
      ['alignment', 42.9],
      ['team/process', 42.9],
      ['status', 171.4],
    ]);
    assert.ok(
      html.includes(
        '<p class="summary">7 talking points in the last 3 1:1s with Alex Kim, from 2026-10-05 to 2026-10-19.</p>',
      ),
    );
  });

  it('puts the same numbers in a table with headers, and hides the picture from screen readers', () => {
    const html = renderBalancePage(page(), NONCE);
    assert.ok(html.includes('<svg aria-hidden="true"'));
    assert.ok(html.includes('<caption>Talking points by theme in the last 3 1:1s</caption>'));
    assert.ok(
      html.includes(
        '<tr data-theme="growth"><th scope="row">Growth</th><td>1</td><td>14%</td><td>2026-10-05</td></tr>',
      ),
    );
    assert.ok(
      html.includes(
        '<tr data-theme="feedback"><th scope="row">Feedback</th><td>0</td><td>0%</td><td>not yet</td></tr>',
      ),
    );
    assert.ok(
      html.includes('<tr data-theme="status"><th scope="row">Status update</th><td>4</td><td>57%</td><td></td></tr>'),
    );
    assert.ok(html.includes('<tfoot><tr><th scope="row">All</th><td>7</td><td>100%</td><td></td></tr></tfoot>'));
  });

  it('lists the nudges', () => {
    const html = renderBalancePage(page(), NONCE);
    assert.ok(html.includes('<h2 id="nudges-heading">Worth raising next time</h2>'));
    assert.ok(html.includes('<li>57% of the talking points were status updates.'));
    assert.ok(
      html.includes('<li>Feedback has not come up in these 3 meetings: ask for one thing you could do better.</li>'),
    );
  });

  it('says so when there are no meetings yet, when they have no points, when the person is gone and when the window is 0', () => {
    const none = renderBalancePage(
      {
        kind: 'balance',
        name: 'Sam',
        window: 6,
        balance: balanceOf(journal(), 'sam', { window: 6, until: '2026-11-30' }),
      },
      NONCE,
    );
    assert.ok(
      none.includes(
        '<p class="empty">No 1:1s with Sam up to today yet. Once you have met, this shows what your last 6 1:1s were about, theme by theme.</p>',
      ),
    );
    assert.ok(!none.includes('<svg') && !none.includes('<table'));
    const index = new JournalIndex();
    index.update('meetings/sam/2026-10-05.md', '---\ndate: 2026-10-05\n---\n\n## Agenda\n');
    const empty = renderBalancePage(
      { kind: 'balance', name: 'Sam', window: 6, balance: balanceOf(index, 'sam', { window: 6, until: '2026-10-05' }) },
      NONCE,
    );
    assert.ok(empty.includes('0 talking points in the last 1 1:1 with Sam, on 2026-10-05.'));
    assert.ok(empty.includes('<p class="empty">None of these 1:1s had talking points in its agenda yet.</p>'));
    assert.ok(
      renderBalancePage({ kind: 'gone', name: 'Sam' }, NONCE).includes(
        'There is no longer a person “Sam” in the journal.',
      ),
    );
    assert.ok(
      renderBalancePage({ kind: 'off', name: 'Sam' }, NONCE).includes('<code>oneOnOne.balanceWindow</code> is 0'),
    );
  });

  it('escapes the name everywhere: title, heading and text', () => {
    const name = `<img src=x onerror="alert('x')"> & <script>`;
    const html = renderBalancePage(page(name), NONCE);
    assert.ok(!html.includes('<img') && !html.includes('<script'));
    assert.ok(
      html.includes(
        `<title>Balance — &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;script&gt;</title>`,
      ),
    );
    assert.ok(
      html.includes(`<h1>Balance — &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;script&gt;</h1>`),
    );
  });

  it('whatever the name, the page holds no tag it did not write', () => {
    const allowed = new Set([
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'main',
      'h1',
      'h2',
      'p',
      'figure',
      'svg',
      'g',
      'text',
      'rect',
      'figcaption',
      'table',
      'caption',
      'thead',
      'tbody',
      'tfoot',
      'tr',
      'th',
      'td',
      'section',
      'ul',
      'li',
      'code',
    ]);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom<BalancePage['kind']>('balance', 'gone', 'off'),
        (name, kind) => {
          const html = renderBalancePage(kind === 'balance' ? page(name) : { kind, name }, NONCE);
          for (const tag of tags(html)) assert.ok(allowed.has(tag.slice(1).split(/[\s>]/)[0]!), tag);
          assert.ok(html.includes(escapeHtml(name)));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
