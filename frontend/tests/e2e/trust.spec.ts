import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import ICAL from 'ical.js';
import { AppShell } from './pages/app';
import { AssetsPage } from './pages/assets';
import { CalendarPage } from './pages/calendar';
import { CampaignsPage } from './pages/campaigns';
import { ContractsPage } from './pages/contracts';

// Numbers and names a marketer can trust: what a date is for, what an
// export holds, why an image has no preview, and names of any length or
// script that neither widen the page nor lose characters. Each test makes
// its own data, so the file runs alone or after the others.

const day = (offset: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate() + offset)).toISOString().slice(0, 10);
};
const shown = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
/** addMonths adds months the way renewals roll: the last day of a shorter month. */
const addMonths = (iso: string, n: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
};
const addDays = (iso: string, n: number) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

/** api calls a backend facade the way the UI does in serve mode. */
async function api<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const res = await page.request.post('/api/' + method.replace('.', '/'), { data: args });
  expect(res.ok(), `${method}: ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** listItem returns the id of a team or category, adding it when the workspace has none. */
async function listItem(page: Page, kind: 'teams' | 'categories', name: string): Promise<number> {
  const items = await api<{ id: number; name: string }[]>(page, 'Lists.Items', kind);
  return items.find((i) => i.name === name)?.id ?? (await api<{ id: number }>(page, 'Lists.Create', kind, name)).id;
}

/**
 * fits checks that the page is no wider than the window and that every
 * place showing name either wraps it or ends it in "…" (never clips it
 * mid-letter), and keeps a screenshot.
 */
async function fits(page: Page, name: string, shot: string) {
  await page.screenshot({ path: `/tmp/uifixes-${shot}.png` });
  const { scroll, width, cut } = await page.evaluate((name) => {
    const cut: string[] = [];
    for (const el of document.querySelectorAll('bdi')) {
      if (el.textContent !== name) continue;
      // The nearest box that hides overflow decides what is seen.
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible') continue;
        if (a.scrollWidth > a.clientWidth + 1 && cs.textOverflow !== 'ellipsis') cut.push(`${a.tagName}.${a.className}`);
        break;
      }
    }
    return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, cut };
  }, name);
  expect(scroll, `${shot}: the page is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
  expect(cut, `${shot}: the name is cut off`).toEqual([]);
}

test('a contract too late to cancel says for which renewal, and when the next decision is', async ({ page }) => {
  const teamId = await listItem(page, 'teams', 'Brand');
  const categoryId = await listItem(page, 'categories', 'Software');
  const vendor = await api<{ id: number }>(page, 'Vendors.Create', { name: 'Trust Design Co', category: 'design' });
  // Monthly, 7 days' notice, renews in 3 days: the notice for that renewal ran out 4 days ago.
  const renewal = day(3);
  await api(page, 'Contracts.Create', {
    vendorId: vendor.id, product: 'Trust Boards', teamId, categoryId, cost: { amount: 1500, currency: 'USD' },
    billingCycle: 'monthly', startDate: addMonths(renewal, -1), termMonths: 1, renewalDate: renewal, autoRenew: true,
    noticeDays: 7, status: 'active',
  });
  const next = addMonths(renewal, 1);
  const contracts = new ContractsPage(page);
  await contracts.open();
  const cell = contracts.cancelBy(contracts.row('Trust Boards'));
  await expect(cell).toContainText(`Too late to cancel the renewal on ${shown(renewal)}`);
  await expect(cell).toContainText(`Next decision by ${shown(addDays(next, -7))}, for the renewal on ${shown(next)}`);
  await cell.screenshot({ path: '/tmp/uifixes-late-contract.png' });
});

test('the .ics export says what it holds and can take the whole plan', async ({ page }) => {
  // Far from the month in view: a current-month export would not hold it.
  const start = day(500);
  await api(page, 'Campaigns.Create', { name: 'Trust far launch', status: 'planned', startDate: start, endDate: addDays(start, 6), budget: { amount: 0, currency: 'USD' } });
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  await page.getByRole('button', { name: 'Export .ics' }).click();
  const dlg = page.getByRole('dialog', { name: 'Export to a calendar (.ics)' });
  // The range in view is named, and each choice says how many events it holds.
  await expect(dlg.getByRole('radio', { name: /The range in view: .+ – .+/ })).toBeVisible();
  await expect(new CalendarPage(page).icsCount('view')).toHaveText(/^\d+ events?$/);
  await expect(new CalendarPage(page).icsCount('all')).toHaveText(/^\d+ events?$/);
  await dlg.screenshot({ path: '/tmp/uifixes-ics-dialog.png' });
  await dlg.getByRole('button', { name: 'Cancel' }).click();

  const { count, text } = await new CalendarPage(page).exportIcs('all');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(count).toBe(`${events.length} event${events.length === 1 ? '' : 's'}`);
  expect(events.map((e) => e.summary)).toContain('Trust far launch');
  await expect(app.notice(`Exported ${count} to `)).toBeVisible();
});

