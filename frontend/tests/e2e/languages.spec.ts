import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { ar } from '../../src/i18n/ar';
import { en, type Catalog } from '../../src/i18n/en';
import { fa } from '../../src/i18n/fa';
import { pl } from '../../src/i18n/pl';
import { th } from '../../src/i18n/th';
import { tr } from '../../src/i18n/tr';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';
import { CampaignsPage } from './pages/campaigns';
import { DashboardPage } from './pages/dashboard';
import { ImportPage } from './pages/import';
import { ReportPage } from './pages/report';
import { SettingsPage } from './pages/settings';

// Every language: direction, fonts, dates, reports, exports and imports,
// over a workspace with this fiscal year's budget, a spend request to
// export and a campaign this month for the charts to draw.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  const today = await ws.call<string>(request, 'Workspace.Today');
  const { fiscalYearStartMonth: start } = await ws.call<{ fiscalYearStartMonth: number }>(request, 'Workspace.Settings');
  const [y, m] = today.split('-').map(Number);
  await ws.call(request, 'Budget.CreateFiscalYear', m >= start ? y : y - 1, 'month');
  await ws.call(request, 'Requests.Create', {
    requester: 'Maryam', teamId: await ws.item(request, 'teams', 'Brand'), categoryId: await ws.item(request, 'categories', 'Events'),
    amount: { amount: 300_00, currency: 'USD' }, purpose: 'Trade show booth', date: '', vendor: '', campaignId: 0,
  });
  await ws.call(request, 'Campaigns.Create', {
    name: 'Autumn launch', status: 'planned', startDate: today, endDate: today, budget: { amount: 0, currency: 'USD' },
  });
  await request.dispose();
});

const catalogs: Record<string, Catalog> = { fa, ar, pl, tr, th, en };
const keys = Object.keys(en);
const shots = '../test-artifacts/languages';
mkdirSync(shots, { recursive: true });

/** text returns a plain message of a catalog (plural messages are not used here). */
const text = (lang: string, key: keyof typeof en) => catalogs[lang][key] as string;

async function switchTo(page: Page, lang: string) {
  await new SettingsPage(page).language(lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'settings.title'));
}

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

    const dash = new DashboardPage(page);
    await dash.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'dashboard.title'));
    await dash.showFiscalYear();
    await expect(dash.tile('budget')).toBeVisible();
    await expect(dash.drawn.first()).toBeVisible();
    await noKeys(page);
    await page.screenshot({ path: `${shots}/${lang}-dashboard.png`, fullPage: true });

    await page.goto('/#/calendar');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'calendar.title'));
    const period = new CalendarPage(page).period;
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
  const dash = new DashboardPage(page);
  await dash.open();
  await dash.showFiscalYear();
  const file = await dash.exportReport(text('fa', 'dashboard.export_report_html'));
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
  const tab = await context.newPage();
  const report = new ReportPage(tab);
  await report.open(path);
  await expect(tab.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(tab.getByRole('heading', { level: 1 })).toContainText(text('fa', 'report.title'));
  await expect(report.headline.first()).toHaveText(/[۰-۹]/);
  const vazir = await tab.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((x) => x.family.replace(/"/g, '') === 'Vazirmatn' && x.status === 'loaded');
  });
  expect(vazir).toBe(true);
  await tab.screenshot({ path: `${shots}/fa-report.png` });
  await context.close();
});

