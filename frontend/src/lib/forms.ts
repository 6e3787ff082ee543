import { AppError } from './api';
import type { FieldError } from './api';
import { describeError } from './stores/notices.svelte';
import { t } from '../i18n/index.svelte';
import { mineOverTheirs, type ConflictField } from './conflict';
import { saveVersioned } from './stores/conflict.svelte';

/** FormState is what a form shows after a failed save. */
export interface FormState {
  errors: Record<string, FieldError>;
  error: string;
}

/**
 * saveForm runs save and turns a validation failure into field errors
 * shown next to each field, and any other failure into one message.
 */
export async function saveForm<T>(save: () => Promise<T>): Promise<{ ok: true; value: T } | ({ ok: false } & FormState)> {
  try {
    return { ok: true, value: await save() };
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid' && Object.keys(e.fields).length > 0) {
      return { ok: false, errors: e.fields, error: t('form.fix_fields') };
    }
    return { ok: false, errors: {}, error: describeError(e) };
  }
}

/**
 * saveEdit is saveForm for an edit made to the version of started the form
 * opened with. When someone saved the record since, the conflict dialog
 * shows their changes beside the person's; "keep mine" saves again over
 * the new version with only the fields this person changed set on top of
 * theirs, "take theirs" ends with the record as stored now, and cancel goes
 * back to the form (ok false, no message).
 */
export async function saveEdit<T extends { version: number }, I extends object>(opts: {
  what: string;
  started: { version: number };
  mine: I;
  fields: ConflictField[];
  save: (version: number, input: I) => Promise<T>;
}): Promise<{ ok: true; value: T } | ({ ok: false } & FormState)> {
  const res = await saveForm(() =>
    saveVersioned<T, T>({
      what: opts.what,
      mineLabel: t('conflict.keep_mine'),
      version: opts.started.version,
      fields: opts.fields,
      started: opts.started,
      mine: opts.mine,
      save: (version, theirs) => opts.save(version, theirs ? mineOverTheirs(opts.fields, opts.started, opts.mine, { ...theirs } as unknown as I) : opts.mine),
    }),
  );
  if (!res.ok) return res;
  const r = res.value;
  if (r.kind === 'saved') return { ok: true, value: r.value };
  if (r.kind === 'theirs') return { ok: true, value: r.theirs };
  return { ok: false, errors: {}, error: '' };
}
