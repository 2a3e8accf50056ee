// Every detector over one run, in one place: the findings a report, the CLI and the panel show.

import { coordinatedOmissionFinding } from './coordinated-omission';
import { droppedIterationsFinding } from './dropped-iterations';
import { errorOnsetFindings } from './error-onset';
import { FINDING_KINDS, FINDING_SEVERITIES, type Finding } from './finding';
import { healthyFinding } from './healthy';
import { measuredExhaustionFinding } from './measured-exhaustion';
import { poolExhaustionFinding } from './pool-exhaustion';
import { viewOf, type FindingsInput } from './run-view';
import { fitSaturation, saturationFinding } from './saturation';
import { targetCrossedFindings } from './target-crossed';

export type { FindingsInput } from './run-view';

/** The findings of a run, most pressing first; none when too little was measured to say anything safely. */
export function findFindings(input: FindingsInput): Finding[] {
  if (input.timeline.length === 0 && input.errors.length === 0) return [];
  const view = viewOf(input);
  const fit = fitSaturation(view);
  const crossed = targetCrossedFindings(view);
  const found: Finding[] = [...crossed];
  if (fit !== undefined) found.push(saturationFinding(view, fit));
  const pool = measuredExhaustionFinding(view) ?? poolExhaustionFinding(view, fit?.capacity);
  if (pool !== undefined) found.push(pool);
  found.push(...errorOnsetFindings(view));
  const dropped = droppedIterationsFinding(view);
  if (dropped !== undefined) found.push(dropped);
  const firstCrossing = crossed.reduce<number | undefined>((first, finding) => (finding.atSeconds === null ? first : Math.min(first ?? Infinity, finding.atSeconds)), undefined);
  const omission = coordinatedOmissionFinding(view, {
    ...(fit !== undefined ? { capacity: fit.capacity, kneeIndex: fit.kneeIndex } : {}),
    ...(firstCrossing !== undefined ? { crossedAtSeconds: firstCrossing } : {}),
  });
  if (omission !== undefined) found.push(omission);
  const healthy = healthyFinding(view, found);
  if (healthy !== undefined) found.push(healthy);
  return sortFindings(found);
}

/**
 * Most severe first; then what server metrics measured (a named resource that ran out says more than the client's
 * view of it); then causes before the failures that likely follow from them; then by when they began (whole-run
 * findings last); then in the reports' order of kinds.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const when = (finding: Finding) => finding.atSeconds ?? Number.POSITIVE_INFINITY;
  const inferred = (finding: Finding) => (finding.evidence.serverMetrics === true ? 0 : 1);
  const consequence = (finding: Finding) => (finding.evidence.likelyCause === undefined ? 0 : 1);
  return [...findings].sort(
    (a, b) =>
      FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
      inferred(a) - inferred(b) ||
      consequence(a) - consequence(b) ||
      when(a) - when(b) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
}
