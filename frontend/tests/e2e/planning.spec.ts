import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';
import { CampaignsPage } from './pages/campaigns';
import { CampaignPicker } from './pages/picker';
import { SettingsPage } from './pages/settings';

// A week of webinars in September 2027: Monday 6 to Friday 10, next to a
// newsletter on the Email channel; spend goes to this fiscal year's budget
// (April start).
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  await ws.item(request, 'channels', 'Email');
  await ws.item(request, 'teams', 'Brand');
  await ws.item(request, 'categories', 'Paid media');
  await ws.settings(request, { fiscalYearStartMonth: 4 });
  const now = new Date();
  await ws.call(request, 'Budget.CreateFiscalYear', now.getMonth() + 1 >= 4 ? now.getFullYear() : now.getFullYear() - 1, 'month');
  await request.dispose();
});

async function addDeliverable(page: Page, title: string, day: string) {
  await page.getByRole('button', { name: 'Add deliverable' }).click();
  const dlg = page.getByRole('dialog', { name: 'Add deliverable' });
  await dlg.getByLabel('Title').fill(title);
  await dlg.getByLabel('Type').selectOption({ label: 'Email' });
  await dlg.getByLabel('Publish date').fill(day);
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(dlg).toHaveCount(0);
}

async function addMilestone(page: Page, title: string, owner: string, day: string) {
  await page.getByRole('button', { name: 'Add milestone' }).click();
  const dlg = page.getByRole('dialog', { name: 'Add milestone' });
  await dlg.getByLabel('Title').fill(title);
  await dlg.getByLabel('Owner').fill(owner);
  await dlg.getByLabel('Due date').fill(day);
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(dlg).toHaveCount(0);
}

/** showWebinarsInSeptember opens September 2027 on the calendar, filtered to the Webinars channel. */
async function showWebinarsInSeptember(page: Page) {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-09-01');
  await page.getByRole('search').getByLabel('Channel').selectOption({ label: 'Webinars' });
  await expect(cal.bars('September newsletter')).toHaveCount(0);
}

