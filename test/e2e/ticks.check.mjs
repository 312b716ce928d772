// Ticking a talking point in the Meetings tree, as a user does: the point's
// row has a checkbox; clicking it writes `- [x]` into the meeting file (one
// character), and clicking it again writes `- [ ]` back. The journal copy
// gets a person whose next meeting has two points.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { showJournal, sideBar, treeItem } from './ui.mjs';

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

/** @param {{ page: import('playwright-core').Page, workspace: string, shot: (name: string) => Promise<string> }} t */
async function tickInTree({ page, workspace, shot }) {
  const meetings = await showJournal(page);
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
  await point.getByRole('checkbox').first().click();
  await fileBecomes(meetingFile(workspace), MEETING, 'after unticking it');
}

export const checks = [
  { name: "a talking point's checkbox in the tree ticks it in the file, and back", prepare, run: tickInTree },
];
