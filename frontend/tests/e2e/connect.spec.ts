import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DesktopWindow } from './pages/connect';

/** axe lists the serious and critical accessibility problems on the page as shown now. */
async function axe(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

// The desktop window's team workspaces, seen by the user: connecting with
// an invite after comparing the host's fingerprint, the one workspace
// menu, and the banner while the host is away. The window's Go side is
// stood in for (pages/connect.ts); its own tests cover the host.

test('connecting to a team workspace: address, fingerprint to compare, invite, connected', async ({ page }) => {
  const win = new DesktopWindow(page);
  await win.open();
  await expect(win.menuButton).toContainText('This computer');
  await win.menuButton.click();
  await expect(win.workspaceItem(/This computer/)).toHaveAttribute('aria-checked', 'true');
  expect(await axe(page)).toEqual([]);
  await win.action('Connect to a team workspace…').click();

  await expect(win.dialog.getByRole('heading', { name: 'Connect to a team workspace' })).toBeVisible();
  // An invite link pasted where the address goes gives both.
  await win.dialog.getByLabel('Host address').fill('https://desk.example.org:8443/#/join/INV-42');
  await win.dialog.getByRole('button', { name: 'Next' }).click();

  await expect(win.dialog.getByText('Compare it with the one the host printed')).toBeVisible();
  await expect(win.dialog.getByTestId('fingerprint')).toHaveText(
    '5A:D9:EE:A0 EA:B4:F8:61 9D:4C:80:17 14:87:7F:79 0E:0E:3E:E3 9D:ED:60:E8 FB:BC:D5:37 FF:0A:D2:98',
  );
  if (process.env.CONNECT_SHOTS) await page.screenshot({ path: '/tmp/connect-dialog-fingerprint.png' });
  expect(await axe(page)).toEqual([]);
  await win.dialog.getByRole('button', { name: 'They match' }).click();

  await expect(win.dialog.getByLabel('I have an invite')).toBeChecked();
  await expect(win.dialog.getByLabel('Invite code')).toHaveValue('INV-42');
  await win.dialog.getByLabel('Your name').fill('Dana');
  await win.dialog.getByLabel('Login').fill('dana');
  await win.dialog.getByLabel('Password').fill('wrong');
  await win.dialog.getByRole('button', { name: 'Join' }).click();
  await expect(win.dialog.getByRole('alert')).toHaveText('The host did not accept this invite, login or password.');
  await win.dialog.getByLabel('Password').fill('correct horse');
  await win.dialog.getByRole('button', { name: 'Join' }).click();
  await expect(win.dialog.getByText('Connected to Brand team as Dana.')).toBeVisible();
  const calls = await win.calls();
  expect(calls[0]).toEqual(['ProbeHost', 'desk.example.org:8443']);
  expect(calls.at(-1)).toEqual([
    'ConnectTeam',
    'desk.example.org:8443',
    '5A:D9:EE:A0:EA:B4:F8:61:9D:4C:80:17:14:87:7F:79:0E:0E:3E:E3:9D:ED:60:E8:FB:BC:D5:37:FF:0A:D2:98',
    { invite: 'INV-42', name: 'Dana', login: 'dana', password: 'correct horse' },
  ]);

  // Opening it reloads the page on the team workspace.
  await win.dialog.getByRole('button', { name: 'Open the team workspace' }).click();
  await expect(win.menuButton).toContainText('Brand team');
  await win.menuButton.click();
  await expect(win.workspaceItem(/Brand team/)).toHaveAttribute('aria-checked', 'true');
  // Back to this computer from the same menu.
  await win.workspaceItem(/This computer/).click();
  await expect(win.menuButton).toContainText('This computer');
  expect((await win.calls()).at(-1)).toEqual(['SwitchWorkspace', 'local']);
});

test('while the host is away the view is marked not current, and Retry now asks again', async ({ page }) => {
  const win = new DesktopWindow(page);
  await page.addInitScript(() => sessionStorage.setItem('bridge-team', '1'));
  await win.open();
  await expect(win.menuButton).toContainText('Brand team');
  await expect(page.getByRole('heading', { name: 'Campaigns', exact: true })).toBeVisible();
  await expect(win.banner).toHaveCount(0);

  await win.emit('connection', { workspace: 'team-1', address: 'desk.example.org:8443', state: 'offline', retryIn: 30 });
  await expect(win.banner).toContainText(/Can’t reach desk\.example\.org:8443 — retrying in (30|29|28) s/);
  await expect(win.banner).toContainText('Not current');
  await expect(page.locator('main')).toHaveClass(/stale/);
  if (process.env.CONNECT_SHOTS) await page.screenshot({ path: '/tmp/connect-offline.png' });
  expect(await axe(page)).toEqual([]);
  await win.banner.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(async () => (await win.calls()).at(-1)).toEqual(['RetryConnection']);

  await win.emit('connection', { workspace: 'team-1', address: 'desk.example.org:8443', state: 'online', retryIn: 0 });
  await expect(win.banner).toHaveCount(0);
  await expect(page.locator('main')).not.toHaveClass(/stale/);
  await expect(page.getByRole('heading', { name: 'Campaigns', exact: true })).toBeVisible();
});

test('an ended session opens the sign-in of that workspace', async ({ page }) => {
  const win = new DesktopWindow(page);
  await page.addInitScript(() => sessionStorage.setItem('bridge-team', '1'));
  await win.open();
  await expect(win.menuButton).toContainText('Brand team');
  await win.emit('connection', { workspace: 'team-1', address: 'desk.example.org:8443', state: 'signed_out', retryIn: 0 });
  await expect(win.dialog.getByRole('heading', { name: 'Sign in to Brand team' })).toBeVisible();
  await expect(win.dialog.getByLabel('Login')).toHaveValue('dana');
  await win.dialog.getByRole('button', { name: 'Cancel' }).click();
  // The banner keeps the way back to it, and the view is not current.
  await expect(page.locator('main')).toHaveClass(/stale/);
  await win.banner.getByRole('button', { name: 'Sign in' }).click();
  await win.dialog.getByLabel('Password').fill('correct horse');
  await win.dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(win.dialog.getByText('Connected to Brand team as Dana.')).toBeVisible();
  expect((await win.calls()).at(-1)).toEqual([
    'ConnectTeam',
    'desk.example.org:8443',
    '5A:D9:EE:A0:EA:B4:F8:61:9D:4C:80:17:14:87:7F:79:0E:0E:3E:E3:9D:ED:60:E8:FB:BC:D5:37:FF:0A:D2:98',
    { invite: '', name: '', login: 'dana', password: 'correct horse' },
  ]);
});
