// Target expressions: an operator and a value whose unit fits the metric.
// `< 200ms` and `<= 1s` for response times, `< 0.1%` / `> 99.9%` for error and success rates, `>= 50/s` for throughput.
import { durationInWords } from './duration';
import type { Comparison } from './model';
import { excerpt, parseProblem, parsedValue, type Parsed } from './value-problem';

/** What a metric measures decides the units its targets accept. */
export type MetricKind = 'latency' | 'percent' | 'throughput';

export interface TargetExpression {
  comparison: Comparison;
  /** Milliseconds (latency), a ratio 0..1 (percent) or requests per second (throughput). */
  value: number;
}

const OPERATOR = '(?:<=|>=|<|>)';
const NUMBER = '\\d+(?:\\.\\d+)?';
/** A whole target expression per metric kind, for the JSON Schema. */
export const TARGET_PATTERNS: Readonly<Record<MetricKind, string>> = {
  latency: `^\\s*${OPERATOR}\\s*${NUMBER}\\s*(?:ms|s)\\s*$`,
  percent: `^\\s*${OPERATOR}\\s*${NUMBER}\\s*%\\s*$`,
  throughput: `^\\s*${OPERATOR}\\s*${NUMBER}\\s*/\\s*(?:s|m|h)\\s*$`,
};

const UNITS_HINT: Readonly<Record<MetricKind, string>> = {
  latency: 'a response time in ms or s, e.g. < 500ms',
  percent: 'a percentage, e.g. < 0.1%',
  throughput: 'requests per second, e.g. >= 50/s',
};
const DEFAULT_UNIT: Readonly<Record<MetricKind, string>> = { latency: 'ms', percent: '%', throughput: '/s' };
const SHAPE = /^(<=|>=|==|=|!=|=<|=>|<|>)?\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(.*)$/;
const REVERSED: Readonly<Record<string, Comparison>> = { '=<': '<=', '=>': '>=' };

function isComparison(text: string | undefined): text is Comparison {
  return text === '<' || text === '<=' || text === '>' || text === '>=';
}

/** The operator most targets of this metric use, for fixes that add a missing one. */
export function usualComparison(metric: string, kind: MetricKind): Comparison {
  if (kind === 'throughput') return '>=';
  return metric === 'success' ? '>' : '<';
}

/** Reads a target expression for a metric of the given kind; `metric` only shapes the messages. */
export function parseTargetExpression(text: string, metric: string, kind: MetricKind): Parsed<TargetExpression> {
  const trimmed = text.trim();
  const shape = SHAPE.exec(trimmed);
  if (!shape) {
    return parseProblem('bad-target', `'${excerpt(trimmed)}' is not a target: write an operator and ${UNITS_HINT[kind]}.`);
  }
  const [, operator, amountText = '', unitText = ''] = shape;
  const unit = unitText.replace(/\s+/g, '');
  const written = `${amountText}${unit === '' ? DEFAULT_UNIT[kind] : unit}`;
  if (operator === undefined) {
    const replacement = `${usualComparison(metric, kind)} ${written}`;
    return parseProblem('bad-target', `'${excerpt(trimmed)}' has no comparison: write <, <=, > or >= before the value, e.g. ${replacement}.`, {
      title: `Change to ${replacement}`,
      replacement,
    });
  }
  const comparison = REVERSED[operator] ?? operator;
  if (!isComparison(comparison)) {
    return parseProblem('bad-target', `'${operator}' is not allowed in a target: use <, <=, > or >= (an exact value never passes reliably).`);
  }
  if (comparison !== operator) {
    const replacement = `${comparison} ${written}`;
    return parseProblem('bad-target', `Write '${comparison}' rather than '${operator}'.`, { title: `Change to ${replacement}`, replacement });
  }
  const amount = Number(amountText);
  if (amount < 0) return parseProblem('bad-target', `A target value cannot be negative.`);
  if (unit === '') {
    const replacement = `${comparison} ${written}`;
    return parseProblem('target-unit', `'${excerpt(trimmed)}' has no unit: ${metric} takes ${UNITS_HINT[kind]}.`, {
      title: `Add a unit: ${replacement}`,
      replacement,
    });
  }
  const value = valueInMetricUnit(kind, amount, unit);
  if (value === undefined) {
    return parseProblem('target-unit', `'${unit}' does not fit ${metric}: it takes ${UNITS_HINT[kind]}.`);
  }
  if (kind === 'percent' && amount > 100) return parseProblem('bad-target', `A percentage cannot be more than 100%.`);
  return parsedValue({ comparison, value });
}

function valueInMetricUnit(kind: MetricKind, amount: number, unit: string): number | undefined {
  const value = rawValueInMetricUnit(kind, amount, unit);
  // 99.9 / 100 is 0.9990000000000001 in floating point; reports print these numbers.
  return value === undefined ? undefined : Number(value.toPrecision(12));
}

function rawValueInMetricUnit(kind: MetricKind, amount: number, unit: string): number | undefined {
  switch (kind) {
    case 'latency':
      return unit === 'ms' ? amount : unit === 's' ? amount * 1000 : undefined;
    case 'percent':
      return unit === '%' ? amount / 100 : undefined;
    case 'throughput':
      return unit === '/s' ? amount : unit === '/m' ? amount / 60 : unit === '/h' ? amount / 3600 : undefined;
  }
}

const LEVEL_WORDS: Readonly<Record<Comparison, string>> = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least' };
const QUANTITY_WORDS: Readonly<Record<Comparison, string>> = { '<': 'fewer than', '<=': 'at most', '>': 'more than', '>=': 'at least' };

const LATENCY_SUBJECT: Readonly<Record<string, string>> = {
  avg: 'the average response time',
  min: 'the fastest response',
  max: 'the slowest response',
};

/** The meaning of a target in plain words: p99 `< 500ms` → "99% of responses faster than 500 ms". */
export function describeTarget(metric: string, kind: MetricKind, target: TargetExpression): string {
  const { comparison, value } = target;
  switch (kind) {
    case 'latency': {
      const amount = value < 1000 ? `${round(value)} ms` : durationInWords(value / 1000);
      const share = metric === 'median' ? 'half of the responses' : /^p(\d+(?:\.\d+)?)$/.exec(metric)?.[1];
      if (share !== undefined && (comparison === '<' || comparison === '<=')) {
        const who = metric === 'median' ? share : `${share}% of responses`;
        return comparison === '<' ? `${who} faster than ${amount}` : `${who} take at most ${amount}`;
      }
      const subject = LATENCY_SUBJECT[metric] ?? (metric === 'median' ? 'the median response time' : `the ${metric.slice(1)}th percentile response time`);
      return `${subject} ${LEVEL_WORDS[comparison]} ${amount}`;
    }
    case 'percent': {
      const verb = metric === 'success' ? 'succeed' : 'fail';
      return `${QUANTITY_WORDS[comparison]} ${round(value * 100)}% of requests ${verb}`;
    }
    case 'throughput': {
      return `${QUANTITY_WORDS[comparison]} ${round(value)} requests per second`;
    }
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
