// Shared steps of the end-to-end checks: the journal's side bar and VS Code's
// quick input (command palette, quick picks, input boxes), with failure
// messages that say what the user would see instead. Not a check itself
// (the runner loads only *.check.mjs).

/** What the side bar shows, for failure messages. */
export async function sideBar(page) {
  return page
    .locator('.part.sidebar')
    .ariaSnapshot({ timeout: 3000 })
    .catch(() => '(unavailable)');
}

/** What the quick input shows (title, placeholder, value, first rows), for failure messages. */
export async function quickInputState(page) {
  const widget = page.locator('.quick-input-widget');
  if (!(await widget.isVisible().catch(() => false))) return '(no quick input is open)';
  const title = await widget
    .locator('.quick-input-title')
    .innerText({ timeout: 1000 })
    .catch(() => '');
  const input = widget.locator('.quick-input-box input').first();
  const placeholder = await input.getAttribute('placeholder', { timeout: 1000 }).catch(() => '');
  const value = await input.inputValue({ timeout: 1000 }).catch(() => '');
  const rows = await widget
    .locator('.monaco-list-row')
    .allInnerTexts()
    .catch(() => []);
  return [
    `title: ${JSON.stringify(title)}`,
    `placeholder: ${JSON.stringify(placeholder)}`,
    `value: ${JSON.stringify(value)}`,
    `rows: ${
      rows
        .slice(0, 10)
        .map((r) => JSON.stringify(r.replace(/\s+/g, ' ').trim()))
        .join(', ') || '(none)'
    }`,
  ].join('\n');
}

/** Clicks the "1:1 Journal" activity-bar tab (unless already open) and returns the Meetings tree. */
export async function showJournal(page) {
  const tab = page.getByRole('tab', { name: '1:1 Journal' });
  await tab.waitFor({ state: 'visible', timeout: 30000 }).catch(async () => {
    const seen = await page
      .locator('.part.activitybar')
      .ariaSnapshot({ timeout: 3000 })
      .catch(() => '(unavailable)');
    throw new Error(
      'no activity-bar tab named "1:1 Journal" (is the views container contributed, and did the extension load?).\n' +
        `Activity bar:\n${seen}`,
    );
  });
  // a second click on the active container would close the side bar
  if ((await tab.getAttribute('aria-selected')) !== 'true') {
    await tab.click();
    await page.mouse.move(700, 600); // off the tab, or its tooltip covers the tree in screenshots
  }
  return page.getByRole('tree', { name: 'Meetings' });
}

/** Waits for the row of `name` (a RegExp on its accessible name) in `tree` (the view called `view`) and returns it. */
export async function treeItem(page, tree, name, what, timeout = 20000, view = 'Meetings') {
  const item = tree.getByRole('treeitem', { name }).first();
  await item.waitFor({ state: 'visible', timeout }).catch(async () => {
    throw new Error(`the ${view} view shows no treeitem ${what}.\nSide bar:\n${await sideBar(page)}`);
  });
  return item;
}

/**
 * Opens the command palette (`F1`) or quick open (`Control+P`) and waits for
 * its input box; `what` starts the failure message.
 */
export async function openQuickInput(page, key, what = '') {
  const box = page.locator('.quick-input-widget .quick-input-box input').first();
  await page.keyboard.press(key);
  await box.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {
    const opened = key === 'F1' ? 'F1 opened no command palette' : 'Ctrl+P opened no quick open box';
    throw new Error(what ? `${what}: ${opened}` : opened);
  });
  return box;
}

/** Whether a quick input is open whose title or placeholder contains `text`. */
export async function quickInputSays(page, text) {
  const widget = page.locator('.quick-input-widget');
  if (!(await widget.isVisible().catch(() => false))) return false;
  const title = await widget
    .locator('.quick-input-title')
    .innerText({ timeout: 500 })
    .catch(() => '');
  const placeholder = await widget
    .locator('.quick-input-box input')
    .first()
    .getAttribute('placeholder', { timeout: 500 })
    .catch(() => '');
  return title.includes(text) || (placeholder ?? '').includes(text);
}

/** Waits for a quick input whose title or placeholder contains `text`. */
export async function waitForQuickInput(page, text, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await quickInputSays(page, text)) return page.locator('.quick-input-widget');
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: no quick input "${text}" within ${timeout} ms.\nQuick input:\n${await quickInputState(page)}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Types `value` into the open quick input, waits until the focused row's
 * label matches `row` (a RegExp) and presses Enter.
 */
export async function chooseInQuickInput(page, value, row, what, timeout = 10000) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').first().fill(value);
  const focused = widget.locator('.monaco-list-row.focused');
  const deadline = Date.now() + timeout;
  for (;;) {
    // the row's label alone (its description and detail are separate elements)
    const text = await focused
      .first()
      .locator('.label-name')
      .first()
      .innerText({ timeout: 500 })
      .catch(() => '');
    if (row.test(text.replace(/\s+/g, ' ').trim())) break;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: after typing ${JSON.stringify(value)} the focused row is not ${row}.\nQuick input:\n${await quickInputState(page)}`,
      );
    }
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Enter');
}

/**
 * Drags the side bar's edge `by` pixels to the right, so tree rows show their
 * descriptions in screenshots. Cosmetic: returns the new width, never throws.
 */
export async function widenSideBar(page, by = 250) {
  try {
    const box = await page.locator('.part.sidebar').boundingBox();
    if (!box) return undefined;
    const x = box.x + box.width;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + by / 2, y, { steps: 4 });
    await page.mouse.move(x + by, y, { steps: 4 });
    await page.mouse.up();
    await page.mouse.move(x + by + 300, y + 200); // off the sash, which stays highlighted while hovered
    return (await page.locator('.part.sidebar').boundingBox())?.width;
  } catch {
    return undefined;
  }
}
