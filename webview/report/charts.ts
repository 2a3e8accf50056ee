// Charts over time drawn with Chart.js: throughput, latency with target lines, users, status codes, p95 by request,
// and the server-side series of the monitors, one chart per unit with capacities as dashed lines.

import { BarController, BarElement, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartDataset, ChartOptions } from 'chart.js';
import type { Finding, RunResult, TargetResult, TimelinePoint } from '../../src/core/results';
import { formatMonitorValue, formatMs, formatRate, isLatencyMetric, targetLabel } from '../../src/core/report/format';
import { monitorCharts } from '../../src/core/report/monitor-charts';
import type { MonitorChart } from '../../src/core/report/monitor-charts';
import { findingMarkers, line, METRIC_SERIES, sortStatusCodes, statusColours, TARGET_PREFIX, timeAxis as clockAxis, timeMarkers, tooltipAndLegend, valueAxis } from './chart-parts';
import type { LineDataset, TimeMarker, XY } from './chart-parts';
import { el } from './dom';
import type { Palette } from './palette';
import { statusName } from './status-names';

// Only what these charts use, so the inlined bundle stays small.
Chart.register(LineController, LineElement, PointElement, LinearScale, BarController, BarElement, Legend, Tooltip);

type BarDataset = ChartDataset<'bar', XY[]>;

interface ChartSpec {
  title: string;
  description: string;
  /** Many series: room for the legend. */
  tall?: boolean;
  draw: (canvas: HTMLCanvasElement, palette: Palette) => { destroy(): void };
}

function series(timeline: readonly TimelinePoint[], pick: (point: TimelinePoint) => number | null): XY[] {
  return timeline.map((point) => ({ x: point.t, y: pick(point) }));
}

// A target as a dashed horizontal line spanning the run; one point per second so index tooltips line up.
function targetLine(target: TargetResult, timeline: readonly TimelinePoint[], colour: string): LineDataset {
  return line(`${TARGET_PREFIX}${targetLabel(target)}`, colour, series(timeline, () => target.threshold), { borderDash: [6, 4], borderWidth: 1.25 });
}

function timeAxis(timeline: readonly TimelinePoint[], palette: Palette, stacked = false) {
  return clockAxis(timeline[0]?.t ?? 0, timeline[timeline.length - 1]?.t ?? 0, palette, stacked);
}

function lineOptions(palette: Palette, format: (value: number) => string, scales: ChartOptions<'line'>['scales']): ChartOptions<'line'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: tooltipAndLegend(palette, format),
    scales,
  };
}

function lineChart(canvas: HTMLCanvasElement, datasets: LineDataset[], options: ChartOptions<'line'>, markers: readonly TimeMarker[] = []): Chart<'line', XY[]> {
  return new Chart<'line', XY[]>(canvas, { type: 'line', data: { datasets }, options, plugins: [timeMarkers<'line'>(markers)] });
}

function throughputChart(timeline: readonly TimelinePoint[], findings: readonly Finding[]): ChartSpec {
  return {
    title: 'Requests and failures per second',
    description: 'Requests per second and failed requests per second over time, with dashed lines where findings began.',
    draw: (canvas, palette) =>
      lineChart(
        canvas,
        [line('requests/s', palette.rps, series(timeline, (point) => point.rps)), line('failures/s', palette.failures, series(timeline, (point) => point.failuresPerSecond))],
        lineOptions(palette, formatRate, { x: timeAxis(timeline, palette), y: valueAxis(palette, 'per second') }),
        findingMarkers(findings, palette),
      ),
  };
}

function latencyChart(result: RunResult): ChartSpec {
  const timeline = result.timeline;
  const targets = result.targets.filter((target) => target.request === undefined && isLatencyMetric(target.metric));
  return {
    title: 'Response time percentiles',
    description: 'Median, 95th and 99th percentile response time each second, with the latency targets as dashed lines and where findings began.',
    draw: (canvas, palette) => {
      const targetLines = targets.map((target) => {
        const match = METRIC_SERIES[target.metric];
        return targetLine(target, timeline, match === undefined ? palette.target : palette[match]);
      });
      return lineChart(
        canvas,
        [
          line('p50', palette.p50, series(timeline, (point) => point.p50)),
          line('p95', palette.p95, series(timeline, (point) => point.p95)),
          line('p99', palette.p99, series(timeline, (point) => point.p99)),
          ...targetLines,
        ],
        lineOptions(palette, formatMs, { x: timeAxis(timeline, palette), y: valueAxis(palette, 'ms') }),
        findingMarkers(result.findings, palette),
      );
    },
  };
}

function usersChart(timeline: readonly TimelinePoint[]): ChartSpec {
  const anyDropped = timeline.some((point) => point.droppedIterations > 0);
  return {
    title: 'Active users',
    description: anyDropped ? 'Concurrent users over time, and iterations dropped each second (right axis).' : 'Concurrent users over time.',
    draw: (canvas, palette) => {
      const datasets = [line('users', palette.users, series(timeline, (point) => point.users), { stepped: true })];
      const scales: ChartOptions<'line'>['scales'] = { x: timeAxis(timeline, palette), y: valueAxis(palette, 'users') };
      if (anyDropped) {
        datasets.push(line('dropped iterations/s', palette.dropped, series(timeline, (point) => point.droppedIterations), { yAxisID: 'y2' }));
        scales.y2 = valueAxis(palette, 'dropped/s', { position: 'right', grid: { drawOnChartArea: false } });
      }
      return lineChart(canvas, datasets, lineOptions(palette, (value) => String(Math.round(value)), scales));
    },
  };
}

