// The live charts: one Chart.js line chart per figure, fed from the decimated timeline. A new second appends one
// point to each series; only when the timeline was re-decimated, a series appeared (a new status code, another
// request picked) or the theme changed are the datasets rebuilt. Animation is off: one update a second.

import { Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartOptions } from 'chart.js';
import { formatCount, formatMs, formatRate, isLatencyMetric, targetLabel } from '../../src/core/report/format';
import type { ChartPoint, LiveFigures, RunInfo, TargetSpec } from '../../src/extension/results-panel/messages';
import type { Finding } from '../../src/core/results';
import { findingMarkers, line, sortStatusCodes, statusColours, TARGET_PREFIX, timeAxis, timeMarkers, tooltipAndLegend, valueAxis } from '../report/chart-parts';
import type { LineDataset, TimeMarker, XY } from '../report/chart-parts';
import { el } from '../report/dom';
import { statusName } from '../report/status-names';
import { latencyReading, latencySeries, latencyTargetColour, type LatencyLine } from './latency-lines';
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
  /** The finished run's findings (none while it runs), marked where they began. */
  findings: readonly Finding[];
}

interface Series {
  key: string;
  label: string;
  colour: string;
  value: (point: ChartPoint) => number | null;
  extra?: Partial<LineDataset>;
}

interface TargetLine {
  label: string;
  threshold: number;
  colour: string;
}

interface LiveChartSpec {
  id: string;
  title: string;
  unit: string;
  format: (value: number) => string;
  stacked?: boolean;
  tall?: boolean;
  /** Marks where findings began, as the report's charts of the same figures do. */
  findingMarkers?: boolean;
  series: (context: ChartContext) => Series[];
  targets: (context: ChartContext) => TargetLine[];
  /** One or two sentences of what the chart shows now, for screen readers. */
  summary: (context: ChartContext) => string;
}

function lastPoint(points: readonly ChartPoint[]): ChartPoint | undefined {
  return points[points.length - 1];
}

function xMax(context: ChartContext): number {
  const last = lastPoint(context.points);
  return Math.max(context.run.plannedSeconds, last === undefined ? 1 : last.t + last.span);
}

function targetLines(targets: readonly TargetSpec[], colour: (target: TargetSpec) => string): TargetLine[] {
  return targets.map((target) => ({ label: `${TARGET_PREFIX}${targetLabel(target)}`, threshold: target.threshold, colour: colour(target) }));
}

const throughput: LiveChartSpec = {
  id: 'throughput',
  findingMarkers: true,
  title: 'Requests and failures per second',
  unit: 'per second',
  format: formatRate,
  series: ({ theme }) => [
    { key: 'rps', label: 'requests/s', colour: theme.palette.rps, value: (point) => point.rps },
    { key: 'failures', label: 'failures/s', colour: theme.palette.failures, value: (point) => point.failuresPerSecond },
  ],
  targets: ({ run, theme }) => targetLines(run.targets.filter((target) => target.request === undefined && target.metric === 'rps'), () => theme.palette.rps),
  summary: ({ points, figures }) => {
    const last = lastPoint(points);
    if (last === undefined || figures === null) return 'No requests yet.';
    return `Last: ${formatRate(last.rps)} requests and ${formatRate(last.failuresPerSecond)} failures. ${formatCount(figures.requests)} requests so far, ${formatRate(figures.rps)} on average.`;
  },
};

const latency: LiveChartSpec = {
  id: 'latency',
  findingMarkers: true,
  title: 'Response time percentiles',
  unit: 'ms',
  format: formatMs,
  series: ({ chartPercentiles, theme }) => latencySeries(chartPercentiles, theme.latency),
  // Targets stay drawn whichever lines are charted.
  targets: ({ run, chartPercentiles, theme }) =>
    targetLines(
      run.targets.filter((target) => target.request === undefined && isLatencyMetric(target.metric)),
      (target) => latencyTargetColour(target.metric, chartPercentiles, theme.latency, theme.palette.target),
    ),
  summary: ({ points, figures, chartPercentiles, theme }) => {
    const last = lastPoint(points);
    if (last === undefined || figures === null) return 'No responses yet.';
    return `Last: ${latencyReading(latencySeries(chartPercentiles, theme.latency), last)}. Over the run so far: p95 ${formatMs(figures.p95)}.`;
  },
};

