import { AppError } from '../api';
import { keyOf, messageKey, t } from '../../i18n/index.svelte';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** NoticesStore shows short messages at the edge of the window. */
class NoticesStore {
  items = $state<Notice[]>([]);
  private next = 1;

  info(text: string): void {
    this.push('info', text);
  }

  /** error shows what went wrong in words the user can act on. */
  error(e: unknown): void {
    // Work the user cancelled is not a failure: it says so, calmly.
    if (e instanceof AppError && e.code === 'canceled') this.push('info', t('error.canceled'));
    else this.push('error', describeError(e));
  }

  /** clear removes every notice (they were written in another language). */
  clear(): void {
    this.items = [];
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  private push(kind: Notice['kind'], text: string): void {
    const id = this.next++;
    this.items = [...this.items, { id, kind, text }];
    setTimeout(() => this.dismiss(id), kind === 'error' ? 10_000 : 4_000);
  }
}

/** describeError turns an error into a sentence from the catalog. */
export function describeError(e: unknown): string {
  if (e instanceof AppError) {
    const first = Object.values(e.fields)[0];
    if (first) return t(messageKey(first.key), first.params);
    if (e.code === 'internal') return t('error.internal', { detail: e.message });
    // On a team host: the role does not allow it, the session ended, sign-in is locked.
    if (e.code === 'forbidden') return t('team.forbidden');
    if (e.code === 'unauthorized') return t('team.unauthorized');
    if (e.code === 'locked') return t('team.signin.locked');
    return t(keyOf('error.', e.code));
  }
  return t('error.internal', { detail: String(e) });
}

export const notices = new NoticesStore();
