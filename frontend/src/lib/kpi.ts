import type { KPI } from './api/generated';
import { formatMoney } from './money';

/** KPI_DASH is how an undefined KPI (a zero denominator) is shown, as in the workbook. */
export const KPI_DASH = '—';

/**
 * formatKPI shows a KPI the backend worked out (backend/kpi.go): its exact
 * value with its decimals, never recomputed here, in the locale's digits.
 */
export function formatKPI(k: KPI, locale: string): string {
  if (k.undefined) return KPI_DASH;
  if (k.unit === 'money') return formatMoney(k.value, k.currency ?? '', k.decimals, locale);
  const digits = { minimumFractionDigits: k.decimals, maximumFractionDigits: k.decimals };
  const scaled = k.value / 10 ** k.decimals;
  if (k.unit === 'percent') return new Intl.NumberFormat(locale, { style: 'percent', ...digits }).format(scaled / 100);
  return new Intl.NumberFormat(locale, digits).format(scaled);
}
