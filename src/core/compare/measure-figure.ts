// Runs the noise test that fits each figure: Yuen's trimmed-means test on the per-second series for latency and
// throughput, two proportions on the request counts for the error rate.

import { RELATIVE_ACCURACY } from '../metrics/histogram';
import type { ComparisonSettings, FigureName } from './comparison';
import type { Measurement } from './figure-verdict';
import { trimmedMeansTest } from './statistics/trimmed-means';
import { smallestAttainablePValue, twoProportionTest } from './statistics/two-proportions';
import type { SubjectFigures } from './subject-figures';

function side(label: 'A' | 'B'): string {
  return `run ${label}`;
}

function untestableErrorRate(failures: number): string {
  if (failures === 0) return 'no failure in either run';
  return `too few failures to judge (${failures} in both runs together)`;
}

/** The test result of one figure of one subject, or why it cannot be judged. */
export function measureFigure(figure: FigureName, a: SubjectFigures | undefined, b: SubjectFigures | undefined, settings: ComparisonSettings): Measurement {
  const valueA = a?.values[figure] ?? null;
  const valueB = b?.values[figure] ?? null;
  const none = { figure, a: valueA, b: valueB, test: 'none' as const, pValue: null, testDirection: 0 };
  if (a === undefined || b === undefined) {
    return { ...none, samples: { a: 0, b: 0 }, notComparable: a === undefined ? 'only in run B' : 'only in run A' };
  }
  if (valueA === null || valueB === null) {
    return { ...none, samples: { a: 0, b: 0 }, notComparable: `not measured in ${valueA === null ? side('A') : side('B')}` };
  }
  if (figure === 'errorRate') {
    const countsA = { requests: a.requests, failures: a.failures };
    const countsB = { requests: b.requests, failures: b.failures };
    const samples = { a: a.requests, b: b.requests };
    if (smallestAttainablePValue(countsA, countsB) >= settings.alpha) return { ...none, samples, untested: untestableErrorRate(a.failures + b.failures) };
    const test = twoProportionTest(countsA, countsB, a.seconds, b.seconds);
    return { ...none, test: 'two-proportions', pValue: test.pValue, testDirection: Math.sign(valueB - valueA), samples };
  }
  const seriesA = a.series[figure];
  const seriesB = b.series[figure];
  const samples = { a: seriesA.length, b: seriesB.length };
  const shortest = Math.min(seriesA.length, seriesB.length);
  if (shortest < settings.minSeconds) {
    const which = seriesA.length <= seriesB.length ? side('A') : side('B');
    return { ...none, samples, notComparable: `too few seconds to judge: ${shortest} in ${which} (at least ${settings.minSeconds} needed)` };
  }
  // Per-second percentiles come from histograms kept to a relative accuracy; request counts are exact.
  const test = trimmedMeansTest(seriesA, seriesB, figure === 'rps' ? 0 : RELATIVE_ACCURACY);
  return { ...none, test: 'trimmed-means', pValue: test.pValue, testDirection: Math.sign(test.difference), samples };
}
