import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { CampaignsPage } from './pages/campaigns';
import { SettingsPage } from './pages/settings';

// The local workspace (serve mode on loopback): one person at the
// keyboard, so owners and deciders stay typed names, and a request's list
// entry says who decided it.

test.describe.configure({ mode: 'serial' });

test('a decided request says who decided it', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  const settings = new SettingsPage(page);
  await settings.addEntry('Teams', 'Brand');
  await settings.addEntry('Spend categories', 'Events');

  await app.goTo('Budget');
  const budget = new BudgetPage(page);
  await budget.createFiscalYear(new Date().getFullYear());
  await budget.tab('Requests');
  await budget.request({ by: 'Arif', team: 'Brand', category: 'Events', amount: '120', purpose: 'Name badges' });
  await expect(budget.requestItem('Name badges')).not.toContainText('Decided by');

  await budget.requestItem('Name badges').getByRole('button', { name: 'Reject' }).click();
  const dlg = page.getByRole('dialog', { name: 'Reject “Name badges”' });
  await dlg.getByLabel('Decided by').fill('Dana');
  await dlg.getByLabel('Reason').fill('Reuse last year’s');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(budget.requestItem('Name badges')).toContainText('Rejected');
  await expect(budget.requestItem('Name badges')).toContainText('Decided by \u2068Dana\u2069');
  await page.screenshot({ path: '/tmp/people-decided.png', fullPage: true });
});

test('locally owners stay typed names and no names wait to be mapped', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Campaigns');
  const campaigns = new CampaignsPage(page);
  await campaigns.startNew();
  // A text field offering the names in use, not a picker of members.
  const owner = campaigns.form.getByLabel('Owner');
  await expect(owner).toHaveAttribute('list', 'people-options');
  await expect(campaigns.form.locator('select#owner')).toHaveCount(0);
  await owner.fill('Someone new');
  await expect(owner).toHaveValue('Someone new');
  await page.keyboard.press('Escape');

  await app.goTo('Settings');
  const region = page.getByRole('region', { name: 'People' });
  await expect(region.getByRole('row', { name: /Arif/ })).toBeVisible();
  await expect(region.getByRole('heading', { name: 'Names to map to members' })).toHaveCount(0);
});
