import type { Locator, Page } from '@playwright/test';

/** CalendarPage is the month grid. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  bars(name: string): Locator {
    return this.page.locator('.month-grid button.bar').filter({ hasText: name });
  }

  day(iso: string): Locator {
    return this.page.locator(`.month-grid [data-day="${iso}"]`);
  }

  /** showMonth moves the grid from this month to the month of iso (YYYY-MM-DD). */
  async showMonth(iso: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Today' }).click();
    const now = new Date();
    const [y, m] = iso.split('-').map(Number);
    const steps = y * 12 + m - (now.getFullYear() * 12 + now.getMonth() + 1);
    for (let i = 0; i < Math.abs(steps); i++) {
      await this.page.getByRole('button', { name: steps > 0 ? 'Next' : 'Previous' }).click();
    }
    const title = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 1)),
    );
    await this.page.getByRole('heading', { level: 2, name: title }).waitFor();
  }
}
