// One live Chart.js line chart, fed from the decimated timeline: a new second appends one point to each series;
// only when the timeline was re-decimated, a series appeared (a new status code, another request picked, a new
// server-side series) or the theme changed are the datasets rebuilt. Animation is off: one update a second.
// What a chart draws is its spec's business (live-charts.ts, server-metrics-charts.ts).

import { Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartOptions, TooltipItem } from 'chart.js';
import type { Finding, MonitorSeries } from '../../src/core/results';
import type { ChartPoint, LiveFigures, RunInfo } from '../../src/extension/results-panel/messages';
import { findingMarkers, line, timeAxis, timeMarkers, tooltipAndLegend, valueAxis } from '../report/chart-parts';
import type { LineDataset, TimeMarker, XY } from '../report/chart-parts';
import type { LatencyLine } from './latency-lines';
import type { Theme } from './theme';

// Only what these charts use.
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend, Tooltip);

/** What every chart is drawn from. */
export interface ChartContext {
  run: RunInfo;
  points: readonly ChartPoint[];
  figures: LiveFigures | null;
  theme: Theme;
  /** Request names charted by latency. */
  selectedRequests: readonly string[];
  /** Overall latency lines charted. */
  chartPercentiles: readonly LatencyLine[];
  /** Status codes seen so far, in reading order. */
  statusCodes: readonly string[];
  /** The findings so far (the result's once finished), marked where they began. */
  findings: readonly Finding[];
  /** The server-side series known so far. */
  monitors: readonly MonitorSeries[];
}

export interface Series {
  key: string;
  label: string;
  colour: string;
  value: (point: ChartPoint) => number | null;
  extra?: Partial<LineDataset>;
}

/** A horizontal dashed line: a target's threshold, a resource's capacity. */
export interface ReferenceLine {
  label: string;
  threshold: number;
  colour: string;
}

export interface LiveChartSpec {
  id: string;
  title: string;
  /** The y axis' title. */
  unit: string;
  /** Values in tooltips. */
  format: (value: number) => string;
  /** Values on the y axis; Chart.js's own numbers when absent. */
  tickFormat?: (value: number) => string;
  /** Distance between y-axis ticks for what is drawn now; Chart.js chooses when absent or undefined. */
  tickStep?: (context: ChartContext) => number | undefined;
  stacked?: boolean;
  tall?: boolean;
  /** Marks where findings began, as the report's charts of the same figures do. */
  findingMarkers?: boolean;
  series: (context: ChartContext) => Series[];
  /** Drawn after the series, dashed, and left out of tooltips. */
  references: (context: ChartContext) => ReferenceLine[];
  /** One or two sentences of what the chart shows now, for screen readers. */
  summary: (context: ChartContext) => string;
}

/** Chart.js's page-wide defaults from the theme: font and text colour. */
export function applyChartTheme(theme: Theme): void {
  Chart.defaults.font.family = theme.fontFamily;
  Chart.defaults.font.size = Math.max(11, theme.fontSize - 1);
  Chart.defaults.color = theme.palette.text;
}

/** The rightmost second of every chart: the planned end, or the last point when the run goes on longer. */
export function xMax(context: ChartContext): number {
  const last = context.points[context.points.length - 1];
  return Math.max(context.run.plannedSeconds, last === undefined ? 1 : last.t + last.span);
}

function seriesData(points: readonly ChartPoint[], value: (point: ChartPoint) => number | null): XY[] {
  const data: XY[] = new Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    if (point !== undefined) data[i] = { x: point.t, y: value(point) };
  }
  return data;
}

function layoutKey(series: readonly Series[], references: readonly ReferenceLine[]): string {
  return JSON.stringify([series.map((one) => [one.key, one.colour]), references.map((reference) => [reference.label, reference.threshold, reference.colour])]);
}

export class LiveChart {
  private chart: Chart<'line', XY[]> | undefined;
  private layout = '';
  private series: Series[] = [];
  private references: ReferenceLine[] = [];
  // The plugin reads this array at each draw, so new findings need no new chart.
  private readonly markers: TimeMarker[] = [];

  constructor(
    readonly spec: LiveChartSpec,
    private readonly canvas: HTMLCanvasElement,
  ) {}

