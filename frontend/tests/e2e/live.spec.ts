import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { CalendarPage } from './pages/calendar';
import { AssetsPage } from './pages/assets';
import { CampaignsPage } from './pages/campaigns';

// Two browser contexts on one local workspace (two people's tabs, or one
// person's two windows): what one changes shows in the other's open views
// within two seconds, without a reload, with a polite notice saying so.
test.describe.configure({ mode: 'serial' });

/** withinTwoSeconds is the bound for another tab to show a change. */
const withinTwoSeconds = 2_000;

const month = new Date().toISOString().slice(0, 7);
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;

/** shows resolves when page shows text in the campaign list (or, with bars, on the calendar), checked every frame. */
async function shows(page: Page, text: string, where: 'list' | 'calendar'): Promise<void> {
  await page.waitForFunction(
    ([t, w]) => [...document.querySelectorAll(w === 'list' ? 'tbody tr td:first-child a' : '.grid button.bar')].some((e) => e.textContent?.includes(t)),
    [text, where] as const,
    { polling: 'raf', timeout: withinTwoSeconds },
  );
}

/** median of the delays measured. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('a change in one tab shows in the other tabs’ open list and calendar, with a notice', async ({ browser, workspace, request }) => {
  // A campaign first, so that the list is a list and not the first-run page.
  await workspace.call(request, 'Campaigns.Create', { name: 'Seed', status: 'planned', startDate: day(2), endDate: day(3), budget: { amount: 0, currency: 'USD' } });
  const ctxA = await browser.newContext({ baseURL: workspace.url });
  const ctxB = await browser.newContext({ baseURL: workspace.url });
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  const cal = await ctxB.newPage();
  const listA = new CampaignsPage(a);
  const listB = new CampaignsPage(b);
  for (const p of [a, b]) {
    await p.goto('/#/campaigns');
    await expect(new CampaignsPage(p).row('Seed')).toBeVisible();
  }
  await cal.goto('/#/calendar');
  await new CalendarPage(cal).showMonth(day(1));
  await expect(new CalendarPage(cal).bars('Seed').first()).toBeVisible();
  // A mark that a reload would wipe.
  for (const p of [b, cal]) await p.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

  const listDelays: number[] = [];
  const calendarDelays: number[] = [];
  /** change does what in tab A and measures, from the moment A's call answered, when B's list and calendar show text. */
  async function change(method: string, what: () => Promise<void>, text: string) {
    const answered = a.waitForResponse((r) => r.url().endsWith('/api/Campaigns/' + method) && r.ok()).then(() => Date.now());
    await what();
    const t0 = await answered;
    await Promise.all([
      shows(b, text, 'list').then(() => listDelays.push(Date.now() - t0)),
      shows(cal, text, 'calendar').then(() => calendarDelays.push(Date.now() - t0)),
    ]);
  }

  for (const name of ['Summer push', 'Autumn teaser', 'Winter sale']) {
    await change('Create', () => listA.create({ name, status: 'Planned', start: day(5), end: day(9) }), name);
    await expect(listB.row(name)).toBeVisible();
    await expect(new AppShell(b).notice(`Changed in another window: campaign ‘${name}’`)).toBeVisible();
  }
  for (const [from, to] of [['Summer push', 'Summer push (EMEA)'], ['Winter sale', 'Winter sale 2']]) {
    await change(
      'Update',
      async () => {
        await listA.row(from).getByRole('button', { name: 'Edit' }).click();
        await listA.form.getByLabel('Campaign', { exact: true }).fill(to);
        await listA.save();
        await listA.form.waitFor({ state: 'detached' });
      },
      to,
    );
    await expect(listB.row(from)).toHaveCount(0);
    await expect(new AppShell(b).notice(`Changed in another window: campaign ‘${to}’`)).toBeVisible();
  }
  // Neither the list nor the calendar was reloaded to get there.
  for (const p of [b, cal]) expect(await p.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);

  // Tab A made those changes: it says nothing about them. B's change, made
  // after them all, is the only one A tells of.
  await listB.row('Autumn teaser').getByRole('button', { name: 'Edit' }).click();
  await listB.form.getByLabel('Campaign', { exact: true }).fill('Autumn teaser v2');
  await listB.save();
  await expect(listA.row('Autumn teaser v2')).toBeVisible({ timeout: withinTwoSeconds });
  await expect(new AppShell(a).notice('Changed in another window: campaign ‘Autumn teaser v2’')).toBeVisible();
  await expect(new AppShell(a).notice(/Changed in another window/)).toHaveCount(1);

  const report = `list: ${listDelays.join(', ')} ms (median ${median(listDelays)}); calendar: ${calendarDelays.join(', ')} ms (median ${median(calendarDelays)})`;
  test.info().annotations.push({ type: 'delay', description: report });
  console.log('live delays —', report);
  await ctxA.close();
  await ctxB.close();
});

