import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';
import { ImportPage } from './pages/import';

// Imports into a workspace with the teams Brand and Field marketing and
// the categories Events and Paid media, and undoes them all at the end.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  for (const team of ['Brand', 'Field marketing']) await ws.item(request, 'teams', team);
  for (const category of ['Events', 'Paid media']) await ws.item(request, 'categories', category);
  await request.dispose();
});

/** The real spreadsheets from ../shared/samples, kept as Go test data. */
const sample = (name: string) => path.join(process.cwd(), '..', 'backend', 'sheet', 'testdata', name);


test('content calendar: preview, import, see it in the calendar, undo', async ({ page }) => {
  const imp = new ImportPage(page);
  await imp.choose(sample('content-calendar-internee.xlsx'));
  await expect(imp.kind).toHaveValue('deliverables');
  await expect(page.getByLabel('Column names on row')).toHaveValue('2');
  await expect(imp.column('A')).toHaveValue('publishDate');
  await expect(imp.column('D')).toHaveValue('title');
  await expect(imp.counts).toHaveText('22 to create · 0 to update · 0 skipped');
  // The preview's rows scroll in a box the keyboard can reach.
  await expect(page.getByRole('region', { name: 'Rows in the preview' })).toHaveAttribute('tabindex', '0');
  // Nothing is written by the preview.
  await page.getByRole('button', { name: 'Import 22 rows' }).click();
  const app = new AppShell(page);
  await expect(app.notice('Imported: 22 created, 0 updated, 0 skipped.')).toBeVisible();

  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2026-05-11');
  await expect(cal.chip('5 Reasons Why Pakistani Students Should Start Internships Early')).toBeVisible();

  await app.goTo('Import');
  const run = imp.runs.first();
  await expect(run).toContainText('content-calendar-internee.xlsx');
  await run.getByRole('button', { name: 'Undo import' }).click();
  await expect(app.notice('Undid the import of content-calendar-internee.xlsx.')).toBeVisible();
  await expect(run).toContainText('Undone');
  await app.goTo('Calendar');
  await cal.showMonth('2026-05-11');
  await expect(cal.chip('5 Reasons Why Pakistani Students Should Start Internships Early')).toHaveCount(0);
});

test('subscription list: set the team and category for every row, import the contracts', async ({ page }) => {
  const imp = new ImportPage(page);
  await imp.choose(sample('subscriptions-minimal.xlsx'));
  await expect(imp.kind).toHaveValue('contracts');
  await expect(page.getByText('No column holds team: choose its column, or set one value for every row.')).toBeVisible();
  await expect(imp.commit).toBeDisabled();
  await imp.setForEveryRow('team', 'Brand');
  await imp.setForEveryRow('category', 'Software');
  await expect(imp.counts).toHaveText('5 to create · 0 to update · 0 skipped');
  await expect(imp.newNames).toHaveText('Also added — Spend categories: Software · Vendors: Disney Plus, Netflix, Discovery, Apple TV, Plex');
  await imp.commit.click();
  const app = new AppShell(page);
  await expect(app.notice('Imported: 5 created')).toBeVisible();
  await app.goTo('Contracts');
  await expect(page.getByRole('link', { name: 'Netflix' }).first()).toBeVisible();
});

