import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { ImportPage } from './pages/import';
import { CampaignPicker } from './pages/picker';
import { SettingsPage } from './pages/settings';
import type { Workspace } from './pages/workspace';
import { googleAdsFile as file } from './pages/results-files';

// The matching rules of results imports on their own screen, and the
// spend category booked cost goes to. A Google Ads report names one
// campaign as only the ad platform does: a rule mapped from the preview
// shows on the Matching rules tab; deleted there, the name is unmatched
// again at the next import. Its cost, booked into a category chosen in
// the import panel, is a spend line of that category, and the next import
// of the source starts from the same choice.
test.describe.configure({ mode: 'serial' });

let ws: Workspace;

test.beforeAll(async ({ playwright, workspaces }, info) => {
  ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  const team = (await ws.call<{ id: number }>(request, 'Lists.Create', 'teams', 'Growth')).id;
  // "Events" is the first category: booked cost used to land there, unasked.
  await ws.call(request, 'Lists.Create', 'categories', 'Events');
  await ws.call(request, 'Lists.Create', 'categories', 'Paid media');
  for (const name of ['Spring launch', 'Webinar series EU']) {
    await ws.call(request, 'Campaigns.Create', {
      name, status: 'planned', teamId: team, startDate: '2026-03-01', endDate: '2026-06-30', budget: { amount: 1000000, currency: 'USD' },
    });
  }
  await request.dispose();
});


