import { expect, type Locator, type Page } from '@playwright/test';

/** SignInPage is the page a team host shows before anyone is signed in. */
export class SignInPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in', level: 1 });
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.page.getByLabel('Login').fill(login);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** problem is the sentence the page says when sign-in failed. */
  problem(): Locator {
    return this.page.getByRole('alert');
  }
}

/** AccountPage is the first-admin page and the join page: the same form, with or without the setup code. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async fill(a: { code?: string; name?: string; login?: string; password: string }): Promise<void> {
    if (a.code !== undefined) await this.page.getByLabel('Setup code').fill(a.code);
    if (a.name !== undefined) await this.page.getByLabel('Name').fill(a.name);
    if (a.login !== undefined) await this.page.getByLabel('Login').fill(a.login);
    await this.page.getByLabel(/^(New )?[Pp]assword$/).fill(a.password);
    await this.page.getByLabel('Repeat the password').fill(a.password);
  }

  async submit(name: 'Create admin account' | 'Join' | 'Set password and sign in'): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }
}

/** TeamPage is the admins' page of members and invites. */
export class TeamPage {
  constructor(readonly page: Page) {}

  /** invite makes an invite link for a role and returns the link shown to copy. */
  async invite(role: 'Viewer' | 'Planner' | 'Approver' | 'Admin', note: string): Promise<string> {
    await this.page.getByLabel('Role', { exact: true }).selectOption({ label: role });
    await this.page.getByLabel('Note').fill(note);
    await this.page.getByRole('button', { name: 'Create invite link' }).click();
    const link = this.page.getByRole('textbox', { name: 'Invite link' });
    await expect(link).toHaveValue(/\/#\/join\//);
    return link.inputValue();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }
}

/** SessionBadge is the signed-in person in the sidebar. */
export class SessionBadge {
  readonly group: Locator;

  constructor(readonly page: Page) {
    this.group = page.getByRole('navigation').getByRole('group', { name: 'Signed in' });
  }

  async signOut(): Promise<void> {
    await this.group.getByRole('button', { name: 'Sign out' }).click();
  }
}

/** PasswordPanel is "Change password" in Settings on a team workspace. */
export class PasswordPanel {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Change password' });
  }

  async change(current: string, next: string, repeat = next): Promise<void> {
    await this.region.getByLabel('Current password').fill(current);
    await this.region.getByLabel('New password').fill(next);
    await this.region.getByLabel('Repeat the password').fill(repeat);
    await this.region.getByRole('button', { name: 'Change password' }).click();
  }
}
