import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { CampaignsPage } from './pages/campaigns';
import { ActivityPage, HistoryPanel } from './pages/history';
import { SettingsPage } from './pages/settings';

// One workspace for the file: a campaign changed twice shows both changes
// in its History, and the workspace's activity log exports them.
test.describe.configure({ mode: 'serial' });

test('a campaign changed twice shows both changes, before and after, in its History', async ({ page }) => {
  const app = new AppShell(page);
  const list = new CampaignsPage(page);
  const history = new HistoryPanel(page);
  await app.open();
  await list.create({ name: 'Harbour launch', start: '2027-04-01', end: '2027-04-30', budget: '1000' });
  await list.row('Harbour launch').getByRole('link', { name: 'Harbour launch' }).click();
  await expect(page.getByRole('heading', { name: 'Harbour launch', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await list.form.getByLabel('Planned budget').fill('2500');
  await list.save();
  await expect(list.form).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await list.form.getByLabel('Campaign', { exact: true }).fill('Harbour launch EU');
  await list.save();
  await expect(list.form).toHaveCount(0);

  await history.open();
  // Newest first: the rename, the budget, the creation; made here, so by "You".
  await expect(history.changes).toHaveCount(3);
  await expect(history.changes.nth(0)).toContainText('You');
  await expect(history.changes.nth(0)).toContainText('changed');
  await expect(history.field(0, 'Name').locator('td.before')).toHaveText('Harbour launch');
  await expect(history.field(0, 'Name').locator('td.after')).toHaveText('Harbour launch EU');
  await expect(history.field(1, 'Budget').locator('td.before')).toHaveText('$1,000.00');
  await expect(history.field(1, 'Budget').locator('td.after')).toHaveText('$2,500.00');
  await expect(history.changes.nth(2)).toContainText('created');
  await expect(history.field(2, 'Start date').locator('td.after')).toHaveText('Apr 1, 2027');
  await page.screenshot({ path: '/tmp/audit-history.png', fullPage: true });
});

test('the activity log filters the changes and exports them as a workbook', async ({ page }) => {
  const app = new AppShell(page);
  const log = new ActivityPage(page);
  await app.open();
  await app.goTo('Activity');
  await log.filterKind('Campaign');
  await log.search('Harbour');
  await expect(log.rows).toHaveCount(3);
  await expect(log.rows.first()).toContainText('Harbour launch EU');
  await expect(log.rows.first()).toContainText('Harbour launch → Harbour launch EU');
  await page.screenshot({ path: '/tmp/audit-activity.png', fullPage: true });

  const download = await log.export();
  expect(download.suggestedFilename()).toMatch(/^activity-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('Activity')!;
  expect(sheet.getRow(1).values).toEqual([undefined, 'When', 'Who', 'Kind', 'Record', 'Action', 'Field', 'Before', 'After']);
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  const budget = rows.find((r) => r[6] === 'Budget' && r[5] === 'changed');
  expect(budget?.slice(2, 9)).toEqual(['You', 'Campaign', 'Harbour launch', 'changed', 'Budget', 1000, 2500]);
  const name = rows.find((r) => r[6] === 'Name' && r[5] === 'changed');
  expect(name?.slice(7, 9)).toEqual(['Harbour launch', 'Harbour launch EU']);
  // Choices are written as the app names them, dates as dates.
  expect(rows.find((r) => r[6] === 'Status')?.[8]).toBe('Planned');
  expect(rows.find((r) => r[6] === 'Start date')?.[8]).toEqual(new Date(Date.UTC(2027, 3, 1)));
});

test('a budget line shows who changed which month, and reads again as a cell is saved', async ({ page }) => {
  const app = new AppShell(page);
  const history = new HistoryPanel(page);
  await app.open();
  await app.goTo('Settings');
  const settings = new SettingsPage(page);
  await settings.addEntry('Teams', 'Brand');
  await settings.addEntry('Spend categories', 'Events');
  await app.goTo('Budget');
  const budget = new BudgetPage(page);
  await budget.openFiscalYear(2027);
  const jan = budget.cell('Brand', 'Events', 'Jan');
  await jan.click();
  await jan.fill('1,200');
  await page.keyboard.press('Enter');
  await expect(budget.grandTotal()).toHaveText('1,200.00');
  await history.open();
  await expect(history.changes).toHaveCount(1);
  await expect(history.field(0, 'Jan').locator('td.after')).toHaveText('$1,200.00');

  await jan.click();
  await jan.fill('900');
  await page.keyboard.press('Enter');
  await expect(history.changes).toHaveCount(2);
  await expect(history.field(0, 'Jan').locator('td.before')).toHaveText('$1,200.00');
  await expect(history.field(0, 'Jan').locator('td.after')).toHaveText('$900.00');
});
