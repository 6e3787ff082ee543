import type { Locator, Page } from '@playwright/test';

/** ContractsPage is the contracts area: vendors, contracts, a contract's page and the renewal digest. */
export class ContractsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/contracts');
  }

  /** openContract opens a contract's page from the list by its product. */
  async openContract(product: string): Promise<void> {
    await this.open();
    await this.page.getByRole('link', { name: product, exact: true }).click();
  }

  /** row is a contract's row in the list. */
  row(product: string): Locator {
    return this.page.locator('tr', { hasText: product });
  }

  /** cancelBy is the cancel-by date in a row of the list. */
  cancelBy(row: Locator): Locator {
    return row.locator('[data-cancel-by]');
  }

  /** detail is one of the dates a contract's page shows (cancel-by…). */
  detail(name: string): Locator {
    return this.page.locator(`[data-detail="${name}"]`);
  }

  /** form is the vendor or contract dialog open. */
  dialog(name: 'Add vendor' | 'Add contract' | 'Edit contract'): Locator {
    return this.page.getByRole('dialog', { name });
  }

  fieldError(dialog: Locator, field: string): Locator {
    return dialog.locator(`[data-field-error="${field}"]`);
  }

  async showDigest(): Promise<void> {
    await this.page.getByRole('tab', { name: /Digest/ }).click();
  }

  get digest(): Locator {
    return this.page.getByRole('list', { name: 'Digest' });
  }

  /** horizon is how far ahead the digest looks. */
  get horizon(): Locator {
    return this.page.locator('.horizon select');
  }
}
