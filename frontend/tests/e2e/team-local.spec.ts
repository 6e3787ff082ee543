import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { SessionBadge, SignInPage } from './pages/team';

// Issue 18's roles, as the UI shows them. The local workspace (serve mode
// on loopback) must look exactly as before: no sign-in, every control.
// The tests after that check the UI alone for a team host's roles: only
// /auth/state (and the Team facade a local serve does not have) is
// stubbed, every other call reaches this spec's real local workspace. That
// the host's backend refuses what the UI hides is team-host.spec.ts's.
test.describe.configure({ mode: 'serial' });

let campaignId = 0;

test.beforeAll(async ({ playwright, workspaces }, info) => {
  const ws = await workspaces.of(info);
  const request = await playwright.request.newContext();
  const call = <T = { id: number }>(method: string, ...args: unknown[]) => ws.call<T>(request, method, ...args);
  await ws.settings(request, { fiscalYearStartMonth: 1, baseCurrency: 'USD' });
  const today = await call<string>('Workspace.Today');
  const year = Number(today.slice(0, 4));
  const brand = await ws.item(request, 'teams', 'Brand');
  const events = await ws.item(request, 'categories', 'Events');
  await call('Budget.CreateFiscalYear', year, 'month');
  await call('Budget.SetLines', year, [{ teamId: brand, categoryId: events, period: 1, amount: 1_000_00 }]);
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  await call('Spend.Create', { teamId: brand, categoryId: events, campaignId: 0, reference: '', note: '', date: today, amount: usd(100_00), vendor: 'Hall', status: 'actual' });
  await call('Requests.Create', { requester: 'Arif', teamId: brand, categoryId: events, amount: usd(300_00), date: '', vendor: '', campaignId: 0, purpose: 'Booth' });
  const vendor = await call('Vendors.Create', { name: 'HubSpot' });
  await call('Contracts.Create', {
    vendorId: vendor.id, teamId: brand, categoryId: events, product: 'Marketing Hub', cost: usd(12_000_00), billingCycle: 'annual',
    startDate: today, termMonths: 12, renewalDate: `${year + 1}${today.slice(4)}`, autoRenew: true, noticeDays: 60, status: 'active',
  });
  campaignId = (await call('Campaigns.Create', { name: 'Spring launch', status: 'planned', startDate: today, endDate: today, budget: usd(0) })).id;
  await call('Deliverables.Create', { campaignId, title: 'Launch email', type: 'email', status: 'idea', publishDate: today, channelId: 0 });
  await call('Milestones.Create', { campaignId, title: 'Sign-off', dueDate: today });
  await request.dispose();
});

/** actAs makes the page a team host's for a person of role (the UI alone; see above). */
async function actAs(page: Page, role: 'viewer' | 'planner' | 'approver' | 'admin') {
  await page.route('**/auth/state', (r) => r.fulfill({ json: { mode: 'team', setup: false, me: { personId: 7, name: 'Vera', role } } }));
  await page.route('**/api/Team/Sessions', (r) => r.fulfill({ json: [] }));
}

const button = (page: Page, name: string) => page.getByRole('main').getByRole('button', { name, exact: true });

/**
 * editControls are, page by page, the controls that change something,
 * and what shows the page has loaded. The local workspace shows every
 * one of them; a Viewer none.
 */
const editControls: { go: (page: Page) => Promise<void>; loaded: string; buttons: string[]; other?: string }[] = [
  { go: (p) => p.goto('/#/campaigns').then(() => {}), loaded: 'Spring launch', buttons: ['New campaign', 'Edit', 'Delete'] },
  {
    go: (p) => p.goto(`/#/campaigns/${campaignId}`).then(() => {}),
    loaded: 'Launch email',
    buttons: ['Edit', 'Copy as template', 'Add deliverable', 'Add milestone', 'Add goal', 'Delete', 'Launch email', 'Sign-off'],
    other: 'input[type=checkbox]:enabled',
  },
  { go: (p) => new AppShell(p).goTo('Calendar'), loaded: 'Spring launch', buttons: ['New campaign', 'Add deliverable', 'Add milestone'], other: '.handle' },
  { go: (p) => new AppShell(p).goTo('Budget'), loaded: 'Brand', buttons: ['New fiscal year'], other: '.cell input:not([readonly])' },
  { go: (p) => p.getByRole('tab', { name: 'Spend' }).click(), loaded: 'Hall', buttons: ['Record spend', 'Edit', 'Delete'] },
  { go: (p) => p.getByRole('tab', { name: 'Requests' }).click(), loaded: 'Booth', buttons: ['Request spend', 'Approve', 'Reject'] },
  { go: (p) => p.getByRole('tab', { name: 'Exchange rates' }).click(), loaded: 'Planning rates', buttons: ['Set rate'] },
  { go: (p) => new AppShell(p).goTo('Contracts'), loaded: 'Marketing Hub', buttons: ['Add vendor', 'Add contract'] },
  { go: (p) => new AppShell(p).goTo('Assets'), loaded: 'Asset library', buttons: ['Add files'] },
  { go: (p) => new AppShell(p).goTo('Import'), loaded: 'Export workspace (.xlsx)', buttons: ['Choose a file…'] },
  { go: (p) => new AppShell(p).goTo('Settings'), loaded: 'Workspace name', buttons: ['Save', 'Add', 'Rename'], other: 'input#ws-name:enabled' },
];