function requestColour(context: ChartContext, name: string): string {
  const names = context.run.requests.map((request) => request.name);
  const index = names.includes(name) ? names.indexOf(name) : names.length + context.selectedRequests.indexOf(name);
  const series = context.theme.palette.series;
  return series[index % series.length] ?? context.theme.palette.target;
}

const perRequest: LiveChartSpec = {
  id: 'per-request',
  title: 'p95 by request',
  unit: 'ms',
  format: formatMs,
  tall: true,
  series: (context) =>
    context.selectedRequests.map((name) => ({ key: `request:${name}`, label: name, colour: requestColour(context, name), value: (point) => point.requestP95[name] ?? null })),
  targets: (context) =>
    targetLines(
      context.run.targets.filter((target) => target.request !== undefined && target.metric === 'p95' && context.selectedRequests.includes(target.request)),
      (target) => requestColour(context, target.request ?? ''),
    ),
  summary: ({ points, selectedRequests }) => {
    const last = lastPoint(points);
    if (selectedRequests.length === 0) return 'No request picked.';
    if (last === undefined) return 'No responses yet.';
    return `Last second's p95: ${selectedRequests.map((name) => `${name} ${formatMs(last.requestP95[name] ?? null)}`).join(', ')}.`;
  },
};

const statuses: LiveChartSpec = {
  id: 'statuses',
  title: 'Responses by status code',
  unit: 'responses/s',
  format: (value) => `${formatRate(value)}`,
  stacked: true,
  series: ({ statusCodes, theme }) => {
    const colours = statusColours(statusCodes, theme.palette.dark);
    return statusCodes.map((code, index) => {
      const colour = colours.get(code) ?? theme.palette.target;
      return {
        key: `status:${code}`,
        label: statusName(code),
        colour,
        value: (point) => point.statuses[code] ?? 0,
        // Stacked areas; each point holds until the next, as its bucket does.
        extra: { fill: index === 0 ? 'origin' : '-1', stepped: 'after', backgroundColor: colour, borderWidth: theme.highContrast ? 1.5 : 0 },
      };
    });
  },
  targets: () => [],
  summary: ({ points }) => {
    const last = lastPoint(points);
    if (last === undefined) return 'No responses yet.';
    const parts = sortStatusCodes(Object.keys(last.statuses)).map((code) => `${statusName(code)} ${formatRate(last.statuses[code] ?? 0)}`);
    return parts.length === 0 ? 'No responses in the last second.' : `Last: ${parts.join(', ')}.`;
  },
};

const users: LiveChartSpec = {
  id: 'users',
  title: 'Active users',
  unit: 'users',
  format: (value) => formatCount(value),
  series: ({ theme }) => [{ key: 'users', label: 'users', colour: theme.palette.users, value: (point) => point.users, extra: { stepped: 'after' } }],
  targets: () => [],
  summary: ({ points, figures }) => {
    const last = lastPoint(points);
    if (last === undefined || figures === null) return 'No users yet.';
    return `Now ${formatCount(last.users)} users; peak ${formatCount(figures.peakUsers)}.`;
  },
};

/** The charts in page order. */
export const LIVE_CHARTS: readonly LiveChartSpec[] = [throughput, latency, perRequest, statuses, users];

function seriesData(points: readonly ChartPoint[], value: (point: ChartPoint) => number | null): XY[] {
  const data: XY[] = new Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    if (point !== undefined) data[i] = { x: point.t, y: value(point) };
  }
  return data;
}

class LiveChart {
  private chart: Chart<'line', XY[]> | undefined;
  private layout = '';
  private series: Series[] = [];
  private targets: TargetLine[] = [];
  // The plugin reads this array at each draw, so new findings need no new chart.
  private readonly markers: TimeMarker[] = [];

  constructor(
    readonly spec: LiveChartSpec,
    private readonly canvas: HTMLCanvasElement,
  ) {}

