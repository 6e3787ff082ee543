import { calendarRange, moveCampaign, updateCampaign, updateDeliverable, updateMilestone } from '../api';
import type { CalendarCampaign, CalendarDeliverable, CalendarFilter, CalendarMilestone, CalendarShown } from '../api';
import { itemsPerDay, moveRange, rangeFor, step, type CalendarView } from '../calendar';
import type { ColourBy } from '../colours';
import { daysBetween } from '../days';
import { campaigns } from './campaigns.svelte';
import { Resource, whenTyped } from './resource.svelte';
import { undoStack } from './undo.svelte';
import { i18n, t } from '../../i18n/index.svelte';

/**
 * CalendarStore holds what the calendar shows: the view, the day it is
 * anchored on, the colouring, and the data of the visible range. The
 * filters are the campaign list's, so they are kept while switching views.
 */
export class CalendarStore {
  view = $state<CalendarView>('month');
  anchor = $state('');
  colourBy = $state<ColourBy>('channel');
  /** Show the contracts' cancel-by and renewal dates as a layer. */
  contracts = $state(true);
  firstDay = $state(1);
  /** shown is the newest range and filter asked for; typing in the search waits for a pause. */
  private shown = new Resource((f: CalendarFilter) => calendarRange(f) as Promise<CalendarShown | null>, null, {
    debounce: whenTyped('search'),
    // Raw: the data is only ever replaced whole, and a deep proxy over thousands of items slowed every read.
    raw: true,
  });

  /** data is what the visible range holds, null before the first answer. */
  get data(): CalendarShown | null {
    return this.shown.value;
  }
  get loading(): boolean {
    return this.shown.loading;
  }

  range = $derived(this.anchor ? rangeFor(this.view, this.anchor, this.firstDay, i18n.calendar) : null);

  /** filter returns the backend filter for the visible range. */
  filter(): CalendarFilter {
    const f = campaigns.filter();
    const r = this.range!;
    return {
      from: r.from,
      to: r.to,
      search: f.search,
      teamId: f.teamId,
      channelId: f.channelId,
      owner: f.owner,
      tag: f.tag,
      statuses: f.statuses,
      contracts: this.contracts,
      offTrack: f.offTrack,
    };
  }

  /** load asks for the visible range; only the answer to the newest load is shown. */
  async load(): Promise<void> {
    if (!this.range) return;
    // A month cell shows a few items: the rest are only counted, not sent.
    const perDay = itemsPerDay(this.view);
    await this.shown.load({ ...this.filter(), perDay: Number.isFinite(perDay) ? perDay : 0 });
  }

  go(dir: 1 | -1): void {
    this.anchor = step(this.view, this.anchor, dir, i18n.calendar);
  }

  /**
   * moveCampaign moves a campaign (or one of its edges) by delta days,
   * saves at once, and can be undone. With withPlan its deliverables and
   * milestones move along in the same transaction, and one undo takes
   * all of it back.
   */
  async moveCampaign(c: CalendarCampaign, what: 'move' | 'start' | 'end', delta: number, withPlan = false): Promise<void> {
    const before = { startDate: c.startDate, endDate: c.endDate };
    const after = moveRange(c.startDate, c.endDate, what, delta);
    if (after.startDate === before.startDate && after.endDate === before.endDate) return;
    if (withPlan) {
      await moveCampaign(c.id, { ...after, shiftPlan: true });
      undoStack.push({
        label: t('undo.moved_with_plan', { name: c.name }),
        undo: async () => {
          await moveCampaign(c.id, { ...before, shiftPlan: true });
          await this.changed();
        },
      });
      await this.changed();
      return;
    }
    await updateCampaign(c.id, after);
    undoStack.push({
      label: t(what === 'move' ? 'undo.moved' : 'undo.resized', { name: c.name }),
      undo: async () => {
        await updateCampaign(c.id, before);
        await this.changed();
      },
    });
    await this.changed();
  }

  /** moveDeliverable gives a deliverable a new publish day; undoable. */
  async moveDeliverable(d: CalendarDeliverable, day: string): Promise<void> {
    if (day === d.publishDate) return;
    const before = d.publishDate;
    await updateDeliverable(d.id, { publishDate: day });
    undoStack.push({
      label: t('undo.moved', { name: d.title }),
      undo: async () => {
        await updateDeliverable(d.id, { publishDate: before });
        await this.changed();
      },
    });
    await this.changed();
  }

  /** moveMilestone gives a milestone a new due day; undoable. */
  async moveMilestone(m: CalendarMilestone, day: string): Promise<void> {
    if (day === m.dueDate) return;
    const before = m.dueDate;
    await updateMilestone(m.id, { dueDate: day });
    undoStack.push({
      label: t('undo.moved', { name: m.title }),
      undo: async () => {
        await updateMilestone(m.id, { dueDate: before });
        await this.changed();
      },
    });
    await this.changed();
  }

  /** delta returns the days between two days of a drag. */
  static delta(from: string, to: string): number {
    return daysBetween(from, to);
  }

  /** changed bumps the shared version; every open view reloads from it. */
  private async changed(): Promise<void> {
    campaigns.version++;
  }
}

export const calendar = new CalendarStore();
