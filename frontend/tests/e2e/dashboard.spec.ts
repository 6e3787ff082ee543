import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';

// Runs after budget, campaigns and contracts (files run in name order on
// one workspace) and changes nothing: it reads what they stored.
test.describe.configure({ mode: 'serial' });

test('the dashboard shows the period and its tiles lead to the lists behind them', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  for (const tile of ['budget', 'renewals', 'goals', 'licences']) await expect(page.locator(`[data-tile="${tile}"]`)).toBeVisible();
  await expect(page.locator('[data-tile="renewals"]')).toContainText('Next 30 days');
  // Every chart is drawn or says there is nothing to draw; none is an empty axis.
  const charts = page.locator('.charts section');
  const n = await charts.count();
  expect(n).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < n; i++) {
    await expect(charts.nth(i).locator('canvas, :text("No data for this period.")').first()).toBeVisible();
  }
  await page.getByTestId('dashboard-period').selectOption('fy');
  await expect(page.locator('[data-tile="budget"]')).toBeVisible();

  await page.locator('[data-tile="renewals"]').click();
  await expect(page).toHaveURL(/#\/contracts\?tab=digest&horizon=30$/);
  await expect(page.getByRole('tab', { name: /Digest/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.horizon select')).toHaveValue('30');

  await app.goTo('Dashboard');
  await page.locator('[data-tile="licences"]').click();
  await expect(page).toHaveURL(/#\/assets\?licence=expiring&horizon=90$/);
});

test('export the executive report from the dashboard and read it back', async ({ page }) => {
  await page.goto('/#/dashboard');
  await page.getByTestId('dashboard-period').selectOption('fy');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (.xlsx)' }).click();
  const file = await dl;
  expect(file.suggestedFilename()).toMatch(/^executive-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Budget', 'Campaigns', 'Contracts', 'Licences']);
  const budget = wb.getWorksheet('Budget')!;
  expect(budget.getRow(1).getCell(1).value).toBe('Team');
  // The total row sums with a formula Excel recalculates.
  const last = budget.getRow(budget.rowCount);
  expect(last.getCell(1).value).toBe('Total');
  expect((last.getCell(3).value as { formula: string }).formula).toMatch(/^SUM\(C2:C\d+\)$/);
  const contracts = wb.getWorksheet('Contracts')!;
  expect(contracts.getRow(1).getCell(1).value).toBe('Vendor');
});

test('the spend list and the contracts list export what they show', async ({ page }) => {
  await page.goto('/#/budget');
  await page.getByRole('tab', { name: 'Spend' }).click();
  await page.getByPlaceholder('All vendors').fill('LinkedIn');
  let dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (.xlsx)' }).click();
  let file = await dl;
  expect(file.suggestedFilename()).toMatch(/^spend-\d{4}-\d{2}-\d{2}\.xlsx$/);
  let wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const spend = wb.getWorksheet('Spend')!;
  expect(spend.getRow(1).getCell(1).value).toBe('ID');
  // Only what the filter shows: LinkedIn's entries.
  expect(spend.rowCount).toBeGreaterThan(1);
  for (let r = 2; r <= spend.rowCount; r++) expect(spend.getRow(r).getCell(7).value).toBe('LinkedIn');

  await page.goto('/#/contracts');
  dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (.xlsx)' }).click();
  file = await dl;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  expect(wb.getWorksheet('Contracts')!.rowCount).toBeGreaterThan(1);
});
