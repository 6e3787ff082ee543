import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('an amount in a right-to-left sentence', () => {
  it('keeps a Latin currency sign with its number', () => {
    // "‏‎-6,600.00 US$" unisolated reads "$-6,600.00 US" in Arabic.
    expect(formatMoney(-660000, 'USD', 2, 'ar')).toBe('\u2066-6,600.00\u00a0US$\u2069');
    expect(formatMoney(660000, 'USD', 2, 'ar')).toBe('\u20666,600.00\u00a0US$\u2069');
  });
  it('leaves an amount in the language’s own script and left-to-right languages alone', () => {
    expect(formatMoney(660000, 'AED', 2, 'ar')).not.toContain('\u2066');
    expect(formatMoney(-660000, 'USD', 2, 'en')).toBe('-$6,600.00');
  });
});
