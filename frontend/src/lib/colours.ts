import type { Campaign } from './api';

/** A palette whose neighbours stay apart, readable under white text. */
const palette = ['#2f6db5', '#be5519', '#2e8540', '#8e44ad', '#b8336a', '#1d8181', '#7a5c00', '#5b6abf', '#a33b3b', '#4d7f2a'];
export const noneColour = '#616e7c';

export type ColourBy = 'channel' | 'team';

/** colourKey returns the id a campaign is coloured by (0 when it has none). */
export function colourKey(c: Campaign, by: ColourBy): number {
  return by === 'team' ? c.teamId : (c.channelIds[0] ?? 0);
}

/** colourOf gives an id a stable colour: the same channel keeps its colour across views and visits. */
export function colourOf(id: number): string {
  return id === 0 ? noneColour : palette[(id - 1) % palette.length];
}

export interface LegendEntry {
  id: number;
  name: string;
  colour: string;
}

/** legend lists the colours in use among campaigns, by name. */
export function legend(campaigns: Campaign[], by: ColourBy, noneLabel: string): LegendEntry[] {
  const seen = new Map<number, string>();
  for (const c of campaigns) {
    const id = colourKey(c, by);
    if (!seen.has(id)) seen.set(id, id === 0 ? noneLabel : by === 'team' ? c.teamName : c.channelNames[0]);
  }
  return [...seen.entries()]
    .map(([id, name]) => ({ id, name, colour: colourOf(id) }))
    .sort((a, b) => (a.id === 0 ? 1 : b.id === 0 ? -1 : a.name.localeCompare(b.name)));
}
