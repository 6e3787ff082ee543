import { type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { mkdirSync } from 'node:fs';
import { Workspace } from './pages/workspace';

// Charts with one and with thirty teams, categories and channels, all with
// long names, in English, Persian and Thai, each on a workspace of its own
// next to the file's. The screenshots are kept for a person to look at.
test.describe.configure({ mode: 'serial' });

const shots = '../test-artifacts/charts';
mkdirSync(shots, { recursive: true });

/** Long names in three scripts, so wrapping is tried with each font. */
function longName(kind: string, i: number): string {
  const n = String(i + 1).padStart(2, '0');
  if (i % 3 === 1) return `${kind} ${n} بازاریابی میدانی منطقه‌ای خاورمیانه`;
  if (i % 3 === 2) return `${kind} ${n} การตลาดภาคสนามระดับภูมิภาคเอเชีย`;
  return `${kind} ${n} Paid social and regional field marketing EMEA`;
}

/** seed fills a workspace with n teams, categories and channels, a budget, spend and campaigns this month. */
async function seed(ws: Workspace, request: APIRequestContext, n: number) {
  const today = await ws.call<string>(request, 'Workspace.Today');
  const st = await ws.call<{ baseCurrency: string }>(request, 'Workspace.Settings');
  const make = async (kind: string, label: string) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await ws.call<{ id: number }>(request, 'Lists.Create', kind, longName(label, i))).id);
    return ids;
  };
  const teams = await make('teams', 'Team');
  const categories = await make('categories', 'Category');
  const channels = await make('channels', 'Channel');
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  await ws.call(request, 'Budget.CreateFiscalYear', year, 'month');
  const lines = teams.map((teamId, i) => ({ teamId, categoryId: categories[i], period: month, amount: 100_000_00 + i * 7_000_00 }));
  await ws.call(request, 'Budget.SetLines', year, lines);
  const statuses = ['idea', 'planned', 'in_progress', 'live', 'completed', 'cancelled'];
  for (let i = 0; i < n; i++) {
    const amount = { amount: 20_000_00 + i * 3_100_00, currency: st.baseCurrency };
    await ws.call(request, 'Spend.Create', { date: today, amount, teamId: teams[i], categoryId: categories[i], status: i % 2 ? 'committed' : 'actual', vendor: 'Vendor' });
    await ws.call(request, 'Campaigns.Create', {
      name: longName('Campaign', i), status: statuses[i % statuses.length], teamId: teams[i], channelIds: [channels[i]],
      startDate: today, endDate: today, budget: { amount: 0, currency: st.baseCurrency },
    });
  }
}

type Box = { text: string; x: number; y: number; w: number; h: number };

/** texts reads every piece of text a chart draws, with its box on screen. */
async function texts(chart: Locator): Promise<Box[]> {
  return chart.locator('svg text').evaluateAll((els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
      })
      .filter((b) => b.text.trim() !== '' && b.w > 0 && b.h > 0),
  );
}

/** readable fails when two texts of a chart overlap, a text leaves the chart or is cut short with an ellipsis. */
async function readable(chart: Locator, what: string) {
  const area = (await chart.boundingBox())!;
  const boxes = await texts(chart);
  expect(boxes.length, `${what}: has text`).toBeGreaterThan(0);
  const clash: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    if (a.text.includes('…') || a.text.includes('...')) clash.push(`cut: "${a.text}"`);
    if (a.x < area.x - 1 || a.y < area.y - 1 || a.x + a.w > area.x + area.width + 1 || a.y + a.h > area.y + area.height + 1) clash.push(`outside: "${a.text}"`);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 1 && dy > 1) clash.push(`"${a.text}" × "${b.text}"`);
    }
  }
  expect(clash, what).toEqual([]);
}

/** categoryLabels counts the texts of a chart that name one of the seeded teams, categories or channels. */
async function named(chart: Locator, kind: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const b of await texts(chart)) {
    const m = new RegExp(`${kind} (\\d\\d)`).exec(b.text);
    if (m) found.add(m[1]);
  }
  return found;
}

/** panels checks every chart panel under a locator: a visible title, and readable text when drawn. */
async function panels(page: Page, scope: Locator, name: string) {
  const all = scope.locator('[data-chart]');
  const count = await all.count();
  expect(count, name).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const panel = all.nth(i);
    const label = await panel.getAttribute('data-chart');
    const svg = panel.locator('.chart svg');
    if (await svg.count()) {
      await readable(panel.locator('.chart'), `${name} ${label}`);
    } else {
      // An empty chart still says which chart it is.
      await expect(panel.getByRole('heading'), `${name} ${label}`).toBeVisible();
      await expect(panel.locator('.empty')).toBeVisible();
    }
  }
  void page;
}