test('plan a campaign with a deliverable and a milestone', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  await new SettingsPage(page).addEntry('Channels', 'Webinars');
  await app.goTo('Campaigns');
  const list = new CampaignsPage(page);
  await list.create({ name: 'Webinar week', channel: 'Webinars', owner: 'Mona Haddad', start: '2027-09-06', end: '2027-09-10' });
  await list.create({ name: 'September newsletter', channel: 'Email', start: '2027-09-07', end: '2027-09-08' });

  await page.getByRole('link', { name: 'Webinar week', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webinar week' })).toBeVisible();
  await addDeliverable(page, 'Invitation email', '2027-09-03');
  // Dated before the campaign starts: allowed, with a warning on the row.
  const row = page.getByRole('row').filter({ hasText: 'Invitation email' });
  await expect(row.getByRole('note')).toHaveText('Outside the campaign dates');
  await addMilestone(page, 'Speakers confirmed', 'Mona Haddad', '2027-09-01');
  await expect(page.getByRole('region', { name: 'Milestones and tasks' })).toContainText('Speakers confirmed');

  // A live status needs an approved review when a review is required.
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = list.form;
  await form.getByLabel('Review', { exact: true }).selectOption({ label: 'Pending' });
  await form.getByLabel('Status').selectOption({ label: 'Live' });
  await expect(list.statusHint).toContainText('can go live only once the review is approved');
  await list.save();
  await expect(list.fieldError('status')).toContainText('can go live only once the review is approved');
  await form.getByRole('button', { name: 'Cancel' }).click();
});

test('drag the campaign to the next week, then undo', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-09-01');
  await expect(cal.chip('Invitation email')).toBeVisible();
  await expect(cal.chip('Speakers confirmed')).toBeVisible();
  expect(await cal.startsOn('Webinar week', '2027-09-06')).toBe(true);

  await cal.dragBar('Webinar week', '2027-09-06', '2027-09-13');
  // It has a deliverable and a milestone: asked whether they move too.
  await cal.answerMove('Webinar week', 'Only the campaign');
  await expect.poll(() => cal.startsOn('Webinar week', '2027-09-13')).toBe(true);
  const undo = page.getByRole('button', { name: /^↶ Undo: Moved “Webinar week”/ });
  await expect(undo).toBeVisible();

  // Ctrl+Z takes it back...
  await page.keyboard.press('Control+z');
  await expect.poll(() => cal.startsOn('Webinar week', '2027-09-06')).toBe(true);
  await expect(app.notice('Undone: Moved “Webinar week”')).toBeVisible();

  // ...and so does the visible Undo button, after a resize of the end edge.
  await cal.bars('Webinar week').first().waitFor();
  const bar = (await cal.bars('Webinar week').first().boundingBox())!;
  const fri = (await cal.day('2027-09-10').boundingBox())!;
  const wed = (await cal.day('2027-09-08').boundingBox())!;
  await page.mouse.move(bar.x + bar.width - 2, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(wed.x + wed.width / 2, wed.y + wed.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => {
    const b = await cal.bars('Webinar week').first().boundingBox();
    return b === null ? 99 : Math.abs(Math.round(b.x + b.width - (wed.x + wed.width)));
  }).toBeLessThan(6);
  await page.getByRole('button', { name: /^↶ Undo: Changed the dates of “Webinar week”/ }).click();
  await expect.poll(async () => {
    const b = await cal.bars('Webinar week').first().boundingBox();
    return b === null ? 99 : Math.abs(Math.round(b.x + b.width - (fri.x + fri.width)));
  }).toBeLessThan(6);

  // The store agrees: the list shows the original dates after a reload.
  await page.goto('/#/campaigns');
  await expect(page.getByRole('row').filter({ hasText: 'Webinar week' })).toContainText('Sep 6, 2027');
});

test('drag a deliverable to another day', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-09-01');
  await cal.chip('Invitation email').waitFor();
  const chip = (await cal.chip('Invitation email').boundingBox())!;
  const target = (await cal.day('2027-09-06').boundingBox())!;
  await page.mouse.move(chip.x + chip.width / 2, chip.y + chip.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height - 8, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => {
    const c = await cal.chip('Invitation email').boundingBox();
    return c !== null && Math.abs(c.x - target.x) < 8;
  }).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => {
    const c = await cal.chip('Invitation email').boundingBox();
    const sep3 = (await cal.day('2027-09-03').boundingBox())!;
    return c !== null && Math.abs(c.x - sep3.x) < 8;
  }).toBe(true);
});

test('filters stay while switching views', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-09-01');
  await expect(cal.bars('September newsletter')).toHaveCount(1);
  await page.getByRole('search').getByLabel('Channel').selectOption({ label: 'Webinars' });
  await expect(cal.bars('September newsletter')).toHaveCount(0);
  await expect(cal.bars('Webinar week')).toHaveCount(1);
  await cal.view('Timeline');
  await expect(cal.timeline).toContainText('Webinar week');
  await expect(cal.timeline).not.toContainText('September newsletter');
  await cal.view('List');
  await expect(page.getByRole('list', { name: 'List' })).not.toContainText('September newsletter');
  await cal.view('Month');
  await expect(page.getByRole('search').getByLabel('Channel')).toHaveValue(/\d+/);
  await expect(cal.bars('September newsletter')).toHaveCount(0);
});

