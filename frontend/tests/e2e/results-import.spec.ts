import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { ImportPage } from './pages/import';
import { CampaignPicker } from './pages/picker';
import { DashboardPage } from './pages/dashboard';
import type { Workspace } from './pages/workspace';
import { googleAdsFile } from './pages/results-files';

// Results files through the import page: a Google Ads report whose second
// campaign is named as only the ad platform names it, mapped by a rule the
// user saves from the preview, its cost booked as spend; then a HubSpot
// deals export; the Results view adds them up per campaign.
test.describe.configure({ mode: 'serial' });

let ws: Workspace;

test.beforeAll(async ({ playwright, workspaces }, info) => {
  ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  const team = (await ws.call<{ id: number }>(request, 'Lists.Create', 'teams', 'Growth')).id;
  await ws.call(request, 'Lists.Create', 'categories', 'Paid media');
  const ids: number[] = [];
  for (const name of ['Spring launch', 'Webinar series EU']) {
    ids.push((await ws.call<{ id: number }>(request, 'Campaigns.Create', {
      name, status: 'planned', teamId: team, startDate: '2026-03-01', endDate: '2026-06-30', budget: { amount: 1000000, currency: 'USD' },
    })).id);
  }
  // A goal on clicks, typed as 5 so far: the files' 90 clicks take its place.
  await ws.call(request, 'Goals.Create', { campaignId: ids[0], metric: 'clicks', target: '200', actual: '5', unit: '', dueDate: '2026-06-30' });
  await request.dispose();
});


const hubspotDeals =
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign\n' +
  '201,Acme renewal,Closed Won,"12,000.00",2026-03-20,2026-03-01,Sales Pipeline,Spring launch\n' +
  '202,Beta new,Contract Sent,5000,2026-04-15,2026-03-01,Sales Pipeline,Spring launch\n';

