// The Balance view as one HTML page for a webview: a bar per theme (SVG, so
// there is nothing to script), the nudges, and the same numbers in a table
// for screen readers. The page runs no script and loads nothing: its one
// stylesheet carries the nonce of its Content-Security-Policy, colors come
// from the editor theme's CSS variables, and every text from the journal
// (names, dates, nudges) is escaped.

import { Balance, CORE_THEMES } from './balance';
import { l10n } from './l10n';
import { THEMES } from './talking-points';

export type BalancePage =
  /** The person is no longer in the journal (their files were removed). */
  | { readonly kind: 'gone'; readonly name: string }
  /** `oneOnOne.balanceWindow` is 0. */
  | { readonly kind: 'off'; readonly name: string }
  | { readonly kind: 'balance'; readonly name: string; readonly window: number; readonly balance: Balance };

const CHART = {
  width: 560,
  row: 30,
  bar: 18,
  labelEnd: 132,
  barStart: 142,
  barWidth: 300,
  valueStart: 452,
  top: 6,
} as const;

/** Ampersands, angle brackets and both quotes: safe in text and in attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The panel's title: it is plain text, not HTML. */
export function balanceTitle(name: string): string {
  return l10n.t('Balance — {0}', name);
}

/** The whole document. `nonce` must be fresh for each render and contain only base64 characters; `lang`: the display language. */
export function renderBalancePage(page: BalancePage, nonce: string, lang = 'en'): string {
  const title = escapeHtml(balanceTitle(page.name));
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${title}</title>`,
    `<style nonce="${nonce}">${STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${title}</h1>`,
    ...body(page),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function body(page: BalancePage): string[] {
  if (page.kind === 'gone')
    return [empty(escapeHtml(l10n.t('There is no longer a person “{0}” in the journal.', page.name)))];
  if (page.kind === 'off')
    return [
      empty(
        l10n.t(
          'Balance is turned off: the setting <code>oneOnOne.balanceWindow</code> is 0. Set it to the number of recent 1:1s to count.',
        ),
      ),
    ];
  const { balance: b, window } = page;
  if (b.meetings.length === 0) {
    return [
      empty(
        escapeHtml(
          l10n.t(
            'No 1:1s with {0} up to today yet. Once you have met, this shows what your last {1} were about, theme by theme.',
            page.name,
            ones(window),
          ),
        ),
      ),
    ];
  }
  const first = b.meetings[0]!.date ?? '';
  const last = b.meetings[b.meetings.length - 1]!.date ?? '';
  const span = first === last ? l10n.t('on {0}', first) : l10n.t('from {0} to {1}', first, last);
  const summary = l10n.t(
    '{0} in the last {1} with {2}, {3}.',
    points(b.total),
    ones(b.meetings.length),
    page.name,
    span,
  );
  const out = [`<p class="summary">${escapeHtml(summary)}</p>`];
  if (b.total === 0) out.push(empty(escapeHtml(l10n.t('None of these 1:1s had talking points in its agenda yet.'))));
  else out.push(...chart(b), ...table(b));
  if (b.nudges.length > 0) {
    out.push(
      '<section class="nudges" aria-labelledby="nudges-heading">',
      `<h2 id="nudges-heading">${escapeHtml(l10n.t('Worth raising next time'))}</h2>`,
      '<ul>',
    );
    for (const n of b.nudges) out.push(`<li>${escapeHtml(n)}</li>`);
    out.push('</ul>', '</section>');
  }
  return out;
}

/** Core themes always (a zero is the point), the others when they came up. */
function shown(b: Balance): Balance['shares'] {
  return b.shares.filter((s) => s.count > 0 || isCore(s.id));
}

function chart(b: Balance): string[] {
  const rows = shown(b);
  const height = CHART.top * 2 + rows.length * CHART.row;
  // The table below carries the same numbers for screen readers: the picture is hidden from them.
  const out = [
    '<figure class="chart">',
    `<svg aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART.width} ${height}" width="${CHART.width}" height="${height}">`,
  ];
  rows.forEach((s, i) => {
    const y = CHART.top + i * CHART.row;
    const barY = y + (CHART.row - CHART.bar) / 2;
    const textY = y + CHART.row / 2;
    const width = Math.round(s.share * CHART.barWidth * 10) / 10;
    const cls = `theme-${s.id.replace(/[^a-z]/g, '-')}`;
    out.push(
      `<g class="row ${cls}${isCore(s.id) ? ' core' : ''}" data-theme="${escapeHtml(s.id)}">`,
      `<text class="label" x="${CHART.labelEnd}" y="${textY}" text-anchor="end" dominant-baseline="central">${escapeHtml(themeLabel(s))}</text>`,
      `<rect class="track" x="${CHART.barStart}" y="${barY}" width="${CHART.barWidth}" height="${CHART.bar}" rx="2"></rect>`,
      `<rect class="bar" x="${CHART.barStart}" y="${barY}" width="${width}" height="${CHART.bar}" rx="2"></rect>`,
      `<text class="value" x="${CHART.valueStart}" y="${textY}" dominant-baseline="central">${percent(s.share)} · ${s.count}</text>`,
      '</g>',
    );
  });
  out.push(
    '</svg>',
    `<figcaption>${escapeHtml(l10n.t('Share of talking points per theme'))}</figcaption>`,
    '</figure>',
  );
  return out;
}

