import { describe, expect, it } from 'vitest';
import type { ResultBooking } from './api';
import { bookingOf, chooseBooking } from './booking';

const shown = [
  { source: 'google_ads', book: true, categoryId: 7, categoryName: 'Paid media' },
  { source: 'meta_ads', book: false, categoryId: 0, categoryName: '' },
] as ResultBooking[];

describe('chooseBooking', () => {
  it('keeps the other sources as the preview showed them', () => {
    expect(chooseBooking(shown, 'meta_ads', { book: true })).toEqual({ bookCost: ['google_ads', 'meta_ads'], bookCategories: { google_ads: 7 } });
  });
  it('changes one source to comparing, keeping its category for later', () => {
    expect(chooseBooking(shown, 'google_ads', { book: false })).toEqual({ bookCost: [], bookCategories: { google_ads: 7 } });
  });
  it('sets a category without changing whether the source is booked', () => {
    expect(chooseBooking(shown, 'google_ads', { categoryId: 9 })).toEqual({ bookCost: ['google_ads'], bookCategories: { google_ads: 9 } });
  });
  it('adds a source the preview did not show', () => {
    expect(chooseBooking([], 'tiktok_ads', { book: true, categoryId: 3 })).toEqual({ bookCost: ['tiktok_ads'], bookCategories: { tiktok_ads: 3 } });
  });
});

describe('bookingOf', () => {
  it('is comparing when the preview shows nothing for the source', () => {
    expect(bookingOf(undefined, 'google_ads')).toMatchObject({ book: false, categoryId: 0 });
    expect(bookingOf(shown, 'google_ads')).toBe(shown[0]);
  });
});
