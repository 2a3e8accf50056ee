// The one line a pull request, a CI log or the run output shows: what got worse, by how much, from what to what.

import type { ComparisonSummary } from '../results';
import type { FigureComparison, RequestComparison } from './comparison';
import { describeChange } from './format-change';

/** How the comparison names all requests together. */
export const ALL_REQUESTS = 'all requests';

const LISTED_CHANGES = 3;

interface NamedFigure {
  subject: string;
  figure: FigureComparison;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Largest changes first; a change from zero (an error rate that appeared) has no ratio and leads.
function bySize(x: NamedFigure, y: NamedFigure): number {
  const size = (f: FigureComparison) => (f.relativeChange === null ? Infinity : Math.abs(f.relativeChange));
  return size(y.figure) - size(x.figure);
}

function listChanges(figures: NamedFigure[]): string {
  const sorted = [...figures].sort(bySize);
  const listed = sorted.slice(0, LISTED_CHANGES).map((f) => describeChange(f.subject, f.figure));
  const rest = sorted.length - listed.length;
  return listed.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

/** Counts and headline of a comparison. `reason` is set when the runs could not be compared at all. */
export function summarizeComparison(overall: readonly FigureComparison[], requests: readonly RequestComparison[], warnings: readonly string[], reason?: string): ComparisonSummary {
  const named: NamedFigure[] = [
    ...overall.map((figure) => ({ subject: ALL_REQUESTS, figure })),
    ...requests.flatMap((request) => request.figures.map((figure) => ({ subject: request.name, figure }))),
  ];
  const having = (verdict: FigureComparison['verdict']) => named.filter((f) => f.figure.verdict === verdict);
  const worse = having('worse');
  const better = having('better');
  const unchanged = having('unchanged');
  const notComparable = having('not-comparable');
  const counts = { worse: worse.length, better: better.length, unchanged: unchanged.length, notComparable: notComparable.length };
  if (reason !== undefined) return { comparable: false, ...counts, headline: `Not comparable: ${reason}`, warnings: [...warnings] };
  let headline: string;
  if (worse.length > 0) {
    headline = `${plural(worse.length, 'figure')} worse: ${listChanges(worse)}`;
  } else if (better.length > 0) {
    headline = `Nothing worse; ${plural(better.length, 'figure')} better: ${listChanges(better)}`;
  } else if (unchanged.length > 0) {
    headline = `Nothing worse: ${plural(unchanged.length, 'figure')} unchanged within noise`;
  } else {
    headline = 'Nothing to judge: no figure had enough samples in both runs';
  }
  if (notComparable.length > 0 && (worse.length > 0 || better.length > 0 || unchanged.length > 0)) headline += `; ${notComparable.length} not comparable`;
  return { comparable: true, ...counts, headline, warnings: [...warnings] };
}
