import type { ResultBooking } from './api';

/** BookingChoice is what an import's options say about the cost of each source of a results file. */
export interface BookingChoice {
  bookCost: string[];
  bookCategories: Record<string, number>;
}

/** BookingChange is one source's new choice: booked or compared, and/or its spend category. */
export interface BookingChange {
  book?: boolean;
  categoryId?: number;
}

/**
 * chooseBooking returns the options after the user changed one source's
 * choice. It starts from the bookings the preview showed (the choice given
 * before, or the one the workspace remembered), so every other source
 * keeps what was shown instead of falling back to comparing.
 */
export function chooseBooking(shown: ResultBooking[], source: string, change: BookingChange): BookingChoice {
  const out: BookingChoice = { bookCost: [], bookCategories: {} };
  const all = shown.some((b) => b.source === source) ? shown : [...shown, { source, book: false, categoryId: 0 } as ResultBooking];
  for (const b of all) {
    const mine = b.source === source;
    const book = mine && change.book !== undefined ? change.book : b.book;
    const category = mine && change.categoryId !== undefined ? change.categoryId : b.categoryId;
    if (book) out.bookCost.push(b.source);
    if (category) out.bookCategories[b.source] = category;
  }
  return out;
}

/** bookingOf is the booking the preview shows for a source (compared, no category, when it shows none). */
export function bookingOf(shown: ResultBooking[] | undefined, source: string): ResultBooking {
  return shown?.find((b) => b.source === source) ?? ({ source, book: false, categoryId: 0, categoryName: '' } as ResultBooking);
}
