// The live charts: the fixed figures every run has (throughput, latency, latency by request, status codes, users),
// with, when the scenario has monitors, the server metrics area right under latency. Each chart is a
// LiveChart (live-chart.ts) drawn from the same context.

import { formatCount, formatMs, formatRate, isLatencyMetric, targetLabel } from '../../src/core/report/format';
import type { ChartPoint, TargetSpec } from '../../src/extension/results-panel/messages';
import { sortStatusCodes, statusColours, TARGET_PREFIX } from '../report/chart-parts';
import { el } from '../report/dom';
import { statusName } from '../report/status-names';
import { latencyReading, latencySeries, latencyTargetColour } from './latency-lines';
import { applyChartTheme, LiveChart, type ChartContext, type LiveChartSpec, type ReferenceLine } from './live-chart';
import { ServerMetricsCharts } from './server-metrics-charts';

export type { ChartContext } from './live-chart';

function lastPoint(points: readonly ChartPoint[]): ChartPoint | undefined {
  return points[points.length - 1];
}

function targetLines(targets: readonly TargetSpec[], colour: (target: TargetSpec) => string): ReferenceLine[] {
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
  references: ({ run, theme }) => targetLines(run.targets.filter((target) => target.request === undefined && target.metric === 'rps'), () => theme.palette.rps),
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
  references: ({ run, chartPercentiles, theme }) =>
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
  references: (context) =>
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
  references: () => [],
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
  references: () => [],
  summary: ({ points, figures }) => {
    const last = lastPoint(points);
    if (last === undefined || figures === null) return 'No users yet.';
    return `Now ${formatCount(last.users)} users; peak ${formatCount(figures.peakUsers)}.`;
  },
};

/** The charts in page order. */
export const LIVE_CHARTS: readonly LiveChartSpec[] = [throughput, latency, perRequest, statuses, users];

/** The chart figures of the page and their updates. */
export class LiveCharts {
  readonly element: HTMLElement;
  private readonly charts: LiveChart[];
  private readonly serverMetrics = new ServerMetricsCharts();

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
      return { spec, figure, chart: new LiveChart(spec, canvas) };
    });
    this.charts = figures.map((figure) => figure.chart);
    // The server's side of the story goes right under the latency it explains.
    const children = figures.flatMap((figure) => (figure.spec.id === latency.id ? [figure.figure, this.serverMetrics.element] : [figure.figure]));
    this.element = el('div', { className: 'charts' }, children);
  }

  /** Draws every chart from the whole timeline. */
  draw(context: ChartContext): void {
    applyChartTheme(context.theme);
    for (const chart of this.charts) chart.draw(context);
    this.serverMetrics.draw(context);
  }

  /** Adds the newest point to every chart. */
  append(context: ChartContext, point: ChartPoint): void {
    for (const chart of this.charts) chart.append(context, point);
    this.serverMetrics.append(context, point);
  }

  /** Moves the finding markers to the findings of `context`. */
  mark(context: ChartContext): void {
    for (const chart of this.charts) chart.mark(context);
    this.serverMetrics.mark(context);
  }

  /** Redraws the server metrics after their series changed (a new one, a new capacity). */
  drawServerMetrics(context: ChartContext): void {
    this.serverMetrics.draw(context);
  }

  /** Recreates the charts, e.g. for a new theme (colours live in the chart options). */
  recreate(context: ChartContext): void {
    for (const chart of this.charts) chart.destroy();
    this.serverMetrics.destroy();
    this.draw(context);
  }
}
