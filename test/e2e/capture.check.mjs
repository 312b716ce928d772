// Capture as a user does it: select a line in some file, run "1:1: Add
// Selection as Talking Point" from the command palette, answer its three
// prompts, and find the talking point in the next meeting with Alex Kim, on
// disk and in the Meetings tree. Which meeting is "next" depends on today's
// date (the extension creates one dated today when none is left), so no date
// is hard-coded: the meeting is the row under Alex Kim described "next…".
// The theme pick starts at "No theme"; once added, a notification says where
// the point went and its "Open Agenda" opens that meeting. Screenshot:
// test-results/e2e-capture.png (the tree and the notification), copied to
// docs/images/capture.png for the README when ONE_ON_ONE_UPDATE_IMAGES is set.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/offline-vscode.mjs';
import {
  chooseInQuickInput,
  openQuickInput,
  quickInputState,
  showJournal,
  sideBar,
  treeItem,
  waitForQuickInput,
  widenSideBar,
} from './ui.mjs';

const PHRASE = 'The rollout plan needs a second reviewer';
const NOTES = ['Notes from the platform sync', PHRASE, 'Ask about the on-call rotation', ''].join('\n');
const EXPECTED_LINE = `- [ ] ${PHRASE} #feedback`;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Meeting files of Alex Kim in the workspace copy that hold the new agenda line. */
function filesWithPoint(workspace) {
  const dir = path.join(workspace, 'one-on-ones', 'meetings', 'alex-kim');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split(/\r?\n/)
        .some((l) => l.trimEnd() === EXPECTED_LINE),
    )
    .map((f) => path.join(dir, f));
}