test('the local workspace is as before: no sign-in, every control, no Team page or sessions', async ({ page }) => {
  for (const c of editControls) {
    await c.go(page);
    await expect(page.getByRole('main').getByText(c.loaded, { exact: true }).first()).toBeVisible();
    for (const name of c.buttons) await expect(button(page, name).first(), `${c.loaded}: ${name}`).toBeVisible();
    if (c.other) await expect(page.locator(c.other).first(), `${c.loaded}: ${c.other}`).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toHaveCount(0);
  await expect(new SignInPage(page).heading).toHaveCount(0);
  await expect(new SessionBadge(page).group).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Team' })).toHaveCount(0);
});

test('a Viewer sees every page but no control that changes anything', async ({ page }) => {
  await actAs(page, 'viewer');
  for (const c of editControls) {
    await c.go(page);
    await expect(page.getByRole('main').getByText(c.loaded, { exact: true }).first()).toBeVisible();
    for (const name of c.buttons) await expect(button(page, name), `${c.loaded}: ${name}`).toHaveCount(0);
    if (c.other) await expect(page.locator(c.other), `${c.loaded}: ${c.other}`).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { name: 'Backups' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  await expect(new SessionBadge(page).group).toContainText('Vera');
  await expect(new SessionBadge(page).group).toContainText('Viewer');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Team' })).toHaveCount(0);
});

test('an Approver decides requests and edits the plan, but not the workspace settings or people', async ({ page }) => {
  await actAs(page, 'approver');
  const app = new AppShell(page);
  await page.goto('/#/budget');
  await expect(page.locator('.cell input').first()).toBeEditable();
  await page.getByRole('tab', { name: 'Requests' }).click();
  await expect(button(page, 'Approve')).toBeVisible();
  await app.goTo('Settings');
  await expect(page.getByRole('textbox', { name: 'Workspace name' })).toBeDisabled();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Team' })).toHaveCount(0);
});

test('a Planner plans but neither decides requests nor edits the budget plan', async ({ page }) => {
  await actAs(page, 'planner');
  await page.goto('/#/budget');
  await expect(page.locator('.cell input').first()).not.toBeEditable();
  await page.getByRole('tab', { name: 'Requests' }).click();
  await expect(button(page, 'Request spend')).toBeVisible();
  await expect(button(page, 'Approve')).toHaveCount(0);
});

test('an ended session brings back sign-in, which returns to the same place', async ({ page }) => {
  let ended = false;
  await page.route('**/auth/state', (r) => r.fulfill({ json: { mode: 'team', setup: false, me: { personId: 7, name: 'Vera', role: 'planner' } } }));
  // The session ends just before the requests are read (other calls the page makes meanwhile go through).
  await page.route('**/api/Requests/Find', (r) => (ended ? r.fulfill({ status: 401, json: { code: 'unauthorized', message: 'The session has ended.' } }) : r.fallback()));

  await page.route('**/auth/signin', (r) => {
    ended = false;
    return r.fulfill({ json: { personId: 7, name: 'Vera', role: 'planner' } });
  });
  await page.goto('/#/budget');
  await expect(page.getByRole('heading', { name: 'Budget', level: 1 })).toBeVisible();
  ended = true;
  await page.getByRole('tab', { name: 'Requests' }).click();
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await signIn.signIn('vera', 'a long passphrase');
  await expect(page.getByRole('heading', { name: 'Budget', level: 1 })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/budget');
});