test('a damaged image shows its type icon and why, on its card and its page', async ({ page }) => {
  // A PNG cut off after its header: the size reads, the pixels do not.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAEklEQVR4nGM4oKDwHx9mGBkKAMw3f8FAVmxFAAAAAElFTkSuQmCC',
    'base64',
  ).subarray(0, 45);
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Assets');
  const assets = new AssetsPage(page);
  await assets.drop([{ name: 'trust-damaged.png', type: 'image/png', data: png }]);
  const card = assets.card('trust damaged');
  await expect(assets.icon(card)).toHaveText('▧');
  await card.getByRole('link', { name: 'trust damaged', exact: true }).click();
  const preview = assets.previewRegion;
  await expect(assets.icon(preview)).toHaveText('▧');
  await expect(assets.previewNote).toHaveText(/This image is damaged or cut off/);
  await expect(assets.previewImage).toHaveCount(0);
  await preview.screenshot({ path: '/tmp/uifixes-damaged.png' });
});

test('a 200-character name wraps everywhere; a longer one is refused, not cut', async ({ page, browser }) => {
  const long = 'Q'.repeat(200);
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Campaigns');
  const campaigns = new CampaignsPage(page);
  await campaigns.startNew();
  await campaigns.fill({ name: long + 'X', start: day(0), end: day(20), budget: '999999999999999999' });
  await campaigns.save();
  await expect(campaigns.fieldError('budget')).toHaveText('This amount is too large. Check the number of digits.');
  await campaigns.form.getByLabel('Planned budget').fill('1000');
  await campaigns.save();
  await expect(campaigns.fieldError('name')).toHaveText('Use at most 200 characters.');
  await expect(campaigns.form.getByLabel('Campaign', { exact: true })).toHaveValue(long + 'X');
  await campaigns.form.getByLabel('Campaign', { exact: true }).fill(long);
  await campaigns.save();
  await campaigns.form.waitFor({ state: 'detached' });

  await expect(campaigns.row(long)).toBeVisible();
  await fits(page, long, 'long-campaigns');
  await page.getByRole('link', { name: long, exact: true }).click();
  await expect(page.getByRole('heading', { name: long })).toBeVisible();
  await fits(page, long, 'long-detail');
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  for (const v of ['Month', 'Week', 'Quarter', 'Timeline', 'List'] as const) {
    await cal.view(v);
    await expect(page.getByText(long).first()).toBeVisible();
    await fits(page, long, 'long-' + v.toLowerCase());
  }
  await app.goTo('Dashboard');
  await fits(page, long, 'long-dashboard');
  await reportFits(page, browser, long);

  // A vendor and a product as long, in the contracts list.
  const teamId = await listItem(page, 'teams', 'Brand');
  const categoryId = await listItem(page, 'categories', 'Software');
  const vendor = await api<{ id: number }>(page, 'Vendors.Create', { name: 'V'.repeat(200), category: 'design' });
  await api(page, 'Contracts.Create', {
    vendorId: vendor.id, product: long, teamId, categoryId, cost: { amount: 1500, currency: 'USD' },
    billingCycle: 'annual', startDate: day(0), termMonths: 12, renewalDate: addMonths(day(0), 12), autoRenew: true, noticeDays: 30, status: 'active',
  });
  await page.goto('/#/contracts');
  await page.reload();
  await expect(page.getByRole('link', { name: long, exact: true })).toBeVisible();
  await fits(page, long, 'long-contracts');
});

/** reportFits exports the HTML report and checks no table in it grows wider than the page for a name. */
async function reportFits(page: Page, browser: Browser, name: string) {
  await page.getByTestId('dashboard-period').selectOption('fy');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (.html)' }).click();
  const file = await dl;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const report = await context.newPage();
  await report.goto('file://' + path);
  await expect(report.getByRole('cell', { name }).first()).toBeVisible();
  const wide = await report.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('.scroll')].filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.className || el.tagName),
  );
  await report.screenshot({ path: '/tmp/uifixes-long-report.png', fullPage: true });
  expect(wide, 'the report scrolls sideways for a long name').toEqual([]);
  await context.close();
}

test('an emoji in a name is drawn in colour, not as an empty box', async ({ page }) => {
  await api(page, 'Campaigns.Create', { name: 'Trust launch 🚀🎉', status: 'planned', startDate: day(0), endDate: day(5), budget: { amount: 0, currency: 'USD' } });
  await page.goto('/#/campaigns');
  const name = page.getByRole('link', { name: 'Trust launch 🚀🎉', exact: true });
  await expect(name).toBeVisible();
  await name.screenshot({ path: '/tmp/uifixes-emoji.png' });
  // Draw the emoji in the link's own font and count coloured pixels: an
  // empty box (no emoji font) is drawn in the text colour, grey.
  const coloured = await name.evaluate((el) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d')!;
    ctx.font = `40px ${getComputedStyle(el).fontFamily}`;
    ctx.fillStyle = '#000';
    ctx.fillText('🚀', 4, 48);
    const px = ctx.getImageData(0, 0, 64, 64).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 60) n++;
    return n;
  });
  expect(coloured).toBeGreaterThan(50);
});