test('a form open on a record someone changed says so and keeps what is typed', async ({ browser, workspace }) => {
  const ctxA = await browser.newContext({ baseURL: workspace.url });
  const ctxB = await browser.newContext({ baseURL: workspace.url });
  const a = new CampaignsPage(await ctxA.newPage());
  const b = new CampaignsPage(await ctxB.newPage());
  for (const l of [a, b]) {
    await l.page.goto('/#/campaigns');
    await expect(l.row('Seed')).toBeVisible();
  }
  await b.row('Seed').getByRole('button', { name: 'Edit' }).click();
  await b.form.getByLabel('Objective').fill('Typed in B, not yet saved');
  await a.row('Seed').getByRole('button', { name: 'Edit' }).click();
  await a.form.getByLabel('Campaign', { exact: true }).fill('Seed (renamed in A)');
  await a.save();
  await a.form.waitFor({ state: 'detached' });
  const hint = b.form.getByRole('status').filter({ hasText: 'This record was changed in another window after you opened it.' });
  await expect(hint).toBeVisible({ timeout: withinTwoSeconds });
  // The list behind the dialog follows; the form keeps what B typed.
  await expect(b.row('Seed (renamed in A)')).toBeVisible();
  await expect(b.form.getByLabel('Objective')).toHaveValue('Typed in B, not yet saved');
  await expect(b.form.getByLabel('Campaign', { exact: true })).toHaveValue('Seed');
  // Taking their version fills the form with it and the hint goes.
  await hint.getByRole('button', { name: 'Reload (drops your edits)' }).click();
  await expect(b.form.getByLabel('Campaign', { exact: true })).toHaveValue('Seed (renamed in A)');
  await expect(b.form.getByLabel('Objective')).toHaveValue('');
  await expect(hint).toHaveCount(0);
  // The save then starts from their version: no conflict to answer.
  await b.form.getByLabel('Objective').fill('Typed after the reload');
  await b.save();
  await b.form.waitFor({ state: 'detached' });
  await expect(b.page.getByRole('dialog')).toHaveCount(0);
  await ctxA.close();
  await ctxB.close();
});

