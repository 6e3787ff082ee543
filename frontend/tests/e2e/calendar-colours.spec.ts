import { type Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { CalendarPage } from './pages/calendar';
import type { Workspace } from './pages/workspace';

// The calendar's colours and its undo button: a campaign on two channels,
// a deliverable inside it and one standalone.
test.describe.configure({ mode: 'serial' });

const name = 'Spring product line launch across every region';
let ws: Workspace;
let today = '';

test.beforeAll(async ({ playwright, workspaces }, info) => {
  ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  today = await ws.call<string>(request, 'Workspace.Today');
  const id = async (kind: string, n: string) => (await ws.call<{ id: number }>(request, 'Lists.Create', kind, n)).id;
  const email = await id('channels', 'Email');
  const events = await id('channels', 'Events');
  const team = await id('teams', 'Field marketing');
  const campaign = await ws.call<{ id: number }>(request, 'Campaigns.Create', {
    name, status: 'planned', teamId: team, channelIds: [email, events], startDate: today, endDate: today,
    budget: { amount: 0, currency: 'USD' },
  });
  const deliverable = { type: 'email', status: 'draft', publishDate: today, owner: 'Arif' };
  await ws.call(request, 'Deliverables.Create', { ...deliverable, campaignId: campaign.id, title: 'Launch email', channelId: 0 });
  await ws.call(request, 'Deliverables.Create', { ...deliverable, campaignId: 0, title: 'Standalone newsletter', channelId: events });
  await request.dispose();
});

/** swatch reads a legend swatch's colour as the browser writes it ("rgb(r, g, b)"). */
const swatch = (cal: CalendarPage, entry: string) => cal.swatch(entry).evaluate((el) => getComputedStyle(el).backgroundColor);

/** paint is everything a mark is painted with: its colour and any bands. */
const paint = (el: Locator) => el.evaluate((e) => `${getComputedStyle(e).backgroundColor} ${getComputedStyle(e).backgroundImage}`);

test('a campaign shows every channel’s colour, and deliverables take their campaign’s colours', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#/calendar');
  const cal = new CalendarPage(page);
  await expect(cal.legendEntries).toHaveCount(2);
  const email = await swatch(cal, 'Email');
  const events = await swatch(cal, 'Events');
  expect(email).not.toBe(events);

  const bar = cal.bars(name);
  expect(await paint(bar)).toContain(email);
  expect(await paint(bar)).toContain(events);
  // Inside the campaign and on no channel of its own: the campaign's two channels.
  const inside = cal.deliverableTint('Launch email');
  expect(await paint(inside)).toContain(email);
  expect(await paint(inside)).toContain(events);
  // Its own channel, when it has one.
  const own = cal.deliverableTint('Standalone newsletter');
  expect(await paint(own)).toContain(events);
  expect(await paint(own)).not.toContain(email);
  await page.screenshot({ path: '../test-artifacts/charts/calendar-colours.png' });

  // By team: the campaign's deliverable takes the team's colour.
  await page.getByLabel('Colour by').selectOption('team');
  await expect(cal.legendEntries).toHaveCount(1);
  const team = await swatch(cal, 'Field marketing');
  expect(await paint(inside)).toContain(team);
  expect(await paint(bar)).toContain(team);

  // The list and the timeline use the same colours.
  await page.getByLabel('Colour by').selectOption('channel');
  await cal.view('Timeline');
  const tlBar = cal.timelineBars;
  expect(await paint(tlBar)).toContain(events);
  expect(await paint(cal.deliverableTint().first())).toContain(email);
});

test('the undo button floats over the page: the grid does not move when it appears', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/#/calendar');
  const cal = new CalendarPage(page);
  await cal.view('Month');
  const grid = cal.grid;
  const bar = cal.bars(name);
  await bar.waitFor();
  const before = (await grid.boundingBox())!;
  await bar.focus();
  await page.keyboard.press('Alt+ArrowRight');
  // The campaign has a deliverable, so the app asks whether it moves too.
  await page.getByRole('dialog').getByRole('button', { name: 'Only the campaign' }).click();
  const undo = page.getByRole('button', { name: /^↶ Undo: Moved/ });
  await expect(undo).toBeVisible();
  await page.screenshot({ path: '../test-artifacts/charts/calendar-undo.png' });
  const after = (await grid.boundingBox())!;
  expect(after.y).toBe(before.y);
  // It covers none of the toolbar's controls.
  const box = (await undo.boundingBox())!;
  for (const tab of await page.getByRole('tab').all()) {
    const t = (await tab.boundingBox())!;
    expect(box.y >= t.y + t.height || box.y + box.height <= t.y || box.x >= t.x + t.width || box.x + box.width <= t.x).toBe(true);
  }
  await undo.click();
  await expect(undo).toBeHidden();
});

for (const [lang, calendar, digits] of [
  ['en', 'gregory', /^[0-9]+$/],
  ['fa', 'persian', /^[۰-۹]+$/],
  ['th', 'buddhist', /^[0-9๐-๙]+$/],
] as const) {
  test(`the timeline's day numbers never collide (${lang})`, async ({ page, request }) => {
    await ws.language(request, lang, calendar);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto('/#/calendar');
      await page.getByRole('tab').nth(3).click(); // Timeline
      const ticks = new CalendarPage(page).timelineTicks;
      await expect(ticks.first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `../test-artifacts/charts/timeline-${lang}.png` });
      // The box of each number as drawn, not of its narrow day column.
      const numbers = await ticks.evaluateAll((ticks) =>
        ticks
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => {
            const range = document.createRange();
            range.selectNodeContents(t);
            const r = range.getBoundingClientRect();
            return { text: (t.textContent ?? '').trim(), left: r.left, right: r.right };
          }),
      );
      expect(numbers.length).toBeGreaterThan(8);
      for (const n of numbers) expect(n.text).toMatch(digits);
      const sorted = [...numbers].sort((a, b) => a.left - b.left);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i].left, `${sorted[i - 1].text} and ${sorted[i].text}`).toBeGreaterThanOrEqual(sorted[i - 1].right + 2);
      }
    } finally {
      await ws.language(request, 'en', 'gregory');
    }
  });
}