test('export the calendar as .ics and read it with an independent parser', async ({ page }) => {
  await showWebinarsInSeptember(page);
  const cal = new CalendarPage(page);
  const exportIcs = async () => (await cal.exportIcs('view')).text;
  const text = await exportIcs();
  const cal1 = new ICAL.Component(ICAL.parse(text));
  const events = cal1.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const byName = new Map(events.map((e) => [e.summary, e]));
  const week = byName.get('Webinar week')!;
  expect(week).toBeDefined();
  expect(week.startDate.isDate).toBe(true);
  expect(week.startDate.toString()).toBe('2027-09-06');
  expect(week.endDate.toString()).toBe('2027-09-11'); // exclusive: the 10th is the last day
  const invite = byName.get('Invitation email (Webinar week)')!;
  expect(invite.startDate.toString()).toBe('2027-09-03');
  expect(byName.get('Speakers confirmed (Webinar week)')!.startDate.toString()).toBe('2027-09-01');
  // The channel filter applies to the file too.
  expect(byName.has('September newsletter')).toBe(false);

  // Exporting again gives the same UIDs, so calendars update instead of duplicating.
  const again = new ICAL.Component(ICAL.parse(await exportIcs()));
  const uids = (c: ICAL.Component) => c.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')).sort();
  expect(uids(again)).toEqual(uids(cal1));
  expect(new Set(uids(cal1)).size).toBe(events.length);
});

test('the calendar and a campaign export their deliverables and tasks as .xlsx', async ({ page }) => {
  await showWebinarsInSeptember(page);
  const read = async (click: () => Promise<void>) => {
    const dl = page.waitForEvent('download');
    await click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await (await dl).path())!);
    return wb;
  };
  let wb = await read(() => page.getByRole('button', { name: 'Export (.xlsx)' }).click());
  const titles = (sheet: string) =>
    wb.getWorksheet(sheet)!.getRows(2, Math.max(0, wb.getWorksheet(sheet)!.rowCount - 1))?.map((r) => r.getCell(2).value) ?? [];
  expect(titles('Deliverables')).toContain('Invitation email');
  expect(titles('Tasks')).toContain('Speakers confirmed');
  // The channel filter applies: the newsletter's deliverables are not there.
  expect(wb.getWorksheet('Deliverables')!.getColumn(4).values).not.toContain('September newsletter');

  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Webinar week', exact: true }).click();
  const section = page.getByRole('region', { name: 'Deliverables' });
  wb = await read(() => section.getByRole('button', { name: 'Export (.xlsx)' }).click());
  expect(titles('Deliverables')).toEqual(['Invitation email']);
  wb = await read(() => page.getByRole('region', { name: 'Milestones and tasks' }).getByRole('button', { name: 'Export (.xlsx)' }).click());
  expect(titles('Tasks')).toEqual(['Speakers confirmed']);
});

test('move a campaign with the keyboard', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-09-01');
  await cal.bars('Webinar week').first().focus();
  await page.keyboard.press('Alt+ArrowRight');
  await cal.answerMove('Webinar week', 'Only the campaign');
  await expect.poll(() => cal.startsOn('Webinar week', '2027-09-07')).toBe(true);
  await page.getByRole('button', { name: /^↶ Undo: Moved “Webinar week”/ }).click();
  await expect.poll(() => cal.startsOn('Webinar week', '2027-09-06')).toBe(true);
});

test('drag a campaign on the timeline', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Calendar');
  const cal = new CalendarPage(page);
  await cal.showMonth('2027-09-01');
  await cal.view('Timeline');
  const rowBar = cal.timelineBar('Webinar week');
  await rowBar.waitFor();
  const tick = (d: string) => cal.timelineDay(d).boundingBox();
  const b = (await rowBar.boundingBox())!;
  const sep6 = (await tick('2027-09-06'))!;
  const sep13 = (await tick('2027-09-13'))!;
  const sep8 = (await tick('2027-09-08'))!;
  const sep15 = (await tick('2027-09-15'))!;
  // Grab the middle of the bar (the ends resize) and move it a week on.
  await page.mouse.move(sep8.x + sep8.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(sep15.x + sep15.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await cal.answerMove('Webinar week', 'Only the campaign');
  await expect.poll(async () => {
    const nb = await rowBar.boundingBox();
    return nb !== null && Math.abs(nb.x - sep13.x) < 4;
  }).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => {
    const nb = await rowBar.boundingBox();
    return nb !== null && Math.abs(nb.x - sep6.x) < 4;
  }).toBe(true);
});

