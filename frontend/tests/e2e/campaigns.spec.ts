import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';
import { CampaignsPage } from './pages/campaigns';
import { SettingsPage } from './pages/settings';

// One server and one workspace for the file, used in order like a person
// would: first visit, set-up, first campaign, mistakes, export, clean-up.
test.describe.configure({ mode: 'serial' });

test('an empty workspace explains what to do first', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await expect(page.getByRole('heading', { name: 'Plan your first campaign' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Set up teams and channels' })).toBeVisible();
  // Only the areas that exist are offered.
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText(['◔Dashboard', '▤Campaigns', '▦Calendar', '¤Budget', '↗Results', '▣Contracts', '▧Assets', '⇪Import', '↺Activity', '⚙Settings']);
});

test('set up a team and a channel', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await page.getByRole('link', { name: 'Set up teams and channels' }).click();
  const settings = new SettingsPage(page);
  await settings.addEntry('Teams', 'Demand gen');
  await settings.addEntry('Channels', 'Email');
  // The same name twice is refused with a message, not stored twice.
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByPlaceholder('New entry').fill('demand GEN');
  await teams.getByRole('button', { name: 'Add' }).click();
  await expect(teams.getByRole('alert')).toHaveText('“demand GEN” is already in the list.');
  await expect(teams.getByRole('listitem').filter({ hasText: /demand gen/i })).toHaveCount(1);
});

test('create a campaign and see it on the calendar', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  await app.open();
  await list.create({
    name: 'Spring launch',
    team: 'Demand gen',
    channel: 'Email',
    owner: 'Dana Kowalski',
    tags: 'Q1, launch',
    status: 'Planned',
    start: '2027-03-01',
    end: '2027-03-31',
    budget: '12,500.50',
    currency: 'EUR',
  });
  const row = list.row('Spring launch');
  await expect(row).toContainText('Demand gen');
  await expect(row).toContainText('Mar 1, 2027');
  await expect(row).toContainText('Mar 31, 2027');
  await expect(row).toContainText('€12,500.50');

  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-03-01');
  // 1 to 31 March: the first bar starts at the 1st, the last ends at the 31st.
  const bars = cal.bars('Spring launch');
  await expect(bars.first()).toBeVisible();
  const first = (await bars.first().boundingBox())!;
  const last = (await bars.last().boundingBox())!;
  const day1 = (await cal.day('2027-03-01').boundingBox())!;
  const day31 = (await cal.day('2027-03-31').boundingBox())!;
  expect(Math.abs(first.x - day1.x)).toBeLessThan(6);
  expect(Math.abs(last.x + last.width - (day31.x + day31.width))).toBeLessThan(6);
  // April's grid shows the end of March greyed out: the bar stops at the
  // 31st and no day of April carries it.
  await cal.showMonth('2027-04-01');
  const tail = (await cal.bars('Spring launch').last().boundingBox())!;
  const mar31 = (await cal.day('2027-03-31').boundingBox())!;
  const apr1 = (await cal.day('2027-04-01').boundingBox())!;
  expect(Math.abs(tail.x + tail.width - (mar31.x + mar31.width))).toBeLessThan(6);
  expect(tail.x + tail.width).toBeLessThanOrEqual(apr1.x + 1);
});

test('an end date before the start date shows the error next to the field', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  await app.open();
  await list.startNew();
  await list.fill({ name: 'Backwards webinar', start: '2027-05-10', end: '2027-05-01' });
  await list.save();
  await expect(list.fieldError('endDate')).toHaveText('The end date is before the start date.');
  await expect(list.form.getByLabel('End date')).toHaveAttribute('aria-invalid', 'true');
  await expect(list.fieldError('startDate')).toHaveCount(0);
  await list.form.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.row('Backwards webinar')).toHaveCount(0);
});