  /** Rebuilds every dataset from the whole timeline. */
  draw(context: ChartContext): void {
    this.series = this.spec.series(context);
    this.targets = this.spec.targets(context);
    this.layout = layoutKey(this.series, this.targets);
    this.markers.splice(0, this.markers.length, ...(this.spec.findingMarkers === true ? findingMarkers(context.findings, context.theme.palette) : []));
    const max = xMax(context);
    const width = context.theme.highContrast ? 2.5 : 1.5;
    const datasets: LineDataset[] = [
      ...this.series.map((series) => line(series.label, series.colour, seriesData(context.points, series.value), { borderWidth: width, ...series.extra })),
      ...this.targets.map((target) =>
        line(target.label, target.colour, [{ x: 0, y: target.threshold }, { x: max, y: target.threshold }], { borderDash: [6, 4], borderWidth: width - 0.25 }),
      ),
    ];
    if (this.chart === undefined) {
      this.chart = new Chart<'line', XY[]>(this.canvas, { type: 'line', data: { datasets }, options: this.options(context, max), plugins: [timeMarkers<'line'>(this.markers)] });
    } else {
      this.chart.data.datasets = datasets;
      this.setXMax(max);
      this.chart.update('none');
    }
    this.describe(context);
  }

  /** Adds the newest point, or redraws when the series themselves changed. */
  append(context: ChartContext, point: ChartPoint): void {
    const chart = this.chart;
    const series = this.spec.series(context);
    const targets = this.spec.targets(context);
    if (chart === undefined || layoutKey(series, targets) !== this.layout) {
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
    chart.update('none');
    this.describe(context);
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private setXMax(max: number): void {
    const x = this.chart?.options.scales?.x;
    if (x !== undefined) x.max = max;
  }

  private describe(context: ChartContext): void {
    this.canvas.setAttribute('aria-label', `${this.spec.title}. ${this.spec.summary(context)}`);
  }

  private options(context: ChartContext, max: number): ChartOptions<'line'> {
    const palette = context.theme.palette;
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // Our own points are already decimated and sorted: skip Chart.js's parsing pass.
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: tooltipAndLegend(palette, this.spec.format),
      scales: {
        x: timeAxis(0, max, palette, this.spec.stacked === true),
        y: valueAxis(palette, this.spec.unit, this.spec.stacked === true ? { stacked: true } : {}),
      },
    };
  }
}

function layoutKey(series: readonly Series[], targets: readonly TargetLine[]): string {
  return JSON.stringify([series.map((one) => [one.key, one.colour]), targets.map((target) => [target.label, target.threshold, target.colour])]);
}

/** The chart figures of the page and their updates. */
export class LiveCharts {
  readonly element: HTMLElement;
  private readonly charts: LiveChart[];

  /** `controls` go under a chart's title (the request picker under the per-request chart). */
  constructor(controls: Partial<Record<string, HTMLElement>> = {}) {
    const figures = LIVE_CHARTS.map((spec) => {
      // Focusable, so keyboard and screen-reader users reach each chart and hear its summary.
      const canvas = el('canvas', { attributes: { role: 'img', tabindex: '0', 'aria-label': spec.title } });
      const control = controls[spec.id];
      const figure = el('figure', { className: 'chart-figure', attributes: { 'data-chart': spec.id } }, [
        el('figcaption', {}, [spec.title]),
        ...(control === undefined ? [] : [control]),
        el('div', { className: spec.tall === true ? 'chart tall' : 'chart' }, [canvas]),
      ]);
      return { figure, chart: new LiveChart(spec, canvas) };
    });
    this.charts = figures.map((figure) => figure.chart);
    this.element = el('div', { className: 'charts' }, figures.map((figure) => figure.figure));
  }

  /** Draws every chart from the whole timeline. */
  draw(context: ChartContext): void {
    configureDefaults(context.theme);
    for (const chart of this.charts) chart.draw(context);
  }

  /** Adds the newest point to every chart. */
  append(context: ChartContext, point: ChartPoint): void {
    for (const chart of this.charts) chart.append(context, point);
  }

  /** Recreates the charts, e.g. for a new theme (colours live in the chart options). */
  recreate(context: ChartContext): void {
    for (const chart of this.charts) chart.destroy();
    this.draw(context);
  }
}

function configureDefaults(theme: Theme): void {
  Chart.defaults.font.family = theme.fontFamily;
  Chart.defaults.font.size = Math.max(11, theme.fontSize - 1);
  Chart.defaults.color = theme.palette.text;
}