test('a vendor form takes the newer version on reload and then saves without a conflict', async ({ browser, workspace, request }) => {
  const vendor = await workspace.call<{ id: number; version: number }>(request, 'Vendors.Create', { name: 'Acme', category: 'other' });
  const ctx = await browser.newContext({ baseURL: workspace.url });
  const page = await ctx.newPage();
  await page.goto(`/#/contracts/vendor/${vendor.id}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Edit vendor' });
  await form.getByLabel('Contacts').fill('Typed before the reload');
  await workspace.call(request, 'Vendors.Update', vendor.id, { name: 'Acme GmbH', category: 'other', website: '', contacts: '', notes: 'Theirs', version: vendor.version });
  const hint = form.getByRole('status').filter({ hasText: 'This record was changed in another window after you opened it.' });
  await expect(hint).toBeVisible({ timeout: withinTwoSeconds });
  await expect(form.getByLabel('Contacts')).toHaveValue('Typed before the reload');
  await hint.getByRole('button', { name: 'Reload (drops your edits)' }).click();
  await expect(form.getByLabel('Vendor', { exact: true })).toHaveValue('Acme GmbH');
  await expect(form.getByLabel('Notes')).toHaveValue('Theirs');
  await expect(hint).toHaveCount(0);
  // The reload took their version too: saving over it is no conflict.
  await form.getByLabel('Contacts').fill('ops@acme.example');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const stored = await workspace.call<{ name: string; contacts: string; notes: string }>(request, 'Vendors.Get', vendor.id);
  expect(stored).toMatchObject({ name: 'Acme GmbH', contacts: 'ops@acme.example', notes: 'Theirs' });
  await ctx.close();
});

test('an asset’s page follows someone’s change until something is typed, then offers it', async ({ browser, workspace, request }) => {
  const ctx = await browser.newContext({ baseURL: workspace.url });
  const page = await ctx.newPage();
  const library = new AssetsPage(page);
  await page.goto('/#/assets');
  await library.drop([{ name: 'live-brief.txt', type: 'text/plain', data: Buffer.from('brief') }]);
  await expect(library.card('live brief')).toBeVisible();
  const id = Number(await library.card('live brief').first().getAttribute('data-asset-id'));
  await page.goto(`/#/assets/${id}`);
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue('live brief');
  /** retitle saves a new title as someone else would. */
  const retitle = async (to: string) => {
    const a = await workspace.call<Record<string, unknown> & { version: number }>(request, 'Assets.Get', id);
    await workspace.call(request, 'Assets.Update', id, { ...a, title: to });
  };
  // Nothing typed: the page shows their version at once.
  await retitle('Brief v2');
  await expect(title).toHaveValue('Brief v2', { timeout: withinTwoSeconds });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brief v2');
  // Something typed: it stays, and the page offers their version.
  await page.getByLabel('Description').fill('Typed here');
  await retitle('Brief v3');
  const hint = page.getByRole('status').filter({ hasText: 'This record was changed in another window after you opened it.' });
  await expect(hint).toBeVisible({ timeout: withinTwoSeconds });
  await expect(title).toHaveValue('Brief v2');
  await expect(page.getByLabel('Description')).toHaveValue('Typed here');
  await hint.getByRole('button', { name: 'Reload (drops your edits)' }).click();
  await expect(title).toHaveValue('Brief v3');
  await expect(page.getByLabel('Description')).toHaveValue('');
  await expect(hint).toHaveCount(0);
  await ctx.close();
});

test('the backup panel follows someone’s backup and settings, keeping settings being typed', async ({ browser, workspace, request }) => {
  const ctx = await browser.newContext({ baseURL: workspace.url });
  const page = await ctx.newPage();
  await page.goto('/#/settings');
  const daily = page.locator('#backup-daily');
  const folder = page.locator('#backup-folder');
  await expect(daily).toHaveValue('7');
  const st = await workspace.call<{ settings: Record<string, unknown> }>(request, 'Backups.Status');
  // Nothing typed: their settings show.
  await workspace.call(request, 'Backups.UpdateSettings', { ...st.settings, keepDaily: 9 });
  await expect(daily).toHaveValue('9', { timeout: withinTwoSeconds });
  // Typed: their backup shows, and what is typed stays.
  await folder.fill('/tmp/typed-here');
  await workspace.call(request, 'Backups.UpdateSettings', { ...st.settings, keepDaily: 11 });
  await workspace.call(request, 'Backups.BackUpNow');
  await expect(page.getByTestId('last-backup')).toContainText('Last backup:', { timeout: withinTwoSeconds });
  await expect(folder).toHaveValue('/tmp/typed-here');
  await expect(daily).toHaveValue('9');
  await ctx.close();
});

test('a campaign picker shows a chosen campaign renamed by someone else', async ({ browser, workspace, request }) => {
  const camp = await workspace.call<{ id: number; version: number }>(request, 'Campaigns.Create', {
    name: 'Picker launch', status: 'planned', startDate: day(2), endDate: day(3), budget: { amount: 0, currency: 'USD' },
  });
  const ctx = await browser.newContext({ baseURL: workspace.url });
  const page = await ctx.newPage();
  const library = new AssetsPage(page);
  await page.goto('/#/assets');
  await library.drop([{ name: 'picker-logo.txt', type: 'text/plain', data: Buffer.from('logo') }]);
  await expect(library.card('picker logo')).toBeVisible();
  const id = Number(await library.card('picker logo').first().getAttribute('data-asset-id'));
  const asset = await workspace.call<Record<string, unknown>>(request, 'Assets.Get', id);
  await workspace.call(request, 'Assets.Update', id, { ...asset, campaignIds: [camp.id] });
  await page.goto(`/#/assets/${id}`);
  const chips = page.getByRole('list', { name: 'Chosen campaigns' });
  await expect(chips).toContainText('Picker launch');
  await workspace.call(request, 'Campaigns.Update', camp.id, { name: 'Picker launch (EMEA)', version: camp.version });
  await expect(chips).toContainText('Picker launch (EMEA)', { timeout: withinTwoSeconds });
  await ctx.close();
});
