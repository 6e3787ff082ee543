import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { AppShell } from './pages/app';
import { Host } from './pages/host';
import { AccountPage, PasswordPanel, SessionBadge, SignInPage, TeamPage } from './pages/team';

// Issue 18 against a real team host ("mopsdesk host", HTTPS on loopback
// with its own certificate): the first admin, an invite, a Viewer who sees
// no edit control and whom the backend refuses anyway, an ended session
// that returns to the same place, and the lock after wrong passwords.
test.describe.configure({ mode: 'serial' });

let host: Host;
let admin: Page;
let inviteLink = '';
const password = 'correct horse battery staple';

/** person opens a browser context of its own on the host (its own cookie jar). */
async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: host.url, ignoreHTTPSErrors: true });
  return { context, page: await context.newPage() };
}

test.beforeAll(async ({ browser }) => {
  host = await Host.start();
  admin = (await person(browser)).page;
});

test.afterAll(async () => {
  await admin?.context().close();
  await host?.stop();
});

test('the first admin sets up the workspace with the setup code', async () => {
  await admin.goto('/');
  await expect(admin.getByRole('heading', { name: 'Set up the team workspace' })).toBeVisible();
  const form = new AccountPage(admin);
  await form.fill({ code: 'wrong-code', name: 'Ada', login: 'ada', password });
  await form.submit('Create admin account');
  await expect(admin.getByRole('alert')).toBeVisible();
  await form.fill({ code: host.setupCode, name: 'Ada', login: 'ada', password });
  await form.submit('Create admin account');
  await expect(new SessionBadge(admin).group).toContainText('Ada');
  await expect(new SessionBadge(admin).group).toContainText('Admin');
  await expect(admin.getByRole('button', { name: 'New campaign' })).toBeVisible();
});

test('the admin invites a Viewer and gets the link once', async () => {
  await admin.getByRole('navigation').getByRole('link', { name: 'Team' }).click();
  inviteLink = await new TeamPage(admin).invite('Viewer', 'Vic, events');
  expect(inviteLink.startsWith(host.url + '/#/join/')).toBe(true);
  await expect(admin.getByText('Vic, events')).toBeVisible();
});

test('a Viewer joins, sees no edit control, and the backend refuses a change anyway', async ({ browser }) => {
  const { context, page } = await person(browser);
  await page.goto(inviteLink);
  const form = new AccountPage(page);
  await form.fill({ name: 'Vic', login: 'vic', password });
  await form.submit('Join');
  await expect(new SessionBadge(page).group).toContainText('Viewer');
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New campaign' })).toHaveCount(0);
  const res = await page.request.post('/api/Campaigns/Create', {
    data: [{ name: 'Sneaky', status: 'planned', startDate: '2026-01-01', endDate: '2026-01-02', budget: { amount: 0, currency: 'USD' } }],
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('forbidden');

  // An invite works once.
  const again = (await person(browser)).page;
  await again.goto(inviteLink);
  await new AccountPage(again).fill({ name: 'Eve', login: 'eve', password });
  await new AccountPage(again).submit('Join');
  await expect(again.getByRole('alert')).toContainText('This invite was already used');
  await again.context().close();

  // Without its session the host brings back sign-in, which goes on to the
  // page asked for. (In a page left open, whichever call hears first that
  // the session ended — the event stream reconnecting, or the next page's
  // reads — decides the place to return to; team-local.spec pins that
  // down. Here a fresh load asks for Contracts, so there is no race.)
  await new AppShell(page).goTo('Budget');
  await context.clearCookies();
  await page.goto('/#/contracts');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await signIn.signIn('vic', password);
  await expect(page.getByRole('heading', { name: 'Contracts', level: 1 })).toBeVisible();
  await context.close();
});

test('a person changes their password: their other sessions end, the old password fails, the new one works', async ({ browser }) => {
  // Ada is signed in twice: here and in another browser.
  const other = (await person(browser)).page;
  await other.goto('/');
  await new SignInPage(other).signIn('ada', password);
  await expect(new SessionBadge(other).group).toContainText('Ada');

  await admin.goto('/#/settings');
  const panel = new PasswordPanel(admin);
  const renewed = 'a much newer passphrase';
  // The backend's answers are shown at their fields.
  await panel.change('not my password', renewed);
  await expect(panel.region.getByText('The current password is wrong.')).toBeVisible();
  await panel.change(password, 'short');
  await expect(panel.region.getByText(/Use at least \d+ characters/)).toBeVisible();
  await panel.change(password, renewed, renewed + '!');
  await expect(panel.region.getByText('The two passwords differ.')).toBeVisible();
  await panel.change(password, renewed);
  await expect(admin.getByText('Your password was changed. Your other sessions were signed out.')).toBeVisible();
  await expect(panel.region.getByLabel('Current password')).toHaveValue('');

  // The other browser's session ended; this one goes on.
  await other.evaluate(() => (location.hash = '#/contracts'));
  await expect(new SignInPage(other).heading).toBeVisible();
  await other.context().close();
  // An admin's list has everyone's sessions: Ada's is this one alone now.
  await expect(admin.getByRole('region', { name: 'Your sessions' }).getByRole('listitem').filter({ hasText: 'Ada' })).toHaveCount(1);

  await new SessionBadge(admin).signOut();
  const signIn = new SignInPage(admin);
  await expect(signIn.heading).toBeVisible();
  await signIn.signIn('ada', password);
  await expect(signIn.problem()).toContainText('do not match');
  await signIn.signIn('ada', renewed);
  await expect(new SessionBadge(admin).group).toContainText('Ada');
});

test('repeated wrong passwords lock sign-in with a clear message', async ({ browser }) => {
  const { context, page } = await person(browser);
  await page.goto('/');
  const signIn = new SignInPage(page);
  // Each try waits for the host's answer (reading the message shown
  // could read the previous try's): the lock is a 429.
  let locked = false;
  for (let i = 0; i < 30 && !locked; i++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/auth/signin'));
    await signIn.signIn('vic', 'not the password ' + i);
    locked = (await answer).status() === 429;
  }
  expect(locked).toBe(true);
  await expect(signIn.problem()).toContainText('Too many wrong passwords');
  await context.close();
});
