import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from './api';
import { toAppError } from './api/errors';
import { changedByMe, changedOf, conflictRows, currentOf, describeChange, mineOverTheirs, type ConflictField } from './conflict';
import { i18n } from '../i18n/index.svelte';

const fields: ConflictField[] = [
  { key: 'name', label: 'Name' },
  { key: 'owner', label: 'Owner' },
  { key: 'budget', label: 'Budget', show: (v) => { const m = v as { amount: number; currency: string }; return `${m.amount / 100} ${m.currency}`; } },
  { key: 'tags', label: 'Tags' },
  { key: 'notes', label: 'Notes' },
];

// The copy the form opened with, what Sam typed, and what Dana stored meanwhile.
const started = { version: 3, name: 'Spring launch', owner: 'Dana', budget: { amount: 500_000, currency: 'EUR' }, tags: ['q2'], notes: '' };
const mine = { name: 'Spring launch', owner: 'Sam', budget: { currency: 'EUR', amount: 500_000 }, tags: ['q2'], notes: 'Booth booked' };
const theirs = { version: 4, name: 'Spring launch 2026', owner: 'Dana', budget: { amount: 650_000, currency: 'EUR' }, tags: ['q2'], notes: 'Venue moved' };

describe('conflictRows', () => {
  it('lists, field by field, what is stored now beside what was typed, and who changed it', () => {
    const rows = conflictRows(fields, started, mine, theirs);
    expect(rows).toEqual([
      { key: 'name', label: 'Name', theirs: 'Spring launch 2026', mine: 'Spring launch', by: 'them' },
      { key: 'owner', label: 'Owner', theirs: 'Dana', mine: 'Sam', by: 'you' },
      { key: 'budget', label: 'Budget', theirs: '6500 EUR', mine: '5000 EUR', by: 'them' },
      { key: 'notes', label: 'Notes', theirs: 'Venue moved', mine: 'Booth booked', by: 'both' },
    ]);
  });

  it('leaves out fields that agree, whatever order an object’s keys come in', () => {
    expect(conflictRows(fields, started, { ...started }, { ...started, budget: { currency: 'EUR', amount: 500_000 } })).toEqual([]);
  });

  it('reads a field the input leaves out as what the form started from', () => {
    const rows = conflictRows(fields, started, { notes: 'Booth booked' }, theirs);
    expect(rows.find((r) => r.key === 'owner')).toBeUndefined();
    expect(rows.find((r) => r.key === 'name')).toMatchObject({ mine: 'Spring launch', by: 'them' });
  });

  it('shows an empty value as a dash and a list joined', () => {
    const rows = conflictRows(fields, { notes: '', tags: [] }, { notes: '', tags: [] }, { notes: 'x', tags: ['a', 'b'] });
    expect(rows).toEqual([
      { key: 'tags', label: 'Tags', theirs: 'a, b', mine: '—', by: 'them' },
      { key: 'notes', label: 'Notes', theirs: 'x', mine: '—', by: 'them' },
    ]);
  });
});

describe('keeping mine', () => {
  it('puts only the fields this person changed on top of what is stored now', () => {
    expect(mineOverTheirs(fields, started, mine, theirs)).toEqual({ ...theirs, owner: 'Sam', notes: 'Booth booked' });
    expect(changedByMe(fields, started, mine)).toEqual({ owner: 'Sam', notes: 'Booth booked' });
  });
});

describe('currentOf', () => {
  it('takes the stored record from a conflict and nothing from other errors', () => {
    expect(currentOf(new AppError('conflict', 'changed', {}, theirs))).toBe(theirs);
    expect(currentOf(new AppError('conflict', 'already decided'))).toBeNull();
    expect(currentOf(new AppError('invalid', 'bad', {}, theirs))).toBeNull();
  });
});

describe('describeChange', () => {
  const now = new Date('2026-11-27T16:30:00');
  const at = '2026-11-27T14:02:00Z';
  const time = (locale: string, opts: Intl.DateTimeFormatOptions = { timeStyle: 'short' }) => new Intl.DateTimeFormat(locale, opts).format(new Date(at));
  afterEach(() => {
    i18n.locale = 'en';
  });

  it('names the other person and the time their change was saved', () => {
    expect(describeChange({ by: 'Pat', byId: 7, at }, 3, now)).toBe(`Pat changed this at ${time('en')}.`);
  });

  it('says the signed-in person’s own change came from another window', () => {
    expect(describeChange({ by: 'Sam', byId: 3, at }, 3, now)).toBe(`You changed this in another window at ${time('en')}.`);
  });

  it('names no one in the local workspace, which has one person', () => {
    expect(describeChange({ by: '', byId: 0, at }, undefined, now)).toBe(`This was changed in another window at ${time('en')}.`);
  });

  it('gives the day of a change made on another day', () => {
    const later = new Date('2026-11-30T09:00:00');
    expect(describeChange({ by: 'Pat', byId: 7, at }, 3, later)).toBe(`Pat changed this at ${time('en', { dateStyle: 'medium', timeStyle: 'short' })}.`);
  });

  it('speaks the user’s language', () => {
    i18n.locale = 'pl';
    expect(describeChange({ by: 'Pat', byId: 7, at }, 3, now)).toBe(`Zmienione przez: Pat, ${time(i18n.dateLocale)}.`);
  });
});

describe('changedOf', () => {
  it('reads who changed the record from a conflict the backend sent', () => {
    const e = toAppError({ code: 'conflict', message: 'x', current: { version: 4 }, changed: { by: 'Pat', byId: 7, at: '2026-11-27T14:02:00Z' } });
    expect(changedOf(e)).toEqual({ by: 'Pat', byId: 7, at: '2026-11-27T14:02:00Z' });
    expect(changedOf(toAppError({ code: 'conflict', message: 'x', current: { version: 4 } }))).toBeUndefined();
    expect(changedOf(new AppError('invalid', 'x'))).toBeUndefined();
  });
});
