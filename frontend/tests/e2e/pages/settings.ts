import { expect, type Locator, type Page } from '@playwright/test';

/** SettingsPage edits the workspace and its teams and channels. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  /** language switches the workspace's language here and waits until the page speaks it. */
  async language(lang: string): Promise<void> {
    await this.page.goto('/#/settings');
    await this.page.locator('#ws-lang').selectOption(lang);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  async addEntry(list: 'Teams' | 'Channels' | 'Spend categories', name: string): Promise<void> {
    const section = this.page.getByRole('region', { name: list });
    await section.getByPlaceholder('New entry').fill(name);
    await section.getByRole('button', { name: 'Add' }).click();
    await section.getByText(name, { exact: true }).waitFor();
  }

  /** backups is the Backups panel. */
  get backups(): Locator {
    return this.page.getByRole('region', { name: 'Backups' });
  }

  async backUpNow(): Promise<void> {
    await this.backups.getByRole('button', { name: 'Back up now' }).click();
  }

  async setBackupFolder(folder: string): Promise<void> {
    await this.backups.getByLabel('Backup folder').fill(folder);
    await this.backups.getByRole('button', { name: 'Save' }).click();
  }
}
