// Evidence as a user links it without signing in: run "1:1: Link Pull
// Requests as Wins…" from the palette, pick the person, choose to paste an
// address, paste it, accept the suggested circle of impact, skip the goal —
// and find one well-formed win in the next meeting, on disk and in the
// sidebar's Wins group. GitHub is a local server on 127.0.0.1 that answers
// like the REST API (the workbench's user settings point
// `oneOnOne.github.apiUrl` at it); the pull request's title is hostile.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { chooseInQuickInput, quickInputState, showJournal, sideBar, treeItem, waitForQuickInput } from './ui.mjs';

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const lastWeek = isoDay(-7);
const nextWeek = isoDay(7);
const URL_TO_PASTE = 'https://github.com/acme/app/pull/42/files';
const TITLE = 'Write the onboarding guide [draft](http://evil.example) <b>#urgent</b>';
const EXPECTED =
  '- Write the onboarding guide \\[draft\\](`http://evil.example)` \\<b\\>\\#urgent\\</b\\> — [acme/app#42](https://github.com/acme/app/pull/42), ' +
  'merged 2026-11-19, +120/-4 lines, 2 files #win #impact/enabling';

function prepare(workspace) {
  const journal = path.join(workspace, 'one-on-ones');
  const meetings = path.join(journal, 'meetings', 'mia-chen');
  fs.mkdirSync(meetings, { recursive: true });
  fs.writeFileSync(
    path.join(journal, 'people', 'mia-chen.md'),
    '---\nname: Mia Chen\nrole: manager\ncadence: weekly\n---\n\n# Mia Chen\n',
  );
  for (const [date, status] of [
    [lastWeek, 'done'],
    [nextWeek, 'planned'],
  ]) {
    fs.writeFileSync(
      path.join(meetings, `${date}.md`),
      `---\ndate: ${date}\nstatus: ${status}\n---\n\n# 1:1 with Mia Chen — ${date}\n\n## Agenda\n\n## Wins\n\n## Notes\n\n## Action items\n\n## Private\n`,
    );
  }
}

