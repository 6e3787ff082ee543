import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AccountPage, SignInPage, TeamPage } from './pages/team';

// Accessibility of the team pages, in English and Persian. The UI alone:
// /auth and the Team facade's answers are stubbed (a local serve has
// neither); the workspace behind every other call is this spec's own.
const now = new Date().toISOString();
const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
const ada = { personId: 1, name: 'Ada Lovelace', role: 'admin' };

async function host(page: Page, state: { setup: boolean; me: typeof ada | null }) {
  await page.route('**/auth/state', (r) => r.fulfill({ json: { mode: 'team', ...state } }));
  await page.route('**/auth/signin', (r) => r.fulfill({ status: 401, json: { code: 'unauthorized', message: 'wrong' } }));
  await page.route('**/api/Team/Members', (r) =>
    r.fulfill({
      json: [
        { id: 1, name: 'Ada Lovelace', login: 'ada', role: 'admin', active: true, createdAt: now, lastSignInAt: now },
        { id: 2, name: 'سارا احمدی', login: 'sara', role: 'planner', active: true, createdAt: now, lastSignInAt: '' },
      ],
    }),
  );
  await page.route('**/api/Team/Invites', (r) => r.fulfill({ json: [] }));
  await page.route('**/api/Team/Invite', (r) =>
    r.fulfill({ json: { id: 6, role: 'planner', note: 'Lea', createdBy: 'Ada', createdAt: now, expiresAt: later, usedAt: '', usedBy: '', revokedAt: '', code: 'Q7XK2M9P' } }),
  );
  await page.route('**/api/Team/Sessions', (r) =>
    r.fulfill({ json: [{ id: 's1', memberId: 1, member: 'Ada', client: 'Chromium on Linux', createdAt: now, lastSeenAt: now, expiresAt: later, current: true }] }),
  );
}

async function serious(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

for (const lang of ['en', 'fa']) {
  test(`the sign-in, first-admin, join and Team pages pass axe in ${lang}`, async ({ page, workspace, request }) => {
    await workspace.language(request, lang, lang === 'fa' ? 'persian' : 'gregory');
    await page.addInitScript((l) => Object.defineProperty(navigator, 'languages', { get: () => [l] }), lang);

    await host(page, { setup: false, me: null });
    await page.goto('/#/budget');
    // The page starts on its heading, and says what went wrong next to the form.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.locator('#signin-login').fill('ada');
    await page.locator('#signin-password').fill('nope');
    await page.locator('#signin-password').press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await serious(page), 'sign-in').toEqual([]);
    if (lang === 'en') await expect(new SignInPage(page).problem()).toHaveText('That login and password do not match.');

    await page.unrouteAll();
    await host(page, { setup: true, me: null });
    await page.reload();
    await page.locator('button[type=submit]').click();
    await expect(page.locator('[data-field-error="acct-code"]')).toBeVisible();
    await expect(page.locator('#acct-code')).toHaveAttribute('aria-invalid', 'true');
    expect(await serious(page), 'setup').toEqual([]);

    await page.unrouteAll();
    await host(page, { setup: false, me: null });
    await page.goto('/#/join/Q7XK2M9P');
    await page.reload();
    if (lang === 'en') {
      await new AccountPage(page).fill({ name: 'Lea', login: 'lea', password: 'one' });
      await page.getByLabel('Repeat the password').fill('two');
      await new AccountPage(page).submit('Join');
      await expect(page.getByText('The two passwords differ.')).toBeVisible();
    }
    expect(await serious(page), 'join').toEqual([]);

    await page.unrouteAll();
    await host(page, { setup: false, me: ada });
    await page.goto('/#/team');
    await page.reload();
    if (lang === 'en') expect(await new TeamPage(page).invite('Planner', 'Lea')).toMatch(/\/#\/join\/Q7XK2M9P$/);
    await expect(page.getByRole('combobox').first()).toBeVisible();
    expect(await serious(page), 'team').toEqual([]);
    await page.goto('/#/settings');
    await expect(page.locator('#sessions-title')).toBeVisible();
    expect(await serious(page), 'settings').toEqual([]);
  });
}
