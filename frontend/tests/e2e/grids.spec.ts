import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';
import { ImportPage } from './pages/import';

// A content plan as people keep it: a sheet per month, weekdays written
// short (MON, TUES, WEDS…), a channel on a cell's second line, a legend
// under the grid, and no year anywhere.
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

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a sheet per month in one go: the year asked, the channel from a second line, the legend left out', async ({ page }) => {
  const imp = new ImportPage(page);
  await imp.choose({ name: 'content-plan.xlsx', mimeType: xlsx, buffer: await monthPerSheet() });
  const counts = imp.counts;
  await expect(imp.kind).toHaveValue('deliverables');
  await expect(imp.kindWhy).toHaveText('Sheet “March” is a calendar grid with weekday columns, so its entries are read as deliverables.');

  // Both month sheets, not the notes, and no year taken without asking.
  const sheets = imp.gridSheets;
  await expect(sheets.getByRole('checkbox')).toHaveCount(2);
  await expect(sheets.getByLabel('March')).toBeChecked();
  await expect(sheets.getByLabel('APRIL')).toBeChecked();
  await expect(imp.year).toContainText('Which year is it?');
  await expect(imp.commit).toBeDisabled();
  await expect(imp.skipped).toContainText('Sheet “March”, A7:B7: “Legend” is not part of the calendar grid');

  await imp.year.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Use this year' }).click();
  await expect(counts).toHaveText('4 to create · 0 to update · 0 skipped');
  const teaser = imp.rows.filter({ hasText: 'Product teaser' });
  await expect(teaser).toHaveCount(1);
  await expect(teaser).toContainText('LinkedIn');
  await expect(teaser).toContainText('March');

  // Choosing which month sheets: April left out, then back in.
  await sheets.getByLabel('APRIL').uncheck();
  await expect(counts).toHaveText('3 to create · 0 to update · 0 skipped');
  await sheets.getByLabel('APRIL').check();
  await expect(counts).toHaveText('4 to create · 0 to update · 0 skipped');
  await page.screenshot({ path: '/tmp/grids-preview.png', fullPage: true });

  await imp.commit.click();
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
  const run = imp.runs.first();
  await expect(run).toContainText('content-plan.xlsx');
  await run.getByRole('button', { name: 'Undo import' }).click();
  await expect(app.notice('Undid the import of content-plan.xlsx.')).toBeVisible();
});

test('a budget in another currency is one choice, not a problem per amount', async ({ page }) => {
  const imp = new ImportPage(page);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.addRow(['Team', 'Category', 'Month', 'Amount (PKR)']);
  for (const m of ['2026-03-01', '2026-04-01', '2026-05-01']) ws.addRow(['Brand', 'Events', m, 280000]);
  await imp.choose({ name: 'budget-pkr.xlsx', mimeType: xlsx, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  await imp.kind.selectOption('budget');
  const choice = imp.currencyChoice;
  await expect(choice).toContainText(/This looks like a budget in PKR, but budget plans are kept in the workspace currency, [A-Z]{3} \(3 amounts\)\./);
  await expect(imp.problems).toHaveCount(0);
  await choice.getByRole('button', { name: 'Import as spend in PKR' }).click();
  await expect(imp.kind).toHaveValue('spend');
  await expect(choice).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
});