function table(b: Balance): string[] {
  const out = [
    '<table class="numbers">',
    `<caption>${escapeHtml(l10n.t('Talking points by theme in the last {0}', ones(b.meetings.length)))}</caption>`,
    `<thead><tr>${[l10n.t('Theme'), l10n.t('Talking points'), l10n.t('Share'), l10n.t('Last came up (any 1:1)')]
      .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
      .join('')}</tr></thead>`,
    '<tbody>',
  ];
  for (const s of shown(b)) {
    const seen = isCore(s.id) ? (b.lastSeen[s.id as (typeof CORE_THEMES)[number]] ?? l10n.t('not yet')) : '';
    out.push(
      `<tr data-theme="${escapeHtml(s.id)}"><th scope="row">${escapeHtml(themeLabel(s))}</th><td>${s.count}</td><td>${percent(s.share)}</td><td>${escapeHtml(seen)}</td></tr>`,
    );
  }
  out.push(
    '</tbody>',
    `<tfoot><tr><th scope="row">${escapeHtml(l10n.t('All'))}</th><td>${b.total}</td><td>100%</td><td></td></tr></tfoot>`,
    '</table>',
  );
  return out;
}

function empty(html: string): string {
  return `<p class="empty">${html}</p>`;
}

function isCore(id: string): boolean {
  return (CORE_THEMES as readonly string[]).includes(id);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 talking point", "3 talking points". */
function points(n: number): string {
  return n === 1 ? l10n.t('1 talking point') : l10n.t('{0} talking points', n);
}

/** "1 1:1", "6 1:1s". */
function ones(n: number): string {
  return n === 1 ? l10n.t('1 1:1') : l10n.t('{0} 1:1s', n);
}

/** A theme's name in the display language (the prep sheet's markdown keeps the English of BALANCE_THEMES). */
function themeLabel(s: { readonly id: string; readonly label: string }): string {
  if (s.id === 'status') return l10n.t('Status update');
  if (s.id === 'untagged') return l10n.t('No theme');
  return THEMES.find((t) => t.id === s.id)?.label ?? s.label;
}

// Theme variables only, so light, dark and high-contrast themes all work; in
// high contrast every bar also gets the contrast border.
const STYLES = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 20px; }
main { max-width: 640px; }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 0 0 6px; }
.summary, figcaption, caption { color: var(--vscode-descriptionForeground); }
.empty { padding: 12px 14px; border: 1px dashed var(--vscode-widget-border, var(--vscode-descriptionForeground)); border-radius: 4px; }
figure.chart { margin: 12px 0 16px; }
figure.chart svg { width: 100%; height: auto; max-width: 560px; display: block; }
figcaption { font-size: 0.9em; margin-top: 4px; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 13px; }
svg .core .label { font-weight: 600; }
svg .value { fill: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
.track { fill: var(--vscode-editorWidget-background, var(--vscode-editor-background)); stroke: var(--vscode-widget-border, var(--vscode-editorWidget-border, transparent)); stroke-width: 1; }
.bar { fill: var(--vscode-charts-foreground); }
.theme-growth .bar { fill: var(--vscode-charts-green); }
.theme-feedback .bar { fill: var(--vscode-charts-blue); }
.theme-alignment .bar { fill: var(--vscode-charts-purple); }
.theme-win .bar { fill: var(--vscode-charts-yellow); }
.theme-blocker .bar { fill: var(--vscode-charts-red); }
.theme-question .bar { fill: var(--vscode-charts-orange); }
.theme-team-process .bar { fill: var(--vscode-charts-blue); opacity: 0.7; }
.theme-other .bar, .theme-untagged .bar { fill: var(--vscode-charts-lines, var(--vscode-descriptionForeground)); }
.theme-status .bar { fill: var(--vscode-descriptionForeground); }
body.vscode-high-contrast .bar, body.vscode-high-contrast-light .bar { stroke: var(--vscode-contrastBorder); stroke-width: 1; }
.nudges { margin: 16px 0; padding: 10px 14px; border-left: 4px solid var(--vscode-textBlockQuote-border, var(--vscode-charts-yellow)); background: var(--vscode-textBlockQuote-background); }
.nudges ul { margin: 0; padding-left: 18px; }
.nudges li + li { margin-top: 4px; }
table.numbers { border-collapse: collapse; margin: 8px 0 16px; }
table.numbers caption { text-align: left; padding-bottom: 4px; }
table.numbers th, table.numbers td { padding: 3px 12px 3px 0; text-align: left; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-editorGroup-border, transparent)); }
table.numbers td { font-variant-numeric: tabular-nums; }
table.numbers thead th { font-weight: 600; }
table.numbers tbody th { font-weight: normal; }
code { font-family: var(--vscode-editor-font-family); }
`;
