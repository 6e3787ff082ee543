import { expect, test } from './fixtures';
import { AppShell } from './pages/app';

// Long work shows its progress and can be cancelled; a cancelled import
// stores nothing. Leaves the workspace as it found it.

/** bigSpend is a spend CSV large enough that storing it takes a while. */
function bigSpend(rows: number): string {
  const lines = ['Date,Amount,Team,Category,Vendor,Description'];
  for (let i = 0; i < rows; i++) {
    lines.push(`2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${100 + (i % 900)},Brand,Events,Cancel Test Vendor,Row ${i}`);
  }
  return lines.join('\n') + '\n';
}

test('cancelling a large import commit stores nothing and leaves no history entry', async ({ page }) => {
  test.setTimeout(180_000);
  const spendBefore = await (await page.request.post('/api/Spend/Find', { data: [{}] })).json();
  await page.goto('/#/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'cancel-me.csv', mimeType: 'text/csv', buffer: Buffer.from(bigSpend(150_000)) });
  await expect(page.getByTestId('import-counts')).toHaveText('150,000 to create · 0 to update · 0 skipped', { timeout: 120_000 });

  await page.getByTestId('import-commit').click();
  const bar = page.getByRole('progressbar', { name: 'Importing…' });
  await expect(bar).toBeVisible();
  await bar.locator('..').getByRole('button', { name: 'Cancel' }).click();

  const app = new AppShell(page);
  await expect(app.notice('Cancelled — nothing was changed.')).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveCount(0);
  // Nothing was stored: no run in the history, the spend list as before.
  const history = (await (await page.request.post('/api/Imports/History', { data: [] })).json()) as { fileName: string }[];
  expect(history.filter((r) => r.fileName === 'cancel-me.csv')).toEqual([]);
  const spendAfter = await (await page.request.post('/api/Spend/Find', { data: [{}] })).json();
  expect(spendAfter.total).toBe(spendBefore.total);
  const ours = await (await page.request.post('/api/Spend/Find', { data: [{ vendor: 'Cancel Test Vendor' }] })).json();
  expect(ours.total).toBe(0);
});
