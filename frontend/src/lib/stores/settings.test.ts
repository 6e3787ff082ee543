import { describe, expect, it } from 'vitest';
import { displayDefaults, systemLanguage } from './settings.svelte';

describe('first run', () => {
  it('proposes the first system language MOps Desk speaks', () => {
    expect(systemLanguage(['fa-IR', 'en-US'])).toBe('fa');
    expect(systemLanguage(['de-DE', 'tr-TR'])).toBe('tr');
    expect(systemLanguage(['TH'])).toBe('th');
    expect(systemLanguage(['de-DE'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
  it('with the calendar and week its users expect', () => {
    expect(displayDefaults('fa')).toEqual({ calendar: 'persian', weekStart: 6 });
    expect(displayDefaults('th')).toEqual({ calendar: 'buddhist', weekStart: 0 });
    expect(displayDefaults('pl')).toEqual({ calendar: 'gregory', weekStart: 1 });
  });
});
