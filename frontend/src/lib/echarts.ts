// The parts of ECharts the app's charts use, and nothing else: bar, line,
// pie and funnel series on a grid with title, legend and tooltip, drawn as SVG.
// The backend's chart options (backend/chart) use only these; a new series
// type or component there is registered here too. EChart.svelte loads
// this module when a chart is first drawn, so ECharts is not part of the
// script the first screen waits for. (The HTML report inlines the whole
// library: vite.config.ts copies echarts.min.js for it.)
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, FunnelChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, LabelLayout, LegacyGridContainLabel, SVGRenderer]);

export { init };
export type { ECharts } from 'echarts/core';

/**
 * warm draws a small chart like the app's, off screen, and throws it away.
 * A chart's first draw on a page runs ECharts' code for the first time,
 * which costs the browser several times what later draws do; drawn while
 * the first page is idle, that cost is not paid by the first page with a
 * chart. The chart is stacked bars on a grid with a title, a legend, a
 * tooltip and labels in the page's font, so the same code paths run.
 */
export function warm(font: string): void {
  const node = document.createElement('div');
  const chart = init(node, { textStyle: { fontFamily: font } }, { renderer: 'svg', width: 600, height: 240 });
  const months = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
  const series = [1, 2].map((n) => ({ type: 'bar', name: String(n), stack: 's', data: months.map((m) => Number(m) * n) }));
  chart.setOption({
    animation: false,
    title: { text: 'warm' },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { bottom: 0 },
    grid: { containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
    series,
  });
  chart.dispose();
}
