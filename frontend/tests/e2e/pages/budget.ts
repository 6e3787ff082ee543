import type { Locator, Page } from '@playwright/test';
import { CampaignPicker } from './picker';

/** BudgetPage is the budget area: fiscal years, the grid, spend, requests and the summary. */
export class BudgetPage {
  constructor(readonly page: Page) {}

  async tab(name: 'Plan' | 'Spend' | 'Requests' | 'Summary' | 'Exchange rates'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async createFiscalYear(year: number, granularity: 'per month' | 'per quarter' = 'per month'): Promise<void> {
    const form = this.page.getByRole('region', { name: 'New fiscal year' });
    await form.getByLabel(/Year it starts in/).fill(String(year));
    await form.getByLabel('Plan').selectOption({ label: granularity });
    await form.getByRole('button', { name: 'Create budget' }).click();
    await this.page.getByRole('tab', { name: 'Plan' }).waitFor();
  }

  /** openFiscalYear shows a fiscal year's budget, creating it first when the workspace has none for it. */
  async openFiscalYear(year: number): Promise<void> {
    const picker = this.page.getByLabel('Fiscal year');
    const form = this.page.getByRole('region', { name: 'New fiscal year' });
    await picker.or(form).first().waitFor();
    if (await picker.isVisible()) {
      if ((await picker.locator(`option[value="${year}"]`).count()) > 0) {
        await picker.selectOption(String(year));
        return;
      }
      await this.page.getByRole('button', { name: 'New fiscal year' }).click();
    }
    await this.createFiscalYear(year);
  }

  /** rowCells are a team and category's cells, first period first. */
  rowCells(team: string, category: string): Locator {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('textbox', { name: new RegExp(`^${esc(team)}, ${esc(category)}, `) });
  }

  cell(team: string, category: string, period: string): Locator {
    return this.page.getByRole('textbox', { name: `${team}, ${category}, ${period}`, exact: true });
  }

  /** paste sends a block of text to a cell the way a paste from Excel arrives. */
  async paste(target: Locator, text: string): Promise<void> {
    await target.focus();
    await target.evaluate((el, t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  }

  grandTotal(): Locator {
    return this.page.locator('[data-grand-total]');
  }

  /** check is a figure of the budget check an approval shows (planned, committed, available, request, after). */
  check(region: Locator, figure: 'planned' | 'committed' | 'available' | 'request' | 'after'): Locator {
    return region.locator(`[data-budget="${figure}"]`);
  }

  /** saving are the grid's cells whose save has not answered yet. */
  get saving(): Locator {
    return this.page.locator('td.cell[data-state]');
  }

  /** scroller is the box the grid scrolls in; grid the grid itself. */
  get scroller(): Locator {
    return this.page.locator('.wrap');
  }

  get grid(): Locator {
    return this.page.locator('table.grid');
  }

  /** vendorFilter narrows the spend list to a vendor. */
  get vendorFilter(): Locator {
    return this.page.getByPlaceholder('All vendors');
  }

  rowTotal(row: number): Locator {
    return this.page.locator(`[data-row-total="${row}"]`);
  }

  columnTotal(column: number): Locator {
    return this.page.locator(`[data-col-total="${column}"]`);
  }

  /** inBase is a spend row's amount in the base currency (or why there is none). */
  inBase(row: Locator): Locator {
    return row.locator('[data-in-base]');
  }

  /** rates is the note on spend left out for want of a rate ('missing') or converted at a planning rate ('assumed'). */
  rates(kind: 'missing' | 'assumed'): Locator {
    return this.page.locator(`[data-rates="${kind}"]`);
  }

  /** assumed marks a total that used a planning rate. */
  assumed(total: Locator): Locator {
    return total.locator('[data-assumed]');
  }

  fieldError(dialog: Locator, field: string): Locator {
    return dialog.locator(`[data-field-error="${field}"]`);
  }

  summaryTotal(column: 'planned' | 'committed' | 'actual' | 'available' | 'variance'): Locator {
    return this.page.locator(`[data-summary-totals] [data-total="${column}"]`);
  }

  async recordSpend(s: { date: string; amount: string; currency: string; team: string; category: string; status: string; vendor?: string }) {
    await this.page.getByRole('button', { name: 'Record spend' }).click();
    const dlg = this.page.getByRole('dialog', { name: 'Record spend' });
    await dlg.getByLabel('Date').fill(s.date);
    await dlg.getByLabel('Amount').fill(s.amount);
    await dlg.getByLabel('Currency').selectOption(s.currency);
    await dlg.getByLabel('Team').selectOption({ label: s.team });
    await dlg.getByLabel('Category').selectOption({ label: s.category });
    await dlg.getByLabel('Status').selectOption({ label: s.status });
    if (s.vendor) await dlg.getByLabel('Vendor').fill(s.vendor);
    await dlg.getByRole('button', { name: 'Save' }).click();
    await dlg.waitFor({ state: 'detached' });
  }

  async request(r: {
    by: string;
    team: string;
    category: string;
    amount: string;
    currency?: string;
    purpose: string;
    neededBy?: string;
    vendor?: string;
    campaign?: string;
  }) {
    await this.page.getByRole('button', { name: 'Request spend' }).click();
    const dlg = this.page.getByRole('dialog', { name: 'Request spend' });
    await dlg.getByLabel('Requested by').fill(r.by);
    await dlg.getByLabel('Team').selectOption({ label: r.team });
    await dlg.getByLabel('Category').selectOption({ label: r.category });
    await dlg.getByLabel('Amount').fill(r.amount);
    if (r.currency) await dlg.getByLabel('Currency').selectOption(r.currency);
    await dlg.getByLabel('Purpose').fill(r.purpose);
    if (r.neededBy) await dlg.getByLabel('Needed by').fill(r.neededBy);
    if (r.vendor) await dlg.getByLabel('Vendor').fill(r.vendor);
    if (r.campaign) await new CampaignPicker(dlg.getByLabel('Campaign', { exact: true })).choose(r.campaign);
    await dlg.getByRole('button', { name: 'Save' }).click();
    await dlg.waitFor({ state: 'detached' });
  }

  requestItem(purpose: string): Locator {
    return this.page.getByRole('listitem', { name: purpose });
  }
}
