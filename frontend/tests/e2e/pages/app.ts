import type { Download, Locator, Page } from '@playwright/test';

/** AppShell is the window around every area: navigation and notices. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async goTo(area: 'Dashboard' | 'Campaigns' | 'Calendar' | 'Budget' | 'Contracts' | 'Assets' | 'Import' | 'Activity' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: area }).click();
  }

  /** exportList presses the export button of the list in view (named in the page's language) and returns the download. */
  async exportList(button: string = 'Export (.xlsx)'): Promise<Download> {
    const dl = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    return dl;
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
