// Balance as a user finds it: right-click a person in the Meetings tree,
// choose "Show Balance…", and a panel "Balance — <name>" shows a bar per
// theme (drawn in the theme's chart colors, which only works when the page's
// nonce'd stylesheet got past its Content-Security-Policy) and the numbers in
// a table. Then the same view for someone else from the command palette.
// The journal copy gets a person with three 1:1s in the last weeks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseInQuickInput, openQuickInput, showJournal, sideBar, treeItem, waitForQuickInput } from './ui.mjs';

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const NAME = 'Bea Balance';
const MEETINGS = [
  [isoDay(-35), ['Next level: what is missing? #growth', 'Status: migration at 80%', 'Update on search']],
  [isoDay(-28), ['Roadmap for Q1 #alignment', 'Shipped the importer', 'Blocked on the staging keys #blocker']],
  [isoDay(-21), ['How did my demo land? #feedback', 'Status: on-call handover', 'Pairing rota #team/process']],
];

function prepare(workspace) {
  const journal = path.join(workspace, 'one-on-ones');
  const meetings = path.join(journal, 'meetings', 'bea-balance');
  fs.mkdirSync(meetings, { recursive: true });
  fs.writeFileSync(
    path.join(journal, 'people', 'bea-balance.md'),
    `---\nname: ${NAME}\nrole: manager\ncadence: weekly\n---\n\n# ${NAME}\n`,
  );
  for (const [date, agenda] of MEETINGS) {
    fs.writeFileSync(
      path.join(meetings, `${date}.md`),
      `---\ndate: ${date}\nstatus: done\n---\n\n# 1:1 with ${NAME} — ${date}\n\n## Agenda\n\n${agenda.map((a) => `- [x] ${a}`).join('\n')}\n\n## Notes\n\n## Action items\n\n## Private\n`,
    );
  }
}

/**
 * The frame of the webview page headed `title`. Webviews nest their page in
 * an iframe inside an iframe, laid over the editor rather than inside it: look
 * through every frame for the heading.
 */
async function webviewFrame(page, title, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const heading = await frame
        .locator('h1')
        .first()
        .innerText({ timeout: 200 })
        .catch(() => '');
      if (heading.trim() === title) return frame;
    }
    if (Date.now() > deadline) {
      const headings = await Promise.all(
        page.frames().map((f) =>
          f
            .locator('h1')
            .first()
            .innerText({ timeout: 200 })
            .catch(() => '-'),
        ),
      );
      throw new Error(
        `no webview shows the heading "${title}" within ${timeout} ms. Frames' headings: ${headings.join(' | ')}`,
      );
    }
    await page.waitForTimeout(200);
  }
}

async function tabOpens(page, title, how) {
  const tab = page.locator('.part.editor .tabs-container').getByRole('tab', { name: new RegExp(`^${title}`) });
  await tab
    .first()
    .waitFor({ state: 'visible', timeout: 15000 })
    .catch(async () => {
      const tabs = await page
        .locator('.part.editor .tabs-container')
        .allInnerTexts()
        .catch(() => ['(unavailable)']);
      throw new Error(
        `${how} did not open a tab "${title}". Editor tabs: ${tabs.join(' | ').replace(/\s+/g, ' ') || '(none)'}`,
      );
    });
}

