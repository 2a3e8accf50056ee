// The "Server metrics" area of the results panel: a chart per unit of the run's monitored series (server-metrics.ts
// plans them), built when the first series of a unit appears and hidden entirely while there are none.

import type { MonitorUnit } from '../../src/core/results';
import { formatMonitorValue } from '../../src/core/report/format';
import { binaryTickStep } from '../../src/core/report/monitor-charts';
import type { ChartPoint } from '../../src/extension/results-panel/messages';
import { el } from '../report/dom';
import { LiveChart, type ChartContext, type LiveChartSpec } from './live-chart';
import { largestReading, monitorChartPlans, monitorChartSummary, monitorReading, type MonitorChartPlan } from './server-metrics';
import type { Theme } from './theme';

function lineColour(theme: Theme, colourIndex: number): string {
  const series = theme.palette.series;
  return series[colourIndex % series.length] ?? theme.palette.target;
}

function planOf(context: ChartContext, unit: MonitorUnit): MonitorChartPlan | undefined {
  return monitorChartPlans(context.monitors).find((plan) => plan.unit === unit);
}

// The spec reads its lines from the context each time, so a series that appears later joins its unit's chart.
function specFor(first: MonitorChartPlan): LiveChartSpec {
  const format = (value: number) => formatMonitorValue(first.unit, value);
  return {
    id: first.id,
    title: first.title,
    unit: first.axisTitle,
    format,
    tickFormat: format,
    // Round binary sizes (256 MiB, not 244.1 MiB) on a bytes axis, as the report draws it.
    ...(first.unit === 'bytes' ? { tickStep: (context: ChartContext) => binaryTickStep(largestReading(planOf(context, first.unit)?.lines ?? [], context.points)) } : {}),
    // Where a resource ran out is where the findings begin: the same moments as on the latency chart.
    findingMarkers: true,
    series: (context) =>
      (planOf(context, first.unit)?.lines ?? []).map((line) => ({
        key: `monitor:${line.key}`,
        label: line.label,
        colour: lineColour(context.theme, line.colourIndex),
        value: (point: ChartPoint) => monitorReading(point, line.key),
      })),
    references: (context) =>
      (planOf(context, first.unit)?.lines ?? []).flatMap((line) =>
        line.capacity === null ? [] : [{ label: line.capacityLabel, threshold: line.capacity, colour: lineColour(context.theme, line.colourIndex) }],
      ),
    summary: (context) => {
      const plan = planOf(context, first.unit);
      return plan === undefined ? 'No series.' : monitorChartSummary(plan, context.points[context.points.length - 1]);
    },
  };
}

export class ServerMetricsCharts {
  readonly element: HTMLElement;
  private readonly grid = el('div', { className: 'charts server-metrics-charts' });
  private readonly charts = new Map<MonitorUnit, LiveChart>();
  private units = '';

  constructor() {
    this.element = el('section', { className: 'server-metrics', attributes: { 'aria-labelledby': 'server-metrics-heading', 'data-chart-group': 'server-metrics' } }, [
      el('h3', { attributes: { id: 'server-metrics-heading' } }, ['Server metrics']),
      el('p', { className: 'muted server-metrics-note' }, ['Read from the monitors of the scenario once a second. A dashed line is a capacity: a series held at it has run out.']),
      this.grid,
    ]);
    this.element.hidden = true;
  }

  /** Draws every chart from the whole timeline, adding or removing charts when the units changed. */
  draw(context: ChartContext): void {
    this.layOut(context);
    for (const chart of this.charts.values()) chart.draw(context);
  }

  /** Adds the newest point to every chart. */
  append(context: ChartContext, point: ChartPoint): void {
    if (this.layOut(context)) {
      for (const chart of this.charts.values()) chart.draw(context);
      return;
    }
    for (const chart of this.charts.values()) chart.append(context, point);
  }

  /** Moves the finding markers to the findings of `context`. */
  mark(context: ChartContext): void {
    for (const chart of this.charts.values()) chart.mark(context);
  }

  destroy(): void {
    for (const chart of this.charts.values()) chart.destroy();
  }

  /** Builds a figure per unit of the series; true when the set of charts changed. */
  private layOut(context: ChartContext): boolean {
    const plans = monitorChartPlans(context.monitors);
    const units = plans.map((plan) => plan.unit).join(',');
    if (units === this.units) return false;
    this.units = units;
    this.destroy();
    this.charts.clear();
    const figures = plans.map((plan) => {
      // Focusable, so keyboard and screen-reader users reach each chart and hear its summary.
      const canvas = el('canvas', { attributes: { role: 'img', tabindex: '0', 'aria-label': plan.title } });
      this.charts.set(plan.unit, new LiveChart(specFor(plan), canvas));
      return el('figure', { className: 'chart-figure', attributes: { 'data-chart': plan.id } }, [el('figcaption', {}, [plan.title]), el('div', { className: 'chart' }, [canvas])]);
    });
    this.grid.replaceChildren(...figures);
    this.element.hidden = plans.length === 0;
    return true;
  }
}
