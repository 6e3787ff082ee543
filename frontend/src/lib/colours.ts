import type { CalendarCampaign, CalendarShown } from './api';

/** What a campaign is coloured by. */
type Coloured = Pick<CalendarCampaign, 'teamId' | 'channelIds'>;

/** A palette whose neighbours stay apart, readable under white text. */
const palette = ['#2f6db5', '#be5519', '#2e8540', '#8e44ad', '#b8336a', '#1d8181', '#7a5c00', '#5b6abf', '#a33b3b', '#4d7f2a'];
export const noneColour = '#616e7c';

export type ColourBy = 'channel' | 'team';

/** colourKeys returns the ids a campaign is coloured by: its team, or every one of its channels ([0] when it has none). */
export function colourKeys(c: Coloured, by: ColourBy): number[] {
  if (by === 'team') return [c.teamId];
  return c.channelIds.length ? c.channelIds : [0];
}

/**
 * deliverableKeys colours a deliverable like its campaign: by the
 * campaign's team, or by its own channel when it has one, else its
 * campaign's channels. campaign is undefined for a standalone deliverable
 * (or one whose campaign is out of view).
 */
export function deliverableKeys(d: { channelId?: number }, campaign: Coloured | undefined, by: ColourBy): number[] {
  if (by === 'channel' && d.channelId) return [d.channelId];
  return campaign ? colourKeys(campaign, by) : [0];
}

/** colourOf gives an id a stable colour: the same channel keeps its colour across views and visits. */
export function colourOf(id: number): string {
  return id === 0 ? noneColour : palette[(id - 1) % palette.length];
}

/**
 * fill is the CSS background for a set of ids: one colour, or a band of
 * each colour along the length of a bar (top to bottom, so it reads the
 * same left to right and right to left).
 */
export function fill(ids: number[]): string {
  const colours = [...new Set(ids)].map(colourOf);
  if (colours.length <= 1) return colours[0] ?? noneColour;
  const step = 100 / colours.length;
  const stops = colours.map((c, i) => `${c} ${+(i * step).toFixed(2)}% ${+((i + 1) * step).toFixed(2)}%`);
  return `linear-gradient(to bottom, ${stops.join(', ')})`;
}

export interface LegendEntry {
  id: number;
  name: string;
  colour: string;
}

/** legend lists the colours in use among a calendar's campaigns (every channel of each), by name. */
export function legend(data: Pick<CalendarShown, 'campaigns' | 'teams' | 'channels'> | null, by: ColourBy, noneLabel: string): LegendEntry[] {
  const seen = new Map<number, string>();
  const names = by === 'team' ? data?.teams : data?.channels;
  for (const c of data?.campaigns ?? []) {
    for (const id of colourKeys(c, by)) {
      if (!seen.has(id)) seen.set(id, id === 0 ? noneLabel : (names?.[id] ?? ''));
    }
  }
  return [...seen.entries()]
    .map(([id, name]) => ({ id, name, colour: colourOf(id) }))
    .sort((a, b) => (a.id === 0 ? 1 : b.id === 0 ? -1 : a.name.localeCompare(b.name)));
}
