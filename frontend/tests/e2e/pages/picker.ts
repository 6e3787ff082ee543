import { expect, type Locator } from '@playwright/test';

/** CampaignPicker is a searchable campaign field: type part of a name, pick a match, chosen ones are chips. */
export class CampaignPicker {
  /** input is the picker's text box (its label names the field). */
  constructor(readonly input: Locator) {}

  private get root(): Locator {
    return this.input.locator('xpath=..');
  }

  /** choose types part of a campaign's name and picks it with the keyboard. */
  async choose(name: string, typed = name.slice(0, 6)): Promise<void> {
    await this.input.fill(typed);
    const option = this.root.getByRole('option', { name, exact: true });
    await expect(option).toBeVisible();
    // Walk down until the wanted match is the active one, then Enter.
    for (let i = 0; i < 20 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await this.input.press('ArrowDown');
    await this.input.press('Enter');
    await expect(this.chip(name)).toBeVisible();
  }

  /** chip is the chosen campaign's chip. */
  chip(name: string): Locator {
    return this.root.getByRole('listitem').filter({ hasText: name });
  }

  async remove(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Remove “${name}”` }).click();
  }
}
