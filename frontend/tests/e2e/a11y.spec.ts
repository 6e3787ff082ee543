import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CalendarPage } from './pages/calendar';
import { CampaignsPage } from './pages/campaigns';
import { SettingsPage } from './pages/settings';

// Accessibility: axe on every page in English and Persian, and the app
// used with the keyboard alone, on the file's own workspace.
test.describe.configure({ mode: 'serial' });

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000));
/** wed is the Wednesday of this week: mid-week whether weeks start on Saturday, Sunday or Monday. */
const now = new Date();
const wed = addDays(iso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))), 3 - now.getDay());

/** api calls a backend facade the way the UI does in serve mode. */
async function api<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const res = await page.request.post('/api/' + method.replace('.', '/'), { data: args });
  expect(res.ok(), `${method}: ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

let seeded: { campaign: number; deliverable: number; milestone: number } | null = null;

test.beforeAll(async ({ browser, workspaces }, info) => {
  const page = await (await browser.newContext({ baseURL: (await workspaces.of(info)).url })).newPage();
  const c = await api<{ id: number }>(page, 'Campaigns.Create', {
    name: 'Axe spring launch', status: 'planned', owner: 'Keyboard Kim', startDate: wed, endDate: addDays(wed, 1), budget: { amount: 0, currency: 'USD' },
  });
  const d = await api<{ id: number }>(page, 'Deliverables.Create', { campaignId: c.id, title: 'Axe launch email', type: 'email', status: 'idea', publishDate: wed });
  const m = await api<{ id: number }>(page, 'Milestones.Create', { campaignId: c.id, title: 'Axe sign-off', dueDate: addDays(wed, 2) });
  seeded = { campaign: c.id, deliverable: d.id, milestone: m.id };
  await page.context().close();
});

/** serious runs axe on the page as it stands and returns its critical and serious findings. */
async function serious(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}

/** title is the window's title without the isolate marks around names. */
const title = (page: Page) => page.title().then((s) => s.replace(/[\u2068\u2069]/g, ''));

/** tabTo presses Tab (at most max times) until target has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return i;
  }
  throw new Error('not reached with Tab: ' + target.toString());
}

for (const lang of ['en', 'fa']) {
  test(`axe finds nothing critical or serious on any page in ${lang}`, async ({ page }) => {
    test.setTimeout(300_000);
    await new SettingsPage(page).language(lang);
    const pages = ['dashboard', 'campaigns', `campaigns/${seeded!.campaign}`, 'budget', 'contracts', 'assets', 'results', 'import', 'activity', 'settings'];
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      await expect(page.locator('main h1')).toHaveCount(1);
      const v = await serious(page);
      if (v.length) found[name] = v;
    };
    for (const p of pages) {
      await page.goto('/#/' + p);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await check(p);
      // Every tab of the page's tab list, each a view of its own.
      const tabs = page.getByRole('main').getByRole('tab');
      for (let i = 1; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await page.waitForLoadState('networkidle');
        await check(`${p} tab ${i}`);
      }
    }
    await page.goto('/#/calendar');
    const tabs = page.getByRole('main').getByRole('tablist').getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await page.waitForLoadState('networkidle');
      await check(`calendar tab ${i}`);
    }
    // A dialog, open.
    await page.goto('/#/campaigns');
    await page.getByRole('main').getByRole('button').filter({ hasText: /\S/ }).last().waitFor();
    await page.locator('.view-header .primary').first().click();
    await page.getByRole('dialog').waitFor();
    await check('new campaign dialog');
    await page.keyboard.press('Escape');
    await new SettingsPage(page).language('en');
    expect(found).toEqual({});
  });
}

test('a page change names the window and puts focus on the heading; the skip link leads there', async ({ page }) => {
  await page.goto('/#/campaigns');
  await expect.poll(() => title(page)).toBe('Campaigns · MOps Desk');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeFocused();
  await expect(page).toHaveURL(/#\/campaigns$/);

  const nav = page.getByRole('navigation').getByRole('link', { name: 'Calendar' });
  await tabTo(page, nav);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeFocused();
  await expect.poll(() => title(page)).toBe('Calendar · MOps Desk');
  await page.goto(`/#/campaigns/${seeded!.campaign}`);
  await expect.poll(() => title(page)).toBe('Axe spring launch · MOps Desk');
});

