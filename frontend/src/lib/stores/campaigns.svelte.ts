import { campaignFacets, campaignStatuses, createCampaign, deleteCampaign, findCampaigns, moveCampaign, updateCampaign } from '../api';
import type { Campaign, CampaignFacets, CampaignFilter, CampaignInput, CampaignMove, CampaignPage, CampaignSort, CampaignStatus } from '../api';
import { Resource, whenTyped } from './resource.svelte';

/** The filters a user sets; kept while switching between list and calendar. */
export interface CampaignView {
  search: string;
  teamId: number;
  channelId: number;
  owner: string;
  tag: string;
  statuses: CampaignFilter['statuses'];
  /** from and to keep campaigns running in a period (set from the dashboard). */
  from: string;
  to: string;
  offTrack: boolean;
  sort: CampaignSort;
  desc: boolean;
}

const noFilters = { search: '', teamId: 0, channelId: 0, owner: '', tag: '', statuses: [], from: '', to: '', offTrack: false };

export const pageSize = 50;

/** CampaignsStore holds the campaign list: the filter, one page, and the total. */
export class CampaignsStore {
  view = $state<CampaignView>({ ...noFilters, statuses: [], sort: 'startDate', desc: false });
  facets = $state<CampaignFacets>({ owners: [], tags: [] });
  page = $state(0);
  /** Bumped on every change, so other views (calendar, chart) know to reload. */
  version = $state(0);
  /** list is the newest page asked for; typing in the search waits for a pause. */
  private list = new Resource((f: CampaignFilter) => findCampaigns(f), { campaigns: [], total: 0 } as CampaignPage, {
    debounce: whenTyped('search'),
  });

  get items(): Campaign[] {
    return this.list.value.campaigns;
  }
  get total(): number {
    return this.list.value.total;
  }
  get loading(): boolean {
    return this.list.loading;
  }

  /** filter returns the backend filter for the current view. */
  filter(extra: Partial<CampaignFilter> = {}): CampaignFilter {
    const v = this.view;
    return {
      search: v.search.trim() || undefined,
      teamId: v.teamId || undefined,
      channelId: v.channelId || undefined,
      owner: v.owner || undefined,
      tag: v.tag || undefined,
      statuses: v.statuses?.length ? [...v.statuses] : undefined,
      from: v.from || undefined,
      to: v.to || undefined,
      offTrack: v.offTrack || undefined,
      sort: v.sort,
      desc: v.desc,
      ...extra,
    };
  }

  get filtered(): boolean {
    const v = this.view;
    return (
      v.search.trim() !== '' ||
      v.teamId !== 0 ||
      v.channelId !== 0 ||
      v.owner !== '' ||
      v.tag !== '' ||
      (v.statuses?.length ?? 0) > 0 ||
      v.from !== '' ||
      v.to !== '' ||
      v.offTrack
    );
  }

  clearFilters(): void {
    this.view = { ...this.view, ...noFilters, statuses: [] };
    this.page = 0;
  }

  /**
   * applyQuery replaces the filters with those a link carries, as in
   * "#/campaigns?status=live&from=2026-11-01&to=2026-11-30" (the
   * dashboard's tiles and charts); a link without a query changes nothing.
   */
  applyQuery(query: URLSearchParams): void {
    if ([...query.keys()].length === 0) return;
    const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
    const status = query.get('status') as CampaignStatus | null;
    this.view = {
      ...this.view,
      ...noFilters,
      statuses: status && campaignStatuses.includes(status) ? [status] : [],
      channelId: Number(query.get('channel')) || 0,
      teamId: Number(query.get('team')) || 0,
      from: day(query.get('from')),
      to: day(query.get('to')),
      offTrack: query.get('goals') === 'off_track',
    };
    this.page = 0;
  }

  /**
   * load fetches the current page; a slower earlier answer never overwrites
   * a newer one, and a changed search text is asked for when typing pauses.
   * A page past the end (after deletions) moves to the last page.
   */
  async load(): Promise<void> {
    const landed = await this.list.load(this.filter({ offset: this.page * pageSize, limit: pageSize }));
    const res = this.list.value;
    if (landed && res.campaigns.length === 0 && this.page > 0 && res.total > 0) {
      this.page = Math.floor((res.total - 1) / pageSize);
      return this.load();
    }
  }

  /** inRange returns every campaign matching the filters that overlaps [from, to], page by page. */
  async inRange(from: string, to: string): Promise<Campaign[]> {
    const out: Campaign[] = [];
    const limit = 500;
    for (let offset = 0; ; offset += limit) {
      const res = await findCampaigns(this.filter({ from, to, sort: 'startDate', desc: false, offset, limit }));
      out.push(...res.campaigns);
      if (res.campaigns.length < limit) return out;
    }
  }

  /** loadFacets refreshes the owners and tags the filters offer. */
  async loadFacets(): Promise<void> {
    this.facets = await campaignFacets();
  }

  /** changed records a change to campaigns: views reload, facets refresh. */
  async changed(): Promise<void> {
    this.version++;
    await Promise.all([this.load(), this.loadFacets()]);
  }

  sortBy(column: CampaignSort): void {
    this.view = { ...this.view, sort: column, desc: this.view.sort === column ? !this.view.desc : false };
    this.page = 0;
  }

  async create(input: CampaignInput): Promise<Campaign> {
    const c = await createCampaign(input);
    await this.changed();
    return c;
  }

  /** update saves changes made to version; a campaign changed since throws conflict with it as stored now. */
  async update(id: number, version: number, changes: Partial<CampaignInput>): Promise<Campaign> {
    const c = await updateCampaign(id, version, changes);
    await this.changed();
    return c;
  }

  /** move gives a campaign new dates and, with m.shiftPlan, moves its deliverables and milestones along in one transaction. */
  async move(id: number, m: CampaignMove): Promise<Campaign> {
    const moved = await moveCampaign(id, m);
    await this.changed();
    return moved.campaign;
  }

  async remove(id: number, version: number): Promise<void> {
    await deleteCampaign(id, version);
    await this.changed();
  }
}

export const campaigns = new CampaignsStore();