/** A GitHub REST stand-in: one public pull request, changing only docs. Records the requests. */
function startFakeGitHub() {
  const requests = [];
  const pull = {
    number: 42,
    title: TITLE,
    state: 'closed',
    merged: true,
    merged_at: '2026-11-19T15:04:05Z',
    updated_at: '2026-11-19T15:04:05Z',
    user: { login: 'me-dev' },
    additions: 120,
    deletions: 4,
    changed_files: 2,
    labels: [],
    body: 'Adds the guide.',
    author_association: 'MEMBER',
    html_url: 'https://github.com/acme/app/pull/42',
  };
  const routes = {
    '/repos/acme/app/pulls/42': pull,
    '/repos/acme/app/pulls/42/files': [{ filename: 'docs/onboarding.md' }, { filename: 'README.md' }],
    '/repos/acme/app/pulls/42/commits': [{ author: { login: 'me-dev' }, commit: { message: 'Write the guide' } }],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ path: url.pathname, authorization: req.headers.authorization });
    const body = routes[url.pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { message: 'Not Found' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        requests,
        stop: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

/** @param {{ server: { root: string }, openWorkbench: Function, onCleanup: Function, workspace: string, shot: Function }} t */
async function pastedPullRequestBecomesWin({ server, openWorkbench, onCleanup, workspace, shot }) {
  const github = await startFakeGitHub();
  onCleanup(() => github.stop());
  // User settings (the API address is application-scoped: a workspace cannot redirect the token).
  const settingsFile = path.join(server.root, 'data', 'User', 'settings.json');
  const original = fs.readFileSync(settingsFile, 'utf8');
  fs.writeFileSync(
    settingsFile,
    JSON.stringify({ ...JSON.parse(original), 'oneOnOne.github.apiUrl': github.origin }, null, 2),
  );
  onCleanup(() => fs.writeFileSync(settingsFile, original));

  const page = await openWorkbench();
  const meetings = await showJournal(page);
  await treeItem(page, meetings, /^Mia Chen\b/, '"Mia Chen" (did the extension read the journal?)', 30000);

  await page.keyboard.press('F1');
  await page
    .locator('.quick-input-widget .quick-input-box input')
    .first()
    .waitFor({ state: 'visible', timeout: 10000 });
  await chooseInQuickInput(
    page,
    '>1:1: Link Pull Requests as Wins',
    /^1:1: Link Pull Requests as Wins/,
    'command palette',
  );
  await waitForQuickInput(page, 'Link pull requests as wins for your next 1:1 with', 'the person pick');
  await chooseInQuickInput(page, 'Mia Chen', /^Mia Chen\b/, 'person pick');
  // Not signed in: sign in, or paste an address.
  await waitForQuickInput(
    page,
    `Link pull requests to your 1:1 with Mia Chen on ${nextWeek}`,
    'the sign-in or paste pick',
  );
  await chooseInQuickInput(page, 'Paste', /Paste a pull request address/, 'sign-in or paste pick');
  await waitForQuickInput(page, `Link pull requests to your 1:1 with Mia Chen on ${nextWeek}`, 'the address box');
  await page.locator('.quick-input-widget .quick-input-box input').first().fill(URL_TO_PASTE);
  await page.keyboard.press('Enter');
  // The circle: docs-only, so "Enabling others" is suggested and comes first.
  const circles = await waitForQuickInput(page, 'Impact circle of acme/app#42', 'the circle pick', 20000);
  const first = circles.locator('.monaco-list-row').first();
  const firstText = (await first.innerText({ timeout: 5000 })).replace(/\s+/g, ' ');
  if (!/^Enabling others\s*suggested: documentation-only change/.test(firstText)) {
    throw new Error(
      `the circle pick does not suggest "Enabling others" first for a docs-only change.\nQuick input:\n${await quickInputState(page)}`,
    );
  }
  await page.keyboard.press('Enter');
  // The sample journal has an active goal, so the goal pick shows: no goal this time.
  await waitForQuickInput(page, 'Also log progress on a goal?', 'the goal pick');
  await chooseInQuickInput(page, 'No goal', /^No goal\b/, 'goal pick');

  const file = path.join(workspace, 'one-on-ones', 'meetings', 'mia-chen', `${nextWeek}.md`);
  const deadline = Date.now() + 15000;
  let text = '';
  while (Date.now() < deadline) {
    text = fs.readFileSync(file, 'utf8');
    if (text.includes('acme/app#42')) break;
    await page.waitForTimeout(200);
  }
  const lines = text.split('\n');
  const wins = lines.slice(lines.indexOf('## Wins') + 1, lines.indexOf('## Notes')).filter((l) => l.startsWith('- '));
  if (wins.length !== 1 || wins[0] !== EXPECTED) {
    throw new Error(
      `the next meeting's Wins should hold exactly\n${EXPECTED}\nbut holds:\n${wins.join('\n') || '(nothing)'}\nFile:\n${text}`,
    );
  }
  if (github.requests.some((r) => r.authorization))
    throw new Error('a request carried an Authorization header without a sign-in');
  if (!github.requests.some((r) => r.path === '/repos/acme/app/pulls/42'))
    throw new Error(`the pull request was never fetched: ${JSON.stringify(github.requests)}`);

  // The sidebar: Mia Chen now has a Wins group, with the circle under it.
  const wins2 = await treeItem(page, meetings, /^Wins of Mia Chen: 1\b/, '"Wins" under Mia Chen', 15000);
  await wins2.click();
  await treeItem(page, meetings, /^Enabling others\b/, '"Enabling others" under Wins', 10000).catch(async (e) => {
    throw new Error(`${e.message}\nSide bar:\n${await sideBar(page)}`);
  });
  await shot('e2e-evidence');
}

export const checks = [
  {
    name: 'a pasted pull request becomes one escaped, circle-tagged win in the next meeting and the Wins group',
    prepare,
    ownWorkbench: true,
    run: pastedPullRequestBecomesWin,
  },
];
