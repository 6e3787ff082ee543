import type { Download, Locator, Page } from '@playwright/test';

/** DashboardPage is the dashboard: its period, tiles, charts and the executive report. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/dashboard');
  }

  /** showFiscalYear shows the fiscal year that holds today. */
  async showFiscalYear(): Promise<void> {
    await this.page.getByTestId('dashboard-period').selectOption('fy');
  }

  tile(name: 'budget' | 'renewals' | 'goals' | 'licences'): Locator {
    return this.page.locator(`[data-tile="${name}"]`);
  }

  /** charts are the chart panels, each drawn or saying there is nothing to draw. */
  get charts(): Locator {
    return this.page.locator('.charts section');
  }

  /** drawing is a chart panel's drawing, or its note that there is nothing to draw. */
  drawing(panel: Locator): Locator {
    return panel.locator('.chart svg, :text("No data for this period.")').first();
  }

  /** drawn are the charts' drawings. */
  get drawn(): Locator {
    return this.page.locator('.charts .chart svg');
  }

  /** results is the results section: cost per lead and ROAS by channel and the funnel, or the note that there are none yet. */
  get results(): Locator {
    return this.page.locator('[data-results]');
  }

  chart(name: string): Locator {
    return this.page.locator(`[data-chart="${name}"]`);
  }

  /** rates is the note on spend left out for want of a rate ('missing') or converted at a planning rate ('assumed'). */
  rates(kind: 'missing' | 'assumed'): Locator {
    return this.page.locator(`[data-rates="${kind}"]`);
  }

  /** exportReport exports the executive report as a workbook or a web page (the button named in the page's language). */
  async exportReport(button: string): Promise<Download> {
    const dl = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    return dl;
  }
}