test('an ad-platform export and a CRM export: map a name by a rule, book the cost, see the results', async ({ page, playwright }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  await imp.choose(googleAdsFile);
  // Recognised by its shape, with no kind chosen.
  await expect(imp.kind).toHaveValue('results');
  await expect(page.getByTestId('results-shape')).toContainText('Google Ads export, column names in row 3, facts read: 3.');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 3 facts.');
  const unmatched = page.locator('tr[data-unmatched="Q2-Launch webinar-eu"]');
  await expect(unmatched).toBeVisible();

  // The rule saved from the preview applies to it at once.
  await new CampaignPicker(unmatched.getByRole('combobox', { name: 'Campaign for “Q2-Launch webinar-eu”' })).choose('Webinar series EU', 'Webinar');
  await expect(app.notice('Saved: “Q2-Launch webinar-eu” now goes to the campaign you chose.')).toBeVisible();
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 3 of 3 facts.');
  await expect(page.getByTestId('results-unmatched')).toHaveCount(0);

  await page.locator('[data-cost-source="google_ads"]').getByLabel('Book as actual spend').check();
  await expect(page.getByTestId('results-booked')).toHaveText('Spend entries booked or updated: 2');
  await imp.commit.click();
  await expect(app.notice('Imported: 3 created')).toBeVisible();

  await imp.choose({ name: 'hubspot-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotDeals) });
  await imp.kind.selectOption('results');
  await expect(page.getByTestId('results-shape')).toContainText('HubSpot export');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 2 facts.');
  await imp.commit.click();
  await expect(app.notice('Imported: 2 created')).toBeVisible();

  await page.goto('/#/results');
  const spring = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Spring launch' }) });
  await expect(spring).toBeVisible();
  // Impressions, clicks, leads, MQLs, won, cost.
  await expect(spring.locator('td').nth(1)).toHaveText('90');
  await expect(spring.locator('td').nth(4)).toHaveText('1');
  await expect(spring.locator('td').nth(5)).toContainText('180.00');
  const webinar = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Webinar series EU' }) });
  await expect(webinar.locator('td').nth(1)).toHaveText('20');
  await page.screenshot({ path: '/tmp/rimport-results.png', fullPage: true });

  // The goal's actual comes from the results data.
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring launch' }).click();
  const goal = page.locator('ul.goals li').first();
  await expect(goal).toContainText('90');
  await expect(goal.locator('[data-goal-source="results"]')).toBeVisible();

  // The booked cost is the budget's actual spend once: a spend entry per
  // campaign and month, nothing from the CRM file.
  const request = await playwright.request.newContext();
  const spend = await ws.call<{ entries: { amount: { amount: number }; reference: string }[] }>(request, 'Spend.Find', { limit: 100 });
  await request.dispose();
  expect(spend.entries.map((e) => [e.amount.amount, e.reference]).sort()).toEqual([
    [1000, 'results:google_ads:2026-03'],
    [18000, 'results:google_ads:2026-03'],
  ]);
});

// The same files on the dashboard for the fiscal year, and in the executive
// report exported from it: the funnel, and cost per lead and ROAS by channel
// with the imported figures, read back from the workbook's Results sheet.
test('the dashboard and the exported report show the imported results', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  await expect(dash.chart('funnel').locator('svg')).toBeVisible();
  // The ad platform's cost by its channel; the CRM's won deal as revenue.
  // Neither file counts leads, so cost per lead is "—", never 0 or ∞.
  const search = dash.results.locator('tr[data-channel="Search"]');
  await expect(search.locator('td')).toHaveText(['$190.00', '0', '—', '$0.00', '0.00']);
  const total = dash.results.locator('tr.total');
  await expect(total.locator('td')).toHaveText(['$190.00', '0', '—', '$12,000.00', '63.16']);
  // The CRM's deals name no channel (and their campaigns have none): a row
  // without a channel, not one "not matched to a campaign" — they are.
  await expect(dash.results.locator('tr[data-channel=""] th')).toHaveText('No channel');

  const file = await dash.exportReport('Export report (.xlsx)');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const sheet = wb.getWorksheet('Results')!;
  const rows: unknown[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  // The funnel: two deals became opportunities, one of them won.
  expect(rows).toContainEqual(['Opportunities', 2, '—']);
  expect(rows).toContainEqual(['Won', 1, 0.5]);
  // Campaigns by ROAS, with the mapped name's cost under the campaign its rule chose.
  expect(rows).toContainEqual(['Spring launch', 180, 12000, 66.67]);
  expect(rows).toContainEqual(['Webinar series EU', 10, 0, 0]);
  expect(rows).toContainEqual(['Cost reported by the ad platforms', 190]);
  expect(rows).toContainEqual(['Left out of the cost per lead ranking (no leads, or money without an exchange rate): Spring launch, Webinar series EU']);
});

// A name no campaign has can become a new campaign from the preview: named
// as in the file, over its facts' days, and the rule sends the name to it.
test('an unmatched name becomes a new campaign from the preview', async ({ page, playwright }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  const file =
    'Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions\n' +
    '2025-10-06,Autumn retargeting,Display,USD,400,12,30.00,0\n' +
    '2025-10-09,Autumn retargeting,Display,USD,300,8,20.00,1\n';
  await imp.choose({ name: 'google-ads-autumn.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await expect(imp.kind).toHaveValue('results');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 0 of 2 facts.');
  await page.getByTestId('results-unmatched').screenshot({ path: '/tmp/rfinish-new-campaign.png' });
  await page.locator('tr[data-unmatched="Autumn retargeting"]').getByRole('button', { name: 'New campaign' }).click();
  await expect(app.notice('Created the campaign “Autumn retargeting”; the name now goes to it.')).toBeVisible();
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 2 facts.');
  await imp.commit.click();
  await expect(app.notice('Imported: 2 created')).toBeVisible();

  const request = await playwright.request.newContext();
  const found = await ws.call<{ campaigns: { name: string; startDate: string; endDate: string }[] }>(request, 'Campaigns.Find', { search: 'Autumn' });
  const rules = await ws.call<{ text: string; campaignId: number }[]>(request, 'Results.Rules');
  await request.dispose();
  expect(found.campaigns.map((c) => [c.name, c.startDate, c.endDate])).toEqual([['Autumn retargeting', '2025-10-06', '2025-10-09']]);
  expect(rules.map((r) => r.text)).toContain('Autumn retargeting');
});
