import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { DashboardPage } from './pages/dashboard';
import { ReportPage } from './pages/report';
import { SettingsPage } from './pages/settings';

// Issue 14: a foreign-currency commitment in a month that has no exchange
// rate yet. The summary, the dashboard and both reports say it is left
// out; a planning rate brings it back, marked as assumed everywhere.
const now = new Date();
const fy = now.getMonth() + 1 >= 4 ? now.getFullYear() : now.getFullYear() - 1;
const day = `${fy + 1}-03-10`; // the fiscal year's last month: no rate in any spec
const month = `March ${fy + 1}`;
const missingWords = 'Some spend is left out of these totals because it has no exchange rate. Set these rates under Exchange rates:';
const assumedWords = 'Some spend in these totals is converted at a planning rate because its month has no exchange rate yet.';

test.describe.configure({ mode: 'serial' });
let base = 'USD';

async function openBudget(page: import('@playwright/test').Page): Promise<BudgetPage> {
  await new AppShell(page).goTo('Budget');
  const budget = new BudgetPage(page);
  const caption = page.getByText(/^FY \d{4}\/\d{2}, amounts in [A-Z]{3}\.$/);
  await expect(caption.or(page.getByText('Start by creating the budget of a fiscal year.'))).toBeVisible();
  if (!(await caption.isVisible())) await budget.createFiscalYear(fy);
  base = (await caption.textContent())!.match(/in ([A-Z]{3})\./)![1];
  return budget;
}

test('a GBP commitment without a rate is named on the summary, the dashboard and in both reports', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  await page.getByLabel('Fiscal year starts in').selectOption({ label: 'April' });
  await page.getByRole('region', { name: 'Workspace' }).getByRole('button', { name: 'Save' }).click();
  const settings = new SettingsPage(page);
  await settings.addEntry('Teams', 'Rates team');
  await settings.addEntry('Spend categories', 'Rates spend');
  const budget = await openBudget(page);
  await budget.tab('Spend');
  await budget.recordSpend({ date: day, amount: '500', currency: 'GBP', team: 'Rates team', category: 'Rates spend', status: 'Committed', vendor: 'Rates Hall' });
  const row = page.getByRole('row').filter({ hasText: 'Rates Hall' });
  await expect(budget.inBase(row)).toHaveText(`no GBP rate for Mar ${fy + 1}`);

  await budget.tab('Summary');
  await expect(budget.rates('missing')).toContainText(`GBP — ${month}`);

  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  await expect(dash.rates('missing')).toContainText(missingWords);
  await expect(dash.rates('missing')).toContainText(`GBP — ${month}`);
  await page.screenshot({ path: '/tmp/rates-dashboard-missing.png', fullPage: true });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await (await dash.exportReport('Export report (.xlsx)')).path())!);
  for (const name of ['Summary', 'Budget']) {
    const text: string[] = [];
    wb.getWorksheet(name)!.eachRow((r) => text.push(String(r.getCell(1).value ?? '')));
    expect(text.join('\n'), `${name} sheet`).toContain(`${missingWords} GBP — Mar ${fy + 1}`);
  }

  const file = await dash.exportReport('Export report (.html)');
  const path = test.info().outputPath(file.suggestedFilename()); // its own name: the browser reads it as HTML
  await file.saveAs(path);
  expect(readFileSync(path, 'utf8')).toContain(missingWords);
  const report = new ReportPage(page);
  await report.open(path);
  await expect(report.rates('missing')).toContainText(`GBP — ${month}`);
  await page.screenshot({ path: '/tmp/rates-report-html.png', fullPage: true });
});

test('a planning rate brings the commitment back, marked as assumed', async ({ page }) => {
  await new AppShell(page).open();
  const budget = await openBudget(page);
  await budget.tab('Exchange rates');
  await page.getByLabel('Currency').selectOption('GBP');
  await page.getByLabel('Applies to').selectOption({ label: 'Every month without its own rate (planning rate)' });
  await expect(page.getByLabel('Month')).toHaveCount(0);
  await page.getByLabel(/^Rate/).fill('1.25');
  await page.getByRole('button', { name: 'Set rate' }).click();
  await expect(page.getByRole('table', { name: 'Planning rates' })).toContainText('GBP');
  await expect(page.getByRole('table', { name: 'Planning rates' })).toContainText('1.25');
  await page.screenshot({ path: '/tmp/rates-editor.png', fullPage: true });

  const inBase = new Intl.NumberFormat('en', { style: 'currency', currency: base }).format(625);
  await budget.tab('Summary');
  await expect(budget.rates('assumed')).toContainText(assumedWords);
  await expect(budget.rates('assumed')).toContainText(`GBP — ${month} (1.25)`);
  await expect(budget.rates('missing').filter({ hasText: 'GBP' })).toHaveCount(0);
  await expect(budget.assumed(budget.summaryTotal('committed'))).toHaveText('≈');
  await page.screenshot({ path: '/tmp/rates-summary.png', fullPage: true });

  await budget.tab('Spend');
  const row = page.getByRole('row').filter({ hasText: 'Rates Hall' });
  await expect(row).toContainText('£500.00');
  await expect(budget.inBase(row)).toHaveText(`≈${inBase}`);
  await page.screenshot({ path: '/tmp/rates-spend.png', fullPage: true });

  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  await expect(dash.rates('assumed')).toContainText(`GBP — ${month} (1.25)`);
});

test('the spend and the planning rate can be deleted', async ({ page }) => {
  await new AppShell(page).open();
  const budget = await openBudget(page);
  await budget.tab('Spend');
  await page.getByRole('row').filter({ hasText: 'Rates Hall' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Rates Hall' })).toHaveCount(0);
  await budget.tab('Exchange rates');
  await page.getByRole('table', { name: 'Planning rates' }).getByRole('row').filter({ hasText: 'GBP' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No planning rates yet: spend in a month without a rate is left out of the totals.')).toBeVisible();
});
