/**
 * Views that copy loaded data into their own state (a form's fields) follow
 * others' changes only while nothing was typed: the helpers here say when.
 */

/** untouched reports whether what a view edits still equals what it copied it from. */
export function untouched<T>(edited: T, copied: T): boolean {
  return JSON.stringify(edited) === JSON.stringify(copied);
}

/**
 * follow decides what a view shows once a fresher version (now) of what it
 * copied (was) arrives: now, while the copy (edited) is untouched; else the
 * copy stays as typed, and kept tells the view to offer the fresher one.
 */
export function follow<T>(edited: T, was: T, now: T): { value: T; kept: boolean } {
  return untouched(edited, was) ? { value: now, kept: false } : { value: edited, kept: true };
}

/** stillAt is where the row with id is among rows after a reload, or the first row (-1 for none) when it went. */
export function stillAt(rows: readonly { id: number }[], id: number | undefined): number {
  const i = id === undefined ? -1 : rows.findIndex((r) => r.id === id);
  return i >= 0 ? i : rows.length ? 0 : -1;
}
