import { describe, expect, it } from 'vitest';
import type { Campaign } from './api';
import { colourKey, colourOf, legend, noneColour } from './colours';

const c = (teamId: number, teamName: string, channelIds: number[], channelNames: string[]) =>
  ({ teamId, teamName, channelIds, channelNames }) as Campaign;

describe('colours', () => {
  it('colours by the first channel or by team, grey when there is none', () => {
    const x = c(2, 'Brand', [5, 1], ['Email', 'Ads']);
    expect(colourKey(x, 'channel')).toBe(5);
    expect(colourKey(x, 'team')).toBe(2);
    expect(colourOf(0)).toBe(noneColour);
    expect(colourOf(5)).toBe(colourOf(5));
    expect(colourOf(1)).not.toBe(colourOf(2));
  });
  it('lists each colour in use once, by name, “none” last', () => {
    const l = legend([c(0, '', [], []), c(2, 'Brand', [3], ['Webinars']), c(2, 'Brand', [1], ['Email'])], 'channel', 'None');
    expect(l.map((e) => e.name)).toEqual(['Email', 'Webinars', 'None']);
  });
  it('keeps white text readable (4.5:1) on every colour, the grey for none too', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const id of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(1.05 / (lum(colourOf(id)) + 0.05), colourOf(id)).toBeGreaterThanOrEqual(4.5);
  });
});