test('copy a campaign as a template to a new start date', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await page.getByRole('link', { name: 'Webinar week', exact: true }).click();
  await page.getByRole('button', { name: 'Copy as template' }).click();
  const dlg = page.getByRole('dialog', { name: 'Copy campaign as template' });
  await expect(dlg.getByLabel('Campaign')).toHaveValue('Webinar week (copy)');
  await dlg.getByLabel('Campaign').fill('Webinar week – spring');
  await dlg.getByLabel('New start date').fill('2028-03-06');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webinar week – spring' })).toBeVisible();
  await expect(page.getByText('Mar 6, 2028 – Mar 10, 2028')).toBeVisible();
  // Deliverable and milestone moved by the same six months (182 days).
  const deliverables = page.getByRole('region', { name: 'Deliverables' });
  await expect(deliverables.getByRole('row').filter({ hasText: 'Invitation email' })).toContainText('Mar 3, 2028');
  await expect(page.getByRole('region', { name: 'Milestones and tasks' })).toContainText('Mar 1, 2028');
});

// Runs after budget.spec.ts (files run in name order on one workspace):
// the fiscal year containing today and its spend categories exist.
test('a campaign shows its spend and ROI', async ({ page }) => {
  const now = new Date();
  const fy = now.getMonth() + 1 >= 4 ? now.getFullYear() : now.getFullYear() - 1;
  const app = new AppShell(page);
  await app.open();
  await page.getByRole('row').filter({ hasText: 'September newsletter' }).getByRole('button', { name: 'Edit' }).click();
  const list = new CampaignsPage(page);
  await list.form.getByLabel(/Attributed revenue/).fill('10,000');
  await list.save();
  await expect(list.form).toHaveCount(0);

  await app.goTo('Budget');
  await page.getByRole('tab', { name: 'Spend' }).click();
  await page.getByRole('button', { name: 'Record spend' }).click();
  const dlg = page.getByRole('dialog', { name: 'Record spend' });
  await dlg.getByLabel('Date').fill(`${fy}-06-01`);
  await dlg.getByLabel('Amount').fill('4000');
  await dlg.getByLabel('Status').selectOption({ label: 'Actual' });
  await dlg.getByLabel('Vendor').fill('Mailchimp');
  await new CampaignPicker(dlg.getByLabel('Campaign', { exact: true })).choose('September newsletter');
  await dlg.getByRole('button', { name: 'Save' }).click();
  await expect(dlg).toHaveCount(0);
  // A vendor shows its spend: filter the list by it.
  await page.getByRole('button', { name: 'Mailchimp' }).click();
  await expect(page.getByText('1 entry')).toBeVisible();

  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'September newsletter', exact: true }).click();
  await expect(list.roi('actual')).toHaveText('$4,000.00');
  await expect(list.roi('revenue')).toHaveText('$10,000.00');
  await expect(list.roi('roi')).toHaveText('150%'); // (10,000 − 4,000) / 4,000
});

for (const timezoneId of ['America/Los_Angeles', 'Asia/Tehran', 'Asia/Bangkok']) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });
    test('a campaign shows exactly its days', async ({ page }) => {
      const app = new AppShell(page);
      await app.open();
      await app.goTo('Calendar');
      const cal = new CalendarPage(page);
      await cal.showMonth('2027-09-01');
      expect(await cal.startsOn('Webinar week', '2027-09-06')).toBe(true);
      await expect(cal.bars('Webinar week')).toHaveCount(1);
      const bar = (await cal.bars('Webinar week').last().boundingBox())!;
      const fri = (await cal.day('2027-09-10').boundingBox())!;
      expect(Math.abs(bar.x + bar.width - (fri.x + fri.width))).toBeLessThan(6);
    });
  });
}
