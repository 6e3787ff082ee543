import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

// These tests answer the backend calls they are about themselves (page.route),
// so they neither need nor change anything in the shared workspace.

const today = new Date().toISOString().slice(0, 10);

/** entry is a digest line for a contract that does not exist: only its text matters. */
const entry = (id: number, product: string) => ({
  contractId: id,
  assetId: 0,
  vendor: 'Stale Test',
  product,
  owner: '',
  kind: 'renewal',
  date: today,
  remindOn: today,
  due: false,
  cost: { amount: 100_00, currency: 'USD' },
});

/** settled waits until the page has handled what it has received (two frames). */
async function settled(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('an older horizon answering last does not replace the digest of the newer horizon', async ({ page }) => {
  const held: Route[] = [];
  let finishedOld = 0;
  await page.route('**/api/Contracts/Digest', async (route) => {
    const [horizon] = route.request().postDataJSON() as [number];
    if (horizon === 30) held.push(route);
    else await route.fulfill({ json: [entry(9002, `Answer for ${horizon} days`)] });
  });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/api/Contracts/Digest') && (r.postDataJSON() as number[])[0] === 30) finishedOld++;
  });

  await page.goto('/#/contracts?tab=digest&horizon=30');
  // The badge's digest and the tab's both ask for 30 days; hold both answers.
  await expect.poll(() => held.length).toBe(2);
  await page.getByLabel('Show what is due within').selectOption({ label: '90 days' });
  const list = page.getByRole('list', { name: 'Digest' });
  await expect(list.getByText('Answer for 90 days')).toBeVisible();

  // Now the older 30-day answers arrive, after the newer one.
  for (const r of held) await r.fulfill({ json: [entry(9001, 'Answer for 30 days')] });
  await expect.poll(() => finishedOld).toBe(2);
  await settled(page);
  await expect(list.getByText('Answer for 30 days')).toHaveCount(0);
  await expect(list.getByText('Answer for 90 days')).toBeVisible();
});

/** fakeCampaign is a complete campaign row for an answer the test makes up. */
const fakeCampaign = (id: number, name: string) => ({
  id,
  name,
  objective: '',
  teamId: 0,
  teamName: '',
  owner: '',
  channelIds: [],
  channelNames: [],
  tags: [],
  status: 'planned',
  startDate: today,
  endDate: today,
  budget: { amount: 0, currency: 'USD' },
  attributedRevenue: 0,
  notes: '',
  compliance: {},
  createdAt: '',
  updatedAt: '',
});

test('typing a word in the campaign search asks once, when typing pauses, and shows its matches', async ({ page }) => {
  const names = ['Spring launch', 'Summer sale', 'Spring webinar', 'Autumn push'];
  const searches: (string | undefined)[] = [];
  await page.route('**/api/Campaigns/Find', async (route) => {
    const [f] = route.request().postDataJSON() as [{ search?: string; limit?: number }];
    // The chart's and the filters' own calls ask without a page size of 50.
    if (f.limit === 50) searches.push(f.search);
    const found = names.map((n, i) => fakeCampaign(i + 1, n)).filter((c) => !f.search || c.name.toLowerCase().includes(f.search.toLowerCase()));
    await route.fulfill({ json: { campaigns: found, total: found.length } });
  });
  // The page's timers stand still while the word is typed, so "quickly" does not depend on this machine's speed.
  await page.clock.install();
  await page.goto('/#/campaigns');
  const rows = page.locator('tr[data-campaign-id]');
  await expect(rows).toHaveCount(4);
  expect(searches).toEqual([undefined]);

  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByRole('searchbox', { name: 'Search campaigns' }).pressSequentially('spring');
  await page.clock.runFor(300);
  await expect(rows).toHaveCount(2);
  await expect(rows.getByRole('link', { name: 'Spring launch' })).toBeVisible();
  await expect(rows.getByRole('link', { name: 'Spring webinar' })).toBeVisible();
  // One request for the word; none per key (they would have been answered before it).
  expect(searches).toEqual([undefined, 'spring']);
});

/** fakeAsset is a complete library card for an answer the test makes up. */
const fakeAsset = (id: number, title: string, tags: string[]) => ({
  id,
  title,
  type: 'image',
  tags,
  description: '',
  source: '',
  licence: { type: '', holder: '', usageRights: '', start: '', expiry: '' },
  campaignIds: [],
  versions: [],
  licenceState: 'none',
  createdAt: '',
  updatedAt: '',
});

test('typing in the library search and tag filter asks once per pause and shows the matches', async ({ page }) => {
  const all = [fakeAsset(1, 'Logo dark', ['brand']), fakeAsset(2, 'Logo light', ['web']), fakeAsset(3, 'Team photo', ['brand'])];
  const asked: { search?: string; tag?: string }[] = [];
  await page.route('**/api/Assets/Find', async (route) => {
    const [f] = route.request().postDataJSON() as [{ search?: string; tag?: string }];
    asked.push({ search: f.search, tag: f.tag });
    const found = all.filter((a) => a.title.toLowerCase().includes((f.search ?? '').toLowerCase()) && (!f.tag || a.tags.includes(f.tag)));
    await route.fulfill({ json: { assets: found, total: found.length } });
  });
  await page.clock.install();
  await page.goto('/#/assets');
  const cards = page.locator('li[data-asset-id]');
  await expect(cards).toHaveCount(3);

  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByRole('searchbox', { name: 'Search titles, tags, descriptions, file names, licence holders' }).pressSequentially('logo');
  await page.clock.runFor(300);
  await expect(cards).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Tag' }).pressSequentially('brand');
  await page.clock.runFor(300);
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('link', { name: 'Logo dark' })).toBeVisible();
  expect(asked).toEqual([
    { search: '', tag: '' },
    { search: 'logo', tag: '' },
    { search: 'logo', tag: 'brand' },
  ]);
});
