import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { AssetsPage } from './pages/assets';
import { BudgetPage } from './pages/budget';
import { CalendarPage } from './pages/calendar';
import { CampaignsPage } from './pages/campaigns';
import { ConflictDialog } from './pages/conflict';
import type { Workspace } from './pages/workspace';

// Two people in one workspace, each in a browser of their own: Dana and Sam
// open the same campaign; Dana saves first. Sam's save does not overwrite
// Dana's change: Sam sees it, field by field, and chooses.
test.describe.configure({ mode: 'serial' });

interface Stored {
  id: number;
  version: number;
  name: string;
  owner: string;
  notes: string;
  startDate: string;
  endDate: string;
}

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  const usd = { amount: 0, currency: 'USD' };
  await ws.call(request, 'Campaigns.Create', { name: 'Spring launch', owner: 'Arif', status: 'planned', startDate: '2027-03-01', endDate: '2027-03-31', budget: usd });
  await ws.item(request, 'teams', 'Brand');
  await ws.item(request, 'categories', 'Events');
  await ws.call(request, 'Budget.CreateFiscalYear', 2031, 'month');
  await ws.call(request, 'Campaigns.Create', { name: 'Autumn webinar', owner: 'Arif', status: 'planned', startDate: '2027-09-06', endDate: '2027-09-10', budget: usd });
  await request.dispose();
});

/** second opens the workspace in a browser context of its own: another person at another computer. */
async function second(browser: Browser, ws: Workspace): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: ws.url });
  return ctx.newPage();
}

async function stored(page: Page, ws: Workspace, name: string): Promise<Stored> {
  const res = await ws.call<{ campaigns: Stored[] }>(page.request, 'Campaigns.Find', { search: name });
  return res.campaigns.find((c) => c.name === name)!;
}

test('two people edit one campaign: the second sees the first’s change and keeps both', async ({ page, browser, workspace }) => {
  const sam = await second(browser, workspace);
  const dana = new CampaignsPage(page);
  const sams = new CampaignsPage(sam);
  await new AppShell(page).open();
  await new AppShell(sam).open();

  // Both open the same campaign.
  await dana.row('Spring launch').getByRole('button', { name: 'Edit' }).click();
  await sams.row('Spring launch').getByRole('button', { name: 'Edit' }).click();

  // Dana saves a new owner first.
  await dana.form.getByLabel('Owner').fill('Dana');
  await dana.save();
  await expect(dana.form).toHaveCount(0);

  // Sam, still on the copy he opened, writes notes and saves: refused, and shown what Dana changed.
  await sams.form.getByLabel('Notes').fill('Booth booked');
  await sams.save();
  const conflict = new ConflictDialog(sam);
  await expect(conflict.about('Spring launch')).toBeVisible();
  await expect(conflict.row('Spring launch', 'Owner')).toContainText('changed by someone else');
  await expect(conflict.storedNow('Spring launch', 'Owner')).toHaveText('Dana');
  await expect(conflict.yours('Spring launch', 'Owner')).toContainText('Arif');
  await expect(conflict.yours('Spring launch', 'Owner')).toContainText('saving yours keeps theirs');
  await expect(conflict.row('Spring launch', 'Notes')).toContainText('changed by you');
  await expect(conflict.yours('Spring launch', 'Notes')).toHaveText('Booth booked');
  expect((await stored(page, workspace, 'Spring launch')).notes).toBe('');

  // Keeping his saves his notes over the new version and keeps Dana's owner.
  await conflict.choose('Spring launch', 'Save mine');
  await expect(sams.form).toHaveCount(0);
  const now = await stored(page, workspace, 'Spring launch');
  expect(now.owner).toBe('Dana');
  expect(now.notes).toBe('Booth booked');
  await sam.context().close();
});

test('the second can take the first’s version instead, and nothing of theirs is saved', async ({ page, browser, workspace }) => {
  const sam = await second(browser, workspace);
  const dana = new CampaignsPage(page);
  const sams = new CampaignsPage(sam);
  await new AppShell(page).open();
  await new AppShell(sam).open();
  await dana.row('Spring launch').getByRole('button', { name: 'Edit' }).click();
  await sams.row('Spring launch').getByRole('button', { name: 'Edit' }).click();
  await dana.form.getByLabel('End date').fill('2027-04-15');
  await dana.save();
  await expect(dana.form).toHaveCount(0);

  await sams.form.getByLabel('End date').fill('2027-04-30');
  await sams.save();
  const conflict = new ConflictDialog(sam);
  await expect(conflict.row('Spring launch', 'End date')).toContainText('changed by both of you');
  await expect(conflict.storedNow('Spring launch', 'End date')).toContainText('Apr 15, 2027');
  await expect(conflict.yours('Spring launch', 'End date')).toContainText('Apr 30, 2027');
  await conflict.choose('Spring launch', 'Take theirs');
  await expect(sams.form).toHaveCount(0);
  await expect(sams.row('Spring launch')).toContainText('Apr 15, 2027');
  expect((await stored(page, workspace, 'Spring launch')).endDate).toBe('2027-04-15');
  await sam.context().close();
});

