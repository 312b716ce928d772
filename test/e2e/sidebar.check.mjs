// The journal's sidebar as a user meets it: the "1:1 Journal" activity-bar
// tab, the Meetings tree with people, and a person's meetings by date.

/** What the side bar shows, for failure messages. */
async function sideBar(page) {
  return page
    .locator('.part.sidebar')
    .ariaSnapshot({ timeout: 3000 })
    .catch(() => '(unavailable)');
}

/** @param {{ page: import('playwright-core').Page, shot: (name: string) => Promise<string> }} t */
export async function meetingsTreeShowsPeopleAndMeetings({ page, shot }) {
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
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();

  const meetings = page.getByRole('tree', { name: 'Meetings' });
  const person = meetings.getByRole('treeitem', { name: /^Alex Kim\b/ }).first();
  await person.waitFor({ state: 'visible', timeout: 20000 }).catch(async () => {
    throw new Error(
      'the Meetings view shows no treeitem "Alex Kim" (samples/journal/one-on-ones/people/alex-kim.md).\n' +
        `Side bar:\n${await sideBar(page)}`,
    );
  });
  if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();

  const meeting = meetings.getByRole('treeitem', { name: /2026-11-24/ }).first();
  await meeting.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
    throw new Error(
      'expanding "Alex Kim" shows no meeting treeitem containing "2026-11-24".\n' + `Side bar:\n${await sideBar(page)}`,
    );
  });
  await shot('e2e-sidebar');
}

export const checks = [
  { name: 'meetings tree shows people and their meetings', run: meetingsTreeShowsPeopleAndMeetings },
];
