import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { DashboardPage } from './pages/dashboard';

// Results on the dashboard and on a campaign's page before any results
// file is imported: each says there are no results yet, with no table,
// funnel or zero figures pretending to be data. (The figures with data are
// checked in backend/api/dashboard_results_test.go and
// report_results_test.go, which store facts through the store's bulk path;
// no API adds facts without a file.)
test.describe.configure({ mode: 'serial' });

test('the dashboard says there are no results yet', async ({ page }) => {
  const dash = new DashboardPage(page);
  await new AppShell(page).open();
  await dash.open();
  await expect(dash.results).toContainText('No results yet.');
  await expect(dash.results.locator('table, [data-chart="funnel"]')).toHaveCount(0);
});

test('a campaign without results says so on its page', async ({ page, workspace, playwright }) => {
  const request = await playwright.request.newContext();
  const today = await workspace.call<string>(request, 'Workspace.Today');
  const c = await workspace.call<{ id: number }>(request, 'Campaigns.Create', { name: 'Spring launch', status: 'planned', startDate: today, endDate: today, budget: { amount: 0, currency: 'USD' } });
  await request.dispose();
  await page.goto(`/#/campaigns/${c.id}`);
  const section = page.locator('[data-campaign-results]');
  await expect(section).toContainText('No results for this campaign yet.');
  await expect(section.locator('dl, [data-chart]')).toHaveCount(0);
});
