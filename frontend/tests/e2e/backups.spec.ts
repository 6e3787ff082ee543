import { expect, test } from './fixtures';
import { AppShell } from './pages/app';
import { SettingsPage } from './pages/settings';

test.describe.configure({ mode: 'serial' });

test('back up now, see the last backup and the list', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  const settings = new SettingsPage(page);
  await settings.backUpNow();
  await expect(app.notice(/Backup saved in .*backups/)).toBeVisible();
  await expect(settings.backups.getByTestId('last-backup')).toContainText('Last backup:');
  await expect(settings.backups.getByRole('row').filter({ hasText: 'By hand' }).first()).toBeVisible();
});

test('a backup that fails is shown until one works', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  const settings = new SettingsPage(page);
  // Nothing can be created under /proc, not even by root.
  await settings.setBackupFolder('/proc/mopsdesk-backups');
  await settings.backUpNow();
  const failed = settings.backups.getByTestId('backup-failed');
  await expect(failed).toContainText('The last backup or restore failed');
  await expect(failed).toContainText('/proc/mopsdesk-backups');
  // Still there after a reload, and said at start: a failure is never silent.
  await page.reload();
  await expect(app.notice('The last backup failed. Settings → Backups says why.')).toBeVisible();
  await app.goTo('Settings');
  await expect(failed).toBeVisible();
  await settings.setBackupFolder('');
  await settings.backUpNow();
  await expect(app.notice(/Backup saved in/)).toBeVisible();
  await expect(failed).toHaveCount(0);
});

test('a restore is checked, then waits for the next start and can be cancelled', async ({ page }) => {
  const app = new AppShell(page);
  await app.open();
  await app.goTo('Settings');
  const settings = new SettingsPage(page);
  await settings.backups.getByRole('row').filter({ hasText: 'By hand' }).first().getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  const pending = settings.backups.getByRole('status');
  await expect(pending).toContainText('will replace this workspace when serve mode next starts');
  await page.screenshot({ path: '/tmp/safety-backups.png', fullPage: true });
  await page.getByLabel('Language', { exact: true }).selectOption('fa');
  const fa = page.getByRole('region', { name: 'پشتیبان‌ها' });
  await expect(fa.getByRole('status')).toContainText('پشتیبانِ');
  await fa.screenshot({ path: '/tmp/safety-backups-fa.png' });
  await page.getByLabel('زبان', { exact: true }).selectOption('en');
  await expect(pending).toContainText('will replace');
  await pending.getByRole('button', { name: 'Cancel the restore' }).click();
  await expect(pending).toHaveCount(0);
});
