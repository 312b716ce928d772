// A newcomer's first look, as `npm start` shows it: the sample journal laid
// out with its dates moved to today (scripts/sample-journal.mjs), in a folder
// that sits in a git repository with a remote whose .gitignore leaves it out
// (as this repository's .gitignore leaves out .cache/sample-journal). The
// Meetings view shows Alex Kim's next 1:1 in the coming week; no privacy
// warning comes up; the Goals view offers New Goal in its title bar; the prep
// sheet, opened beside that meeting's agenda, links short journal paths;
// Finish Meeting on a 1:1 still to come asks first, and Cancel leaves the
// file as it was; and "1:1: Check Journal Privacy" says the repository's
// ignore rule keeps the journal out (so no warning was the right answer).
// Screenshots: test-results/e2e-newcomer-sidebar.png and
// e2e-newcomer-prep-sheet.png, copied to docs/images/sidebar.png and
// prep-sheet.png for the README when ONE_ON_ONE_UPDATE_IMAGES is set.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/offline-vscode.mjs';
import { layOutSample } from '../../scripts/sample-journal.mjs';
import {
  chooseInQuickInput,
  openQuickInput,
  quickInputSays,
  quickInputState,
  showJournal,
  sideBar,
  treeItem,
  widenSideBar,
} from './ui.mjs';

const PRIVACY_WARNING = 'git repository that has a remote';
const DAY = 86_400_000;

