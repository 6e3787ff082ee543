import { calendarRange, moveCampaign, updateCampaign, updateDeliverable, updateMilestone } from '../api';
import type { CalendarCampaign, CalendarDeliverable, CalendarFilter, CalendarMilestone, CalendarShown, Campaign, Deliverable, Milestone } from '../api';
import type { ConflictField } from '../conflict';
import { campaignFields, deliverableFields, milestoneFields } from '../conflictfields';
import { saveVersioned } from './conflict.svelte';
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
   * all of it back. The move is made to the version the calendar showed:
   * when someone changed the campaign since, the person sees their change
   * and moves it anyway, takes theirs, or leaves it. It says whether the
   * campaign moved.
   */
  async moveCampaign(c: CalendarCampaign, what: 'move' | 'start' | 'end', delta: number, withPlan = false): Promise<boolean> {
    const before = { startDate: c.startDate, endDate: c.endDate };
    const after = moveRange(c.startDate, c.endDate, what, delta);
    if (after.startDate === before.startDate && after.endDate === before.endDate) return false;
    const res = await saveVersioned<Campaign, Campaign>({
      what: c.name,
      mineLabel: t('conflict.move_anyway'),
      version: c.version,
      fields: only(campaignFields(), 'startDate', 'endDate'),
      started: c,
      mine: after,
      save: async (version) => (withPlan ? (await moveCampaign(c.id, { ...after, shiftPlan: true, version })).campaign : updateCampaign(c.id, version, after)),
    });
    await this.changed();
    if (res.kind !== 'saved') return false;
    const saved = res.value;
    // Until the range reloads, a second drag of the same bar starts from what was saved.
    c.version = saved.version;
    undoStack.push({
      label: t(withPlan ? 'undo.moved_with_plan' : what === 'move' ? 'undo.moved' : 'undo.resized', { name: c.name }),
      undo: async () => {
        if (withPlan) await moveCampaign(c.id, { ...before, shiftPlan: true, version: saved.version });
        else await updateCampaign(c.id, saved.version, before);
        await this.changed();
      },
    });
    return true;
  }

  /** moveDeliverable gives a deliverable a new publish day at the version shown; undoable. It says whether it moved. */
  async moveDeliverable(d: CalendarDeliverable, day: string): Promise<boolean> {
    if (day === d.publishDate) return false;
    const before = d.publishDate;
    const res = await saveVersioned<Deliverable, Deliverable>({
      what: d.title,
      mineLabel: t('conflict.move_anyway'),
      version: d.version,
      fields: only(deliverableFields(), 'publishDate'),
      started: d,
      mine: { publishDate: day },
      save: (version) => updateDeliverable(d.id, version, { publishDate: day }),
    });
    await this.changed();
    if (res.kind !== 'saved') return false;
    const saved = res.value;
    d.version = saved.version;
    undoStack.push({
      label: t('undo.moved', { name: d.title }),
      undo: async () => {
        await updateDeliverable(d.id, saved.version, { publishDate: before });
        await this.changed();
      },
    });
    return true;
  }

  /** moveMilestone gives a milestone a new due day at the version shown; undoable. It says whether it moved. */
  async moveMilestone(m: CalendarMilestone, day: string): Promise<boolean> {
    if (day === m.dueDate) return false;
    const before = m.dueDate;
    const res = await saveVersioned<Milestone, Milestone>({
      what: m.title,
      mineLabel: t('conflict.move_anyway'),
      version: m.version,
      fields: only(milestoneFields(), 'dueDate'),
      started: m,
      mine: { dueDate: day },
      save: (version) => updateMilestone(m.id, version, { dueDate: day }),
    });
    await this.changed();
    if (res.kind !== 'saved') return false;
    const saved = res.value;
    m.version = saved.version;
    undoStack.push({
      label: t('undo.moved', { name: m.title }),
      undo: async () => {
        await updateMilestone(m.id, saved.version, { dueDate: before });
        await this.changed();
      },
    });
    return true;
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

/** only keeps the fields a drag changes. */
function only(fields: ConflictField[], ...keys: string[]): ConflictField[] {
  return fields.filter((f) => keys.includes(f.key));
}