test('a rule mapped in the preview is on the rules screen; deleted there, the name is unmatched again', async ({ page }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  await imp.choose(file);
  const unmatched = page.locator('tr[data-unmatched="Q2-Launch webinar-eu"]');
  await new CampaignPicker(unmatched.getByRole('combobox', { name: 'Campaign for “Q2-Launch webinar-eu”' })).choose('Webinar series EU', 'Webinar');
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 3 of 3 facts.');

  await page.goto('/#/results');
  await page.getByRole('tab', { name: 'Matching rules' }).click();
  const rules = page.getByTestId('result-rules');
  const rule = rules.locator('tr[data-rule="Q2-Launch webinar-eu"]');
  await expect(rule.locator('td').nth(0)).toHaveText('Equals');
  await expect(rule.locator('td').nth(2)).toHaveText('Google Ads');
  await expect(rule.locator('td').nth(3)).toHaveText('Webinar series EU');

  await rule.getByRole('button', { name: 'Delete the rule “Q2-Launch webinar-eu”' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this rule?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(app.notice('Rule “Q2-Launch webinar-eu” deleted.')).toBeVisible();
  await expect(rule).toHaveCount(0);
  await expect(page.getByTestId('rules-empty')).toContainText('A rule is saved when you choose a campaign for an unmatched name');

  await imp.choose(file);
  await expect(page.locator('tr[data-unmatched="Q2-Launch webinar-eu"]')).toBeVisible();
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 3 facts.');
});

test('rules added on the screen: a duplicate is refused by its field, a rule can ignore its names', async ({ page }) => {
  const app = new AppShell(page);
  await page.goto('/#/results?tab=rules');
  const rules = page.getByTestId('result-rules');

  const add = async (text: string) => {
    await rules.getByRole('button', { name: 'Add rule' }).click();
    const dlg = page.getByRole('dialog', { name: 'New matching rule' });
    await dlg.getByLabel('Compares').selectOption({ label: 'Contains' });
    await dlg.getByLabel('Source').selectOption({ label: 'Google Ads' });
    await dlg.getByLabel('Text').fill(text);
    await new CampaignPicker(dlg.getByRole('combobox', { name: 'Campaign' })).choose('Webinar series EU', 'Webinar');
    await dlg.getByRole('button', { name: 'Save' }).click();
    return dlg;
  };
  await add('webinar-eu');
  await expect(app.notice('Rule “webinar-eu” added.')).toBeVisible();
  const rule = rules.locator('tr[data-rule="webinar-eu"]');
  await expect(rule.locator('td')).toContainText(['Contains', 'webinar-eu', 'Google Ads', 'Webinar series EU']);

  const dup = await add('webinar-eu');
  await expect(dup.locator('[data-field-error="rule-text"]')).toHaveText('A rule with this text, comparison and source already exists; change its campaign instead.');
  await dup.screenshot({ path: '/tmp/rulesui-rule-duplicate.png' });
  await dup.getByRole('button', { name: 'Cancel' }).click();

  // An empty text is said by its field too.
  await rules.getByRole('button', { name: 'Add rule' }).click();
  const empty = page.getByRole('dialog', { name: 'New matching rule' });
  await empty.getByTestId('rule-ignore').check();
  await empty.getByRole('button', { name: 'Save' }).click();
  await expect(empty.locator('[data-field-error="rule-text"]')).toHaveText('This field is required.');
  await empty.getByRole('button', { name: 'Cancel' }).click();

  await rule.getByRole('button', { name: 'Change the campaign of the rule “webinar-eu”' }).click();
  const change = page.getByRole('dialog', { name: 'Campaign for the rule “webinar-eu”' });
  await change.getByTestId('rule-ignore').check();
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(rule.locator('td').nth(3)).toHaveText('Ignored');
  await page.screenshot({ path: '/tmp/rulesui-rules-en.png', fullPage: true });

  // The ignoring rule leaves the name out of the next import.
  const imp = new ImportPage(page);
  await imp.choose(file);
  await expect(page.getByTestId('results-matched')).toHaveText('Matched to campaigns: 2 of 2 facts.');
  await expect(page.getByText('Left out by your rules: 1 facts.')).toBeVisible();

  // Right to left: the rules screen in Persian.
  await new SettingsPage(page).language('fa');
  await page.goto('/#/results?tab=rules');
  await expect(page.getByRole('tab', { name: 'قواعد تطبیق' })).toHaveAttribute('aria-selected', 'true');
  await expect(rules.locator('tr[data-rule="webinar-eu"] td').nth(3)).toHaveText('نادیده گرفته می‌شود');
  await page.screenshot({ path: '/tmp/rulesui-rules-fa.png', fullPage: true });
  await new SettingsPage(page).language('en');
});

test('booked cost goes to the category chosen for its source, and the next import starts from that choice', async ({ page }) => {
  const imp = new ImportPage(page);
  const app = new AppShell(page);
  await imp.choose(file);
  const cost = page.locator('[data-cost-source="google_ads"]');
  await cost.getByLabel('Book as actual spend').check();
  // The workspace's first category is offered first; the user picks another.
  const category = cost.getByTestId('book-category');
  await expect(category.locator('option:checked')).toHaveText('Events');
  await category.selectOption({ label: 'Paid media' });
  await expect(category.locator('option:checked')).toHaveText('Paid media');
  await expect(page.getByTestId('results-booked')).toHaveText('Spend entries booked or updated: 1');
  await cost.screenshot({ path: '/tmp/rulesui-book-category.png' });
  await imp.commit.click();
  await expect(app.notice('Imported: 2 created')).toBeVisible();

  await page.goto('/#/budget');
  const budget = new BudgetPage(page);
  await budget.openFiscalYear(2026);
  await budget.tab('Spend');
  const line = page.getByRole('table', { name: 'Spend' }).locator('tr', { hasText: 'results:google_ads:2026-03' });
  await expect(line.locator('td').nth(2)).toHaveText('Paid media');
  await expect(line.locator('td').nth(3)).toContainText('Google Ads');

  // The next import of Google Ads starts booked, into the same category.
  await imp.choose(file);
  await expect(cost.getByLabel('Book as actual spend')).toBeChecked();
  await expect(category.locator('option:checked')).toHaveText('Paid media');
});

// Someone else's rule shows on an open rules screen without a reload.
test('a rule added elsewhere appears on the open rules screen', async ({ page, playwright }) => {
  await page.goto('/#/results?tab=rules');
  const rules = page.getByTestId('result-rules');
  await expect(rules.locator('tr[data-rule="webinar-eu"]')).toBeVisible();
  const request = await playwright.request.newContext();
  await ws.call(request, 'Results.CreateRule', { kind: 'starts_with', text: 'Q3-Brand', source: '', campaignId: 0 });
  await request.dispose();
  const added = rules.locator('tr[data-rule="Q3-Brand"]');
  await expect(added.locator('td')).toContainText(['Starts with', 'Q3-Brand', 'Any source', 'Ignored']);
});

// A team host's Viewer (the UI alone: /auth/state stubbed as in
// team-local.spec.ts; the host refusing the calls is access.go's) reads
// the rules, with no control that changes them.
test('a Viewer reads the rules but changes none', async ({ page }) => {
  await page.route('**/auth/state', (r) => r.fulfill({ json: { mode: 'team', setup: false, me: { personId: 7, name: 'Vera', role: 'viewer' } } }));
  await page.route('**/api/Team/Sessions', (r) => r.fulfill({ json: [] }));
  await page.goto('/#/results?tab=rules');
  const rules = page.getByTestId('result-rules');
  await expect(rules.locator('tr[data-rule="webinar-eu"] td').nth(1)).toHaveText('webinar-eu');
  await expect(rules.getByRole('button')).toHaveCount(0);
});
