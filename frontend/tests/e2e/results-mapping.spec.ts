import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { fa } from '../../src/i18n/fa';
import { AppShell } from './pages/app';
import { ImportPage } from './pages/import';
import { SettingsPage } from './pages/settings';
import type { Workspace } from './pages/workspace';

// A results file of no shape MOps Desk knows (a Pinterest-like export):
// the user says what its columns are, one a metric of their own; the
// Results view and its workbook show that metric; the next file with the
// same columns is read by the saved mapping without asking.
test.describe.configure({ mode: 'serial' });

let ws: Workspace;

test.beforeAll(async ({ playwright, workspaces }, info) => {
  ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  await ws.call(request, 'Campaigns.Create', {
    name: 'Spring pins', status: 'planned', startDate: '2026-03-01', endDate: '2026-06-30', budget: { amount: 0, currency: 'USD' },
  });
  await request.dispose();
});

const header = 'Pin promotion name,Date,Spend in account currency,Paid impressions,Video views at 95%,Notes\n';
const march = header + 'Spring pins,2026-03-01,12.50,1000,300.5,first day\n' + 'Spring pins,2026-03-02,7.50,500,0.25,\n';
const april = header + 'Spring pins,2026-04-01,1.00,10,2.1,\n';

test('a file of no known shape mapped by hand, a custom metric in the Results view and its workbook, the mapping used again', async ({ page }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await imp.choose({ name: 'pinterest-march.csv', mimeType: 'text/csv', buffer: Buffer.from(march) });
  await imp.kind.selectOption('results');
  const mapping = page.getByTestId('results-mapping');
  await expect(mapping).toBeVisible();
  // The header's own word is offered; the rest is for the user to say.
  await expect(mapping.locator('[data-reads="B"]')).toHaveValue('day');
  await expect(mapping.locator('[data-reads="A"]')).toHaveValue('');
  await expect(imp.commit).toBeDisabled();

  await mapping.locator('[data-reads="A"]').selectOption('campaign');
  await expect(page.getByTestId('results-missing')).toHaveText('Still to map: at least one metric.');
  await expect(imp.commit).toBeDisabled();
  await mapping.locator('[data-reads="C"]').selectOption('cost');
  await mapping.locator('[data-reads="D"]').selectOption('impressions');
  await mapping.locator('[data-reads="E"]').selectOption('custom');
  const name = mapping.locator('[data-custom="E"]');
  await expect(name).toHaveValue('Video views at 95%');
  await name.fill('Video plays');
  await name.press('Enter');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 2 facts.');
  await expect(page.getByTestId('results-missing')).toHaveCount(0);
  await expect(mapping.locator('[data-custom="E"]')).toHaveValue('Video plays');
  await expect(mapping.locator('[data-reads="F"]')).toHaveValue('');
  await page.getByTestId('results-read').screenshot({ path: '/tmp/resmap-mapping-en.png' });
  await imp.commit.click();
  await expect(app.notice('Imported: 2 created')).toBeVisible();

  // The Results view: the metric the user named is a column of its own,
  // summed exactly.
  await page.goto('/#/results');
  const pins = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Spring pins' }) });
  await expect(page.getByRole('columnheader', { name: 'Video plays' })).toBeVisible();
  await expect(pins.locator('[data-metric="Video plays"]')).toHaveText('300.75');
  await expect(pins.locator('td').first()).toHaveText('1,500');
  await page.screenshot({ path: '/tmp/resmap-results.png' });

  const file = await app.exportList('Export (.xlsx)');
  await file.saveAs('/tmp/resmap-results.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };
  const facts = rows('Results');
  expect(facts[0].at(-1)).toBe('Video plays');
  expect(facts.slice(1).map((r) => r.at(-1)).sort()).toEqual([0.25, 300.5]);
  const summary = rows('Summary');
  expect(summary[0].at(-1)).toBe('Video plays');
  expect(summary.find((r) => r[0] === 'Spring pins')?.at(-1)).toBe(300.75);

  // The next file with the same columns: read by the saved mapping, with
  // no kind chosen and nothing asked.
  await imp.choose({ name: 'pinterest-april.csv', mimeType: 'text/csv', buffer: Buffer.from(april) });
  await expect(imp.kind).toHaveValue('results');
  await expect(page.getByTestId('results-profile')).toBeVisible();
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 1 of 1 facts.');
  await expect(mapping.locator('[data-custom="E"]')).toHaveValue('Video plays');
  await imp.commit.click();
  await expect(app.notice('Imported: 1 created')).toBeVisible();
  await page.goto('/#/results');
  await expect(pins.locator('[data-metric="Video plays"]')).toHaveText('302.85');
});

// The mapping preview in Persian: right to left, every word translated.
test('the mapping preview in Persian', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await new SettingsPage(page).language('fa');
  const imp = new ImportPage(page);
  const other = 'Ad group,Week,Cost (EUR),Engaged sessions\nSpring pins,2026-03-02,4.00,12\n';
  await imp.choose({ name: 'reddit.csv', mimeType: 'text/csv', buffer: Buffer.from(other) }, fa['import.choose'] as string);
  await imp.kind.selectOption('results');
  const mapping = page.getByTestId('results-mapping');
  await mapping.locator('[data-reads="D"]').selectOption('custom');
  await expect(page.getByTestId('results-missing')).toHaveText(/کمپین/);
  await expect(mapping.locator('summary')).toHaveText(fa['import.results.mapping'] as string);
  await page.getByTestId('results-read').screenshot({ path: '/tmp/resmap-mapping-fa.png' });
});