const languages = [
  ['en', 'gregory'],
  ['fa', 'persian'],
  ['th', 'buddhist'],
  ['ar', 'gregory'],
  ['pl', 'gregory'],
  ['tr', 'gregory'],
] as const;

for (const n of [1, 30]) {
  test.describe(`${n} of each`, () => {
    let ws: Workspace;
    test.beforeAll(async ({ playwright }) => {
      ws = await Workspace.start();
      const request = await playwright.request.newContext();
      await seed(ws, request, n);
      await request.dispose();
    });
    test.afterAll(async () => ws?.stop());

    for (const [lang, calendar] of languages) {
      test(`dashboard and budget charts stay readable in ${lang}`, async ({ page, request }) => {
        test.setTimeout(60_000);
        await ws.language(request, lang, calendar);
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(ws.url + '/#/dashboard');
        await page.getByTestId('dashboard-period').selectOption('fy');
        const dash = page.locator('main');
        await expect(dash.locator('[data-chart] .chart svg').first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${shots}/${n}-${lang}-dashboard.png`, fullPage: true });
        await panels(page, dash, `${n} ${lang} dashboard`);
        // Every team has its label on the plan-vs-actual chart, every channel on the channel chart.
        expect((await named(dash.locator('[data-chart="plan-vs-actual"]'), 'Team')).size).toBe(n);
        expect((await named(dash.locator('[data-chart="by-channel"]'), 'Channel')).size).toBe(n);

        await page.goto(ws.url + '/#/budget');
        await page.getByRole('tab').nth(3).click();
        await expect(page.locator('[data-chart="by-category"] .chart svg')).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${shots}/${n}-${lang}-budget.png`, fullPage: true });
        await panels(page, page.locator('main'), `${n} ${lang} budget`);
        expect((await named(page.locator('[data-chart="by-category"]'), 'Category')).size).toBe(n);
        expect((await named(page.locator('[data-chart="plan-vs-actual"]'), 'Team')).size).toBe(n);

        // The campaigns-per-month chart: twelve month names and the statuses in the legend.
        await page.goto(ws.url + '/#/campaigns');
        const months = page.locator('main .chart');
        await expect(months.locator('svg')).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await readable(months, `${n} ${lang} campaigns per month`);
      });
    }
  });
}

test('an empty dashboard names each chart it has nothing to draw for', async ({ page }) => {
  // The file's own workspace: nothing in this file fills it.
  await page.goto('/#/dashboard');
  const panelsShown = page.locator('main [data-chart]');
  await expect(panelsShown.first()).toBeVisible();
  await page.screenshot({ path: `${shots}/empty-dashboard.png`, fullPage: true });
  const count = await panelsShown.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const panel = panelsShown.nth(i);
    await expect(panel.getByRole('heading')).toBeVisible();
    await expect(panel.getByRole('heading')).not.toHaveText('');
  }
  await expect(page.locator('[data-chart="by-status"]').getByRole('heading')).toHaveText('Campaigns by status');
  await expect(page.locator('[data-chart="by-channel"]').getByRole('heading')).toHaveText('Campaigns by channel');
});

test('the campaigns-per-month chart opens on next year when every campaign is next year', async ({ page, request }) => {
  const ws = await Workspace.start();
  try {
    const today = await ws.call<string>(request, 'Workspace.Today');
    const next = Number(today.slice(0, 4)) + 1;
    await ws.call(request, 'Campaigns.Create', {
      name: 'Spring launch', status: 'planned', startDate: `${next}-03-01`, endDate: `${next}-03-31`, budget: { amount: 0, currency: 'USD' },
    });
    await page.goto(ws.url + '/#/campaigns');
    const chart = page.getByRole('region', { name: `Campaigns per month, ${next}` });
    await expect(chart).toBeVisible();
    await expect(chart.locator('.chart svg')).toBeVisible();
    await expect(chart.getByText(`No campaign runs in ${next}.`)).toHaveCount(0);
    // Paging still works from there.
    await chart.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByRole('region', { name: `Campaigns per month, ${next - 1}` })).toBeVisible();
  } finally {
    await ws.stop();
  }
});
