import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
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
    await expect(charts.nth(i).locator('.chart svg, :text("No data for this period.")').first()).toBeVisible();
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

  // Campaigns by status: each count opens the list filtered to it and the period.
  await app.goTo('Dashboard');
  await page.getByTestId('dashboard-period').selectOption('fy');
  const byStatus = page.locator('[data-chart="by-status"]');
  const first = byStatus.getByRole('link').first();
  const [status, count] = ((await first.textContent()) ?? '').trim().split(/\s+(?=\d+$)/);
  await first.click();
  await expect(page).toHaveURL(/#\/campaigns\?status=\w+&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('search').getByLabel('Status')).toHaveValue(new URL(page.url().replace('#/', '')).searchParams.get('status')!);
  await expect(page.getByRole('search')).toContainText('Running');
  // The campaign list, not the numbers table behind the campaigns chart.
  const rows = page.locator('table.data:not(.chart-data table) tbody tr');
  await expect(rows).toHaveCount(Number(count));
  for (const cell of await rows.locator('td:nth-child(5)').allTextContents()) expect(cell).toContain(status);

  // Goals: the tile opens the campaigns with a goal off track in the period.
  await app.goTo('Dashboard');
  await page.getByTestId('dashboard-period').selectOption('fy');
  await page.locator('[data-tile="goals"]').click();
  await expect(page).toHaveURL(/#\/campaigns\?goals=off_track&from=/);
  await expect(page.getByRole('search')).toContainText('A goal off track');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('search')).not.toContainText('A goal off track');
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
  // The total row sums with a formula Excel recalculates, its result stored
  // for previews that never recalculate; what variance means is under it.
  expect(String(budget.getRow(budget.rowCount).getCell(1).value)).toMatch(/^Variance % is what is left of the plan/);
  const last = budget.getRow(budget.rowCount - 2);
  expect(last.getCell(1).value).toBe('Total');
  const total = last.getCell(3).value as { formula: string; result?: number };
  expect(total.formula).toMatch(/^SUM\(C2:C\d+\)$/);
  expect(typeof total.result).toBe('number');
  const contracts = wb.getWorksheet('Contracts')!;
  expect(contracts.getRow(1).getCell(1).value).toBe('Vendor');
});

test('the HTML report works offline, escapes user text and reads on a phone', async ({ page, browser }) => {
  // A campaign whose name is markup, removed again at the end.
  const today = new Date().toISOString().slice(0, 10);
  const made = await page.request.post('/api/Campaigns/Create', {
    data: [{ name: '<img src=x onerror=alert(1)>', status: 'planned', startDate: today, endDate: today, budget: { amount: 0, currency: 'USD' } }],
  });
  expect(made.ok()).toBeTruthy();
  const { id } = (await made.json()) as { id: number };
  try {
    await page.goto('/#/dashboard');
    await page.getByTestId('dashboard-period').selectOption('fy');
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report (.html)' }).click();
    const file = await dl;
    expect(file.suggestedFilename()).toMatch(/^executive-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.html$/);
    // Saved under its own name, as a user would, so the browser reads it as HTML.
    const path = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(path);

    // Opened from disk with the network cut off: every request is recorded.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, offline: true });
    const requests: string[] = [];
    const dialogs: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith('file://')) requests.push(r.url());
    });
    const report = await context.newPage();
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await report.goto('file://' + path);
    await expect(report.getByRole('heading', { level: 1 })).toContainText('Executive report');
    // The three charts are drawn (SVG, so they print sharply) or say there is nothing to draw.
    const figures = report.locator('figure');
    await expect(figures).toHaveCount(3);
    for (let i = 0; i < 3; i++) await expect(figures.nth(i).locator('svg, .empty').first()).toBeVisible();
    await expect(report.locator('.chart svg').first()).toBeVisible();
    // User text is text.
    await expect(report.getByRole('cell', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
    expect(await report.locator('img').count()).toBe(0);
    // Money is formatted for the reader's language by the page itself.
    await expect(report.locator('dl.headline dd').first()).toContainText('$');
    // On a phone the page does not scroll sideways; wide tables scroll in their own box.
    const overflow = await report.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await report.screenshot({ path: '../test-artifacts/report-phone.png', fullPage: false });
    // Printable: Chromium prints it to a PDF.
    await report.setViewportSize({ width: 1280, height: 900 });
    await report.emulateMedia({ media: 'print' });
    const pdf = await report.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync('../test-artifacts/report-print.pdf', pdf);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  } finally {
    await page.request.post('/api/Campaigns/Delete', { data: [id] });
  }
});

test('the spend, contracts, budget plan and requests lists export what they show', async ({ page }) => {
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

  // The budget plan of the year on screen, in the columns that import back.
  await page.goto('/#/budget');
  dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (.xlsx)' }).click();
  file = await dl;
  expect(file.suggestedFilename()).toMatch(/^budget-\d{4}-\d{2}-\d{2}\.xlsx$/);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const plan = wb.getWorksheet('Budget')!;
  expect(plan.getRow(1).values).toEqual([undefined, 'Team', 'Category', 'Month', 'Amount', 'Currency']);
  expect(plan.rowCount).toBeGreaterThan(1);

  // Requests with who decided and why.
  await page.getByRole('tab', { name: 'Requests' }).click();
  dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (.xlsx)' }).click();
  file = await dl;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const requests = wb.getWorksheet('Requests')!;
  const rows = requests.getRows(2, requests.rowCount - 1)!.map((r) => ({ purpose: r.getCell(8).value, status: r.getCell(9).value, by: r.getCell(11).value, note: r.getCell(12).value }));
  expect(rows).toContainEqual({ purpose: 'Swag', status: 'rejected', by: 'Dana', note: 'Not in this quarter’s plan' });
  expect(rows.find((r) => r.purpose === 'Trade show booth')?.status).toBe('approved');
});
