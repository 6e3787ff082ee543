import type { Locator, Page } from '@playwright/test';

/** ReportPage is the executive report's web page, opened from the file it was saved to. */
export class ReportPage {
  constructor(readonly page: Page) {}

  async open(path: string): Promise<void> {
    await this.page.goto('file://' + path);
  }

  /** headline are the headline figures' values. */
  get headline(): Locator {
    return this.page.locator('dl.headline dd');
  }

  /** figures are the report's charts, each drawn (SVG) or saying there is nothing to draw. */
  get figures(): Locator {
    return this.page.locator('figure');
  }

  /** drawing is a figure's drawing, or its note that there is nothing to draw. */
  drawing(figure: Locator): Locator {
    return figure.locator('svg, .empty').first();
  }

  /** drawn are the charts that were drawn. */
  get drawn(): Locator {
    return this.page.locator('.chart svg');
  }

  /** images are the page's <img> elements (it draws with SVG and has none of its own). */
  get images(): Locator {
    return this.page.locator('img');
  }

  /** rates is the note on spend left out for want of a rate ('missing') or converted at a planning rate ('assumed'). */
  rates(kind: 'missing' | 'assumed'): Locator {
    return this.page.locator(`[data-rates="${kind}"]`);
  }
}