test('a budget with too many decimals is refused before saving', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  await app.open();
  await list.startNew();
  await list.fill({ name: 'Tokyo fair', start: '2027-06-01', end: '2027-06-03', budget: '1500.5', currency: 'JPY' });
  await list.save();
  await expect(list.fieldError('budget')).toHaveText('JPY has 0 decimal places at most.');
  await list.form.getByLabel('Planned budget').fill('1,500');
  await list.save();
  await expect(list.form).toHaveCount(0);
  await expect(list.row('Tokyo fair')).toContainText('¥1,500');
});

test('export the list and read the workbook back', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  await app.open();
  await list.create({ name: '=HYPERLINK("http://x","y")', start: '2027-07-01', end: '2027-07-02' });
  const download = await list.export();
  expect(download.suggestedFilename()).toMatch(/^campaigns-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('Campaigns')!;
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    'Campaign',
    'Team',
    'Owner',
    'Channels',
    'Tags',
    'Status',
    'Start date',
    'End date',
    'Planned budget',
    'Currency',
    'Notes',
  ]);
  expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, n) => n > 1 && rows.set(String(row.getCell(1).value), row));
  expect([...rows.keys()].sort()).toEqual(['=HYPERLINK("http://x","y")', 'Spring launch', 'Tokyo fair']);

  const spring = rows.get('Spring launch')!;
  expect(spring.getCell(2).value).toBe('Demand gen');
  expect(spring.getCell(4).value).toBe('Email');
  expect(spring.getCell(5).value).toBe('Q1, launch');
  expect(spring.getCell(6).value).toBe('Planned');
  expect(spring.getCell(7).value).toEqual(new Date(Date.UTC(2027, 2, 1)));
  expect(spring.getCell(8).value).toEqual(new Date(Date.UTC(2027, 2, 31)));
  expect(spring.getCell(9).value).toBe(12500.5);
  expect(spring.getCell(9).numFmt).toBe('#,##0.00 "EUR"');
  expect(rows.get('Tokyo fair')!.getCell(9).numFmt).toBe('#,##0 "JPY"');
  // Text that looks like a formula stays text.
  const risky = rows.get('=HYPERLINK("http://x","y")')!.getCell(1);
  expect(risky.type).toBe(ExcelJS.ValueType.String);
  expect(risky.formula).toBeUndefined();

  // The export follows the list's filter.
  await list.search('tokyo');
  await expect(list.row('Spring launch')).toHaveCount(0);
  const filtered = await list.export();
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(await filtered.path());
  expect(wb2.getWorksheet('Campaigns')!.rowCount).toBe(2);
});

test('edit a campaign and sort the list', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  await app.open();
  await list.row('Spring launch').getByRole('button', { name: 'Edit' }).click();
  await expect(list.form.getByLabel('Planned budget')).toHaveValue('12500.50');
  await list.form.getByLabel('Status').selectOption({ label: 'Live' });
  await list.form.getByLabel('End date').fill('2027-04-15');
  await list.save();
  await expect(list.form).toHaveCount(0);
  await expect(list.row('Spring launch')).toContainText('Live');
  await expect(list.row('Spring launch')).toContainText('Apr 15, 2027');

  const names = list.names;
  await list.sortBy('Campaign');
  await expect(names).toHaveText(['=HYPERLINK("http://x","y")', 'Spring launch', 'Tokyo fair']);
  await list.sortBy('Campaign');
  await expect(names).toHaveText(['Tokyo fair', 'Spring launch', '=HYPERLINK("http://x","y")']);
});

test('delete a campaign after confirming', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  await app.open();
  await list.row('Tokyo fair').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this campaign?' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(list.row('Tokyo fair')).toHaveCount(1);
  await list.delete('Tokyo fair');
  await expect(list.row('Tokyo fair')).toHaveCount(0);
  await expect(app.notice('Deleted “Tokyo fair”.')).toBeVisible();
  await page.reload();
  await expect(list.row('Spring launch')).toHaveCount(1);
  await expect(list.row('Tokyo fair')).toHaveCount(0);
});
