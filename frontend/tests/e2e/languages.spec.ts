import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { ar } from '../../src/i18n/ar';
import { en, type Catalog } from '../../src/i18n/en';
import { fa } from '../../src/i18n/fa';
import { pl } from '../../src/i18n/pl';
import { th } from '../../src/i18n/th';
import { tr } from '../../src/i18n/tr';

// Runs after import (files run in name order on one workspace) and leaves
// the workspace in English with a Gregorian calendar, as it found it, and
// without what it imported.
test.describe.configure({ mode: 'serial' });

const catalogs: Record<string, Catalog> = { fa, ar, pl, tr, th, en };
const keys = Object.keys(en);
const shots = '../test-artifacts/languages';
mkdirSync(shots, { recursive: true });

/** text returns a plain message of a catalog (plural messages are not used here). */
const text = (lang: string, key: keyof typeof en) => catalogs[lang][key] as string;

async function switchTo(page: Page, lang: string) {
  await page.goto('/#/settings');
  await page.locator('#ws-lang').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'settings.title'));
}

// Whatever fails here, the files after this one get the English workspace back.
test.afterAll(async ({ browser }, info) => {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  await switchTo(await context.newPage(), 'en');
  await context.close();
});

/** noKeys fails when a catalog key shows instead of its message. */
async function noKeys(page: Page) {
  const shown = await page.locator('body').innerText();
  expect(keys.filter((k) => shown.includes(k))).toEqual([]);
}

for (const lang of ['fa', 'ar', 'pl', 'tr', 'th', 'en']) {
  test(`the app in ${lang}: direction, fonts, dashboard, calendar and a form`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto('/');
    await switchTo(page, lang);
    const rtl = lang === 'fa' || lang === 'ar';
    await expect(page.locator('html')).toHaveAttribute('dir', rtl ? 'rtl' : 'ltr');
    // The navigation stands at the start of the reading direction.
    const nav = (await page.getByRole('navigation').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(rtl ? nav.x > main.x : nav.x < main.x).toBe(true);
    // The bundled fonts are what draws Persian, Arabic and Thai.
    if (lang === 'fa' || lang === 'ar' || lang === 'th') {
      const family = lang === 'th' ? 'Noto Sans Thai' : 'Vazirmatn';
      const loaded = await page.evaluate(async (f) => {
        await document.fonts.ready;
        return [...document.fonts].some((x) => x.family.replace(/"/g, '') === f && x.status === 'loaded');
      }, family);
      expect(loaded, `${family} loaded`).toBe(true);
    }
    await noKeys(page);
    await page.screenshot({ path: `${shots}/${lang}-settings.png` });

    await page.goto('/#/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'dashboard.title'));
    await page.getByTestId('dashboard-period').selectOption('fy');
    await expect(page.locator('[data-tile="budget"]')).toBeVisible();
    await expect(page.locator('.charts .chart svg').first()).toBeVisible();
    await noKeys(page);
    await page.screenshot({ path: `${shots}/${lang}-dashboard.png`, fullPage: true });

    await page.goto('/#/calendar');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'calendar.title'));
    const period = page.locator('h2.period');
    if (lang === 'fa') {
      // Persian months (Solar Hijri) in Persian digits by default.
      const month = '(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)';
      await expect(period).toHaveText(new RegExp(`^(${month} [۰-۹]{4}|[۰-۹]{4} ${month})$`));
    } else if (lang === 'th') {
      await expect(period).toHaveText(/25[0-9]{2}/); // a Buddhist-era year
    }
    await noKeys(page);
    await page.screenshot({ path: `${shots}/${lang}-calendar.png`, fullPage: true });

    await page.goto('/#/campaigns');
    await page.getByRole('button', { name: text(lang, 'campaigns.new') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: text(lang, 'common.save') }).click();
    // The backend's field errors arrive as keys and show in the language.
    await expect(dialog.getByText(text(lang, 'field.required')).first()).toBeVisible();
    await noKeys(page);
    await page.screenshot({ path: `${shots}/${lang}-form.png` });
    await dialog.getByRole('button', { name: text(lang, 'common.cancel') }).click();
  });
}

test('the executive report in Persian: right to left, Persian words and digits, its own font', async ({ page, browser }) => {
  await switchTo(page, 'fa');
  await page.goto('/#/dashboard');
  await page.getByTestId('dashboard-period').selectOption('fy');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: text('fa', 'dashboard.export_report_html') }).click();
  const file = await dl;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
  const report = await context.newPage();
  await report.goto('file://' + path);
  await expect(report.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(report.getByRole('heading', { level: 1 })).toContainText(text('fa', 'report.title'));
  await expect(report.locator('dl.headline dd').first()).toHaveText(/[۰-۹]/);
  const vazir = await report.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((x) => x.family.replace(/"/g, '') === 'Vazirmatn' && x.status === 'loaded');
  });
  expect(vazir).toBe(true);
  await report.screenshot({ path: `${shots}/fa-report.png` });
  await context.close();
  await switchTo(page, 'en');
});

