import { expect, test } from './fixtures';
import { CalendarPage } from './pages/calendar';
import type { Workspace } from './pages/workspace';

// A busy day: six deliverables and a milestone on the same day. The month
// lists three and says how many more; the week lists all of them; the list
// names each deliverable's campaign, also one whose campaign ended last
// month; opening a chip shows everything the form edits.
test.describe.configure({ mode: 'serial' });

let ws: Workspace;
let today = '';

/** monthBefore is an ISO day about a month before day. */
const monthBefore = (day: string) => new Date(Date.parse(day) - 40 * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async ({ playwright, workspaces }, info) => {
  ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  today = await ws.call<string>(request, 'Workspace.Today');
  const campaign = async (name: string, startDate: string, endDate: string) =>
    (await ws.call<{ id: number }>(request, 'Campaigns.Create', { name, status: 'planned', startDate, endDate, budget: { amount: 0, currency: 'USD' } })).id;
  const busy = await campaign('Busy week', today, today);
  const ended = await campaign('Ended last month', monthBefore(today), monthBefore(today));
  for (let i = 1; i <= 5; i++) {
    await ws.call(request, 'Deliverables.Create', { campaignId: busy, title: `Post ${i}`, type: 'email', status: 'draft', publishDate: today, owner: 'Arif', channelId: 0 });
  }
  await ws.call(request, 'Deliverables.Create', {
    campaignId: ended, title: 'Late recap', type: 'custom', customType: 'Podcast', status: 'review', publishDate: today, owner: 'Mina', notes: 'Cut to 20 minutes', channelId: 0,
  });
  await ws.call(request, 'Milestones.Create', { campaignId: busy, title: 'Sign-off', owner: 'Lea', dueDate: today });
  await request.dispose();
});

test('a busy day lists three items in the month, says how many more, and lists them all in the week', async ({ page }) => {
  await page.goto('/#/calendar');
  const cal = new CalendarPage(page);
  await expect(cal.bars('Busy week')).toHaveCount(1);
  await expect(page.locator('.grid button.chip')).toHaveCount(3);
  await expect(cal.moreItems).toHaveText(['+4 more']);

  await cal.view('Week');
  for (const t of ['Post 1', 'Post 2', 'Post 3', 'Post 4', 'Post 5', 'Late recap', 'Sign-off']) await expect(cal.chip(t)).toHaveCount(1);
  await expect(cal.moreItems).toHaveCount(0);
});

test('the list names each deliverable’s campaign, and a chip opens with everything its form edits', async ({ page }) => {
  await page.goto('/#/calendar');
  const cal = new CalendarPage(page);
  await cal.view('List');
  await expect(cal.agendaEntry('Post 1')).toContainText('Busy week');
  await expect(cal.agendaEntry('Late recap')).toContainText('Ended last month');
  await expect(cal.agendaEntry('Sign-off')).toContainText('Lea');

  await cal.view('Week');
  await cal.chip('Late recap').click();
  const dlg = page.getByRole('dialog', { name: 'Edit deliverable' });
  await expect(dlg.getByLabel('Title')).toHaveValue('Late recap');
  await expect(dlg.getByLabel('Owner')).toHaveValue('Mina');
  await expect(dlg.getByLabel('Notes')).toHaveValue('Cut to 20 minutes');
  await expect(dlg.getByLabel('Type', { exact: true })).toHaveValue('custom');
  await expect(dlg.getByLabel('Type name')).toHaveValue('Podcast');
  await expect(dlg.getByLabel('Status')).toHaveValue('review');
  await expect(dlg.getByLabel('Publish date')).toHaveValue(today);
});
