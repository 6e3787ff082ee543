import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/app';
import { AssetsPage } from './pages/assets';
import { ContractsPage } from './pages/contracts';
import { CampaignPicker } from './pages/picker';

// An asset library next to the campaign "Spring launch", which ends on
// 15 April 2027.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  await ws.call(request, 'Campaigns.Create', {
    name: 'Spring launch', status: 'live', startDate: '2027-03-01', endDate: '2027-04-15', budget: { amount: 0, currency: 'USD' },
  });
  await request.dispose();
});

// An 8×8 PNG (dropped twice under two names: the same bytes).
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAEklEQVR4nGM4oKDwHx9mGBkKAMw3f8FAVmxFAAAAAElFTkSuQmCC',
  'base64',
);

test('drop three files, one a duplicate, and add it as a new version', async ({ page }) => {
  const app = new AppShell(page);
  const assets = new AssetsPage(page);
  await app.open();
  await app.goTo('Assets');
  await expect(page.getByText('No assets yet.')).toBeVisible();
  await assets.drop([
    { name: 'acme-logo.png', type: 'image/png', data: png },
    { name: 'press-kit.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 press kit') },
  ]);
  await expect(page.getByRole('link', { name: 'acme logo', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'press kit', exact: true })).toBeVisible();

  await assets.drop([{ name: 'acme-logo-final.png', type: 'image/png', data: png }]);
  const dlg = page.getByRole('dialog', { name: 'Already in the library' });
  await expect(dlg).toContainText('acme-logo-final.png → acme logo');
  await dlg.getByLabel('What to do with acme-logo-final.png').selectOption({ label: 'Add as a new version' });
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(assets.assets).toHaveCount(2);
  await expect(assets.card('acme logo')).toContainText('2 versions');
  // The image gets a preview; the PDF its type icon.
  await expect(assets.preview('acme logo')).toBeVisible();
});

test('tag assets in bulk and find them by search', async ({ page }) => {
  const app = new AppShell(page);
  const assets = new AssetsPage(page);
  await app.open();
  await app.goTo('Assets');
  await assets.select('acme logo');
  await assets.select('press kit');
  await page.getByRole('button', { name: 'Edit 2 assets' }).click();
  const dlg = page.getByRole('dialog', { name: 'Edit 2 assets' });
  await dlg.getByLabel('Add tags').fill('spring, brand');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(assets.card('press kit')).toContainText('spring');

  const search = assets.search;
  await search.fill('pres');
  await expect(assets.assets).toHaveCount(1);
  await expect(assets.card()).toContainText('press kit');
  await search.fill('spring');
  await expect(assets.assets).toHaveCount(2);
  await search.fill('acme-logo-final');
  await expect(assets.assets).toHaveCount(1);
});

test('a licence that ends before a linked campaign shows a warning on the campaign', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Assets');
  await page.getByRole('link', { name: 'acme logo', exact: true }).click();
  // The asset's page is named by its title, its one h1, which takes focus.
  await expect(page.getByRole('heading', { level: 1, name: 'acme logo' })).toBeFocused();
  await page.getByLabel('Licence type').fill('Rights-managed');
  await page.getByLabel('Licence holder').fill('Studio North');
  await page.getByLabel('Licence expiry').fill('2027-01-31');
  await new CampaignPicker(page.getByLabel('Used in campaigns')).choose('Spring launch');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.notice('Asset saved.')).toBeVisible();

  // The licence runs out within the digest's horizon: it is listed there.
  const contracts = new ContractsPage(page);
  await contracts.open();
  await contracts.showDigest();
  await contracts.horizon.selectOption({ label: '365 days' });
  await expect(contracts.digest).toContainText('Licence ends');

  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring launch', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'acme logo' })).toContainText(
    'The licence of “acme logo” ends on Jan 31, 2027, before this campaign ends on Apr 15, 2027.',
  );
});

test('export the asset inventory', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Assets');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const file = await dl;
  expect(file.suggestedFilename()).toMatch(/^assets-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const sheet = wb.getWorksheet('Assets')!;
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, n) => n > 1 && rows.set(String(row.getCell(1).value), row));
  expect([...rows.keys()].sort()).toEqual(['acme logo', 'press kit']);
  const logo = rows.get('acme logo')!;
  expect(logo.getCell(8).value).toBe(2); // versions
  expect(logo.getCell(10).value).toBe('Studio North');
  expect(logo.getCell(13).value).toEqual(new Date(Date.UTC(2027, 0, 31)));
  expect(logo.getCell(15).value).toBe('Spring launch');
});
