import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { CalendarPage } from './pages/calendar';
import { ContractsPage } from './pages/contracts';

// A contract's dates, price history and payments, in a workspace whose
// fiscal year starts in April, with the team Brand, the category Paid
// media and this fiscal year's budget.
test.describe.configure({ mode: 'serial' });

const day = (offset: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate() + offset)).toISOString().slice(0, 10);
};
const addYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;
const shown = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
const fyOf = (iso: string) => (Number(iso.slice(5, 7)) >= 4 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);

// Renews in 75 days; 60 days' notice → cancel by in 15 days.
const renewal = day(75);
const cancelBy = day(15);

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  await ws.settings(request, { fiscalYearStartMonth: 4 });
  await ws.item(request, 'teams', 'Brand');
  await ws.item(request, 'categories', 'Paid media');
  await ws.call(request, 'Budget.CreateFiscalYear', fyOf(day(0)), 'month');
  await request.dispose();
});

test('add a vendor and an auto-renewing annual contract', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  if (fyOf(renewal) !== fyOf(day(0))) {
    // The renewal falls in next fiscal year: give it a budget to land in.
    await app.goTo('Budget');
    await page.getByRole('button', { name: 'New fiscal year' }).click();
    await new BudgetPage(page).createFiscalYear(fyOf(renewal));
  }
  await app.goTo('Contracts');
  await page.getByRole('button', { name: 'Add vendor' }).click();
  const contracts = new ContractsPage(page);
  let dlg = contracts.dialog('Add vendor');
  await dlg.getByLabel('Vendor').fill('HubSpot');
  await dlg.getByLabel('Category').selectOption({ label: 'CRM' });
  await dlg.getByLabel('Website').fill('https://www.hubspot.com');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(dlg).toHaveCount(0);

  await page.getByRole('button', { name: 'Add contract' }).click();
  dlg = contracts.dialog('Add contract');
  await dlg.getByLabel('Vendor').selectOption({ label: 'HubSpot' });
  await dlg.getByLabel('Product').fill('Marketing Hub');
  await dlg.getByLabel('Owner').fill('Dana');
  await dlg.getByLabel('Team').selectOption({ label: 'Brand' });
  await dlg.getByLabel('Category').selectOption({ label: 'Paid media' });
  await dlg.getByLabel('Cost per payment').fill('12,000');
  await dlg.getByLabel('Currency').selectOption('USD');
  await dlg.getByLabel('Billing').selectOption({ label: 'annual' });
  await dlg.getByLabel('Start date').fill(addYears(renewal, -1));
  await dlg.getByLabel('Term (months)').fill('12');
  await dlg.getByLabel('Renewal date').fill(renewal);
  await dlg.getByLabel('Notice period (days)').fill('60');
  await dlg.getByLabel('Seats purchased').fill('10');
  await dlg.getByLabel('Seats used').fill('12');
  await expect(dlg.getByRole('note')).toHaveText('More seats are used than purchased.'); // a warning, not an error
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(dlg).toHaveCount(0);

  const row = contracts.row('Marketing Hub');
  await expect(contracts.cancelBy(row)).toHaveText(shown(cancelBy));
  await expect(row).toContainText('$12,000.00');
});

test('the cancel-by date is in the digest and on the calendar', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  // The default reminder (30 days before the cancel-by date) has come: badge.
  await expect(page.getByRole('navigation').getByLabel(/licence dates? needs? attention/)).toBeVisible();
  await app.goTo('Contracts');
  const contracts = new ContractsPage(page);
  await contracts.showDigest();
  const entry = contracts.digest.getByRole('listitem').filter({ hasText: 'Cancel by' }).filter({ hasText: 'Marketing Hub' });
  await expect(entry).toContainText(shown(cancelBy));
  await expect(entry).toContainText('Reminder');

  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth(cancelBy);
  const chip = cal.contractDate('cancel', 'HubSpot Marketing Hub');
  await expect(chip).toBeVisible();
  const box = (await chip.boundingBox())!;
  const cell = (await cal.day(cancelBy).boundingBox())!;
  expect(Math.abs(box.x - cell.x)).toBeLessThan(8);
  await page.getByLabel('Contract dates').uncheck();
  await expect(chip).toHaveCount(0);
});

test('change the price, see the history and the budget follow', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  const contracts = new ContractsPage(page);
  await contracts.openContract('Marketing Hub');
  await expect(contracts.detail('cancel-by')).toContainText(shown(cancelBy));
  await page.getByRole('button', { name: 'Edit' }).click();
  const dlg = contracts.dialog('Edit contract');
  await dlg.getByLabel('Cost per payment').fill('13,500');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(dlg).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Price and seat history' }).getByRole('row');
  await expect(history).toHaveCount(3); // header + two changes
  await expect(history.nth(1)).toContainText('$12,000.00');
  await expect(history.nth(2)).toContainText('$13,500.00');

  // The renewal payment is committed spend in the budget, at the new price.
  await app.goTo('Budget');
  const fyLabel = `FY ${fyOf(renewal)}/${String((fyOf(renewal) + 1) % 100).padStart(2, '0')}`;
  await page.getByLabel('Fiscal year').selectOption({ label: fyLabel });
  await new BudgetPage(page).tab('Spend');
  const payment = page.getByRole('table', { name: 'Spend' }).getByRole('row').filter({ hasText: 'HubSpot' });
  await expect(payment).toContainText(shown(renewal));
  await expect(payment).toContainText('Committed');
  await expect(payment).toContainText('$13,500.00');
  await expect(payment.getByRole('link', { name: 'From its contract' })).toBeVisible();
});

test('keep the signed contract as a document', async ({ page }) => {
  const contracts = new ContractsPage(page);
  await contracts.openContract('Marketing Hub');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add documents' }).click();
  await (await chooser).setFiles({ name: 'HubSpot order form.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 order form') });
  const docs = page.getByRole('region', { name: 'Documents' });
  await expect(docs.getByRole('button', { name: 'HubSpot order form.pdf' })).toBeVisible();
  const download = page.waitForEvent('download');
  await docs.getByRole('button', { name: 'HubSpot order form.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('HubSpot order form.pdf');
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(await file.path(), 'utf8')).toBe('%PDF-1.4 order form');
});

test('bad input is refused with a message and changes nothing', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  const contracts = new ContractsPage(page);
  await contracts.openContract('Marketing Hub');
  await page.getByRole('button', { name: 'Edit' }).click();
  const dlg = contracts.dialog('Edit contract');
  await dlg.getByLabel('Renewal date').fill(addYears(renewal, -3));
  await dlg.getByLabel('Notice period (days)').fill('400');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(contracts.fieldError(dlg, 'c-renewal')).toHaveText('The renewal date is before the start date.');
  await expect(contracts.fieldError(dlg, 'c-notice')).toHaveText('Enter a notice period of 0 to 365 days.');
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(contracts.detail('cancel-by')).toContainText(shown(cancelBy));
});