test('in Persian, dates are typed and shown in the Persian calendar and digits', async ({ page }) => {
  await switchTo(page, 'fa');
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: text('fa', 'campaigns.new') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#name').fill('کمپین شب یلدا');
  // Today is shown as a Persian date; typed dates are read in that calendar.
  await expect(dialog.locator('#startDate')).toHaveValue(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
  await dialog.locator('#startDate').fill('۱۴۰۵/۰۹/۱۰');
  await dialog.locator('#endDate').fill('1405/9/30');
  await dialog.locator('#endDate').blur();
  await expect(dialog.locator('#endDate')).toHaveValue('۱۴۰۵/۰۹/۳۰');
  await dialog.getByRole('button', { name: text('fa', 'common.save') }).click();
  await expect(dialog).toHaveCount(0);
  // Stored as ISO days: 1 to 21 December 2026.
  const found = await page.request.post('/api/Campaigns/Find', { data: [{ search: 'شب یلدا' }] });
  const { campaigns } = (await found.json()) as { campaigns: { id: number; startDate: string; endDate: string }[] };
  expect(campaigns.map((c) => [c.startDate, c.endDate])).toEqual([['2026-12-01', '2026-12-21']]);
  await expect(page.locator('tr', { hasText: 'کمپین شب یلدا' })).toContainText('۱۴۰۵');
  // A date that does not exist is named as the field's problem.
  await page.getByRole('button', { name: text('fa', 'campaigns.new') }).click();
  await dialog.locator('#name').fill('کمپین نادرست');
  await dialog.locator('#startDate').fill('۱۴۰۵/۱۲/۳۰'); // 1405 is not a leap year
  await dialog.getByRole('button', { name: text('fa', 'common.save') }).click();
  await expect(dialog.getByText(text('fa', 'field.date_invalid'))).toBeVisible();
  await dialog.getByRole('button', { name: text('fa', 'common.cancel') }).click();
  await page.request.post('/api/Campaigns/Delete', { data: [campaigns[0].id] });
  await switchTo(page, 'en');
});

test('a list exports with its column names in the language', async ({ page }) => {
  await switchTo(page, 'fa');
  await page.goto('/#/budget');
  await page.getByRole('tab', { name: text('fa', 'budget.tab.requests') }).click();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: text('fa', 'list.export') }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await (await dl).path())!);
  const head = wb.getWorksheet(text('fa', 'budget.tab.requests'))!.getRow(1);
  expect([head.getCell(1).value, head.getCell(3).value, head.getCell(8).value]).toEqual([
    text('fa', 'import.field.id'),
    text('fa', 'export.col.requester'),
    text('fa', 'export.col.purpose'),
  ]);
  await switchTo(page, 'en');
});

test('a spreadsheet with Persian, Arabic, Polish, Turkish and Thai headers imports in every UI language', async ({ page }) => {
  const csv = [
    'نام کمپین,تاريخ البدء,data zakończenia,bütçe,ผู้รับผิดชอบ',
    'کمپین یلدا,۱۴۰۵/۰۹/۱۰,۱۴۰۵/۰۹/۳۰,"۱۲٬۵۰۰",مریم',
    'حملة رمضان,٢٠٢٧-٠٢-٠٨,٢٠٢٧-٠٣-٠٩,"٢٬٠٠٠٫٥٠",سارة',
    'Kampania świąteczna,2026-12-01,2026-12-24,"1 500,50",Zofia Łukasiewicz',
    'Yılbaşı kampanyası,2026-12-20,2027-01-02,"3.250,00",Işıl Çağlar',
    'แคมเปญสงกรานต์,13/04/2570,15/04/2570,"4,000",สมชาย',
  ].join('\n');
  const file = { name: 'چندزبانه.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
  for (const lang of ['fa', 'ar', 'pl', 'tr', 'th', 'en']) {
    await switchTo(page, lang);
    await page.goto('/#/import');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: text(lang, 'import.choose') }).click();
    await (await chooser).setFiles(file);
    await page.getByTestId('import-kind').selectOption('campaigns');
    for (const [col, field] of [['A', 'name'], ['B', 'startDate'], ['C', 'endDate'], ['D', 'budget'], ['E', 'owner']]) {
      await expect(page.locator(`select[data-column="${col}"]`)).toHaveValue(field);
    }
    const five = new Intl.NumberFormat(lang).format(5);
    const zero = new Intl.NumberFormat(lang).format(0);
    const counts = text(lang, 'import.counts').replace('{create}', five).replace('{update}', zero).replace('{skip}', zero);
    await expect(page.getByTestId('import-counts')).toHaveText(counts);
    await expect(page.getByTestId('import-commit')).toBeEnabled();
    await noKeys(page);
    if (lang === 'fa') {
      // Thai names in a Persian page still get the Thai font, not boxes.
      const thai = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((x) => x.family.replace(/"/g, '') === 'Noto Sans Thai' && x.status === 'loaded');
      });
      expect(thai, 'Noto Sans Thai loaded for Thai text in Persian').toBe(true);
      await page.screenshot({ path: `${shots}/fa-import.png`, fullPage: true });
      await page.getByTestId('import-commit').click();
      const run = page.locator('tr[data-run]').first();
      await expect(run).toContainText('چندزبانه.csv');
      await expect(run).toContainText(five);
      // The Yalda campaign's Solar Hijri dates were read as 1–21 December 2026.
      await page.goto('/#/campaigns');
      const row = page.locator('tr', { hasText: 'کمپین یلدا' });
      await expect(row).toBeVisible();
      await page.goto('/#/import');
      await page.locator('tr[data-run]').first().getByRole('button', { name: text('fa', 'import.undo') }).click();
      await expect(page.locator('tr[data-run]').first()).toContainText(text('fa', 'import.was_undone'));
    }
  }
  await switchTo(page, 'en');
});
