import { describe, expect, it } from 'vitest';
import type { CalendarCampaign } from './api';
import { colourKeys, colourOf, deliverableKeys, fill, legend, noneColour } from './colours';

const c = (teamId: number, channelIds: number[]) => ({ teamId, channelIds }) as CalendarCampaign;

describe('colours', () => {
  it('colours by every channel or by team, grey when there is none', () => {
    const x = c(2, [5, 1]);
    expect(colourKeys(x, 'channel')).toEqual([5, 1]);
    expect(colourKeys(x, 'team')).toEqual([2]);
    expect(colourKeys(c(2, []), 'channel')).toEqual([0]);
    expect(colourOf(0)).toBe(noneColour);
    expect(colourOf(5)).toBe(colourOf(5));
    expect(colourOf(1)).not.toBe(colourOf(2));
  });
  it('fills a campaign on two channels with a band of each colour', () => {
    expect(fill([5])).toBe(colourOf(5));
    expect(fill([5, 5])).toBe(colourOf(5));
    const two = fill([5, 1]);
    expect(two).toBe(`linear-gradient(to bottom, ${colourOf(5)} 0% 50%, ${colourOf(1)} 50% 100%)`);
  });
  it('colours a deliverable by its own channel, else like its campaign', () => {
    const camp = c(2, [5, 1]);
    const d = (channelId: number) => ({ channelId });
    expect(deliverableKeys(d(3), camp, 'channel')).toEqual([3]);
    expect(deliverableKeys(d(0), camp, 'channel')).toEqual([5, 1]);
    expect(deliverableKeys(d(3), camp, 'team')).toEqual([2]);
    expect(deliverableKeys(d(0), undefined, 'team')).toEqual([0]);
  });
  it('lists each colour in use once, by name, “none” last, every channel of a campaign', () => {
    // The calendar names each team and channel once, not on every campaign.
    const data = { campaigns: [c(0, []), c(2, [3, 4]), c(2, [1])], teams: { 2: 'Brand' }, channels: { 1: 'Email', 3: 'Webinars', 4: 'Ads' } };
    expect(legend(data, 'channel', 'None').map((e) => e.name)).toEqual(['Ads', 'Email', 'Webinars', 'None']);
    expect(legend(data, 'team', 'None').map((e) => e.name)).toEqual(['Brand', 'None']);
    expect(legend(null, 'team', 'None')).toEqual([]);
  });
  it('keeps white text readable (4.5:1) on every colour, the grey for none too', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const id of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(1.05 / (lum(colourOf(id)) + 0.05), colourOf(id)).toBeGreaterThanOrEqual(4.5);
  });
});
