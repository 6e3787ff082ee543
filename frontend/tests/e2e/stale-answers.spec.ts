import { expect, test, type Page, type Route } from '@playwright/test';

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
