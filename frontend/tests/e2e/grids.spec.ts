import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';

// A content plan as people keep it: a sheet per month, weekdays written
// short (MON, TUES, WEDS…), a channel on a cell's second line, a legend
// under the grid, and no year anywhere. Everything imported is undone at
// the end, so later files see the workspace as it was.
test.describe.configure({ mode: 'serial' });

async function monthPerSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const months: [string, (string | number | null)[][]][] = [
    [
      'March',
      [
        ['MON', 'TUES', 'WEDS', 'THURS', 'FRI'],
        [2, 3, 4, 5, 6],
        ['Product teaser\nLinkedIn', null, '4. Webinar invite'],
        [30, 31],
        ['Quarter recap'],
        [],
        ['Legend', 'Blue = video'],
      ],
    ],
    [
      'APRIL',
      [
        ['MON', 'TUES', 'WEDS', 'THURS', 'FRI'],
        [null, null, 1, 2, 3],
        [null, null, 'Spring launch'],
      ],
    ],
  ];
  for (const [name, rows] of months) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.getCell('A3').alignment = { wrapText: true };
  }
  wb.addWorksheet('Notes').addRow(['Ideas for later']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function choose(page: Page, buffer: Buffer) {
  await page.goto('/#/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'content-plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

test('a sheet per month in one go: the year asked, the channel from a second line, the legend left out', async ({ page }) => {
  await choose(page, await monthPerSheet());
  const counts = page.getByTestId('import-counts');
  await expect(page.getByTestId('import-kind')).toHaveValue('deliverables');
  await expect(page.getByTestId('import-kind-why')).toHaveText('Sheet “March” is a calendar grid with weekday columns, so its entries are read as deliverables.');

  // Both month sheets, not the notes, and no year taken without asking.
  const sheets = page.getByTestId('import-grid-sheets');
  await expect(sheets.getByRole('checkbox')).toHaveCount(2);
  await expect(sheets.getByLabel('March')).toBeChecked();
  await expect(sheets.getByLabel('APRIL')).toBeChecked();
  await expect(page.getByTestId('import-year')).toContainText('Which year is it?');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await expect(page.getByTestId('import-skipped')).toContainText('Sheet “March”, A7:B7: “Legend” is not part of the calendar grid');

  await page.getByTestId('import-year').getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Use this year' }).click();
  await expect(counts).toHaveText('4 to create · 0 to update · 0 skipped');
  const teaser = page.locator('.rows tr').filter({ hasText: 'Product teaser' });
  await expect(teaser).toHaveCount(1);
  await expect(teaser).toContainText('LinkedIn');
  await expect(teaser).toContainText('March');

  // Choosing which month sheets: April left out, then back in.
  await sheets.getByLabel('APRIL').uncheck();
  await expect(counts).toHaveText('3 to create · 0 to update · 0 skipped');
  await sheets.getByLabel('APRIL').check();
  await expect(counts).toHaveText('4 to create · 0 to update · 0 skipped');
  await page.screenshot({ path: '/tmp/grids-preview.png', fullPage: true });

  await page.getByTestId('import-commit').click();
  const app = new AppShell(page);
  await expect(app.notice('Imported: 4 created, 0 updated, 0 skipped.')).toBeVisible();

  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-03-02');
  await expect(cal.chip('Product teaser')).toBeVisible();
  await expect(cal.chip('Webinar invite')).toBeVisible();
  await cal.showMonth('2027-04-01');
  await expect(cal.chip('Spring launch')).toBeVisible();

  await app.goTo('Import');
  const run = page.locator('tr[data-run]').first();
  await expect(run).toContainText('content-plan.xlsx');
  await run.getByRole('button', { name: 'Undo import' }).click();
  await expect(app.notice('Undid the import of content-plan.xlsx.')).toBeVisible();
});

test('a budget in another currency is one choice, not a problem per amount', async ({ page }) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.addRow(['Team', 'Category', 'Month', 'Amount (PKR)']);
  for (const m of ['2026-03-01', '2026-04-01', '2026-05-01']) ws.addRow(['Brand', 'Events', m, 280000]);
  await page.goto('/#/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'budget-pkr.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  await page.getByTestId('import-kind').selectOption('budget');
  const choice = page.getByTestId('import-currency-choice');
  await expect(choice).toContainText(/This looks like a budget in PKR, but budget plans are kept in the workspace currency, [A-Z]{3} \(3 amounts\)\./);
  await expect(page.locator('.problems li')).toHaveCount(0);
  await choice.getByRole('button', { name: 'Import as spend in PKR' }).click();
  await expect(page.getByTestId('import-kind')).toHaveValue('spend');
  await expect(choice).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
});
