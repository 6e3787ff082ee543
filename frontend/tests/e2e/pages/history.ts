import type { Download, Locator, Page } from '@playwright/test';

/** HistoryPanel is the History of one record (a campaign, a contract…): who changed what, each field before and after. */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.locator('details.history');
  }

  /** changes are the entries, newest first. */
  get changes(): Locator {
    return this.panel.locator('li.change');
  }

  async open(): Promise<void> {
    await this.panel.locator('summary').click();
  }

  /** field is one field's row (before, after) of the nth entry, by its shown name. */
  field(n: number, name: string): Locator {
    return this.changes.nth(n).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}

/** ActivityPage is the workspace's activity log with its filters and export. */
export class ActivityPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.locator('table.log tbody tr');
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }

  async filterKind(label: string): Promise<void> {
    await this.page.getByLabel('Kind').selectOption({ label });
  }

  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export (.xlsx)' }).click();
    return download;
  }
}
