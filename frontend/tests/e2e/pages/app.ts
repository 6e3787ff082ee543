import type { Locator, Page } from '@playwright/test';

/** AppShell is the window around every area: navigation and notices. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async goTo(area: 'Dashboard' | 'Campaigns' | 'Calendar' | 'Budget' | 'Contracts' | 'Assets' | 'Import' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: area }).click();
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
