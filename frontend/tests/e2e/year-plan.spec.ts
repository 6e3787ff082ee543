import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { BudgetPage } from './pages/budget';
import { SettingsPage } from './pages/settings';

// A fiscal year far from today, with its own team and category.
const year = 2031;
const team = 'Demand generation';
const category = 'Sponsorships';
// Enough rows that the grid scrolls down as well as across.
const moreTeams = ['Partner marketing', 'Product marketing', 'Regional EMEA', 'بازاریابی رویداد'];
const moreCategories = ['Content', 'Paid social', 'Tools and software'];
const shots = process.env.GRID_SHOTS ?? '../test-artifacts/year-plan';

test.describe.configure({ mode: 'serial' });

async function openPlan(page: Page): Promise<BudgetPage> {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Budget');
  const budget = new BudgetPage(page);
  await budget.openFiscalYear(year);
  return budget;
}

/** totalOf is the grid's grand total once every cell's save has answered. */
async function expectSaved(page: Page, grand: string) {
  await expect(new BudgetPage(page).saving).toHaveCount(0);
  await expect(new BudgetPage(page).grandTotal()).toHaveText(grand);
}

test('set up a team and a category to plan', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  const settings = new SettingsPage(page);
  for (const t of [team, ...moreTeams]) await settings.addEntry('Teams', t);
  for (const c of [category, ...moreCategories]) await settings.addEntry('Spend categories', c);
  await openPlan(page);
});

test('a year typed without pausing is kept to the last keystroke, after a reload too', async ({ page }) => {
  const budget = await openPlan(page);
  const cells = budget.rowCells(team, category);
  await expect(cells).toHaveCount(12);
  await cells.first().click();
  // As fast as the keyboard sends keys: no delay, no wait between cells.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.type(String(100 + i));
    await page.keyboard.press('ArrowRight');
  }
  await expectSaved(page, '1,266.00');

  await page.reload();
  await budget.openFiscalYear(year);
  const want = Array.from({ length: 12 }, (_, i) => `${100 + i}.00`);
  await expect(budget.grandTotal()).toHaveText('1,266.00');
  expect(await cells.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(want);

  // Typing into a cell that has a value replaces it, like a spreadsheet.
  await cells.nth(6).click();
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  await expectSaved(page, '1,360.00');
  await page.reload();
  await budget.openFiscalYear(year);
  await expect(cells.nth(6)).toHaveValue('200.00');
});

