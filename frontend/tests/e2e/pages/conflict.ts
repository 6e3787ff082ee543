import type { Locator, Page } from '@playwright/test';

/** ConflictDialog is what a save shows when someone else changed the record after it was opened. */
export class ConflictDialog {
  constructor(readonly page: Page) {}

  /** dialog is the conflict dialog about a record by its name. */
  about(name: string): Locator {
    return this.page.getByRole('dialog', { name: `“${name}” was changed by someone else` });
  }

  /** changedBy is the sentence saying who made the change the save ran into, and when. */
  changedBy(name: string): Locator {
    return this.about(name).getByText(/ changed (this|this in another window) at /);
  }

  /** row is the line of one field (by its label): what is stored now and what this person has. */
  row(name: string, field: string): Locator {
    return this.about(name).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp('^' + field) }) });
  }

  /** storedNow and yours are a field's two values. */
  storedNow(name: string, field: string): Locator {
    return this.row(name, field).locator('td.theirs');
  }
  yours(name: string, field: string): Locator {
    return this.row(name, field).locator('td.mine');
  }

  async choose(name: string, button: 'Save mine' | 'Take theirs' | 'Cancel' | 'Move it anyway' | 'Delete anyway' | 'Apply to these too'): Promise<void> {
    const dlg = this.about(name);
    await dlg.getByRole('button', { name: button, exact: true }).click();
    await dlg.waitFor({ state: 'detached' });
  }
}
