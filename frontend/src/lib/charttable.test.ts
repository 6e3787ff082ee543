import { describe, expect, it } from 'vitest';
import { chartTable, largest } from './charttable';

describe('chartTable', () => {
  it('reads bars on a category axis, one column a series', () => {
    const t = chartTable({
      xAxis: [{ data: ['Brand', 'Demand gen'] }],
      yAxis: [{ type: 'value' }],
      series: [
        { name: 'Planned', type: 'bar', data: [{ value: 400 }, { value: 1100 }] },
        { name: 'Actual', type: 'bar', data: [{ value: -5 }, 350] },
      ],
    });
    expect(t).toEqual({
      series: ['Planned', 'Actual'],
      rows: [
        { name: 'Brand', values: [400, -5] },
        { name: 'Demand gen', values: [1100, 350] },
      ],
    });
    expect(largest(t)).toEqual({ name: 'Demand gen', value: 1100 });
  });

  it('reads a horizontal bar chart from its y axis and a pie from its slices', () => {
    const bars = chartTable({ xAxis: [{ type: 'value' }], yAxis: [{ type: 'category', data: ['Planned', 'Live'] }], series: [{ name: 'Campaigns', data: [{ value: 2 }, { value: 5 }] }] });
    expect(bars.rows).toEqual([{ name: 'Planned', values: [2] }, { name: 'Live', values: [5] }]);
    const pie = chartTable({ series: [{ name: 'Spend', type: 'pie', data: [{ name: 'Ads', value: 500 }, { name: 'Events', value: 45 }] }] });
    expect(pie).toEqual({ series: ['Spend'], rows: [{ name: 'Ads', values: [500] }, { name: 'Events', values: [45] }] });
    expect(largest(pie)).toEqual({ name: 'Ads', value: 500 });
  });

  it('reads a funnel from its stages, in their order', () => {
    const funnel = chartTable({ series: [{ name: 'Funnel', type: 'funnel', data: [{ name: 'Leads', value: 200 }, { name: 'MQLs', value: 80 }, { name: 'Won', value: 4 }] }] });
    expect(funnel).toEqual({ series: ['Funnel'], rows: [{ name: 'Leads', values: [200] }, { name: 'MQLs', values: [80] }, { name: 'Won', values: [4] }] });
  });

  it('has no largest value when nothing has one', () => {
    expect(largest(chartTable({ series: [] }))).toBeNull();
  });
});
