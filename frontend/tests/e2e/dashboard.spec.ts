import { expect, test } from '@playwright/test';
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
