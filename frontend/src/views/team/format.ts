import { i18n } from '../../i18n/index.svelte';
import { dateFormat } from '../../lib/intl';

/** instant writes a UTC RFC 3339 instant as the user's date and time ("" when there is none). */
export function instant(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(i18n.dateLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