test('create a campaign with the keyboard alone; focus starts on the first field and comes back', async ({ page }) => {
  await page.goto('/#/campaigns');
  const open = page.getByRole('button', { name: 'New campaign' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dlg = page.getByRole('dialog', { name: 'New campaign' });
  await expect(dlg.getByLabel('Campaign', { exact: true })).toBeFocused();
  await page.keyboard.type('Axe keyboard campaign');
  await tabTo(page, dlg.getByLabel('Start date'), 30);
  // A date field takes the digits in the order it shows them (mm/dd/yyyy in English).
  const keys = (d: string) => d.slice(5, 7) + d.slice(8, 10) + d.slice(0, 4);
  await page.keyboard.type(keys(wed));
  await tabTo(page, dlg.getByLabel('End date'), 5);
  await page.keyboard.type(keys(addDays(wed, 2)));
  await tabTo(page, dlg.getByRole('button', { name: 'Save' }), 30);
  await page.keyboard.press('Enter');
  await expect(dlg).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(page.getByRole('link', { name: 'Axe keyboard campaign', exact: true })).toBeVisible();
});

test('dialogs give focus back to what opened them: edit, delete confirm, Escape and Cancel', async ({ page }) => {
  await page.goto(`/#/campaigns/${seeded!.campaign}`);
  const edit = page.getByRole('main').getByRole('button', { name: 'Edit', exact: true });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const dlg = page.getByRole('dialog');
  await expect(dlg.getByLabel('Campaign', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dlg).toHaveCount(0);
  await expect(edit).toBeFocused();

  await page.keyboard.press('Enter');
  await tabTo(page, dlg.getByRole('button', { name: 'Cancel' }), 40);
  await page.keyboard.press('Enter');
  await expect(dlg).toHaveCount(0);
  await expect(edit).toBeFocused();

  await page.goto('/#/campaigns');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Axe keyboard campaign', exact: true }) });
  const del = row.getByRole('button', { name: 'Delete' });
  await tabTo(page, del);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(del).toBeFocused();
});

test('tab lists move with the arrow keys and name the panel they control', async ({ page }) => {
  await page.goto('/#/contracts');
  const first = page.getByRole('main').getByRole('tab').first();
  await tabTo(page, first);
  await page.keyboard.press('ArrowRight');
  const second = page.getByRole('main').getByRole('tab').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('id', (await second.getAttribute('aria-controls'))!);
  await expect(panel).toHaveAccessibleName((await second.textContent())!.trim());
  await page.keyboard.press('End');
  await expect(page.getByRole('main').getByRole('tab').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');
});

test('the month grid is one Tab stop; arrow keys walk the days', async ({ page }) => {
  await page.goto('/#/calendar');
  const cal = new CalendarPage(page);
  await cal.view('Month');
  await expect(cal.focusDay).toHaveCount(1);
  const day = cal.day(wed);
  await tabTo(page, cal.focusDay);
  // From whichever day holds the stop to wed, with arrows only.
  const at = (await page.evaluate(() => (document.activeElement as HTMLElement).dataset.day))!;
  const diff = Math.round((Date.parse(wed) - Date.parse(at)) / 86_400_000);
  for (let i = 0; i < Math.abs(diff); i++) await page.keyboard.press(diff > 0 ? 'ArrowRight' : 'ArrowLeft');
  await expect(day).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cal.day(addDays(wed, 7))).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(day).toBeFocused();
  await expect(cal.focusDay).toHaveCount(1);
});

for (const view of ['Month', 'Week', 'Quarter', 'Timeline'] as const) {
  test(`move a campaign, a deliverable and a milestone with the keyboard in the ${view} view`, async ({ page }) => {
    await page.goto('/#/calendar');
    const cal = new CalendarPage(page);
    await cal.view(view);
    const on = view === 'Timeline' ? 'timeline' : 'grid';
    const said = cal.announcer;
    // Each moves a day to a day with nothing else on it (the quarter view shows one item a day), and back.
    const items = [
      { from: wed, by: 1, el: cal.item(on, 'campaign', seeded!.campaign).first(), day: async () => (await api<{ startDate: string }>(page, 'Campaigns.Get', seeded!.campaign)).startDate, name: 'Axe spring launch' },
      { from: wed, by: 1, el: cal.item(on, 'deliverable', seeded!.deliverable), day: async () => (await api<{ publishDate: string }[]>(page, 'Deliverables.Find', seeded!.campaign))[0].publishDate, name: 'Axe launch email' },
      { from: addDays(wed, 2), by: -1, el: cal.item(on, 'milestone', seeded!.milestone), day: async () => (await api<{ dueDate: string }[]>(page, 'Milestones.Find', seeded!.campaign))[0].dueDate, name: 'Axe sign-off' },
    ];
    for (const it of items) {
      await tabTo(page, it.el, 120);
      const [there, back] = it.by > 0 ? ['Alt+ArrowRight', 'Alt+ArrowLeft'] : ['Alt+ArrowLeft', 'Alt+ArrowRight'];
      // A campaign with a plan asks whether the plan moves too; Enter takes
      // the offered answer (move them too), and moving back does the same.
      const answer = async () => {
        if (it.el === items[0].el) {
          await expect(page.getByRole('dialog')).toBeVisible();
          await page.keyboard.press('Enter');
        }
      };
      await page.keyboard.press(there);
      await answer();
      await expect.poll(it.day).toBe(addDays(it.from, it.by));
      await expect(said).toContainText(`“${it.name}”`);
      await expect(it.el).toBeFocused();
      await page.keyboard.press(back);
      await answer();
      await expect.poll(it.day).toBe(it.from);
      await expect(it.el).toBeFocused();
    }
  });
}

test('a chart has its numbers behind a toggle and its highest value in its name', async ({ page }) => {
  await page.goto('/#/campaigns');
  await expect(page.getByRole('img', { name: /^Campaigns per month, \d{4}\. Highest: \w+, \d+\.$/ })).toBeVisible();
  const toggle = page.getByText('Show the numbers as a table');
  await tabTo(page, toggle.locator('..').locator('summary'));
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: /^Campaigns per month/ });
  await expect(table.getByRole('row')).toHaveCount(13);
  await expect(table.getByRole('columnheader', { name: 'Planned' })).toBeVisible();
});

test('a field error is tied to its field, which says it is invalid', async ({ page }) => {
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const dlg = page.getByRole('dialog', { name: 'New campaign' });
  const name = dlg.getByLabel('Campaign', { exact: true });
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await dlg.getByRole('button', { name: 'Save' }).click();
  const error = new CampaignsPage(page).fieldError('name');
  await expect(error).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription((await error.textContent())!.trim());
  await page.keyboard.press('Escape');
  await expect(dlg).toHaveCount(0);
});
