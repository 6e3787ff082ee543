import type { Locator, Page } from '@playwright/test';

/** A file to import: a path on disk, or a name, a type and its bytes. */
export type Upload = string | { name: string; mimeType: string; buffer: Buffer };

/** ImportPage is the spreadsheet import: choose a file, map it, preview, import, and the history of imports. */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** choose opens the import page and picks a file through its button (named in the page's language). */
  async choose(file: Upload, button: string = 'Choose a file…'): Promise<void> {
    await this.page.goto('/#/import');
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(file);
  }

  /** kind is the choice of what the rows are (campaigns, spend…). */
  get kind(): Locator {
    return this.page.getByTestId('import-kind');
  }

  get kindWhy(): Locator {
    return this.page.getByTestId('import-kind-why');
  }

  get sheet(): Locator {
    return this.page.getByTestId('import-sheet');
  }

  /** gridSheets lists the month sheets of a calendar grid, each with a checkbox. */
  get gridSheets(): Locator {
    return this.page.getByTestId('import-grid-sheets');
  }

  /** year is the question which year a calendar grid without one is in. */
  get year(): Locator {
    return this.page.getByTestId('import-year');
  }

  get skipped(): Locator {
    return this.page.getByTestId('import-skipped');
  }

  /** counts says how many rows are created, updated and skipped. */
  get counts(): Locator {
    return this.page.getByTestId('import-counts');
  }

  get commit(): Locator {
    return this.page.getByTestId('import-commit');
  }

  get newNames(): Locator {
    return this.page.getByTestId('import-new-names');
  }

  get currencyChoice(): Locator {
    return this.page.getByTestId('import-currency-choice');
  }

  /** column is the field a spreadsheet column (A, B…) is mapped to. */
  column(letter: string): Locator {
    return this.page.locator(`select[data-column="${letter}"]`);
  }

  /** constant is the value set for every row of a field. */
  constant(field: string): Locator {
    return this.page.locator(`input[data-constant="${field}"]`);
  }

  /** defaultOf is the field the import fills in by default, its default as placeholder. */
  defaultOf(field: string): Locator {
    return this.page.locator(`input[data-default="${field}"]`);
  }

  /** setForEveryRow sets one value of a field for every row. */
  async setForEveryRow(field: string, value: string): Promise<void> {
    await this.constant(field).fill(value);
    await this.constant(field).press('Tab');
  }

  /** rows are the preview's rows. */
  get rows(): Locator {
    return this.page.locator('.rows tbody tr');
  }

  /** problems are the problems the preview lists. */
  get problems(): Locator {
    return this.page.locator('.problems li');
  }

  /** problem is the problem found in one cell (C2…). */
  problem(cell: string): Locator {
    return this.page.locator(`li[data-problem-cell="${cell}"]`);
  }

  /** question is the question how the dates of a column are written. */
  question(column: string): Locator {
    return this.page.locator(`fieldset[data-question="${column}"]`);
  }

  /** runs are the imports in the history, newest first. */
  get runs(): Locator {
    return this.page.locator('tr[data-run]');
  }
}
