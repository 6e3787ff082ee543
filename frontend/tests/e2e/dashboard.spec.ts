import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { CampaignsPage } from './pages/campaigns';
import { ContractsPage } from './pages/contracts';
import { DashboardPage } from './pages/dashboard';
import { ReportPage } from './pages/report';

// The dashboard, its reports and the lists' exports, over a workspace with
// this fiscal year's budget (April start), spend, two decided requests,
// a contract and campaigns, all set up through the API.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  const call = <T = { id: number }>(method: string, ...args: unknown[]) => ws.call<T>(request, method, ...args);
  await ws.settings(request, { fiscalYearStartMonth: 4, baseCurrency: 'USD' });
  const today = await call<string>('Workspace.Today');
  const [y, m] = today.split('-').map(Number);
  const fy = m >= 4 ? y : y - 1;
  const brand = await ws.item(request, 'teams', 'Brand');
  const events = await ws.item(request, 'categories', 'Events');
  const media = await ws.item(request, 'categories', 'Paid media');
  await call('Budget.CreateFiscalYear', fy, 'month');
  const lines = [];
  for (let period = 1; period <= 12; period++) {
    lines.push({ teamId: brand, categoryId: events, period, amount: 1_000_00 }, { teamId: brand, categoryId: media, period, amount: 500_00 });
  }
  await call('Budget.SetLines', fy, lines);
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const spend = { teamId: brand, categoryId: media, campaignId: 0, reference: '', note: '' };
  await call('Spend.Create', { ...spend, date: today, amount: usd(1_200_00), vendor: 'LinkedIn', status: 'actual' });
  await call('Spend.Create', { ...spend, date: today, amount: usd(300_00), vendor: 'Meta', status: 'committed' });
  const ask = { requester: 'Arif', teamId: brand, amount: usd(300_00), date: '', vendor: '', campaignId: 0 };
  const booth = await call<{ id: number; version: number }>('Requests.Create', { ...ask, categoryId: events, purpose: 'Trade show booth' });
  const swag = await call<{ id: number; version: number }>('Requests.Create', { ...ask, categoryId: media, purpose: 'Swag' });
  await call('Requests.Decide', booth.id, { approve: true, by: 'Dana', reason: '', date: today, version: booth.version });
  await call('Requests.Decide', swag.id, { approve: false, by: 'Dana', reason: 'Not in this quarter’s plan', date: today, version: swag.version });
  const vendor = await call('Vendors.Create', { name: 'HubSpot' });
  await call('Contracts.Create', {
    vendorId: vendor.id, teamId: brand, categoryId: media, product: 'Marketing Hub', cost: usd(12_000_00), billingCycle: 'annual',
    startDate: today, termMonths: 12, renewalDate: `${y + 1}${today.slice(4)}`, autoRenew: true, noticeDays: 60, status: 'active',
  });
  for (const [name, status] of [['Spring launch', 'live'], ['Summer webinar', 'planned']]) {
    await call('Campaigns.Create', { name, status, startDate: today, endDate: today, budget: usd(0) });
  }
  await request.dispose();
});