test('in Persian, dates are typed and shown in the Persian calendar and digits', async ({ page }) => {
  await switchTo(page, 'fa');
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: text('fa', 'campaigns.new') }).click();
  const dialog = page.getByRole('dialog');
  const form = new CampaignsPage(page);
  await form.field('name').fill('کمپین شب یلدا');
  // Today is shown as a Persian date; typed dates are read in that calendar.
  await expect(form.field('startDate')).toHaveValue(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
  await form.field('startDate').fill('۱۴۰۵/۰۹/۱۰');
  await form.field('endDate').fill('1405/9/30');
  await form.field('endDate').blur();
  await expect(form.field('endDate')).toHaveValue('۱۴۰۵/۰۹/۳۰');
  await dialog.getByRole('button', { name: text('fa', 'common.save') }).click();
  await expect(dialog).toHaveCount(0);
  // Stored as ISO days: 1 to 21 December 2026.
  const found = await page.request.post('/api/Campaigns/Find', { data: [{ search: 'شب یلدا' }] });
  const { campaigns } = (await found.json()) as { campaigns: { id: number; startDate: string; endDate: string }[] };
  expect(campaigns.map((c) => [c.startDate, c.endDate])).toEqual([['2026-12-01', '2026-12-21']]);
  await expect(form.rows.filter({ hasText: 'کمپین شب یلدا' })).toContainText('۱۴۰۵');
  // A date that does not exist is named as the field's problem.
  await page.getByRole('button', { name: text('fa', 'campaigns.new') }).click();
  await form.field('name').fill('کمپین نادرست');
  await form.field('startDate').fill('۱۴۰۵/۱۲/۳۰'); // 1405 is not a leap year
  await dialog.getByRole('button', { name: text('fa', 'common.save') }).click();
  await expect(dialog.getByText(text('fa', 'field.date_invalid'))).toBeVisible();
  await dialog.getByRole('button', { name: text('fa', 'common.cancel') }).click();
});

test('a list exports with its column names in the language', async ({ page }) => {
  await switchTo(page, 'fa');
  await page.goto('/#/budget');
  await page.getByRole('tab', { name: text('fa', 'budget.tab.requests') }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await (await new AppShell(page).exportList(text('fa', 'list.export'))).path())!);
  const head = wb.getWorksheet(text('fa', 'budget.tab.requests'))!.getRow(1);
  expect([head.getCell(1).value, head.getCell(3).value, head.getCell(8).value]).toEqual([
    text('fa', 'import.field.id'),
    text('fa', 'export.col.requester'),
    text('fa', 'export.col.purpose'),
  ]);
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
    const imp = new ImportPage(page);
    await imp.choose(file, text(lang, 'import.choose'));
    await imp.kind.selectOption('campaigns');
    for (const [col, field] of [['A', 'name'], ['B', 'startDate'], ['C', 'endDate'], ['D', 'budget'], ['E', 'owner']]) {
      await expect(imp.column(col)).toHaveValue(field);
    }
    const five = new Intl.NumberFormat(lang).format(5);
    const zero = new Intl.NumberFormat(lang).format(0);
    const counts = text(lang, 'import.counts').replace('{create}', five).replace('{update}', zero).replace('{skip}', zero);
    await expect(imp.counts).toHaveText(counts);
    await expect(imp.commit).toBeEnabled();
    await noKeys(page);
    if (lang === 'fa') {
      // Thai names in a Persian page still get the Thai font, not boxes.
      const thai = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((x) => x.family.replace(/"/g, '') === 'Noto Sans Thai' && x.status === 'loaded');
      });
      expect(thai, 'Noto Sans Thai loaded for Thai text in Persian').toBe(true);
      await page.screenshot({ path: `${shots}/fa-import.png`, fullPage: true });
      await imp.commit.click();
      const run = imp.runs.first();
      await expect(run).toContainText('چندزبانه.csv');
      await expect(run).toContainText(five);
      // The Yalda campaign's Solar Hijri dates were read as 1–21 December 2026.
      await page.goto('/#/campaigns');
      const row = new CampaignsPage(page).rows.filter({ hasText: 'کمپین یلدا' });
      await expect(row).toBeVisible();
      await page.goto('/#/import');
      await imp.runs.first().getByRole('button', { name: text('fa', 'import.undo') }).click();
      await expect(imp.runs.first()).toContainText(text('fa', 'import.was_undone'));
    }
  }
});
