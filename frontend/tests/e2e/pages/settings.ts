import type { Page } from '@playwright/test';

/** SettingsPage edits the workspace and its teams and channels. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async addEntry(list: 'Teams' | 'Channels' | 'Spend categories', name: string): Promise<void> {
    const section = this.page.getByRole('region', { name: list });
    await section.getByPlaceholder('New entry').fill(name);
    await section.getByRole('button', { name: 'Add' }).click();
    await section.getByText(name, { exact: true }).waitFor();
  }
}