test('a vendor export: the defaults the import applies are shown and can be set for every row', async ({ page }) => {
  const imp = new ImportPage(page);
  const csv =
    'Subscription ID,Vendor,Product,Team,Category,Renewal Date\n' +
    'SUB-1,Adobe,Creative Cloud,Brand,Software,2020-03-01\n' +
    'SUB-2,Adobe,Creative Cloud,Brand,Software,2099-03-01\n';
  await imp.choose({ name: 'vendor-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(imp.kind).toHaveValue('contracts');
  await expect(imp.column('A')).toHaveValue('lineId');
  await expect(page.getByRole('heading', { name: 'Filled in for you' })).toBeVisible();
  await expect(imp.defaultOf('status')).toHaveAttribute('placeholder', 'Active');
  await expect(imp.defaultOf('noticeDays')).toHaveAttribute('placeholder', '30');
  // Two subscriptions of one product stay two contracts.
  await expect(imp.counts).toHaveText('2 to create · 0 to update · 0 skipped');
  await page.screenshot({ path: '/tmp/exports-defaults.png', fullPage: true });
  const notice = imp.defaultOf('noticeDays');
  await notice.fill('60');
  await notice.press('Tab');
  await expect(imp.defaultOf('noticeDays')).toHaveCount(0);
  await expect(imp.constant('noticeDays')).toHaveValue('60');
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test('wide budget tracker: each day of actual spend becomes an entry', async ({ page }) => {
  const imp = new ImportPage(page);
  await imp.choose(sample('marketing-budget-wide.xlsx'));
  await imp.kind.selectOption('spend');
  await expect(page.getByText('Days or months run across the columns')).toBeVisible();
  await expect(imp.sheet).toHaveValue('Data Entry');
  await imp.setForEveryRow('team', 'Field marketing');
  await imp.setForEveryRow('category', 'Paid media');
  await expect(imp.counts).toHaveText('20 to create · 0 to update · 0 skipped');
  await expect(page.getByRole('checkbox', { name: 'Ads Actual Spend' })).toBeChecked();
  // Keep this mapping for next month's tracker, then import.
  await page.getByLabel('Save this mapping as').fill('Daily ads tracker');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByRole('region', { name: 'Saved mappings' })).toContainText('Daily ads tracker');
  await imp.commit.click();
  await expect(new AppShell(page).notice('Imported: 20 created')).toBeVisible();
  // The next file with the same columns is mapped the same way.
  await imp.choose(sample('marketing-budget-wide.xlsx'));
  await imp.kind.selectOption('spend');
  await expect(page.getByText('mapped as saved in “Daily ads tracker”')).toBeVisible();
  await expect(imp.counts).toHaveText('0 to create · 0 to update · 20 skipped');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete the saved mapping Daily ads tracker' }).click();
  await expect(page.getByRole('region', { name: 'Saved mappings' })).toHaveCount(0);
});

test('a wrong date is fixed in the preview, then the rows import', async ({ page }) => {
  const imp = new ImportPage(page);
  const csv = 'Campaign;Start;End;Budget\nSummer push;01/06/2027;31/02/2027;"$1,500.00"\nAutumn push;01/09/2027;30/09/2027;900\n';
  await imp.choose({ name: 'campaigns.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(imp.kind).toHaveValue('campaigns');
  const problem = imp.problem('C2');
  await expect(problem).toContainText("Sheet 'campaigns.csv', row 2, column C: '31/02/2027' is not a date");
  await expect(imp.counts).toHaveText('1 to create · 0 to update · 1 skipped');
  await problem.getByRole('button', { name: 'Fix' }).click();
  await page.getByLabel('New value for cell C2').fill('30/06/2027');
  await page.getByRole('button', { name: 'Use this value' }).click();
  await expect(imp.counts).toHaveText('2 to create · 0 to update · 0 skipped');
  await imp.commit.click();
  const app = new AppShell(page);
  await expect(app.notice('Imported: 2 created')).toBeVisible();
  await app.goTo('Campaigns');
  await expect(page.getByRole('link', { name: 'Summer push', exact: true })).toBeVisible();
});

test('dates that could be either way round are asked about once for the column', async ({ page }) => {
  const imp = new ImportPage(page);
  const csv = 'Title,Date\nNewsletter,03/01/2027\nWebinar,04/02/2027\n';
  await imp.choose({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await imp.kind.selectOption('deliverables');
  const question = imp.question('B');
  await expect(question).toContainText('Column B has dates such as 03/01/2027, 04/02/2027. How are they written?');
  await expect(imp.commit).toBeDisabled();
  await question.getByLabel('Month first (03/01/2027 is month/day/year)').check();
  await expect(imp.counts).toHaveText('2 to create · 0 to update · 0 skipped');
  await expect(imp.rows.first()).toContainText('Mar 1, 2027');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Drop a spreadsheet here, or choose a file.')).toBeVisible();
});

test('export the workspace, edit it, import it back as an update, then undo every import', async ({ page }) => {
  const imp = new ImportPage(page);
  await page.goto('/#/import');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export workspace (.xlsx)' }).click();
  const file = await dl;
  expect(file.suggestedFilename()).toMatch(/^mopsdesk-workspace-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Campaigns', 'Deliverables', 'Budget', 'Spend', 'Vendors', 'Contracts', 'Assets']);
  const campaigns = wb.getWorksheet('Campaigns')!;
  expect(campaigns.getRow(1).getCell(1).value).toBe('ID');
  let edited = 0;
  campaigns.eachRow((row) => {
    if (row.getCell(2).value === 'Summer push') {
      row.getCell(2).value = 'Summer push 2027';
      edited++;
    }
  });
  expect(edited).toBe(1);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await imp.choose({ name: 'workspace-edited.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await imp.kind.selectOption('campaigns');
  await expect(imp.sheet).toHaveValue('Campaigns');
  await expect(imp.counts).toHaveText(/^0 to create · 1 to update · \d+ skipped$/);
  await imp.commit.click();
  const app = new AppShell(page);
  await expect(app.notice('Imported: 0 created, 1 updated')).toBeVisible();
  await app.goTo('Campaigns');
  await expect(page.getByRole('link', { name: 'Summer push 2027', exact: true })).toBeVisible();

  // Undo every import, newest first: the workspace is as it was.
  await app.goTo('Import');
  const undo = page.getByRole('button', { name: 'Undo import' });
  // The history loads after the page: wait for it, or the loop below sees
  // no button and undoes nothing.
  await expect(undo.first()).toBeVisible();
  while ((await undo.count()) > 0) {
    const before = await undo.count();
    await undo.first().click();
    await expect(undo).toHaveCount(before - 1);
  }
  await app.goTo('Campaigns');
  await expect(page.getByRole('link', { name: /Summer push/ })).toHaveCount(0);
  await app.goTo('Contracts');
  await expect(page.getByRole('link', { name: 'Netflix' })).toHaveCount(0);
});
