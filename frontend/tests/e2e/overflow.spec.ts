import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings';
import { mkdirSync } from 'node:fs';

// Every language at the two common laptop widths: a label that wraps onto
// a second line or is cut off in a button, a tab, a navigation entry or a
// table header is a failure, named by its page and text. Polish and
// Turkish labels run long (1.8× English is common).
test.describe.configure({ mode: 'serial' });

const shots = process.env.SHOTS ?? '../test-artifacts/overflow';
mkdirSync(shots, { recursive: true });
const pages = ['dashboard', 'campaigns', 'calendar', 'budget', 'contracts', 'assets', 'import', 'activity', 'settings'];

async function call(page: Page, method: string, ...args: unknown[]) {
  const res = await page.request.post('/api/' + method.replace('.', '/'), { data: args });
  expect(res.ok(), `${method}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

async function switchTo(page: Page, lang: string) {
  await new SettingsPage(page).language(lang);
}

test.beforeAll(async ({ browser, workspaces }, info) => {
  // Something in each list, so its table and its row buttons show.
  const context = await browser.newContext({ baseURL: (await workspaces.of(info)).url });
  const page = await context.newPage();
  const today = new Date().toISOString().slice(0, 10);
  await call(page, 'Campaigns.Create', { name: 'Overflow check', status: 'planned', startDate: today, endDate: today, budget: { amount: 0, currency: 'USD' } });
  const vendor = await call(page, 'Vendors.Create', { name: 'Overflow vendor' });
  const team = await call(page, 'Lists.Create', 'teams', 'Brand');
  const category = await call(page, 'Lists.Create', 'categories', 'Software');
  const contract = { vendorId: vendor.id, teamId: team.id, categoryId: category.id, product: 'Suite', cost: { amount: 120000, currency: 'USD' }, billingCycle: 'annual', startDate: today, termMonths: 12, renewalDate: today, autoRenew: true, noticeDays: 30, status: 'active' };
  await call(page, 'Contracts.Create', contract);
  await call(page, 'Budget.CreateFiscalYear', Number(today.slice(0, 4)), 'month');
  await context.close();
});

/** crowded lists the labels on the page that wrap or are cut off. */
function crowded(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('button, [role="tab"], nav a, th, .tabs a');
    for (const el of els) {
      const box = el.getBoundingClientRect();
      const text = (el.innerText || '').trim();
      if (!text || box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Lines: the distinct tops of the text's line boxes.
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.3;
      const text1 = range.getBoundingClientRect();
      const wraps = tops.size > 1 && text1.height > lineHeight * 1.5;
      // Cut off by itself, or by a box around it that hides what sticks
      // out (a box that scrolls, like a wide table's, shows it).
      let hiddenBy = false;
      for (let a = el.parentElement; a && !hiddenBy; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') break; // what sticks out scrolls into view
        if (o !== 'hidden' && o !== 'clip') continue;
        const r = a.getBoundingClientRect();
        hiddenBy = box.right > r.right + 1 || box.left < r.left - 1;
      }
      const clipped = el.scrollWidth > el.clientWidth + 1 || text1.width > box.width + 1 || hiddenBy;
      if (wraps || clipped) out.push(`${el.tagName.toLowerCase()} “${text.replace(/\s+/g, ' ')}” ${wraps ? 'wraps' : 'is cut off'}`);
    }
    return [...new Set(out)];
  });
}

for (const lang of ['pl', 'tr', 'fa', 'ar', 'th', 'en']) {
  test(`labels in ${lang} fit their buttons, tabs and table headers`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 860 });
    await switchTo(page, lang);
    const found: string[] = [];
    for (const width of [1280, 1366]) {
      await page.setViewportSize({ width, height: 860 });
      for (const area of pages) {
        await page.goto(`/#/${area}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        // Let the view finish loading what it lists.
        await page.waitForLoadState('networkidle');
        found.push(...(await crowded(page)).map((s) => `${width} ${area}: ${s}`));
        await page.screenshot({ path: `${shots}/${lang}-${width}-${area}.png` });
      }
    }
    expect(found).toEqual([]);
  });
}

test('in Persian the campaigns chart counts the Solar Hijri months, Farvardin to Esfand', async ({ page }) => {
  await switchTo(page, 'fa');
  const asked = page.waitForRequest((r) => r.url().includes('/api/Charts/CampaignsByMonth'));
  await page.goto('/#/campaigns');
  const [year, labels] = (await asked).postDataJSON() as [number, { months: string[]; monthStarts: string[] }];
  const thisYear = new Date().getUTCFullYear();
  const persian = Number(new Intl.DateTimeFormat('en-u-ca-persian', { year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(thisYear, 6, 1))).find((p) => p.type === 'year')!.value);
  expect(year).toBe(persian);
  expect(labels.months[0]).toBe('فروردین');
  expect(labels.months[11]).toBe('اسفند');
  expect(labels.monthStarts[0]).toMatch(new RegExp(`^${thisYear}-03-2[01]$`));
  await expect(page.locator('.panel .year span')).toHaveText(new Intl.NumberFormat('fa', { useGrouping: false }).format(persian));
  await page.screenshot({ path: `${shots}/fa-campaigns-chart.png` });
});
