// Words and numbers for a compared figure, shared by the one-line summary and the Markdown table.

import { formatMs, formatPercent, formatRate } from '../report/format';
import type { FigureComparison, FigureName } from './comparison';

/** The figure as people name it: "p95", "error rate", "requests/s". */
export function figureLabel(figure: FigureName): string {
  switch (figure) {
    case 'p50':
    case 'p95':
    case 'p99':
      return figure;
    case 'errorRate':
      return 'error rate';
    case 'rps':
      return 'requests/s';
  }
}

/** True when a higher value is worse (latency, errors); requests/s are the other way round. */
export function higherIsWorse(figure: FigureName): boolean {
  return figure !== 'rps';
}

/** One value in the figure's unit: "292 ms", "1.2%", "230/s"; "n/a" when absent. */
export function formatFigureValue(figure: FigureName, value: number | null): string {
  if (figure === 'errorRate') return formatPercent(value);
  if (figure === 'rps') return formatRate(value);
  return formatMs(value);
}

/** "212 → 292 ms": both values, the unit said once when they share it. */
export function formatValuePair(figure: FigureName, a: number | null, b: number | null): string {
  const left = formatFigureValue(figure, a);
  const right = formatFigureValue(figure, b);
  for (const unit of [' ms', '/s']) {
    if (left.endsWith(unit) && right.endsWith(unit)) return `${left.slice(0, -unit.length)} → ${right}`;
  }
  return `${left} → ${right}`;
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

/** A relative change as "+38 %", "-4.2 %", "+0.31 %". */
export function formatRelativeChange(ratio: number): string {
  const percent = Math.abs(ratio * 100);
  const digits = percent >= 10 ? 0 : percent >= 1 ? 1 : 2;
  const text = percent.toFixed(digits).replace(/\.0+$/, '');
  return `${signed(text, ratio)} %`;
}

/** The change in the figure's own terms: "+38 %" for latency and requests/s, "+1.2 points" for an error rate. */
export function formatChange(comparison: Pick<FigureComparison, 'figure' | 'change' | 'relativeChange'>): string {
  const { figure, change, relativeChange } = comparison;
  if (change === null) return 'n/a';
  if (figure === 'errorRate') {
    const points = Math.abs(change * 100);
    const text = points >= 10 ? points.toFixed(1) : points >= 0.1 ? points.toFixed(2) : Number(points.toPrecision(2)).toString();
    return `${signed(text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), change)} ${points === 1 ? 'point' : 'points'}`;
  }
  if (relativeChange !== null) return formatRelativeChange(relativeChange);
  return signed(formatFigureValue(figure, Math.abs(change)), change);
}

/** "p95 of create deployment +38 % (212 → 292 ms)". */
export function describeChange(subject: string, comparison: FigureComparison): string {
  return `${figureLabel(comparison.figure)} of ${subject} ${formatChange(comparison)} (${formatValuePair(comparison.figure, comparison.a, comparison.b)})`;
}

/** "p = 0.041", "p < 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
