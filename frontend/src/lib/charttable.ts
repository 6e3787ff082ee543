// The text alternative of a chart: the numbers behind it as a table, and
// its largest value for a one-line summary.

/** ChartTable is a chart's data: one row per category (or slice), one column per series. */
export type ChartTable = {
  series: string[];
  rows: { name: string; values: (number | null)[] }[];
};

type Axis = { type?: string; data?: unknown[] };
type Series = { name?: string; type?: string; data?: unknown[] };

const first = (a: unknown): Axis | undefined => (Array.isArray(a) ? a[0] : (a as Axis | undefined));
const valueOf = (d: unknown): number | null => {
  const v = d !== null && typeof d === 'object' ? (d as { value?: unknown }).value : d;
  return typeof v === 'number' ? v : null;
};

/** chartTable reads the table behind an ECharts option: bars and lines on a category axis, or a pie or funnel (named items). */
export function chartTable(option: Record<string, unknown>): ChartTable {
  const series = ((option.series ?? []) as Series[]).filter((s) => Array.isArray(s.data));
  const pie = series.find((s) => s.type === 'pie' || s.type === 'funnel');
  if (pie) {
    return {
      series: [pie.name ?? ''],
      rows: (pie.data ?? []).map((d) => ({ name: String((d as { name?: unknown }).name ?? ''), values: [valueOf(d)] })),
    };
  }
  const x = first(option.xAxis);
  const y = first(option.yAxis);
  const axis = x?.data ? x : y?.data ? y : undefined;
  const names = (axis?.data ?? []).map((n) => String(n));
  return {
    series: series.map((s) => s.name ?? ''),
    rows: names.map((name, i) => ({ name, values: series.map((s) => valueOf(s.data?.[i])) })),
  };
}

/** largest finds the row with the highest value of the first series, or null when there is none. */
export function largest(table: ChartTable): { name: string; value: number } | null {
  let best: { name: string; value: number } | null = null;
  for (const r of table.rows) {
    const v = r.values[0];
    if (v !== null && (best === null || v > best.value)) best = { name: r.name, value: v };
  }
  return best;
}
