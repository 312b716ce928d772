// A calendar invite as a user imports it: the exported .ics of the recurring
// 1:1 sits in the workspace; opened in the editor, it has a CodeLens "Import
// as a 1:1 cadence…"; clicking it asks whose 1:1 it is (the person the
// invite names first), and the person's row in the Meetings tree then shows
// the invite's cadence, the person file its time zone and call link.
// Screenshot: test-results/e2e-invite.png, copied to docs/images/invite.png
// for the README when ONE_ON_ONE_UPDATE_IMAGES is set.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/offline-vscode.mjs';
import {
  openQuickInput,
  quickInputState,
  showJournal,
  sideBar,
  treeItem,
  waitForQuickInput,
  widenSideBar,
} from './ui.mjs';

const MEET = 'https://meet.google.com/abc-defg-hij';

/** A Tuesday some weeks back, as the invite's first date (YYYYMMDD). */
function firstTuesday() {
  const d = new Date();
  d.setDate(d.getDate() - 42 - ((d.getDay() + 5) % 7));
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

function prepare(workspace) {
  const day = firstTuesday();
  const invite = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `DTSTART;TZID=America/Los_Angeles:${day}T100000`,
    `DTEND;TZID=America/Los_Angeles:${day}T103000`,
    'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    'ORGANIZER;CN=Alex Kim:mailto:alex.kim@example.com',
    'ATTENDEE;CN=Alex Kim;PARTSTAT=ACCEPTED:mailto:alex.kim@example.com',
    'ATTENDEE;CN=Sam Lee;PARTSTAT=ACCEPTED:mailto:sam.lee@example.com',
    'UID:e2e-invite@google.com',
    `X-GOOGLE-CONFERENCE:${MEET}`,
    'SUMMARY:Alex / Sam 1:1',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  fs.writeFileSync(path.join(workspace, 'alex-1on1.ics'), invite);
}

/** @param {{ page: import('playwright-core').Page, workspace: string, shot: (name: string) => Promise<string> }} t */
async function lensImportsInvite({ page, workspace, shot }) {
  const meetings = await showJournal(page);
  await treeItem(page, meetings, /^Alex Kim\b/, '"Alex Kim" (did the extension read the journal?)', 30000);

  // 1. Open the invite from the Explorer's quick open.
  const box = await openQuickInput(page, 'Control+P');
  await box.fill('alex-1on1.ics');
  await page
    .locator('.quick-input-widget .monaco-list-row.focused')
    .getByText('alex-1on1.ics')
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      throw new Error(`quick open does not offer alex-1on1.ics.\n${await quickInputState(page)}`);
    });
  await page.keyboard.press('Enter');

  // 2. The CodeLens above the event.
  const lens = page.locator('.codelens-decoration a').filter({ hasText: 'Import as a 1:1 cadence' });
  await lens
    .first()
    .waitFor({ state: 'visible', timeout: 20000 })
    .catch(async () => {
      const lenses = await page
        .locator('.codelens-decoration')
        .allInnerTexts()
        .catch(() => []);
      throw new Error(
        `the open invite shows no "Import as a 1:1 cadence…" lens. Lenses: ${lenses.join(' | ') || '(none)'}`,
      );
    });
  await lens.first().click();

  // 3. Whose 1:1: the people the invite names come first.
  await waitForQuickInput(page, 'Whose 1:1 is this invite?', 'the person pick after the lens');
  const rows = (await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts()).map((r) =>
    r.replace(/\s+/g, ' ').trim(),
  );
  if (rows[0] !== 'Alex Kim' || !rows.some((r) => r.endsWith('Add Sam Lee')))
    throw new Error(`the pick should offer Alex Kim first and "Add Sam Lee"; it shows: ${rows.join(' | ')}`);
  await page.keyboard.press('Enter');

  // 4. The message, the tree row's cadence, the person file.
  const toast = page.locator('.notifications-toasts').getByText(/^Alex Kim: every 2 weeks on Tuesday at 10:00/);
  await toast
    .first()
    .waitFor({ state: 'visible', timeout: 15000 })
    .catch(async () => {
      const shown = await page
        .locator('.notifications-toasts')
        .innerText({ timeout: 1000 })
        .catch(() => '(none)');
      throw new Error(`no message that Alex Kim now follows the invite. Notifications: ${shown}`);
    });
  const file = path.join(workspace, 'one-on-ones', 'people', 'alex-kim.md');
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes('\ntimezone: America/Los_Angeles\n') || !text.includes(`\ncall: ${MEET}\n`))
    throw new Error(`alex-kim.md does not name the invite's zone and call link:\n${text}`);
  await widenSideBar(page);
  const row = await treeItem(page, meetings, /^Alex Kim\b/, '"Alex Kim" after the import');
  const deadline = Date.now() + 10000;
  for (;;) {
    const shown = (await row.innerText({ timeout: 1000 }).catch(() => '')).replace(/\s+/g, ' ');
    if (shown.includes('every 2 weeks on Tuesday at 10:00')) break;
    if (Date.now() > deadline)
      throw new Error(
        `Alex Kim's row does not show the invite's cadence: "${shown}".\nSide bar:\n${await sideBar(page)}`,
      );
    await page.waitForTimeout(200);
  }
  await page.mouse.move(700, 500);
  const shotFile = await shot('e2e-invite');
  // The README's picture changes with every run (dates): renewed only when asked.
  if (process.env.ONE_ON_ONE_UPDATE_IMAGES) {
    const docsImage = path.join(repoRoot, 'docs', 'images', 'invite.png');
    fs.mkdirSync(path.dirname(docsImage), { recursive: true });
    fs.copyFileSync(shotFile, docsImage);
  }
}

export const checks = [
  {
    name: "an open invite's CodeLens sets a person's cadence, zone and call link from it",
    prepare,
    run: lensImportsInvite,
  },
];