  /** Rebuilds every dataset from the whole timeline. */
  draw(context: ChartContext): void {
    this.series = this.spec.series(context);
    this.references = this.spec.references(context);
    this.layout = layoutKey(this.series, this.references);
    this.setMarkers(context);
    const max = xMax(context);
    const width = context.theme.highContrast ? 2.5 : 1.5;
    const datasets: LineDataset[] = [
      ...this.series.map((series) => line(series.label, series.colour, seriesData(context.points, series.value), { borderWidth: width, ...series.extra })),
      ...this.references.map((reference) =>
        line(reference.label, reference.colour, [{ x: 0, y: reference.threshold }, { x: max, y: reference.threshold }], { borderDash: [6, 4], borderWidth: width - 0.25 }),
      ),
    ];
    if (this.chart === undefined) {
      this.chart = new Chart<'line', XY[]>(this.canvas, { type: 'line', data: { datasets }, options: this.options(context, max), plugins: [timeMarkers<'line'>(this.markers)] });
    } else {
      this.chart.data.datasets = datasets;
      this.setXMax(max);
      this.setTickStep(context);
      this.chart.update('none');
    }
    this.describe(context);
  }

  /** Adds the newest point, or redraws when the series themselves changed. */
  append(context: ChartContext, point: ChartPoint): void {
    const chart = this.chart;
    const series = this.spec.series(context);
    const references = this.spec.references(context);
    if (chart === undefined || layoutKey(series, references) !== this.layout) {
      this.draw(context);
      return;
    }
    const max = xMax(context);
    series.forEach((one, index) => chart.data.datasets[index]?.data.push({ x: point.t, y: one.value(point) }));
    for (let index = series.length; index < chart.data.datasets.length; index++) {
      const end = chart.data.datasets[index]?.data[1];
      if (end !== undefined) end.x = max;
    }
    this.setXMax(max);
    this.setTickStep(context);
    chart.update('none');
    this.describe(context);
  }

  /** Moves the finding markers to the findings of `context`, keeping the datasets. */
  mark(context: ChartContext): void {
    if (this.spec.findingMarkers !== true) return;
    this.setMarkers(context);
    this.chart?.update('none');
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private setMarkers(context: ChartContext): void {
    this.markers.splice(0, this.markers.length, ...(this.spec.findingMarkers === true ? findingMarkers(context.findings, context.theme.palette) : []));
  }

  private setXMax(max: number): void {
    const x = this.chart?.options.scales?.x;
    if (x !== undefined) x.max = max;
  }

  private setTickStep(context: ChartContext): void {
    const y = this.chart?.options.scales?.y;
    if (y?.type !== 'linear' || y.ticks === undefined || this.spec.tickStep === undefined) return;
    y.ticks.stepSize = this.spec.tickStep(context);
  }

  private describe(context: ChartContext): void {
    this.canvas.setAttribute('aria-label', `${this.spec.title}. ${this.spec.summary(context)}`);
  }

  private options(context: ChartContext, max: number): ChartOptions<'line'> {
    const palette = context.theme.palette;
    const stacked = this.spec.stacked === true;
    const tickFormat = this.spec.tickFormat;
    const plugins = tooltipAndLegend(palette, this.spec.format);
    const seriesFilter = plugins.tooltip.filter;
    // Reference lines come after the series: a tooltip reads the series at that second, not a threshold.
    const filter = (item: TooltipItem<'line' | 'bar'>) => seriesFilter(item) && item.datasetIndex < this.series.length;
    const axis = valueAxis(palette, this.spec.unit, stacked ? { stacked: true } : {});
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // Our own points are already decimated and sorted: skip Chart.js's parsing pass.
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: { ...plugins, tooltip: { ...plugins.tooltip, filter } },
      scales: {
        x: timeAxis(0, max, palette, stacked),
        y: {
          ...axis,
          ticks: {
            ...axis.ticks,
            ...(tickFormat === undefined ? {} : { callback: (value: number | string) => tickFormat(Number(value)) }),
            ...(this.spec.tickStep === undefined ? {} : { stepSize: this.spec.tickStep(context) }),
          },
        },
      },
    };
  }
}
