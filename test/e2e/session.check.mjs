// Right before the call: the status bar counts down to the next 1:1; one click
// on it opens that meeting's agenda beside its prep sheet, which lists what
// the previous meeting left open. The journal copy gets a person whose 1:1 is
// today (no time: it stands all day) with a meeting a week ago holding an
// open action item, and the sample people's slots today, if any, are
// cancelled — so Sam's is the next 1:1 whatever day and hour the check runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sideBar, showJournal, treeItem } from './ui.mjs';

const OPEN_ITEM = 'Sam: send the offsite notes';

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const today = isoDay(0);
const lastWeek = isoDay(-7);

/** Nobody else has a 1:1 today, whatever day the check runs on: their slot today (if any) is cancelled. */
function clearToday(journal, person) {
  const file = path.join(journal, 'meetings', person, `${today}.md`);
  if (fs.existsSync(file))
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^status: .*$/m, 'status: cancelled'));
  else fs.writeFileSync(file, `---\ndate: ${today}\nstatus: cancelled\n---\n`);
}

function prepare(workspace) {
  const journal = path.join(workspace, 'one-on-ones');
  for (const person of fs.readdirSync(path.join(journal, 'meetings'))) clearToday(journal, person);
  const meetings = path.join(journal, 'meetings', 'sam-soon');
  fs.mkdirSync(meetings, { recursive: true });
  fs.writeFileSync(
    path.join(journal, 'people', 'sam-soon.md'),
    '---\nname: Sam Soon\nrole: peer\ncadence: weekly\n---\n\n# Sam Soon\n',
  );
  fs.writeFileSync(
    path.join(meetings, `${lastWeek}.md`),
    `---\ndate: ${lastWeek}\nstatus: done\n---\n\n# 1:1 with Sam Soon — ${lastWeek}\n\n## Agenda\n\n- [x] Offsite plan #alignment\n\n` +
      `## Notes\n\n## Action items\n\n- [ ] ${OPEN_ITEM}\n\n## Private\n`,
  );
  fs.writeFileSync(
    path.join(meetings, `${today}.md`),
    `---\ndate: ${today}\nstatus: planned\n---\n\n# 1:1 with Sam Soon — ${today}\n\n## Agenda\n\n- [ ] Hiring loop feedback #feedback\n\n` +
      `## Notes\n\n## Action items\n\n## Private\n`,
  );
}

/** @param {{ page: import('playwright-core').Page, shot: (name: string) => Promise<string> }} t */
async function statusBarOpensAgendaAndPrep({ page, shot }) {
  const meetings = await showJournal(page);
  await treeItem(page, meetings, /^Sam Soon\b/, '"Sam Soon" (did the extension read the journal?)', 30000);

  const statusBar = page.locator('.part.statusbar');
  const item = statusBar.getByText('1:1 with Sam · today', { exact: true });
  await item
    .first()
    .waitFor({ state: 'visible', timeout: 20000 })
    .catch(async () => {
      const text = await statusBar.innerText({ timeout: 1000 }).catch(() => '(unavailable)');
      throw new Error(`the status bar does not show "1:1 with Sam · today".\nStatus bar: ${text.replace(/\s+/g, ' ')}`);
    });
  await item.first().click();

  const tabs = page.locator('.part.editor .tabs-container');
  const agendaTab = tabs.getByRole('tab', { name: new RegExp(`^${today}\\.md`) });
  const prepTab = tabs.getByRole('tab', { name: new RegExp(`^Prep for Sam Soon, ${today}\\.md`) });
  for (const [tab, what] of [
    [agendaTab, `the agenda ${today}.md`],
    [prepTab, `the prep sheet "Prep for Sam Soon, ${today}.md"`],
  ]) {
    await tab
      .first()
      .waitFor({ state: 'visible', timeout: 15000 })
      .catch(async () => {
        const all = await tabs.allInnerTexts().catch(() => ['(unavailable)']);
        throw new Error(
          `clicking the status-bar item did not open ${what}. Editor tabs: ${all.join(' | ').replace(/\s+/g, ' ')}\n` +
            `Side bar:\n${await sideBar(page)}`,
        );
      });
  }
  // Side by side: two editor groups, the agenda in one and the prep sheet in the other.
  const groups = page.locator('.part.editor .editor-group-container');
  if ((await groups.count()) < 2)
    throw new Error(
      `expected the agenda and the prep sheet side by side, but there are ${await groups.count()} editor group(s)`,
    );
  const groupWith = (tabName) =>
    page
      .locator('.editor-group-container')
      .filter({ has: page.getByRole('tab', { name: tabName }) })
      .locator('.view-lines');
  const agendaText = groupWith(new RegExp(`^${today}\\.md`));
  await agendaText
    .getByText('Hiring loop feedback')
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(() => {
      throw new Error(`the agenda editor does not show its talking point "Hiring loop feedback"`);
    });
  const prepText = groupWith(new RegExp(`^Prep for Sam Soon, ${today}\\.md`));
  for (const line of ['# Prep: 1:1 with Sam Soon', '## Open action items', OPEN_ITEM]) {
    await prepText
      .getByText(line)
      .first()
      .waitFor({ state: 'visible', timeout: 10000 })
      .catch(async () => {
        const shown = await prepText.innerText({ timeout: 1000 }).catch(() => '(unavailable)');
        throw new Error(`the prep sheet does not show ${JSON.stringify(line)}. It shows:\n${shown}`);
      });
  }
  await page.mouse.move(700, 500);
  await shot('e2e-session');
}

export const checks = [
  {
    name: 'the status bar counts down to the next 1:1; a click opens its agenda beside the prep sheet',
    prepare,
    run: statusBarOpensAgendaAndPrep,
  },
];
