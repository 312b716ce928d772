// Goals and feedback threads as a user moves them, with mouse and keyboard,
// on the sample journal (where "Review comments read as blunt" is due for a
// circle-back and "Write the team's onboarding guide" has gone quiet):
// 1. Feedback view: right-click the due thread → "Set Feedback Status…" →
//    "Circled back" comes first (the next step) → say how it went → the row
//    moves under "Circled back", and the file has the status and a dated line
//    under "## Circle back".
// 2. Goals view: hover the quiet goal, click its inline "Add to Next Agenda"
//    (Alex Kim, the manager, first if asked) → the next 1:1 with Alex Kim has
//    a talking point linking the goal, which the Meetings tree shows by title.
// 3. Right-click the goal → "Set Goal Status…" → "Achieved" → a note → it
//    moves under "Achieved".
// 4. A screenshot of both trees after the moves: test-results/e2e-threads.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  chooseInQuickInput,
  quickInputState,
  showJournal,
  sideBar,
  treeItem,
  waitForQuickInput,
  widenSideBar,
} from './ui.mjs';

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const THREAD = 'Review comments read as blunt';
const THREAD_FILE = 'feedback/review-comments-read-as-blunt.md';
const GOAL = "Write the team's onboarding guide";
const GOAL_FILE = 'goals/write-the-onboarding-guide.md';
const OUTCOME = 'Alex says the questions land well; nobody felt ordered about since';
const NOTE = 'Guide merged; the last joiner shipped in four days';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls `file` until `test(text)` holds; returns the text, or throws with `what` and the file. */
async function fileWhere(page, file, test, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)';
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeout} ms. ${path.basename(file)} reads:\n${text}`);
    await page.waitForTimeout(200);
  }
}

/**
 * The group row a row sits under: the rows of `tree` as rendered (by list
 * index, since the DOM order of a virtual list is not its visual order), the
 * nearest row above `name` one level up.
 */
async function groupOf(tree, name) {
  const rows = await tree.locator('.monaco-list-row[role="treeitem"]').evaluateAll((els) =>
    els
      .map((el) => ({
        index: Number(el.dataset.index),
        level: Number(el.getAttribute('aria-level')),
        label: el.getAttribute('aria-label') ?? '',
      }))
      .sort((a, b) => a.index - b.index),
  );
  const at = rows.findIndex((r) => name.test(r.label));
  if (at < 0) return { group: undefined, rows };
  for (let i = at - 1; i >= 0; i--) if (rows[i].level < rows[at].level) return { group: rows[i].label, rows };
  return { group: undefined, rows };
}

/** Waits until the row `name` of `tree` sits under the group whose label starts with `group`. */
async function waitUnderGroup(page, tree, view, name, group, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await groupOf(tree, name);
    if (seen.group?.startsWith(group)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: in the ${view} view, ${name} should sit under "${group}" but is under ${JSON.stringify(seen.group)}.\n` +
          `Rows: ${seen.rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label}`).join(' | ')}\nSide bar:\n${await sideBar(page)}`,
      );
    }
    await page.waitForTimeout(200);
  }
}

/** Right-clicks `row` and runs its context-menu item `label` (hover, then Enter: the menu ignores a click right after it opened). */
async function contextMenu(page, row, label, what) {
  await row.click({ button: 'right' });
  const item = page
    .locator('.context-view .monaco-menu')
    .getByRole('menuitem', { name: new RegExp(`^${escapeRegExp(label)}`) });
  await item
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(async () => {
      const shown = await page
        .locator('.context-view')
        .innerText({ timeout: 1000 })
        .catch(() => '(no context menu)');
      throw new Error(
        `the context menu of ${what} has no "${label}". It shows:\n${shown}\nSide bar:\n${await sideBar(page)}`,
      );
    });
  await item.first().hover();
  await page.keyboard.press('Enter');
}

/** The labels (without descriptions) of the quick pick's rows, in order. */
async function pickLabels(widget) {
  const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
  return labels.map((l) => l.replace(/\s+/g, ' ').trim());
}

/** @param {{ page: import('playwright-core').Page, workspace: string, shot: (name: string) => Promise<string> }} t */
async function threadsMoveThroughTheirLifecycles({ page, workspace, shot }) {
  const journal = path.join(workspace, 'one-on-ones');
  const today = isoDay(0);
  const meetingsTree = await showJournal(page);
  await widenSideBar(page, 200);
  const feedback = page.getByRole('tree', { name: 'Feedback' });
  const goals = page.getByRole('tree', { name: 'Goals' });

  // 1. The due thread → circled back, from its context menu.
  const threadName = new RegExp(`^${escapeRegExp(THREAD)}\\b`);
  const thread = await treeItem(
    page,
    feedback,
    threadName,
    `"${THREAD}" (did the extension read the journal?)`,
    30000,
    'Feedback',
  );
  await contextMenu(page, thread, 'Set Feedback Status…', `"${THREAD}"`);
  const statuses = await waitForQuickInput(page, 'Move the thread to…', 'the feedback status pick');
  const rows = await pickLabels(statuses);
  const firstHint = await statuses
    .locator('.monaco-list-row')
    .first()
    .locator('.label-description')
    .first()
    .innerText()
    .catch(() => '');
  if (rows[0] !== 'Circled back' || !/^next\b/.test(firstHint.trim()) || rows.includes('Trying')) {
    throw new Error(
      `the status pick of a thread being tried should offer "Circled back" first, marked next, and not "Trying".\nQuick input:\n${await quickInputState(page)}`,
    );
  }
  await chooseInQuickInput(page, 'Circled back', /^Circled back$/, 'feedback status pick');
  await waitForQuickInput(page, `${THREAD}: Circled back`, 'the outcome box');
  await page.locator('.quick-input-widget .quick-input-box input').first().fill(OUTCOME);
  await page.keyboard.press('Enter');

  const threadText = await fileWhere(
    page,
    path.join(journal, THREAD_FILE),
    (t) => t.includes(OUTCOME),
    `${THREAD_FILE} got no outcome`,
  );
  const lines = threadText.split('\n');
  const circleBack = lines.slice(lines.indexOf('## Circle back') + 1).filter((l) => l.startsWith('- '));
  if (
    !/^status: circled-back$/m.test(threadText) ||
    lines.indexOf('## Circle back') < 0 ||
    circleBack.join('\n') !== `- ${today}: ${OUTCOME}`
  ) {
    throw new Error(
      `${THREAD_FILE} should have "status: circled-back" and "- ${today}: ${OUTCOME}" under "## Circle back", but reads:\n${threadText}`,
    );
  }
  await waitUnderGroup(page, feedback, 'Feedback', threadName, 'Circled back', `"${THREAD}" after "Circled back"`);

  // 2. The quiet goal's inline "Add to Next Agenda", revealed by hovering its row.
  const goalName = new RegExp(`^${escapeRegExp(GOAL)}\\b`);
  const goal = await treeItem(page, goals, goalName, `"${GOAL}"`, 15000, 'Goals');
  await waitUnderGroup(page, goals, 'Goals', goalName, 'Active', `"${GOAL}" before any move`);
  await goal.hover();
  const add = goal.getByRole('button', { name: 'Add to Next Agenda' });
  await add.waitFor({ state: 'visible', timeout: 5000 }).catch(async () => {
    const actions = await goal
      .locator('.actions')
      .innerHTML({ timeout: 1000 })
      .catch(() => '(none)');
    throw new Error(
      `hovering "${GOAL}" (gone quiet) reveals no inline "Add to Next Agenda" button. Its actions: ${actions}\nSide bar:\n${await sideBar(page)}`,
    );
  });
  await add.click();
  // The goal has no person: a pick of people with the manager first (a journal of one person is not asked).
  const meetings = path.join(journal, 'meetings', 'alex-kim');
  const point = new RegExp(
    `^- \\[ \\] Goal: \\[${escapeRegExp(GOAL)}\\]\\(\\.\\./\\.\\./${escapeRegExp(GOAL_FILE)}\\) — .+ #growth #goal/write-the-onboarding-guide$`,
    'm',
  );
  const holdingPoint = () =>
    fs.readdirSync(meetings).filter((f) => point.test(fs.readFileSync(path.join(meetings, f), 'utf8')));
  const widget = page.locator('.quick-input-widget');
  const deadline = Date.now() + 15000;
  let holding = [];
  let asked = false;
  while (Date.now() < deadline) {
    holding = holdingPoint();
    if (holding.length > 0) break;
    if (!asked && (await widget.isVisible().catch(() => false))) {
      const placeholder =
        (await widget
          .locator('.quick-input-box input')
          .first()
          .getAttribute('placeholder')
          .catch(() => '')) ?? '';
      if (!placeholder.startsWith(`Add "${GOAL}" to your next 1:1 with`)) {
        throw new Error(
          `"Add to Next Agenda" on "${GOAL}" should only ask for the person (did it run without its row?).\nQuick input:\n${await quickInputState(page)}`,
        );
      }
      const people = await pickLabels(widget);
      if (people[0] !== 'Alex Kim')
        throw new Error(
          `the person pick should offer Alex Kim (the manager) first.\nQuick input:\n${await quickInputState(page)}`,
        );
      await chooseInQuickInput(page, 'Alex Kim', /^Alex Kim$/, 'person pick');
      asked = true;
    }
    await page.waitForTimeout(200);
  }
  // The next 1:1 is the first one from today on; without one, a new one on the cadence.
  const next = fs
    .readdirSync(meetings)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f) && f.slice(0, 10) >= today)
    .sort()[0];
  if (holding.length !== 1 || holding[0] !== next) {
    const texts = fs
      .readdirSync(meetings)
      .map((f) => `--- ${f}\n${fs.readFileSync(path.join(meetings, f), 'utf8')}`)
      .join('\n');
    throw new Error(
      `exactly the next 1:1 with Alex Kim (${next}) should have gained a line matching ${point}, but ${JSON.stringify(holding)} did.\n${texts}`,
    );
  }
  const agenda = fs.readFileSync(path.join(meetings, next), 'utf8');
  const agendaLines = agenda.split('\n');
  const pointAt = agendaLines.findIndex((l) => point.test(l));
  if (!(agendaLines.indexOf('## Agenda') < pointAt && pointAt < agendaLines.indexOf('## Wins'))) {
    throw new Error(`the goal's talking point is not under "## Agenda" of ${next}:\n${agenda}`);
  }

  // The Meetings tree shows the point under that 1:1 by the goal's title, not as markdown.
  const shown = new RegExp(`^Goal: ${escapeRegExp(GOAL)} — `);
  await treeItem(
    page,
    meetingsTree,
    shown,
    `"Goal: ${GOAL} — …" under ${next.slice(0, 10)} (the point's label should not show its link's markdown)`,
    10000,
  );

  // 3. The goal → achieved, from its context menu.
  await contextMenu(page, goal, 'Set Goal Status…', `"${GOAL}"`);
  await waitForQuickInput(page, 'Move the goal to…', 'the goal status pick');
  await chooseInQuickInput(page, 'Achieved', /^Achieved$/, 'goal status pick');
  await waitForQuickInput(page, `${GOAL}: Achieved`, 'the note box');
  await page.locator('.quick-input-widget .quick-input-box input').first().fill(NOTE);
  await page.keyboard.press('Enter');
  const goalText = await fileWhere(
    page,
    path.join(journal, GOAL_FILE),
    (t) => t.includes(NOTE),
    `${GOAL_FILE} got no note`,
  );
  if (!/^status: achieved$/m.test(goalText) || !goalText.includes(`- ${today}: Achieved — ${NOTE}`)) {
    throw new Error(
      `${GOAL_FILE} should have "status: achieved" and "- ${today}: Achieved — ${NOTE}" under Progress, but reads:\n${goalText}`,
    );
  }
  await waitUnderGroup(page, goals, 'Goals', goalName, 'Achieved', `"${GOAL}" after "Achieved"`);

  // 4. Both trees after the moves, with nothing hovered.
  await page.mouse.move(900, 600);
  await shot('e2e-threads');
}

export const checks = [
  {
    name: 'a due feedback thread is circled back, a quiet goal goes on the next agenda and is achieved, from the trees',
    run: threadsMoveThroughTheirLifecycles,
  },
];