/** @param {{ page: import('playwright-core').Page, workspace: string, shot: (name: string) => Promise<string> }} t */
export async function selectionBecomesTalkingPoint({ page, workspace, shot }) {
  const t0 = Date.now();
  const step = (what) => {
    if (process.env.ONE_ON_ONE_DEBUG) console.log(`    [capture] ${Date.now() - t0} ms: ${what}`);
  };
  // 0. The extension is up and has read the journal (its commands need oneOnOne.journalExists).
  const meetings = await showJournal(page);
  const alex = await treeItem(
    page,
    meetings,
    /^Alex Kim\b/,
    '"Alex Kim" before capturing (did the extension load?)',
    30000,
  );

  step('journal view ready');
  // 1. Quick open notes.txt.
  await openQuickInput(page, 'Control+P');
  await chooseInQuickInput(page, 'notes.txt', /notes\.txt/, 'quick open notes.txt');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor
    .getByText(PHRASE)
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      const tabs = await page
        .locator('.part.editor .tabs-container')
        .innerText({ timeout: 1000 })
        .catch(() => '(none)');
      throw new Error(`notes.txt did not open in an editor showing "${PHRASE}". Editor tabs: ${tabs}`);
    });

  step('notes.txt open');
  // 2. Select its second line with the keyboard.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+End');
  const selected = page.locator('.part.statusbar').getByText(`(${PHRASE.length} selected)`);
  await selected
    .first()
    .waitFor({ state: 'visible', timeout: 5000 })
    .catch(async () => {
      const status = await page
        .locator('.part.statusbar')
        .innerText({ timeout: 1000 })
        .catch(() => '(unavailable)');
      throw new Error(
        `selecting line 2 of notes.txt: the status bar does not say "(${PHRASE.length} selected)".\nStatus bar: ${status.replace(/\s+/g, ' ')}`,
      );
    });

  step('line selected');
  // 3. The command, from the palette.
  await openQuickInput(page, 'F1');
  await chooseInQuickInput(
    page,
    '>1:1: Add Selection as Talking Point',
    /^1:1: Add Selection as Talking Point\b/,
    'command palette (is the command contributed, and is oneOnOne.journalExists set?)',
  );

  step('command run');
  // 4. Its prompts: person, theme, summary.
  await waitForQuickInput(page, 'Add to the next 1:1 with', 'after running the command (person pick)');
  await chooseInQuickInput(page, 'Alex Kim', /^Alex Kim\b/, 'person pick');
  await waitForQuickInput(page, 'Theme of the talking point', 'after choosing Alex Kim (theme pick)');
  // The first time for a person, Enter alone tags nothing: the active row is "No theme".
  const active = await activeRow(page);
  if (active !== 'No theme')
    throw new Error(
      `the theme pick opens at ${JSON.stringify(active)}, not "No theme".\nQuick input:\n${await quickInputState(page)}`,
    );
  const themes = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
  for (const t of ['Growth', 'Feedback', 'Alignment', 'Win', 'Blocker', 'Question', 'Team / process', 'Other']) {
    if (!themes.some((x) => x.trim() === t))
      throw new Error(`theme pick has no item "${t}"; it shows: ${themes.join(', ')}`);
  }
  await chooseInQuickInput(page, 'Feedback', /^Feedback\b/, 'theme pick');
  const box = await waitForQuickInput(page, 'Talking point for Alex Kim', 'after choosing Feedback (summary input)');
  const prefilled = await box.locator('.quick-input-box input').first().inputValue();
  if (prefilled !== PHRASE) {
    throw new Error(
      `the summary input is prefilled with ${JSON.stringify(prefilled)}, not the selected line ${JSON.stringify(PHRASE)}`,
    );
  }
  await page.keyboard.press('Enter');
  await box.waitFor({ state: 'hidden', timeout: 5000 }).catch(async () => {
    throw new Error(
      `the quick input stayed open after Enter on the summary.\nQuick input:\n${await quickInputState(page)}`,
    );
  });

  step('prompts answered');
  // 5. A notification says where the point went, with a way there.
  const toasts = page.locator('.notifications-toasts');
  const toast = toasts
    .locator('.notification-toast')
    .filter({ hasText: 'Talking point added to your 1:1 with Alex Kim' })
    .first();
  await toast.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
    const shown = await toasts.innerText({ timeout: 1000 }).catch(() => '(none)');
    throw new Error(
      `no notification "Talking point added to your 1:1 with Alex Kim…" after adding. Notifications: ${shown || '(none)'}`,
    );
  });
  const openAgenda = toast.getByRole('button', { name: 'Open Agenda' });
  if (!(await openAgenda.isVisible())) {
    const shown = await toast.innerText().catch(() => '(unavailable)');
    throw new Error(`the notification has no "Open Agenda" button. It shows: ${shown.replace(/\s+/g, ' ')}`);
  }
  // 6. On disk: exactly one of Alex Kim's meetings has the new agenda line.
  let files = [];
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await page.waitForTimeout(200)) {
    files = filesWithPoint(workspace);
    if (files.length > 0) break;
  }
  if (files.length !== 1) {
    const dir = path.join(workspace, 'one-on-ones', 'meetings', 'alex-kim');
    const listing = fs.existsSync(dir) ? fs.readdirSync(dir).join(', ') : '(no folder)';
    throw new Error(
      `expected exactly one meeting file of Alex Kim with the line ${JSON.stringify(EXPECTED_LINE)}, found ${files.length}. ` +
        `Files: ${listing}`,
    );
  }
  const meetingDate = path.basename(files[0], '.md');

  step('file on disk has the point');
  // 7. In the tree: Alex Kim → the next meeting (that file) → the talking point, label without tags, tags as description.
  if ((await alex.getAttribute('aria-expanded')) !== 'true') await alex.locator('.monaco-tl-twistie').click();
  const next = await treeItem(
    page,
    meetings,
    new RegExp(escapeRegExp(meetingDate)),
    `for the meeting the point went to (${meetingDate}) under "Alex Kim"`,
    10000,
  );
  const nextDescription = (
    await next
      .locator('.label-description')
      .innerText()
      .catch(() => '')
  ).trim();
  if (!/^next\b/.test(nextDescription)) {
    throw new Error(
      `the talking point went to ${meetingDate}, but that row's description is ${JSON.stringify(nextDescription)}, not "next…".\n` +
        `Side bar:\n${await sideBar(page)}`,
    );
  }
  const pointName = new RegExp(escapeRegExp(PHRASE));
  // a meeting the command just created may first show without children, until the tree refreshes
  let expanded = null;
  for (const deadline = Date.now() + 5000; expanded === null && Date.now() < deadline; await page.waitForTimeout(200)) {
    expanded = await next.getAttribute('aria-expanded');
  }
  if (expanded === null) {
    throw new Error(
      `the next meeting row (${meetingDate}) is not collapsible: the Meetings tree shows no talking points under meetings ` +
        `(the file does have ${JSON.stringify(EXPECTED_LINE)}).\nSide bar:\n${await sideBar(page)}`,
    );
  }
  if (expanded !== 'true') await next.locator('.monaco-tl-twistie').click();
  const point = await treeItem(
    page,
    meetings,
    pointName,
    `containing "${PHRASE}" under the next meeting (${meetingDate})`,
    10000,
  );
  const label = (await point.locator('.label-name').innerText()).trim();
  const description = (
    await point
      .locator('.label-description')
      .innerText()
      .catch(() => '')
  ).trim();
  if (label !== PHRASE)
    throw new Error(
      `the talking point's label is ${JSON.stringify(label)}, expected ${JSON.stringify(PHRASE)} (no #tags)`,
    );
  if (!/#feedback\b/.test(description))
    throw new Error(
      `the talking point's description is ${JSON.stringify(description)}, expected it to show "#feedback"`,
    );
  await widenSideBar(page); // so the screenshot shows the descriptions ("next", "#feedback")
  await point.scrollIntoViewIfNeeded();
  step('tree shows the point');
  const toastText = (await toast.innerText().catch(() => '')).replace(/\s+/g, ' ');
  if (!toastText.includes(`Talking point added to your 1:1 with Alex Kim on ${meetingDate}.`))
    throw new Error(
      `the notification does not name the meeting the point went to (${meetingDate}). It shows: ${toastText || '(gone)'}`,
    );
  await page.mouse.move(700, 500);
  const shotFile = await shot('e2e-capture');
  // The README's picture changes with every run (dates): renewed only when asked.
  if (process.env.ONE_ON_ONE_UPDATE_IMAGES) {
    const docsImage = path.join(repoRoot, 'docs', 'images', 'capture.png');
    fs.mkdirSync(path.dirname(docsImage), { recursive: true });
    fs.copyFileSync(shotFile, docsImage);
  }

  // 8. "Open Agenda" opens the meeting the point went to.
  await openAgenda.click();
  const tabs = page.locator('.part.editor .tabs-container');
  await tabs
    .getByRole('tab', { name: new RegExp(`^${escapeRegExp(meetingDate)}\\.md`) })
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      const all = await tabs.allInnerTexts().catch(() => ['(unavailable)']);
      throw new Error(
        `"Open Agenda" on the notification did not open ${meetingDate}.md. Editor tabs: ${all.join(' | ').replace(/\s+/g, ' ')}`,
      );
    });
  step('Open Agenda opened the meeting');
}

/** The label of the quick pick's active row, once it has one. */
async function activeRow(page, timeout = 5000) {
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  let text = '';
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(100)) {
    text = (await focused.innerText({ timeout: 500 }).catch(() => '')).replace(/\s+/g, ' ').trim();
    if (text) break;
  }
  return text;
}

export const checks = [
  {
    name: 'select text, run the command from the palette, see the item in the tree',
    prepare: (workspace) => fs.writeFileSync(path.join(workspace, 'notes.txt'), NOTES),
    run: selectionBecomesTalkingPoint,
  },
];
