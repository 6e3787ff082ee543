import { AppError } from './api';
import type { FieldError } from './api';
import { describeError } from './stores/notices.svelte';
import { t } from '../i18n/index.svelte';

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
