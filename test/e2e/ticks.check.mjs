// Follow-through as a user does it: ticking a talking point in the Meetings
// tree (the point's row has a checkbox; clicking it writes `- [x]` into the
// meeting file, one character, and clicking again writes `- [ ]` back), and
// searching the journal from the palette (`@tia #growth`), landing on the
// point's line. The journal copy gets a person whose next meeting has two points.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  chooseInQuickInput,
  openQuickInput,
  quickInputState,
  showJournal,
  sideBar,
  treeItem,
  waitForQuickInput,
} from './ui.mjs';

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const NAME = 'Tia Tick';
const DATE = isoDay(3);
const MEETING = `---\ndate: ${DATE}\nstatus: planned\n---\n\n# 1:1 with ${NAME} — ${DATE}\n\n## Agenda\n\n- [ ] Promotion timeline #growth\n- [ ] On-call load #team/process\n\n## Notes\n`;

function meetingFile(workspace) {
  return path.join(workspace, 'one-on-ones', 'meetings', 'tia-tick', `${DATE}.md`);
}

function prepare(workspace) {
  const journal = path.join(workspace, 'one-on-ones');
  fs.mkdirSync(path.join(journal, 'meetings', 'tia-tick'), { recursive: true });
  fs.writeFileSync(path.join(journal, 'people', 'tia-tick.md'), `---\nname: ${NAME}\nrole: mentor\n---\n\n# ${NAME}\n`);
  fs.writeFileSync(meetingFile(workspace), MEETING);
}

async function fileBecomes(file, text, what) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const now = fs.readFileSync(file, 'utf8');
    if (now === text) return;
    if (Date.now() > deadline) throw new Error(`${what}: the meeting file reads\n${now}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Collapses the side bar's other views, so the Meetings view has room for the rows the check clicks. */
async function roomForMeetings(page) {
  for (const name of ['Open Items', 'Goals', 'Feedback']) {
    const header = page
      .locator('.pane-header')
      .filter({ hasText: new RegExp(`^${name}`, 'i') })
      .first();
    if ((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') await header.click();
  }
}

/** @param {{ page: import('playwright-core').Page, workspace: string, shot: (name: string) => Promise<string> }} t */
async function tickInTree({ page, workspace, shot }) {
  const meetings = await showJournal(page);
  await roomForMeetings(page);
  const person = await treeItem(page, meetings, new RegExp(`^${NAME}\\b`), `"${NAME}"`, 30000);
  if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();
  // The next meeting opens expanded, with its points.
  const point = await treeItem(page, meetings, /^Promotion timeline\b/, '"Promotion timeline" under the next meeting');
  const box = point.getByRole('checkbox').first();
  await box.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
    throw new Error(`the point's row has no checkbox.\nSide bar:\n${await sideBar(page)}`);
  });
  await box.click();
  const ticked = MEETING.replace('- [ ] Promotion timeline', '- [x] Promotion timeline');
  await fileBecomes(meetingFile(workspace), ticked, 'after ticking "Promotion timeline"');
  await page.mouse.move(700, 500);
  await page.waitForTimeout(600); // the checkbox's tooltip fades
  await shot('e2e-ticks');
  const again = await treeItem(page, meetings, /^Promotion timeline\b/, '"Promotion timeline" after ticking it');
  await again.getByRole('checkbox').first().click();
  await fileBecomes(meetingFile(workspace), MEETING, 'after unticking it');
}

/** @param {{ page: import('playwright-core').Page, shot: (name: string) => Promise<string> }} t */
async function searchFromPalette({ page, shot }) {
  const meetings = await showJournal(page);
  await treeItem(page, meetings, new RegExp(`^${NAME}\\b`), `"${NAME}"`, 30000);
  await openQuickInput(page, 'F1');
  await chooseInQuickInput(page, '>1:1: Search the Journal', /^1:1: Search the Journal…/, 'command palette');
  await waitForQuickInput(page, 'Search the 1:1 journal', 'the search pick');
  await page.locator('.quick-input-widget .quick-input-box input').first().fill('@tia #growth promotion');
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Promotion timeline' });
  await row
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      throw new Error(
        `the search lists no "Promotion timeline" for "@tia #growth promotion".\n${await quickInputState(page)}`,
      );
    });
  await page.waitForTimeout(300);
  await shot('e2e-search');
  await page.keyboard.press('Enter');
  const tab = page.locator('.part.editor .tabs-container').getByRole('tab', { name: new RegExp(DATE) });
  await tab
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(() => {
      throw new Error(`Enter on the row did not open ${DATE}.md`);
    });
  // The cursor is on the point's line (line 10 of the file, as the status bar counts).
  const position = page.locator('.statusbar-item').filter({ hasText: /^Ln \d+, Col \d+/ });
  const deadline = Date.now() + 10000;
  for (;;) {
    const text = await position
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => '');
    if (/^Ln 10, Col 1\b/.test(text)) break;
    if (Date.now() > deadline) throw new Error(`the cursor is not on the point's line: the status bar says "${text}"`);
    await page.waitForTimeout(200);
  }
}

export const checks = [
  { name: "a talking point's checkbox in the tree ticks it in the file, and back", prepare, run: tickInTree },
  { name: 'searching the journal from the palette lands on the line', prepare, run: searchFromPalette },
];