test('the dashboard shows the period and its tiles lead to the lists behind them', async ({ page }) => {
  const app = new AppShell(page);
  const dash = new DashboardPage(page);
  await app.open();
  await app.goTo('Dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  for (const tile of ['budget', 'renewals', 'goals', 'licences'] as const) await expect(dash.tile(tile)).toBeVisible();
  await expect(dash.tile('renewals')).toContainText('Next 30 days');
  // Every chart is drawn or says there is nothing to draw; none is an empty axis.
  const n = await dash.charts.count();
  expect(n).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < n; i++) {
    await expect(dash.drawing(dash.charts.nth(i))).toBeVisible();
  }
  await dash.showFiscalYear();
  await expect(dash.tile('budget')).toBeVisible();

  await dash.tile('renewals').click();
  await expect(page).toHaveURL(/#\/contracts\?tab=digest&horizon=30$/);
  await expect(page.getByRole('tab', { name: /Digest/ })).toHaveAttribute('aria-selected', 'true');
  await expect(new ContractsPage(page).horizon).toHaveValue('30');

  await app.goTo('Dashboard');
  await dash.tile('licences').click();
  await expect(page).toHaveURL(/#\/assets\?licence=expiring&horizon=90$/);

  // Campaigns by status: each count opens the list filtered to it and the period.
  await app.goTo('Dashboard');
  await dash.showFiscalYear();
  const byStatus = dash.chart('by-status');
  const first = byStatus.getByRole('link').first();
  const [status, count] = ((await first.textContent()) ?? '').trim().split(/\s+(?=\d+$)/);
  await first.click();
  await expect(page).toHaveURL(/#\/campaigns\?status=\w+&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('search').getByLabel('Status')).toHaveValue(new URL(page.url().replace('#/', '')).searchParams.get('status')!);
  await expect(page.getByRole('search')).toContainText('Running');
  // The campaign list, not the numbers table behind the campaigns chart.
  const list = new CampaignsPage(page);
  await expect(list.rows).toHaveCount(Number(count));
  for (const cell of await list.statuses.allTextContents()) expect(cell).toContain(status);

  // Goals: the tile opens the campaigns with a goal off track in the period.
  await app.goTo('Dashboard');
  await dash.showFiscalYear();
  await dash.tile('goals').click();
  await expect(page).toHaveURL(/#\/campaigns\?goals=off_track&from=/);
  await expect(page.getByRole('search')).toContainText('A goal off track');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('search')).not.toContainText('A goal off track');
});

test('export the executive report from the dashboard and read it back', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  const file = await dash.exportReport('Export report (.xlsx)');
  expect(file.suggestedFilename()).toMatch(/^executive-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Budget', 'Campaigns', 'Results', 'Contracts', 'Licences']);
  // No results file imported: the results sheet says so, and still shows pacing against the plan.
  const results = wb.getWorksheet('Results')!;
  expect(String(results.getCell('A3').value)).toMatch(/^No results data covers this period\./);
  expect(results.getCell('A5').value).toBe('Pacing: spend against plan');
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
  // A campaign whose name is markup.
  const today = new Date().toISOString().slice(0, 10);
  const made = await page.request.post('/api/Campaigns/Create', {
    data: [{ name: '<img src=x onerror=alert(1)>', status: 'planned', startDate: today, endDate: today, budget: { amount: 0, currency: 'USD' } }],
  });
  expect(made.ok()).toBeTruthy();
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  const file = await dash.exportReport('Export report (.html)');
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
  const tab = await context.newPage();
  tab.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const report = new ReportPage(tab);
  await report.open(path);
  await expect(tab.getByRole('heading', { level: 1 })).toContainText('Executive report');
  // The three charts are drawn (SVG, so they print sharply) or say there is nothing to draw.
  await expect(report.figures).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(report.drawing(report.figures.nth(i))).toBeVisible();
  await expect(report.drawn.first()).toBeVisible();
  // User text is text.
  await expect(tab.getByRole('cell', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  expect(await report.images.count()).toBe(0);
  // Money is formatted for the reader's language by the page itself.
  await expect(report.headline.first()).toContainText('$');
  // On a phone the page does not scroll sideways; wide tables scroll in their own box.
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await tab.screenshot({ path: '../test-artifacts/report-phone.png', fullPage: false });
  // Printable: Chromium prints it to a PDF.
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.emulateMedia({ media: 'print' });
  const pdf = await tab.pdf({ format: 'A4', landscape: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync('../test-artifacts/report-print.pdf', pdf);
  expect(requests).toEqual([]);
  expect(dialogs).toEqual([]);
  await context.close();
});

test('the spend, contracts, budget plan and requests lists export what they show', async ({ page }) => {
  const app = new AppShell(page);
  const budget = new BudgetPage(page);
  await page.goto('/#/budget');
  await budget.tab('Spend');
  await budget.vendorFilter.fill('LinkedIn');
  let file = await app.exportList();
  expect(file.suggestedFilename()).toMatch(/^spend-\d{4}-\d{2}-\d{2}\.xlsx$/);
  let wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const spend = wb.getWorksheet('Spend')!;
  expect(spend.getRow(1).getCell(1).value).toBe('ID');
  // Only what the filter shows: LinkedIn's entries.
  expect(spend.rowCount).toBeGreaterThan(1);
  for (let r = 2; r <= spend.rowCount; r++) expect(spend.getRow(r).getCell(7).value).toBe('LinkedIn');

  await new ContractsPage(page).open();
  file = await app.exportList();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  expect(wb.getWorksheet('Contracts')!.rowCount).toBeGreaterThan(1);

  // The budget plan of the year on screen, in the columns that import back.
  await page.goto('/#/budget');
  file = await app.exportList();
  expect(file.suggestedFilename()).toMatch(/^budget-\d{4}-\d{2}-\d{2}\.xlsx$/);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const plan = wb.getWorksheet('Budget')!;
  expect(plan.getRow(1).values).toEqual([undefined, 'Team', 'Category', 'Month', 'Amount', 'Currency']);
  expect(plan.rowCount).toBeGreaterThan(1);

  // Requests with who decided and why.
  await budget.tab('Requests');
  file = await app.exportList();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const requests = wb.getWorksheet('Requests')!;
  const rows = requests.getRows(2, requests.rowCount - 1)!.map((r) => ({ purpose: r.getCell(8).value, status: r.getCell(9).value, by: r.getCell(11).value, note: r.getCell(12).value }));
  expect(rows).toContainEqual({ purpose: 'Swag', status: 'rejected', by: 'Dana', note: 'Not in this quarter’s plan' });
  expect(rows.find((r) => r.purpose === 'Trade show booth')?.status).toBe('approved');
});
