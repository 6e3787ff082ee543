import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** CalendarPage is the month grid. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  bars(name: string): Locator {
    return this.page.locator('.grid button.bar').filter({ hasText: name });
  }

  /** grid is the month, week or quarter grid. */
  get grid(): Locator {
    return this.page.locator('.grid');
  }

  /** timeline is the timeline (Gantt) view. */
  get timeline(): Locator {
    return this.page.locator('.timeline');
  }

  /** timelineBars are the campaign bars of the timeline. */
  get timelineBars(): Locator {
    return this.page.locator('.timeline button.bar');
  }

  /** timelineTicks are the day numbers along the timeline's head. */
  get timelineTicks(): Locator {
    return this.page.locator('.timeline .head .tick');
  }

  /** timelineDay is a day's place along the timeline's head. */
  timelineDay(iso: string): Locator {
    return this.page.locator(`.timeline .head [data-day="${iso}"]`);
  }

  /** timelineBar is the bar in a campaign's first row on the timeline. */
  timelineBar(name: string): Locator {
    return this.page.locator('.timeline .row').filter({ hasText: name }).first().locator('button.bar');
  }

  /** deliverableTint is what a deliverable's chip (or, on the timeline, its marks) is painted with. */
  deliverableTint(title?: string): Locator {
    if (title === undefined) return this.page.locator('.timeline .mark.deliverable .tinted');
    return this.page.locator('.grid .chip.deliverable').filter({ hasText: title }).locator('.tinted');
  }

  /** focusDay is the one day of the grid that is a Tab stop. */
  get focusDay(): Locator {
    return this.page.locator('.grid button.day[tabindex="0"]');
  }

  /** item is a campaign, deliverable or milestone on the grid or the timeline, by its id. */
  item(view: 'grid' | 'timeline', kind: 'campaign' | 'deliverable' | 'milestone', id: number): Locator {
    return (view === 'timeline' ? this.timeline : this.grid).locator(`[data-${kind}-id="${id}"]`);
  }

  /** announcer is the live region that says what moved. */
  get announcer(): Locator {
    return this.page.locator('[data-announcer]');
  }

  /** legendEntries are the colour legend's entries. */
  get legendEntries(): Locator {
    return this.page.getByLabel('Legend', { exact: true }).locator('li');
  }

  /** swatch is a legend entry's colour swatch. */
  swatch(entry: string): Locator {
    return this.legendEntries.filter({ hasText: entry }).locator('.swatch');
  }

  /** period is the heading that names the month, week or range in view. */
  get period(): Locator {
    return this.page.locator('h2.period');
  }

  /** contractDate is a contract's renewal or cancel-by date on the grid. */
  contractDate(kind: 'cancel' | 'renewal', text: string): Locator {
    return this.page.locator(`.grid [data-contract-date="${kind}"]`).filter({ hasText: text });
  }

  chip(title: string): Locator {
    return this.page.locator('.grid button.chip').filter({ hasText: title });
  }

  /** moreItems are the "+N more" lines under days whose items did not all fit. */
  get moreItems(): Locator {
    return this.page.locator('.grid li.more');
  }

  /** agendaEntry is a line of the list view, by what it names. */
  agendaEntry(text: string): Locator {
    return this.page.locator('.agenda .entry').filter({ hasText: text });
  }

  day(iso: string): Locator {
    return this.page.locator(`.grid button.day[data-day="${iso}"]`);
  }

  /**
   * exportIcs exports the calendar as .ics: the range in view or the whole
   * plan, as the export dialog offers. It returns the dialog's event count
   * for that choice and the file's text.
   */
  async exportIcs(scope: 'view' | 'all' = 'view'): Promise<{ count: string; text: string }> {
    await this.page.getByRole('button', { name: 'Export .ics' }).click();
    const dlg = this.page.getByRole('dialog', { name: 'Export to a calendar (.ics)' });
    await dlg.getByRole('radio', { name: scope === 'view' ? /The range in view/ : /The whole plan/ }).check();
    const count = (await this.icsCount(scope).textContent()) ?? '';
    const dl = this.page.waitForEvent('download');
    await dlg.getByRole('button', { name: 'Save' }).click();
    const file = await dl;
    await expect(dlg).toHaveCount(0);
    if (!file.suggestedFilename().endsWith('.ics')) throw new Error('not an .ics file: ' + file.suggestedFilename());
    return { count, text: await readFile((await file.path())!, 'utf8') };
  }

  /** icsCount is how many events the open .ics export dialog says a choice holds. */
  icsCount(scope: 'view' | 'all'): Locator {
    return this.page.getByRole('dialog', { name: 'Export to a calendar (.ics)' }).locator(`[data-ics-count="${scope}"]`);
  }

  async view(name: 'Month' | 'Week' | 'Quarter' | 'Timeline' | 'List' | 'My week'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** dragBar drags a campaign bar from the cell of one day to the cell of another. */
  async dragBar(name: string, fromDay: string, toDay: string): Promise<void> {
    await this.bars(name).first().waitFor();
    const bar = (await this.bars(name).first().boundingBox())!;
    const from = (await this.day(fromDay).boundingBox())!;
    const to = (await this.day(toDay).boundingBox())!;
    const y = bar.y + bar.height / 2;
    await this.page.mouse.move(from.x + from.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** answerMove answers the question a campaign with a plan asks when it moves: move the plan too, or only the campaign. */
  async answerMove(name: string, answer: 'Move them too' | 'Only the campaign'): Promise<void> {
    const dlg = this.page.getByRole('dialog', { name: `Move “${name}”` });
    await dlg.getByRole('button', { name: answer }).click();
    await dlg.waitFor({ state: 'detached' });
  }

  /** startsOn reports whether the first bar of a campaign starts in the cell of day. */
  async startsOn(name: string, day: string): Promise<boolean> {
    await this.bars(name).first().waitFor();
    const bar = await this.bars(name).first().boundingBox();
    const cell = (await this.day(day).boundingBox())!;
    return bar !== null && Math.abs(bar.x - cell.x) < 6;
  }

  /** showMonth moves the grid from this month to the month of iso (YYYY-MM-DD). */
  async showMonth(iso: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Today' }).click();
    const now = new Date();
    const [y, m] = iso.split('-').map(Number);
    const steps = y * 12 + m - (now.getFullYear() * 12 + now.getMonth() + 1);
    for (let i = 0; i < Math.abs(steps); i++) {
      await this.page.getByRole('button', { name: steps > 0 ? 'Next' : 'Previous' }).click();
    }
    const title = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 1)),
    );
    await this.page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
  }
}
