import type { Download, Locator, Page } from '@playwright/test';

export interface CampaignDraft {
  name: string;
  team?: string;
  channel?: string;
  tags?: string;
  owner?: string;
  status?: string;
  start: string;
  end: string;
  budget?: string;
  currency?: string;
}

/** CampaignsPage is the campaign list with its form. */
export class CampaignsPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('dialog', { name: /campaign/i });
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /**
   * field is a field of the open campaign form by its id (name, startDate,
   * endDate…), in whatever language the form speaks.
   */
  field(id: string): Locator {
    return this.page.getByRole('dialog').locator(`#${id}`);
  }

  /** rows are the campaign list's rows (not the numbers table behind its chart). */
  get rows(): Locator {
    return this.page.locator('table.data:not(.chart-data table) tbody tr');
  }

  /** statuses are the status cells of the list's rows. */
  get statuses(): Locator {
    return this.rows.locator('td:nth-child(5)');
  }

  /** names are the campaign names of the list, top to bottom. */
  get names(): Locator {
    return this.page.locator('tbody tr td:first-child a');
  }

  /** statusHint explains, under the status field, what a status needs. */
  get statusHint(): Locator {
    return this.form.locator('#status-hint');
  }

  /** personOffered is a name the owner fields offer. */
  personOffered(name: string): Locator {
    return this.page.locator(`#people-options option[value="${name}"]`);
  }

  /** roi is a figure of a campaign page's spend and ROI (actual, revenue, roi). */
  roi(figure: 'actual' | 'revenue' | 'roi'): Locator {
    return this.page.getByRole('region', { name: 'Spend and ROI' }).locator(`[data-roi="${figure}"]`);
  }

  fieldError(field: string): Locator {
    return this.form.locator(`[data-field-error="${field}"]`);
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: /^(New campaign|Create a campaign)$/ }).first().click();
    await this.form.waitFor();
  }

  async fill(d: CampaignDraft): Promise<void> {
    const f = this.form;
    await f.getByLabel('Campaign', { exact: true }).fill(d.name);
    if (d.team) await f.getByLabel('Team').selectOption({ label: d.team });
    if (d.channel) await f.getByRole('group', { name: 'Channels' }).getByLabel(d.channel).check();
    if (d.owner) await f.getByLabel('Owner').fill(d.owner);
    if (d.tags) await f.getByLabel('Tags').fill(d.tags);
    if (d.status) await f.getByLabel('Status').selectOption({ label: d.status });
    await f.getByLabel('Start date').fill(d.start);
    await f.getByLabel('End date').fill(d.end);
    if (d.budget) await f.getByLabel('Planned budget').fill(d.budget);
    if (d.currency) await f.getByLabel('Currency').selectOption(d.currency);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save' }).click();
  }

  async create(d: CampaignDraft): Promise<void> {
    await this.startNew();
    await this.fill(d);
    await this.save();
    await this.form.waitFor({ state: 'detached' });
  }

  /** sortBy clicks a column header; a second click reverses the order. */
  async sortBy(column: string): Promise<void> {
    await this.page.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search campaigns' }).fill(text);
  }

  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export to Excel' }).click();
    return download;
  }

  async delete(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: 'Delete' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete this campaign?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
