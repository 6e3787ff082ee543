import { describe, expect, it } from 'vitest';
import { currencyChoices } from './currencies';

const all = ['AED', 'EUR', 'GBP', 'JPY', 'PLN', 'USD', 'ZAR'];

describe('currencyChoices', () => {
  it('puts the base currency, then the ones in use, before the rest', () => {
    expect(currencyChoices(all, 'PLN', ['EUR', 'PLN', 'USD'])).toEqual({ first: ['PLN', 'EUR', 'USD'], rest: ['AED', 'GBP', 'JPY', 'ZAR'] });
  });

  it('leaves out excluded and unknown codes', () => {
    // The exchange-rate picker never offers the base currency.
    expect(currencyChoices(all, 'USD', ['EUR', 'XYZ'], ['USD'])).toEqual({ first: ['EUR'], rest: ['AED', 'GBP', 'JPY', 'PLN', 'ZAR'] });
  });

  it('with nothing in use, still offers the base currency first', () => {
    expect(currencyChoices(all, 'EUR', []).first).toEqual(['EUR']);
  });

  it('offers the value a form already holds even when the list lacks it', () => {
    expect(currencyChoices(all, 'USD', [], [], 'XTS').first).toEqual(['USD', 'XTS']);
  });
});