test('amounts paste as the importer reads them; a negative plan is refused on its cell', async ({ page }) => {
  const budget = await openPlan(page);
  const cells = budget.rowCells(team, category);
  await budget.paste(cells.first(), '$4,000\t4000 $\t1,000.50\r\n');
  await expectSaved(page, '10,057.50');

  // One value that a plan cannot hold stays on its cell, named, unsaved.
  await cells.nth(3).click();
  await page.keyboard.type('(500)');
  await page.keyboard.press('Enter');
  await expect(cells.nth(3)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cells.nth(3)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText(`${team}, ${category}`);
  await expect(page.getByRole('alert')).toContainText('“(500)” is negative, and a plan cannot be');
  await expect(cells.nth(4)).toBeFocused();
  await page.keyboard.type('€4,000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“€4,000” is in EUR, and this plan is in USD');

  // A block with a negative value is refused whole, and says where.
  await budget.paste(cells.nth(8), '10\t-500');
  await expect(page.getByRole('alert').first()).toContainText('Row 1, column 2 of the pasted block: “-500” is negative');
  await page.reload();
  await budget.openFiscalYear(year);
  await expect(budget.grandTotal()).toHaveText('10,057.50');
});

test('a save that does not reach the workspace is shown on its cell and can be sent again', async ({ page }) => {
  const budget = await openPlan(page);
  const cells = budget.rowCells(team, category);
  await page.route('**/api/Budget/SetLines', (route) => route.abort());
  await cells.nth(11).click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(cells.nth(11)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('not saved');
  await expect(budget.grandTotal()).toHaveText('10,057.50');

  await page.unroute('**/api/Budget/SetLines');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectSaved(page, '10,945.50');
  await page.reload();
  await budget.openFiscalYear(year);
  await expect(cells.nth(11)).toHaveValue('999.00');
});

test('typing is kept when the workspace answers slowly and out of order', async ({ page }) => {
  const budget = await openPlan(page);
  // Each save is held back by a different time, so answers overtake each other.
  const holds = [400, 0, 250, 50, 300, 0, 150, 350, 0, 200, 100, 450];
  let n = 0;
  await page.route('**/api/Budget/SetLines', async (route) => {
    await new Promise((r) => setTimeout(r, holds[n++ % holds.length]));
    await route.continue();
  });
  const cells = budget.rowCells(team, 'Content');
  await cells.first().click();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.type(String(200 + i));
    await page.keyboard.press('ArrowRight');
  }
  await expectSaved(page, '13,411.50');
  await page.unroute('**/api/Budget/SetLines');
  await page.reload();
  await budget.openFiscalYear(year);
  await expect(budget.grandTotal()).toHaveText('13,411.50');
  expect(await cells.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(
    Array.from({ length: 12 }, (_, i) => `${200 + i}.00`),
  );
});

test('the currency picker offers the base currency and the ones in use before the other ~170', async ({ page }) => {
  const budget = await openPlan(page);
  await budget.tab('Spend');
  await budget.recordSpend({ date: `${year}-12-15`, amount: '1.234,50 zł', currency: 'PLN', team, category, status: 'Actual' });
  await page.getByRole('button', { name: 'Record spend' }).click();
  const picker = page.getByRole('dialog', { name: 'Record spend' }).getByLabel('Currency');
  const ours = picker.locator('optgroup').first();
  await expect(ours).toHaveAttribute('label', 'Base and in use in this workspace');
  await expect(ours.locator('option').first()).toHaveAttribute('value', 'USD');
  await expect(ours.locator('option[value="PLN"]')).toHaveText('PLN — Polish Zloty');
  expect(await ours.locator('option').count()).toBeLessThan(10);
  const rest = picker.locator('optgroup').nth(1);
  await expect(rest.locator('option').first()).toHaveAttribute('value', 'AED');
  await expect(rest.locator('option[value="PLN"]')).toHaveCount(0);
  // Names make options long; the picker stays inside its dialog.
  const dialog = (await page.getByRole('dialog', { name: 'Record spend' }).boundingBox())!;
  const box = (await picker.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(dialog.x + dialog.width);
  await page.screenshot({ path: `${shots}/grid-currency.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await budget.tab('Exchange rates');
  await page.screenshot({ path: `${shots}/grid-rates.png` });
});

for (const lang of ['en', 'fa']) {
  test(`on a 1366×768 screen the team and category columns and the header stay in view (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    if (lang !== 'en') {
      await new SettingsPage(page).language(lang);
    }
    await page.goto('/#/budget');
    await page.locator('select').filter({ has: page.locator(`option[value="${year}"]`) }).selectOption(String(year));
    const budget = new BudgetPage(page);
    const wrap = budget.scroller;
    const grid = budget.grid;
    const box = (await wrap.boundingBox())!;
    expect((await grid.boundingBox())!.width).toBeGreaterThan(box.width); // the grid does scroll
    const head = grid.locator('tbody th.team').first();
    const before = (await head.boundingBox())!;
    // Scroll to the far end of the months (leftwards in right-to-left).
    await wrap.evaluate((el) => el.scrollBy({ left: getComputedStyle(el).direction === 'rtl' ? -5000 : 5000 }));
    await expect(grid.locator('[data-grand-total]')).toBeInViewport();
    expect((await head.boundingBox())!.x).toBe(before.x);
    const cat = (await grid.locator('tbody td.cat').first().boundingBox())!;
    const firstMonth = (await grid.locator('tbody td.cell').first().boundingBox())!;
    // The first months slid under the frozen columns, not over them.
    if (lang === 'fa') expect(firstMonth.x).toBeGreaterThan(cat.x);
    else expect(firstMonth.x).toBeLessThan(cat.x);
    const corner = grid.locator('thead th').first();
    const top = (await corner.boundingBox())!.y;
    expect(await wrap.evaluate((el) => (el.scrollBy({ top: 5000 }), el.scrollTop))).toBeGreaterThan(0);
    expect((await corner.boundingBox())!.y).toBe(top);
    await page.screenshot({ path: `${shots}/grid-${lang}.png` });
  });
}
