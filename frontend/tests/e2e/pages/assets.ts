import type { Locator, Page } from '@playwright/test';

/** A file as a file manager drops it. */
export interface Dropped {
  name: string;
  type: string;
  data: Buffer;
}

/** AssetsPage is the asset library: cards, search, bulk edit and an asset's page. */
export class AssetsPage {
  constructor(readonly page: Page) {}

  /** drop drops files on the library the way a file manager does. */
  async drop(files: Dropped[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, type: f.type, data: [...f.data] }));
    await this.page.getByRole('region', { name: /Asset library/ }).evaluate((el, fs) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, payload);
  }

  /** assets are the assets the library shows. */
  get assets(): Locator {
    return this.page.locator('[data-asset-id]');
  }

  /** card is an asset's card, by text on it; all cards without one. */
  card(text?: string): Locator {
    return text === undefined ? this.page.locator('.card') : this.page.locator('.card', { hasText: text });
  }

  /** icon is the type icon an asset shows without a preview: on its card, or in the asset page's preview region. */
  icon(where: Locator): Locator {
    return where.locator('.icon');
  }

  /** previewRegion is the preview on an asset's page. */
  get previewRegion(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  /** previewNote says why an asset's page shows no preview. */
  get previewNote(): Locator {
    return this.previewRegion.locator('[data-preview-note]');
  }

  /** previewImage is the image in an asset page's preview. */
  get previewImage(): Locator {
    return this.previewRegion.locator('img');
  }

  /** preview is the image preview on an asset's card. */
  preview(title: string): Locator {
    return this.card(title).locator('img');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: /Search titles/ });
  }

  /** select ticks an asset's checkbox for a bulk edit. */
  async select(title: string): Promise<void> {
    await this.page.getByLabel(`Select “${title}”`).check();
  }
}
