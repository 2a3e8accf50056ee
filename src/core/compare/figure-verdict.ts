// From a test's p-value and the size of the change to a verdict. A change counts only when it is beyond noise
// (the Holm-adjusted p-value under alpha) AND large enough to matter (the minimum change) AND the per-second
// figures moved the same way as the whole-run figure the table shows.

import type { ComparisonSettings, FigureComparison, FigureName } from './comparison';
import { formatChange, formatPValue, higherIsWorse } from './format-change';

/** A figure measured in both runs, before the verdict. */
export interface Measurement {
  figure: FigureName;
  a: number | null;
  b: number | null;
  test: FigureComparison['test'];
  pValue: number | null;
  /** Which way the test saw the change: +1 higher in B, -1 lower, 0 no shift. */
  testDirection: number;
  samples: { a: number; b: number };
  /** Why no test could be run (too few seconds, not measured); the figure is then not comparable. */
  notComparable?: string;
  /** Why the figure needs no test (no failure in either run): it is unchanged and not one of the figures tested. */
  untested?: string;
}

function isLatency(figure: FigureName): boolean {
  return figure === 'p50' || figure === 'p95' || figure === 'p99';
}

/** The smallest change that counts for this figure at run A's value. */
export function minimumChange(figure: FigureName, a: number, settings: ComparisonSettings): number {
  const relative = settings.minRelativeChange * Math.abs(a);
  if (isLatency(figure)) return Math.max(settings.minLatencyMs, relative);
  if (figure === 'rps') return Math.max(settings.minRps, relative);
  return Math.max(settings.minErrorRateChange, relative);
}

/** "5 % and 2 ms" and the like, for the reasons. */
export function minimumChangeWords(figure: FigureName, settings: ComparisonSettings): string {
  const percent = `${Number((settings.minRelativeChange * 100).toPrecision(3))} %`;
  if (isLatency(figure)) return `${percent} and ${settings.minLatencyMs} ms`;
  if (figure === 'rps') return `${percent} and ${settings.minRps}/s`;
  return `${percent} and ${Number((settings.minErrorRateChange * 100).toPrecision(3))} point`;
}

/** The verdict of one measured figure, given its p-value after the correction for many figures. */
export function judgeFigure(measurement: Measurement, adjustedPValue: number | null, settings: ComparisonSettings): FigureComparison {
  const { figure, a, b, test, pValue, samples } = measurement;
  const change = a !== null && b !== null ? b - a : null;
  const relativeChange = change !== null && a !== null && a !== 0 ? change / a : null;
  const base = { figure, a, b, change, relativeChange, test, pValue, adjustedPValue, samples };
  if (measurement.notComparable !== undefined || a === null || b === null || change === null) {
    return { ...base, verdict: 'not-comparable', reason: measurement.notComparable ?? 'not measured in both runs' };
  }
  if (measurement.untested !== undefined) return { ...base, verdict: 'unchanged', reason: measurement.untested };
  if (Math.abs(change) < minimumChange(figure, a, settings)) {
    return { ...base, verdict: 'unchanged', reason: `below the minimum change that counts (${minimumChangeWords(figure, settings)})` };
  }
  const p = adjustedPValue ?? 1;
  if (p >= settings.alpha) return { ...base, verdict: 'unchanged', reason: `within noise (${formatPValue(p)})` };
  if (Math.sign(change) !== measurement.testDirection) {
    return { ...base, verdict: 'unchanged', reason: 'the per-second figures moved the other way than the whole-run figure' };
  }
  const worse = higherIsWorse(figure) ? change > 0 : change < 0;
  return { ...base, verdict: worse ? 'worse' : 'better', reason: `${formatChange({ figure, change, relativeChange })}, ${formatPValue(p)}` };
}
