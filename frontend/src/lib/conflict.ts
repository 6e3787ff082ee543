import { AppError, type LastChange } from './api';
import { dateFormat } from './intl';
import { i18n, t } from '../i18n/index.svelte';

/**
 * A conflict: someone saved a record after this person's form, drag or
 * grid showed it. The backend refused the save (code conflict) and sent
 * the record as stored now; these helpers set it beside what the form
 * started from and what the person typed, field by field.
 */

/** ConflictField is one field a conflict dialog compares: its key in the record and the input, its label, how to show a value. */
export interface ConflictField {
  key: string;
  label: string;
  /** show formats a value for reading (names for ids, Intl for money and days); the default shows text as is. */
  show?: (value: unknown) => string;
}

/** Who changed a field since the form opened. */
export type ChangedBy = 'them' | 'you' | 'both';

/** ConflictRow is one field that differs: the value stored now beside the one typed. */
export interface ConflictRow {
  key: string;
  label: string;
  theirs: string;
  mine: string;
  by: ChangedBy;
}

type Rec = Record<string, unknown>;

/** canonical writes a value with object keys sorted, so {amount, currency} and {currency, amount} read alike. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    const o = v as Rec;
    return '{' + Object.keys(o).sort().map((k) => JSON.stringify(k) + ':' + canonical(o[k])).join(',') + '}';
  }
  return JSON.stringify(v ?? '');
}

/** same compares two field values by content (arrays and money alike); a missing value reads as empty. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function plain(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** mineOf returns what the person has for key: what they typed, or what the form started from when the input leaves it out. */
function mineOf(started: Rec, mine: Rec, key: string): unknown {
  return key in mine ? mine[key] : started[key];
}

/**
 * conflictRows lists the fields whose stored value (theirs) differs from
 * what the person has (mine), each marked with who changed it since the
 * form started: the other person, this person, or both.
 */
export function conflictRows(fields: ConflictField[], started: object, mine: object, theirs: object): ConflictRow[] {
  const s = started as Rec, m = mine as Rec, th = theirs as Rec;
  const rows: ConflictRow[] = [];
  for (const f of fields) {
    const mv = mineOf(s, m, f.key);
    if (same(th[f.key], mv)) continue;
    const them = !same(th[f.key], s[f.key]);
    const you = !same(mv, s[f.key]);
    const show = f.show ?? plain;
    rows.push({ key: f.key, label: f.label, theirs: show(th[f.key]), mine: show(mv), by: them && you ? 'both' : them ? 'them' : 'you' });
  }
  return rows;
}

/**
 * mineOverTheirs is what "keep mine" saves: the stored record with the
 * fields this person changed set to what they typed. A field only the
 * other person changed keeps their value: keeping mine never undoes a
 * change the person did not make.
 */
export function mineOverTheirs<T extends object>(fields: ConflictField[], started: object, mine: object, theirs: T): T {
  const s = started as Rec, m = mine as Rec;
  const out: Rec = { ...(theirs as Rec) };
  for (const f of fields) {
    if (f.key in m && !same(m[f.key], s[f.key])) out[f.key] = m[f.key];
  }
  return out as T;
}

/** changedByMe returns only the fields this person changed since the form started, as a partial update. */
export function changedByMe(fields: ConflictField[], started: object, mine: object): Rec {
  const s = started as Rec, m = mine as Rec;
  const out: Rec = {};
  for (const f of fields) if (f.key in m && !same(m[f.key], s[f.key])) out[f.key] = m[f.key];
  return out;
}

/** currentOf returns the record stored now when e is a conflict that carries it, else null. */
export function currentOf<T>(e: unknown): T | null {
  if (e instanceof AppError && e.code === 'conflict' && e.current && typeof e.current === 'object') return e.current as T;
  return null;
}

/** changedOf returns who last changed the record and when, when e is a conflict that says so. */
export function changedOf(e: unknown): LastChange | undefined {
  return e instanceof AppError && e.code === 'conflict' ? e.changed : undefined;
}

/**
 * describeChange says in the user's language who made the change a save
 * ran into, and when: "Pat changed this at 14:02". The signed-in person's
 * own change (meId) came from another window or tab, and so does any in
 * the local workspace, which has one person. A change of another day
 * gives the day too.
 */
export function describeChange(c: LastChange, meId: number | undefined, now: Date = new Date()): string {
  const at = new Date(c.at);
  if (Number.isNaN(at.getTime())) return '';
  const sameDay = at.toDateString() === now.toDateString();
  const time = dateFormat(i18n.dateLocale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  if (!c.byId || !c.by) return t('conflict.changed_elsewhere', { time });
  if (c.byId === meId) return t('conflict.changed_by_you', { time });
  return t('conflict.changed_by', { name: c.by, time });
}
