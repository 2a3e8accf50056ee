// Chart.js pieces shared by the report page and the live results panel: series styles, axes, tooltips, the
// colour and order of status codes, so both draw the same figures the same way.

import type { ChartDataset, ChartType, Plugin, ScaleOptions, TooltipItem } from 'chart.js';
import type { TargetMetric } from '../../src/core/scenario/model';
import type { Finding } from '../../src/core/results';
import { findingKindLabel } from '../../src/core/findings/finding-text';
import { formatClock } from '../../src/core/report/format';
import { statusClass, statusColour } from './palette';
import type { Palette } from './palette';

export type XY = { x: number; y: number | null };
export type LineDataset = ChartDataset<'line', XY[]>;

/** Legend labels of target lines start with this, so tooltips can leave them out. */
export const TARGET_PREFIX = 'target ';

/** The latency series a target metric is drawn in the colour of, when there is one. */
export const METRIC_SERIES: Partial<Record<TargetMetric, 'p50' | 'p95' | 'p99'>> = { median: 'p50', p95: 'p95', p99: 'p99' };

/** A thin line series without point markers. */
export function line(label: string, colour: string, data: XY[], extra: Partial<LineDataset> = {}): LineDataset {
  return { label, data, borderColor: colour, backgroundColor: colour, borderWidth: 1.5, pointRadius: 0, pointHitRadius: 6, tension: 0, ...extra };
}

/** The x axis: seconds since the start, labelled as a clock. */
export function timeAxis(min: number, max: number, palette: Palette, stacked = false): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    min,
    max,
    stacked,
    grid: { color: palette.grid },
    ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 12, callback: (value) => formatClock(Number(value)) },
    title: { display: true, text: 'time since start', color: palette.text },
  };
}

/** A y axis from zero with a unit title. */
export function valueAxis(palette: Palette, title: string, extra: ScaleOptions<'linear'> = {}): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    beginAtZero: true,
    grid: { color: palette.grid },
    ticks: { color: palette.text },
    title: { display: true, text: title, color: palette.text },
    ...extra,
  };
}

function isTargetItem(item: TooltipItem<'line' | 'bar'>): boolean {
  return (item.dataset.label ?? '').startsWith(TARGET_PREFIX);
}

/** Legend colours and tooltips that show the time as a clock and leave target lines out. */
export function tooltipAndLegend(palette: Palette, format: (value: number) => string) {
  return {
    legend: { labels: { color: palette.text, boxWidth: 12 } },
    tooltip: {
      filter: (item: TooltipItem<'line' | 'bar'>) => !isTargetItem(item) && item.parsed.y !== null,
      callbacks: {
        title: (items: TooltipItem<'line' | 'bar'>[]) => formatClock(items[0]?.parsed.x ?? 0),
        label: (item: TooltipItem<'line' | 'bar'>) => `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)}`,
      },
    },
  };
}

const CLASS_ORDER = ['1xx', '2xx', '3xx', '4xx', '429', '5xx', 'network'];

/** Status codes in reading order: successes first, then client errors, 429, server errors, network errors. */
export function sortStatusCodes(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort((a, b) => CLASS_ORDER.indexOf(statusClass(a)) - CLASS_ORDER.indexOf(statusClass(b)) || Number(a) - Number(b));
}

/** A colour per code (sorted as `sortStatusCodes`), shades apart within a class. */
export function statusColours(sortedCodes: readonly string[], dark: boolean): Map<string, string> {
  const shades = new Map<string, number>();
  const colours = new Map<string, string>();
  for (const code of sortedCodes) {
    const kind = statusClass(code);
    const shade = shades.get(kind) ?? 0;
    shades.set(kind, shade + 1);
    colours.set(code, statusColour(code, shade, dark));
  }
  return colours;
}

/** A moment to mark on the time axis: a finding's start, say. */
export interface TimeMarker {
  /** Seconds since the start. */
  x: number;
  label: string;
  colour: string;
}

const MARKER_ROWS = 4;

/** A Chart.js plugin that draws each marker as a dashed vertical line with its label at the top. */
export function timeMarkers<TType extends ChartType>(markers: readonly TimeMarker[]): Plugin<TType> {
  return {
    id: 'loadscopeTimeMarkers',
    afterDatasetsDraw(chart) {
      const axis = chart.scales.x;
      const area = chart.chartArea;
      if (axis === undefined || markers.length === 0) return;
      const context = chart.ctx;
      context.save();
      context.font = '11px system-ui, sans-serif';
      context.lineWidth = 1;
      // Each label goes in the first row where it does not overlap the one before it.
      const rowEnds: number[] = [];
      for (const marker of [...markers].sort((a, b) => a.x - b.x)) {
        const x = axis.getPixelForValue(marker.x);
        if (!(x >= area.left && x <= area.right)) continue;
        context.strokeStyle = marker.colour;
        context.fillStyle = marker.colour;
        context.setLineDash([3, 3]);
        context.beginPath();
        context.moveTo(x, area.top);
        context.lineTo(x, area.bottom);
        context.stroke();
        context.setLineDash([]);
        const width = context.measureText(marker.label).width;
        const left = Math.max(area.left, Math.min(x + 3, area.right - width));
        let row = rowEnds.findIndex((end) => left > end + 4);
        if (row < 0) row = rowEnds.length < MARKER_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
        rowEnds[row] = left + width;
        context.fillText(marker.label, left, area.top + 10 + row * 12);
      }
      context.restore();
    },
  };
}

const WHOLE_RUN_KINDS: ReadonlySet<Finding['kind']> = new Set(['healthy', 'coordinated-omission']);

/** Where findings began: one marker per finding kind and second, coloured by severity. Findings about the whole
 * run (healthy, coordinated omission) have no moment to mark. */
export function findingMarkers(findings: readonly Finding[], palette: Palette): TimeMarker[] {
  const seen = new Set<string>();
  const markers: TimeMarker[] = [];
  for (const finding of findings) {
    if (finding.atSeconds === null || WHOLE_RUN_KINDS.has(finding.kind)) continue;
    const key = `${finding.kind}@${finding.atSeconds}`;
    if (seen.has(key)) continue;
    seen.add(key);
    markers.push({ x: finding.atSeconds, label: findingKindLabel(finding.kind), colour: severityColour(finding.severity, palette) });
  }
  return markers;
}

function severityColour(severity: Finding['severity'], palette: Palette): string {
  switch (severity) {
    case 'critical':
      return palette.failures;
    case 'warning':
      return palette.p95;
    case 'info':
      return palette.target;
  }
}
