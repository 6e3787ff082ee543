// The parts of ECharts the app's charts use, and nothing else: bar, line
// and pie series on a grid with title, legend and tooltip, drawn as SVG.
// The backend's chart options (backend/chart) use only these; a new series
// type or component there is registered here too. EChart.svelte loads
// this module when a chart is first drawn, so ECharts is not part of the
// script the first screen waits for. (The HTML report inlines the whole
// library: vite.config.ts copies echarts.min.js for it.)
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, LabelLayout, LegacyGridContainLabel, SVGRenderer]);

export { init };
export type { ECharts } from 'echarts/core';