function statusChart(timeline: readonly TimelinePoint[]): ChartSpec {
  const codes = sortStatusCodes(timeline.flatMap((point) => Object.keys(point.statuses)));
  return {
    title: 'Responses by status code',
    description: 'Responses each second, stacked by status code; 429 and 5xx have their own colours, 0 is a network error.',
    draw: (canvas, palette) => {
      const colours = statusColours(codes, palette.dark);
      const datasets: BarDataset[] = codes.map((code) => {
        const colour = colours.get(code) ?? palette.target;
        return { label: statusName(code), data: series(timeline, (point) => point.statuses[code] ?? 0), backgroundColor: colour, borderColor: colour, borderWidth: 0 };
      });
      const options: ChartOptions<'bar'> = {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: tooltipAndLegend(palette, (value) => `${Math.round(value)}/s`),
        scales: { x: timeAxis(timeline, palette, true), y: valueAxis(palette, 'responses/s', { stacked: true }) },
      };
      return new Chart<'bar', XY[]>(canvas, { type: 'bar', data: { datasets }, options });
    },
  };
}

function perRequestChart(result: RunResult): ChartSpec | undefined {
  const timeline = result.timeline;
  const names = [...new Set(timeline.flatMap((point) => Object.keys(point.requests)))];
  if (names.length === 0) return undefined;
  const targets = result.targets.filter((target) => target.request !== undefined && target.metric === 'p95' && names.includes(target.request));
  return {
    title: 'p95 by request',
    tall: names.length + targets.length > 6,
    description: '95th percentile response time of each request name each second, with per-request p95 targets as dashed lines.',
    draw: (canvas, palette) => {
      const colourOf = (name: string) => palette.series[names.indexOf(name) % palette.series.length] ?? palette.target;
      return lineChart(
        canvas,
        [
          ...names.map((name) => line(name, colourOf(name), series(timeline, (point) => point.requests[name]?.p95 ?? null))),
          ...targets.map((target) => targetLine(target, timeline, colourOf(target.request ?? ''))),
        ],
        lineOptions(palette, formatMs, { x: timeAxis(timeline, palette), y: valueAxis(palette, 'ms') }),
      );
    },
  };
}

function monitorChart(chart: MonitorChart, timeline: readonly TimelinePoint[], findings: readonly Finding[]): ChartSpec {
  const capacities = chart.lines.filter((series) => series.capacity !== null).length;
  return {
    title: chart.title,
    description: chart.description,
    tall: chart.lines.length + capacities > 6,
    draw: (canvas, palette) => {
      const format = (value: number) => formatMonitorValue(chart.unit, value);
      const datasets = chart.lines.flatMap((series, index) => {
        const colour = palette.series[index % palette.series.length] ?? palette.target;
        const reading = line(series.label, colour, series.points);
        if (series.capacity === null) return [reading];
        return [reading, line(series.capacity.label, colour, series.capacity.points, { borderDash: [6, 4], borderWidth: 1.25 })];
      });
      const ticks = { color: palette.text, callback: (value: number | string) => format(Number(value)), ...(chart.tickStep === undefined ? {} : { stepSize: chart.tickStep }) };
      const y = valueAxis(palette, chart.axisTitle, { ticks });
      return lineChart(canvas, datasets, lineOptions(palette, format, { x: timeAxis(timeline, palette), y }), findingMarkers(findings, palette));
    },
  };
}

/** Canvases for the charts and a function that (re)draws them all with a palette. */
function chartGrid(specs: readonly ChartSpec[]): { element: HTMLElement; draw: (palette: Palette) => void } {
  const figures = specs.map((spec) => {
    const canvas = el('canvas', { attributes: { role: 'img', 'aria-label': spec.description } });
    return { spec, canvas, element: el('figure', {}, [el('figcaption', {}, [spec.title]), el('div', { className: spec.tall === true ? 'chart tall' : 'chart' }, [canvas])]) };
  });
  let charts: { destroy(): void }[] = [];
  const draw = (palette: Palette) => {
    for (const chart of charts) chart.destroy();
    charts = figures.map(({ spec, canvas }) => spec.draw(canvas, palette));
  };
  return { element: el('div', { className: 'charts' }, figures.map((figure) => figure.element)), draw };
}

/** Lays out the chart canvases and returns a function that (re)draws them with a palette. */
export function chartsSection(result: RunResult): { element: HTMLElement; draw: (palette: Palette) => void } {
  const timeline = result.timeline;
  const specs = [throughputChart(timeline, result.findings), latencyChart(result), usersChart(timeline), statusChart(timeline), perRequestChart(result)].filter(
    (spec): spec is ChartSpec => spec !== undefined,
  );
  return chartGrid(specs);
}

/** The server-side charts, one per unit; undefined when the run had no monitors or no timeline. */
export function monitorChartsSection(result: RunResult): { element: HTMLElement; draw: (palette: Palette) => void } | undefined {
  const charts = monitorCharts(result);
  if (charts.length === 0 || result.timeline.length === 0) return undefined;
  return chartGrid(charts.map((chart) => monitorChart(chart, result.timeline, result.findings)));
}