/** Today in local time, as YYYY-MM-DD. */
function localDay(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

function git(cwd, ...args) {
  execFileSync('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The sample as `npm start` lays it out, in a git repository with a remote that ignores it. */
function prepare(workspace) {
  fs.rmSync(workspace, { recursive: true, force: true });
  layOutSample(path.join(repoRoot, 'samples', 'journal'), workspace);
  const parent = path.dirname(workspace);
  const name = path.basename(workspace);
  fs.writeFileSync(path.join(parent, '.gitignore'), `/${name}/\n/${name}.json\n`);
  git(parent, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(parent, 'remote', 'add', 'origin', 'https://github.com/acme/notes.git');
}

/** The text of the notifications shown as toasts. */
async function toastsText(page) {
  return (
    await page
      .locator('.notifications-toasts')
      .innerText({ timeout: 1000 })
      .catch(() => '')
  ).replace(/\s+/g, ' ');
}

/** Copies a screenshot to docs/images/ for the README, when asked (its dates change with every run). */
function updateImage(shotFile, name) {
  if (!process.env.ONE_ON_ONE_UPDATE_IMAGES) return;
  const docsImage = path.join(repoRoot, 'docs', 'images', name);
  fs.mkdirSync(path.dirname(docsImage), { recursive: true });
  fs.copyFileSync(shotFile, docsImage);
}

/** The text an editor group shows (Monaco renders spaces as non-breaking ones). */
async function editorText(lines) {
  return (await lines.innerText({ timeout: 2000 }).catch(() => '')).replace(/\u00a0/g, ' ');
}

/** The same with wrapped lines joined again (markdown wraps; a link can break at "/" or "."). */
function unwrapped(text) {
  return text.replace(/\n/g, '');
}

/** @param {{ page: import('playwright-core').Page, workspace: string, shot: (name: string) => Promise<string> }} t */
async function firstLook({ page, workspace, shot }) {
  const t0 = Date.now();
  const step = (what) => {
    if (process.env.ONE_ON_ONE_DEBUG) console.log(`    [newcomer] ${Date.now() - t0} ms: ${what}`);
  };
  const today = localDay();

  // 1. Alex Kim's next 1:1 is in the coming week, and its row opens to the agenda.
  const meetings = await showJournal(page);
  const alex = await treeItem(page, meetings, /^Alex Kim\b/, '"Alex Kim" (did the extension read the journal?)', 30000);
  if ((await alex.getAttribute('aria-expanded')) !== 'true') await alex.locator('.monaco-tl-twistie').click();
  const next = meetings
    .getByRole('treeitem')
    .filter({ has: page.locator('.label-description', { hasText: /^next\b/ }) })
    .first();
  await next.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
    throw new Error(`no meeting row under Alex Kim is described "next…".\nSide bar:\n${await sideBar(page)}`);
  });
  const label = (await next.locator('.label-name').innerText()).trim();
  const nextDate = /^\d{4}-\d{2}-\d{2}\b/.exec(label)?.[0];
  if (!nextDate) throw new Error(`the "next" meeting row is labelled ${JSON.stringify(label)}, not a date`);
  const days = daysBetween(today, nextDate);
  if (days < 1 || days > 7)
    throw new Error(
      `Alex Kim's next 1:1 is ${nextDate}, ${days} day(s) from today (${today}); the laid-out sample puts it 1–7 days ahead.\n` +
        `Side bar:\n${await sideBar(page)}`,
    );
  if ((await next.getAttribute('aria-expanded')) === null)
    throw new Error(
      `the next meeting row (${nextDate}) neither is expanded nor can be.\nSide bar:\n${await sideBar(page)}`,
    );
  const meetingFile = path.join(workspace, 'one-on-ones', 'meetings', 'alex-kim', `${nextDate}.md`);
  if (!fs.existsSync(meetingFile)) throw new Error(`the next meeting ${nextDate} has no file ${meetingFile}`);
  const meetingBefore = fs.readFileSync(meetingFile, 'utf8');
  step(`next meeting ${nextDate} (${days} day(s) ahead)`);

  // 2. The journal is ignored by the repository it is in: no privacy warning.
  await page.waitForTimeout(5000);
  const shown = await toastsText(page);
  if (shown.includes(PRIVACY_WARNING))
    throw new Error(`a privacy warning came up although the repository's .gitignore leaves the journal out: ${shown}`);
  // What else came up is VS Code's (the git extension asks whether to open the parent folder's repository): cleared for the picture.
  await openQuickInput(page, 'F1', 'clearing notifications');
  await chooseInQuickInput(
    page,
    '>Notifications: Clear All Notifications',
    /^Notifications: Clear All Notifications\b/,
    'command palette',
  );
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => {});
  const narrow = (await page.locator('.part.sidebar').boundingBox())?.width;
  const wide = await widenSideBar(page, 400);
  await page.mouse.move(1100, 500);
  await page.waitForTimeout(500); // the sash's hover highlight fades
  updateImage(await shot('e2e-newcomer-sidebar'), 'sidebar.png');
  step('no privacy warning; side bar shot');

  // 3. The Goals view's title bar offers New Goal (shown while its header is hovered).
  const goalsHeader = page
    .locator('.pane-header')
    .filter({ hasText: /^goals/i })
    .first();
  await goalsHeader.hover();
  const newGoal = goalsHeader.locator('.actions .action-label[aria-label*="New Goal"]').first();
  await newGoal.waitFor({ state: 'visible', timeout: 5000 }).catch(async () => {
    const actions = await goalsHeader
      .locator('.actions .action-label')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.getAttribute('title') ?? '?'))
      .catch(() => []);
    throw new Error(
      `hovering the Goals view's header shows no "New Goal" action. Its actions: ${actions.join(', ') || '(none)'}`,
    );
  });
  await page.mouse.move(900, 500);
  step('Goals offers New Goal');

  // 4. The prep sheet, from the palette, beside the agenda (opened from its row): short journal links, no file:// addresses.
  if (wide && narrow) await widenSideBar(page, narrow - wide); // back, for the agenda and the prep sheet side by side
  await next.locator('.label-name').click();
  await page
    .locator('.part.editor .tabs-container')
    .getByRole('tab', { name: new RegExp(`^${nextDate}\\.md`) })
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      throw new Error(`clicking the next meeting's row (${nextDate}) opened no editor for ${nextDate}.md`);
    });
  await openQuickInput(page, 'F1', 'opening the prep sheet');
  await chooseInQuickInput(page, '>1:1: Open Prep Sheet', /^1:1: Open Prep Sheet\b/, 'command palette');
  const prepTitle = `Prep for Alex Kim, ${nextDate}.md`;
  const tabs = page.locator('.part.editor .tabs-container');
  const prepTab = tabs.getByRole('tab', { name: new RegExp(`^${prepTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  // it asks whose prep sheet when no meeting is open in the editor
  for (const deadline = Date.now() + 10000; ; await page.waitForTimeout(100)) {
    if (await prepTab.first().isVisible()) break;
    if (await quickInputSays(page, 'Prep sheet for your 1:1 with')) {
      await chooseInQuickInput(page, 'Alex Kim', /^Alex Kim\b/, 'the prep sheet person pick');
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 5000 })
        .catch(() => {});
    }
    if (Date.now() > deadline) {
      const all = await tabs.allInnerTexts().catch(() => ['(unavailable)']);
      throw new Error(
        `"1:1: Open Prep Sheet" opened no tab "${prepTitle}". Editor tabs: ${all.join(' | ').replace(/\s+/g, ' ')}\n` +
          `Quick input:\n${await quickInputState(page)}`,
      );
    }
  }
  const prepGroup = page
    .locator('.editor-group-container')
    .filter({ has: page.getByRole('tab', { name: new RegExp(`^Prep for Alex Kim`) }) })
    .first();
  const prepLines = prepGroup.locator('.view-lines').first();
  let prepText = '';
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await page.waitForTimeout(200)) {
    prepText = await editorText(prepLines);
    if (/\]\(goals\/[^)\s]+\.md\)/.test(unwrapped(prepText))) break;
  }
  if (!/\]\(goals\/[^)\s]+\.md\)/.test(unwrapped(prepText)))
    throw new Error(`the prep sheet links no goal as a short journal path "(goals/….md)". It shows:\n${prepText}`);
  if (unwrapped(prepText).includes('file://'))
    throw new Error(`the prep sheet still shows file:// addresses. It shows:\n${prepText}`);
  // The short paths are links (underlined), and the sheet has its lenses: it is fully drawn for the picture.
  await prepGroup
    .locator('.view-lines .detected-link')
    .filter({ hasText: /goals|lead-a-design-review|onboarding-guide/ })
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(() => {
      throw new Error('the short goal paths in the prep sheet are not links (no underlined goals/….md)');
    });
  await prepGroup
    .locator('.codelens-decoration')
    .filter({ hasText: "Insert into the meeting's Notes" })
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(() => {});
  await page.mouse.move(900, 500);
  updateImage(await shot('e2e-newcomer-prep-sheet'), 'prep-sheet.png');
  step('prep sheet with short links');

  // 5. Finish Meeting on the 1:1 still to come asks first; Cancel leaves the file as it was.
  await openQuickInput(page, 'F1', 'finishing the meeting');
  await chooseInQuickInput(page, '>1:1: Finish Meeting', /^1:1: Finish Meeting\b/, 'command palette');
  const dialog = page.locator('.monaco-dialog-box');
  for (const deadline = Date.now() + 10000; ; await page.waitForTimeout(100)) {
    if (await dialog.isVisible()) break;
    if (await quickInputSays(page, 'Finish your 1:1 with')) {
      await chooseInQuickInput(page, 'Alex Kim', /^Alex Kim\b/, 'the Finish Meeting person pick');
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 5000 })
        .catch(() => {});
    }
    if (Date.now() > deadline)
      throw new Error(
        `"1:1: Finish Meeting…" on Alex Kim's next 1:1 (${nextDate}, still to come) asked nothing.\n` +
          `Quick input:\n${await quickInputState(page)}\nNotifications: ${await toastsText(page)}`,
      );
  }
  const question = (await dialog.innerText()).replace(/\s+/g, ' ');
  for (const words of ['Finish it now?', 'Alex Kim', nextDate])
    if (!question.includes(words)) throw new Error(`the Finish Meeting dialog does not say "${words}": ${question}`);
  for (const button of ['Finish Now', 'Cancel'])
    if (!(await dialog.getByRole('button', { name: button }).first().isVisible()))
      throw new Error(`the Finish Meeting dialog has no "${button}" button: ${question}`);
  await dialog.getByRole('button', { name: 'Cancel' }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {
    throw new Error('the Finish Meeting dialog stayed open after Cancel');
  });
  await page.waitForTimeout(1000);
  if (await page.locator('.quick-input-widget').isVisible())
    throw new Error(`after Cancel, Finish Meeting still asked on:\n${await quickInputState(page)}`);
  const meetingAfter = fs.readFileSync(meetingFile, 'utf8');
  if (meetingAfter !== meetingBefore || !/^status: planned$/m.test(meetingAfter))
    throw new Error(`Cancel changed ${nextDate}.md (it should still be planned, untouched):\n${meetingAfter}`);
  step('Finish Meeting asked; Cancel changed nothing');

  // Last, the same check on demand says why no warning came: the repository's ignore rule keeps the journal out.
  await openQuickInput(page, 'F1', 'checking privacy');
  await chooseInQuickInput(page, '>1:1: Check Journal Privacy', /^1:1: Check Journal Privacy\b/, 'command palette');
  const verdict = page
    .locator('.notifications-toasts .notification-toast')
    .filter({ hasText: 'in a git repository with a remote, but' })
    .first();
  await verdict.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
    throw new Error(
      `"1:1: Check Journal Privacy" does not say that the repository's ignore rule keeps the journal out. ` +
        `Notifications: ${await toastsText(page)}`,
    );
  });
  const all = await toastsText(page);
  if (all.includes(PRIVACY_WARNING)) throw new Error(`a privacy warning came up after all: ${all}`);
  step('privacy check: excluded');
}

export const checks = [
  {
    name: "a newcomer's first look: the next 1:1 this week, no privacy warning, New Goal, the prep sheet's short links, Finish from the palette asks first",
    prepare,
    run: firstLook,
  },
];