/** @param {{ page: import('playwright-core').Page, shot: (name: string) => Promise<string> }} t */
async function balanceFromContextMenu({ page, shot }) {
  const meetings = await showJournal(page);
  const person = await treeItem(
    page,
    meetings,
    new RegExp(`^${NAME}\\b`),
    `"${NAME}" (did the extension read the journal?)`,
    30000,
  );

  // The journal is read to the end (its meetings are rows) before the right-click: a row redrawn under a
  // context menu hands its command a stale element (VS Code then runs it with no arguments).
  await treeItem(page, meetings, new RegExp(MEETINGS[2][0]), `${NAME}'s latest meeting`, 30000);
  await page.waitForTimeout(500);

  // 1. The person's context menu.
  await person.click({ button: 'right' });
  const item = page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: /^Show Balance…/ });
  await item
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      const shown = await page
        .locator('.context-view')
        .innerText({ timeout: 1000 })
        .catch(() => '(no context menu)');
      throw new Error(
        `the context menu of "${NAME}" has no "Show Balance…". It shows:\n${shown}\nSide bar:\n${await sideBar(page)}`,
      );
    });
  // The menu ignores a click that comes right after it opened (the right-click's own release): hover, then Enter.
  await item.first().hover();
  await page.keyboard.press('Enter');
  await tabOpens(page, `Balance — ${NAME}`, `"Show Balance…" on ${NAME}`);

  // 2. Inside the webview: the heading, a visible bar per theme, and the table.
  const view = await webviewFrame(page, `Balance — ${NAME}`);
  const growth = view.locator('g.theme-growth rect.bar');
  await growth.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {
    throw new Error('the balance panel shows no bar for Growth');
  });
  const bars = await view.locator('rect.bar').evaluateAll((rects) =>
    rects.map((r) => ({
      theme: r.parentElement.getAttribute('data-theme'),
      width: Number(r.getAttribute('width')),
      shown: r.getBoundingClientRect().width,
      fill: r.ownerDocument.defaultView.getComputedStyle(r).fill,
    })),
  );
  const byTheme = Object.fromEntries(bars.map((b) => [b.theme, b]));
  // 9 points: growth, alignment, blocker, feedback, team/process 1 each; status 4 (two "Status:", an update, a "Shipped").
  const expected = { growth: 1, feedback: 1, alignment: 1, blocker: 1, 'team/process': 1, status: 4 };
  for (const [theme, count] of Object.entries(expected)) {
    const bar = byTheme[theme];
    const width = Math.round((count / 9) * 300 * 10) / 10;
    if (!bar || bar.width !== width || bar.shown <= 0) {
      throw new Error(
        `the ${theme} bar should be ${width} wide and visible, but is ${JSON.stringify(bar)}. Bars: ${JSON.stringify(bars)}`,
      );
    }
  }
  // The theme's colors reached the bars: the stylesheet was not blocked, and its variables resolve.
  const green = await view
    .locator('body')
    .evaluate((body) =>
      body.ownerDocument.defaultView
        .getComputedStyle(body.ownerDocument.documentElement)
        .getPropertyValue('--vscode-charts-green')
        .trim(),
    );
  if (!green || byTheme.growth.fill === byTheme.status.fill || byTheme.growth.fill === 'rgb(0, 0, 0)') {
    throw new Error(
      `the bars are not drawn in the theme's chart colors (--vscode-charts-green is ${JSON.stringify(green)}): ${JSON.stringify(bars)}`,
    );
  }
  const table = view.locator('table.numbers');
  const statusRow = (await table.locator('tr[data-theme="status"]').innerText({ timeout: 5000 }))
    .replace(/\s+/g, ' ')
    .trim();
  if (statusRow !== 'Status update 4 44%')
    throw new Error(`the table's status row reads ${JSON.stringify(statusRow)}, not "Status update 4 44%"`);
  await page.mouse.move(700, 500);
  await shot('e2e-balance');

  // 3. From the command palette, for someone else: a second panel.
  await openQuickInput(page, 'F1');
  await chooseInQuickInput(page, '>1:1: Show Balance', /^1:1: Show Balance…/, 'command palette');
  await waitForQuickInput(page, 'Show the balance of your 1:1s with', 'the person pick');
  await chooseInQuickInput(page, 'Alex Kim', /^Alex Kim\b/, 'person pick');
  await tabOpens(page, 'Balance — Alex Kim', '"1:1: Show Balance…" from the palette');
  await webviewFrame(page, 'Balance — Alex Kim');
}

export const checks = [
  {
    name: "a person's context menu opens the Balance panel with its chart; the palette opens another",
    prepare,
    run: balanceFromContextMenu,
  },
];