test('a calendar drag over someone else’s move asks before moving', async ({ page, browser, workspace }) => {
  const sam = await second(browser, workspace);
  // Sam's calendar must stay as loaded (it would follow Dana's move live
  // within a second): no change notices reach it.
  await sam.route('**/api/events', (r) => r.abort());
  for (const p of [page, sam]) {
    await new AppShell(p).open();
    await new AppShell(p).goTo('Calendar');
    await new CalendarPage(p).showMonth('2027-09-01');
  }
  const danas = new CalendarPage(page);
  const sams = new CalendarPage(sam);
  expect(await sams.startsOn('Autumn webinar', '2027-09-06')).toBe(true);

  // Dana drags it a week on; Sam's calendar still shows it on the 6th, and Sam drags it two weeks on.
  await danas.dragBar('Autumn webinar', '2027-09-06', '2027-09-13');
  await expect.poll(() => danas.startsOn('Autumn webinar', '2027-09-13')).toBe(true);
  await sams.dragBar('Autumn webinar', '2027-09-06', '2027-09-20');

  const conflict = new ConflictDialog(sam);
  await expect(conflict.storedNow('Autumn webinar', 'Start date')).toContainText('Sep 13, 2027');
  await expect(conflict.yours('Autumn webinar', 'Start date')).toContainText('Sep 20, 2027');
  expect((await stored(page, workspace, 'Autumn webinar')).startDate).toBe('2027-09-13');

  // Moving it anyway moves it over Dana's version; the calendar shows where it is now.
  await conflict.choose('Autumn webinar', 'Move it anyway');
  await expect.poll(() => sams.startsOn('Autumn webinar', '2027-09-20')).toBe(true);
  expect((await stored(page, workspace, 'Autumn webinar')).startDate).toBe('2027-09-20');
  await sam.context().close();
});

test('a budget cell someone else changed is marked with their amount; the rest of the paste is stored', async ({ page, browser, workspace }) => {
  const sam = await second(browser, workspace);
  const grids: BudgetPage[] = [];
  for (const p of [page, sam]) {
    await new AppShell(p).open();
    await new AppShell(p).goTo('Budget');
    const b = new BudgetPage(p);
    await b.openFiscalYear(2031);
    grids.push(b);
  }
  const [danas, sams] = grids;

  // Dana plans the first month; Sam's grid still shows it empty.
  await danas.rowCells('Brand', 'Events').first().click();
  await page.keyboard.type('500');
  await page.keyboard.press('ArrowRight');
  await expect(danas.saving).toHaveCount(0);
  await expect(sams.rowCells('Brand', 'Events').first()).toHaveValue('');

  // Sam pastes the first two months.
  await sams.paste(sams.rowCells('Brand', 'Events').first(), '700\t800');
  const clash = sam.locator('[data-conflict]');
  await expect(clash).toContainText('Someone else changed this to 500.00 while you typed 700.00.');
  await expect(sams.rowCells('Brand', 'Events').first()).toHaveValue('500.00');
  await expect(sams.rowCells('Brand', 'Events').first().locator('xpath=..')).toHaveAttribute('data-state', 'conflict');
  await expect(sams.rowCells('Brand', 'Events').nth(1)).toHaveValue('800.00');
  const amounts = async () => {
    const plan = await workspace.call<{ lines: { period: number; amount: number }[] }>(page.request, 'Budget.Plan', 2031);
    return plan.lines.map((l) => [l.period, l.amount]);
  };
  expect(await amounts()).toEqual([
    [1, 500_00],
    [2, 800_00],
  ]);

  // Sam keeps his: stored over Dana's amount, and the mark goes.
  await clash.getByRole('button', { name: 'Save mine' }).click();
  await expect(clash).toHaveCount(0);
  await expect(sams.rowCells('Brand', 'Events').first()).toHaveValue('700.00');
  await expect.poll(amounts).toEqual([
    [1, 700_00],
    [2, 800_00],
  ]);
  await sam.context().close();
});

test('a bulk edit leaves the asset someone else changed alone and names it; applied to it too on request', async ({ page, browser, workspace }) => {
  const danas = new AssetsPage(page);
  await new AppShell(page).open();
  await new AppShell(page).goTo('Assets');
  await danas.drop([
    { name: 'brand-guide.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 brand guide') },
    { name: 'hero-banner.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 hero banner') },
  ]);
  await expect(danas.assets).toHaveCount(2);

  // Sam's library shows both; then Dana retitles the banner.
  const sam = await second(browser, workspace);
  const sams = new AssetsPage(sam);
  await new AppShell(sam).open();
  await new AppShell(sam).goTo('Assets');
  await expect(sams.assets).toHaveCount(2);
  interface A { id: number; version: number; title: string; tags: string[] }
  const all = async () => (await workspace.call<{ assets: A[] }>(page.request, 'Assets.Find', {})).assets;
  const banner = (await all()).find((a) => a.title === 'hero banner')!;
  await workspace.call(page.request, 'Assets.Update', banner.id, { ...banner, title: 'Hero banner (final)' });

  // Sam tags both: the guide gets the tag, the banner is named with what it is now.
  await sams.select('brand guide');
  await sams.select('hero banner');
  await sam.getByRole('button', { name: 'Edit 2 assets' }).click();
  const dlg = sam.getByRole('dialog', { name: 'Edit 2 assets' });
  await dlg.getByLabel('Add tags').fill('spring');
  await dlg.getByRole('button', { name: 'Save' }).click();
  const conflict = new ConflictDialog(sam);
  await expect(conflict.row('Assets', 'Hero banner \\(final\\)')).toBeVisible();
  await expect(conflict.yours('Assets', 'Hero banner \\(final\\)')).toHaveText('spring');
  const tags = async () => Object.fromEntries((await all()).map((a) => [a.title, a.tags]));
  expect(await tags()).toEqual({ 'brand guide': ['spring'], 'Hero banner (final)': [] });

  await conflict.choose('Assets', 'Apply to these too');
  await expect.poll(tags).toEqual({ 'brand guide': ['spring'], 'Hero banner (final)': ['spring'] });
  await sam.context().close();
});
