// Saturation: throughput that stops growing while the load keeps growing. The climb (the run up to its top load)
// is fitted with the simplest model of a system with a capacity: throughput = min(k x load, C). A split of the
// climb's points by load gives a rising part (throughput in proportion to load) and a plateau (throughput flat at
// C, the median of its seconds); the split with the smallest absolute error wins. It is only a finding when the
// plateau is long (5 s and more), the load grew by 40 % or more past the knee, throughput answered that growth with
// less than 0.3 of its proportional share, and it was already near C while the load grew (a collapse at a held
// load is not a plateau). A server far from its limit grows in proportion (about 1) and a
// held load never grows, so neither can look saturated.

import { formatCount, formatMs } from '../report/format';
import type { Finding } from './finding';
import { elasticity, logSlope, median, present, rounded, variance, type Slope } from './numbers';
import { clock, climbIndices, describeLoad, describeThroughput, momentAt, type RunView } from './run-view';

const MIN_CLIMB_SECONDS = 8;
const MIN_PLATEAU_SECONDS = 5;
/** A rising part needs a few seconds to tell its slope from noise. */
const MIN_RISING_SECONDS = 3;
const MIN_LOAD_GROWTH_PAST_KNEE = 1.25;
/** Growth across the plateau's own seconds needed to read how throughput answered it. */
const MIN_LOAD_GROWTH_ON_PLATEAU = 1.15;
const MAX_PLATEAU_ELASTICITY = 0.3;
/** Growth faster than this across the plateau is not ruled out by noise: not a plateau. */
const MAX_PLAUSIBLE_SLOPE = 0.7;
/** Seconds at the held top load needed to compare it with the rising part. */
const MIN_TOP_SECONDS = 3;
const MIN_RISING_ELASTICITY = 0.5;
/** Throughput while the load grew across the plateau must be within this factor of the capacity. */
const LEVEL_BAND = 0.6;
/** Below this the run barely did any work: the error findings say why. */
const MIN_CAPACITY_PER_SECOND = 1;

interface ClimbPoint {
  index: number;
  load: number;
  throughput: number;
}

/**
 * How well the climb locates the knee: `measured` when throughput rose in proportion at a steady latency before
 * it; `by` when it rose but latency was already climbing (the system was queueing, so the knee is at or below);
 * `below` when throughput was level from the lowest load measured.
 */
export type KneePrecision = 'measured' | 'by' | 'below';

/** Where throughput levelled off, when it did. */
export interface SaturationFit {
  /** Successful responses per second on the plateau (median of its seconds). */
  capacity: number;
  /** The load at which throughput levelled (see `knee` for how sure that is). */
  kneeLoad: number;
  knee: KneePrecision;
  /** Timeline index of the first second at or past the knee. */
  kneeIndex: number;
  /** Timeline indices of the rising part and of the plateau, in time order. */
  rising: number[];
  plateau: number[];
  /** Throughput growth against load growth across the plateau (0 flat, 1 proportional). */
  elasticity: number;
}

/** Latency in the rising part may vary this much and still count as "no queueing yet". */
const STEADY_LATENCY_SPREAD = 2;

/** Fits the climb; undefined when throughput kept up with the load or there is too little climb to tell. */
export function fitSaturation(view: RunView): SaturationFit | undefined {
  const climb: ClimbPoint[] = climbIndices(view).map((index) => ({ index, load: view.loadDuring[index] ?? 0, throughput: view.goodput[index] ?? 0 }));
  if (climb.length < MIN_CLIMB_SECONDS) return undefined;
  const byLoad = [...climb].sort((a, b) => a.load - b.load || a.index - b.index);

  let best: { split: number; cost: number; perLoad: number | undefined; capacity: number } | undefined;
  for (let split = 0; split <= byLoad.length - MIN_PLATEAU_SECONDS; split += 1) {
    if (split > 0 && split < MIN_RISING_SECONDS) continue;
    // Seconds at the same load belong on the same side.
    if (split > 0 && byLoad[split - 1]?.load === byLoad[split]?.load) continue;
    const rising = byLoad.slice(0, split);
    const plateau = byLoad.slice(split);
    if (rising.length > 0 && !((elasticity(rising, 1.2) ?? 0) >= MIN_RISING_ELASTICITY)) continue;
    const perLoad = rising.length > 0 ? median(rising.map((point) => point.throughput / point.load)) : undefined;
    const capacity = median(plateau.map((point) => point.throughput));
    const cost =
      rising.reduce((sum, point) => sum + Math.abs(point.throughput - (perLoad ?? 0) * point.load), 0) +
      plateau.reduce((sum, point) => sum + Math.abs(point.throughput - capacity), 0);
    if (best === undefined || cost < best.cost) best = { split, cost, perLoad, capacity };
  }
  if (best === undefined || !(best.capacity >= MIN_CAPACITY_PER_SECOND)) return undefined;

  const plateau = byLoad.slice(best.split);
  const plateauLow = plateau[0]?.load ?? 0;
  const plateauHigh = plateau[plateau.length - 1]?.load ?? 0;
  const rising = byLoad.slice(0, best.split);
  const perLoad = rising.length > 0 && best.perLoad !== undefined && best.perLoad > 0 ? best.perLoad : undefined;
  const lowest = byLoad[0]?.load ?? plateauLow;
  // The knee (C / k) is where the load starts to be "too much": it must have grown well past it.
  const estimatedKnee = perLoad === undefined ? plateauLow : Math.min(plateauHigh, Math.max(lowest, best.capacity / perLoad));
  if (!(plateauLow > 0) || plateauHigh / estimatedKnee < MIN_LOAD_GROWTH_PAST_KNEE) return undefined;
  const across = logSlope(plateau, MIN_LOAD_GROWTH_ON_PLATEAU);
  if (across === undefined) return undefined;
  const flatByItself = across.slope < MAX_PLATEAU_ELASTICITY && rulesOutProportional(across, plateau.length);
  const flatAtTop = perLoad !== undefined && !rulesOutFlat(across, plateau.length) && fallsShortAtTop(rising, plateau, perLoad);
  if (!flatByItself && !flatAtTop) return undefined;
  const flatness = across.slope;
  // Level while the load was still growing, not a collapse later at a held load: that is pool exhaustion's story.
  const whileGrowing = median(plateau.filter((point) => point.load < plateauHigh * 0.98).map((point) => point.throughput));
  if (!(whileGrowing >= best.capacity * LEVEL_BAND && whileGrowing <= best.capacity / LEVEL_BAND)) return undefined;

  const inTime = (points: readonly ClimbPoint[]) => points.map((point) => point.index).sort((a, b) => a - b);
  if (perLoad === undefined) {
    // Level from the lowest load measured: the knee is somewhere below it, so name that second's own load.
    const kneeIndex = climb.find((point) => point.load >= plateauLow)?.index ?? 0;
    return { capacity: best.capacity, kneeLoad: view.load[kneeIndex] ?? plateauLow, knee: 'below', kneeIndex, rising: [], plateau: inTime(plateau), elasticity: flatness };
  }
  const kneeLoad = estimatedKnee;
  const kneeIndex = climb.find((point) => point.load >= kneeLoad * 0.999)?.index ?? plateau[0]?.index ?? 0;
  const latencies = present(rising.map((point) => view.timeline[point.index]?.avg));
  const steady = latencies.length > 0 && Math.max(...latencies) <= STEADY_LATENCY_SPREAD * Math.min(...latencies);
  const fit: SaturationFit = { capacity: best.capacity, kneeLoad, knee: steady ? 'measured' : 'by', kneeIndex, rising: inTime(rising), plateau: inTime(plateau), elasticity: flatness };
  return queueingShows(view, fit) ? fit : undefined;
}

/** Measured latency must show at least this share of the waiting Little's law puts on the users past the knee. */
const MIN_QUEUEING_SHOWN = 0.25;

// In a closed model Little's law is exact: users = throughput x (latency + time between requests). When the users
// past the knee add no successful throughput, they either wait at the server (latency grows by the queueing the
// law implies) or spend the time elsewhere: thinking, or on requests that fail fast (a login throttle answering
// 429). Only the first is a system at its capacity; the second is what the error findings explain.
function queueingShows(view: RunView, fit: SaturationFit): boolean {
  const queue = queueAtTop(view, fit);
  if (!Number.isFinite(queue.impliedMs) || !Number.isFinite(queue.measuredMs) || !(queue.queueingMs > 0)) return true;
  return queue.measuredMs >= MIN_QUEUEING_SHOWN * queue.queueingMs;
}

interface QueueAtTop {
  /** The highest load of the plateau. */
  topLoad: number;
  users: number;
  responses: number;
  /** Average response time measured at the top load. */
  measuredMs: number;
  /** Users divided by responses per second: latency plus the time between a user's requests. NaN in open models. */
  impliedMs: number;
  kneeUsers: number;
  beyond: number;
  /** The waiting the users past the knee add to each request, by Little's law. NaN in open models. */
  queueingMs: number;
}

/** The figures at the top load of the plateau that Little's law reads. */
function queueAtTop(view: RunView, fit: SaturationFit): QueueAtTop {
  const points = fit.plateau.map((index) => ({ index, load: view.load[index] ?? 0 }));
  const topLoad = Math.max(...points.map((point) => point.load));
  const top = points.filter((point) => point.load >= topLoad * 0.9).map((point) => point.index);
  const at = (pick: (index: number) => number | null | undefined) => median(present(top.map(pick)));
  const users = at((index) => view.timeline[index]?.users);
  const responses = at((index) => view.timeline[index]?.rps);
  const measuredMs = at((index) => view.timeline[index]?.avg);
  const closed = view.loadUnit === 'users' && responses > 0;
  const kneeUsers = closed ? fit.kneeLoad : Number.NaN;
  const beyond = Math.max(0, users - kneeUsers);
  return {
    topLoad,
    users,
    responses,
    measuredMs,
    impliedMs: closed ? (1000 * users) / responses : Number.NaN,
    kneeUsers,
    beyond,
    queueingMs: closed ? (1000 * beyond) / responses : Number.NaN,
  };
}

// Noise makes a few seconds at the top of a ramp look flat now and then; a plateau counts only when the evidence
// holds beyond it. Either its own seconds rule out proportional growth (the slope's upper bound at about 95 %)…
function rulesOutProportional(across: Slope, seconds: number): boolean {
  return across.slope + studentT975(seconds - 2) * across.standardError < MAX_PLAUSIBLE_SLOPE;
}

// A plateau whose seconds show growth beyond noise is no plateau, whatever the rising part predicts.
function rulesOutFlat(across: Slope, seconds: number): boolean {
  return across.slope - studentT975(seconds - 2) * across.standardError >= MAX_PLATEAU_ELASTICITY;
}

// Student's t at 97.5 % by degrees of freedom: with five seconds, two standard errors would be far too bold.
const T975 = [Number.POSITIVE_INFINITY, 12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23];

function studentT975(degrees: number): number {
  if (degrees < 1) return Number.POSITIVE_INFINITY;
  return T975[degrees] ?? (degrees < 20 ? 2.15 : degrees < 60 ? 2.05 : 1.98);
}

// …or, when the plateau is mostly a held top load (its own slope then rests on a few seconds), the throughput held
// there falls well short of what the rising part predicts for that load, by more than three standard errors.
function fallsShortAtTop(rising: readonly ClimbPoint[], plateau: readonly ClimbPoint[], perLoad: number): boolean {
  const topLoad = plateau[plateau.length - 1]?.load ?? 0;
  const top = plateau.filter((point) => point.load >= topLoad * 0.98 && point.throughput > 0);
  const ratios = rising.filter((point) => point.throughput > 0).map((point) => Math.log(point.throughput / point.load));
  if (top.length < MIN_TOP_SECONDS || ratios.length < MIN_RISING_SECONDS) return false;
  const levels = top.map((point) => Math.log(point.throughput));
  const shortfall = Math.log(perLoad * median(top.map((point) => point.load))) - median(levels);
  const error = Math.sqrt(variance(ratios) / ratios.length + variance(levels) / levels.length);
  return shortfall >= Math.log(MIN_LOAD_GROWTH_PAST_KNEE) && shortfall >= 3 * error;
}

/** The saturation finding of a fit, with the queueing it implies by Little's law. */
export function saturationFinding(view: RunView, fit: SaturationFit): Finding {
  const { topLoad, users, responses, measuredMs, impliedMs, kneeUsers, beyond, queueingMs: littleMs } = queueAtTop(view, fit);
  // Only a rising part at a steady latency shows what a request costs without queueing.
  const baselineMs = fit.knee === 'measured' ? median(present(fit.rising.map((index) => view.timeline[index]?.avg))) : Number.NaN;
  // Little's law on the users past the knee: they add no throughput, so all they add is waiting.
  const queueingMs = Number.isFinite(littleMs) ? littleMs : Number.isFinite(baselineMs) && Number.isFinite(measuredMs) ? Math.max(0, measuredMs - baselineMs) : Number.NaN;

  const capacity = describeThroughput(fit.capacity);
  const kneeAt = clock(view.timeline[fit.kneeIndex]?.t ?? 0);
  const kneeLoad = describeLoad(view.loadUnit, fit.kneeLoad);
  const knee =
    fit.knee === 'measured'
      ? `from ${kneeAt}, at ${kneeLoad},`
      : fit.knee === 'by'
        ? `by ${kneeAt} (${kneeLoad}; latency was already rising before)`
        : `already at the lowest load measured (${kneeLoad}, ${kneeAt})`;
  const growth = `while the load grew to ${describeLoad(view.loadUnit, topLoad)}`;
  const measured = [Number.isFinite(measuredMs) ? `measured average ${formatMs(measuredMs)}` : '', Number.isFinite(baselineMs) ? `against ${formatMs(baselineMs)} before the knee` : '']
    .filter((part) => part !== '')
    .join(', ');
  let queueing: string;
  if (Number.isFinite(impliedMs)) {
    const atLeast = fit.knee === 'measured' ? '' : 'at least ';
    queueing =
      `by Little's law the ${formatCount(Math.round(beyond))} users past ${formatCount(Math.round(kneeUsers))}, at ${describeThroughput(responses).replace('requests/s', 'responses/s')}, ` +
      `add ${atLeast}${formatMs(queueingMs)} of waiting to each request${measured === '' ? '' : ` (${measured})`}`;
  } else {
    queueing = `the extra load only queues${measured === '' ? '' : ` (${measured})`}`;
  }
  const message = `Throughput levelled at about ${capacity} ${knee} ${growth}: ${queueing}.`;
  const keepBelow = fit.knee === 'below' ? '' : ` and keep the load under about ${kneeLoad} until then`;
  const suggestion =
    `That is the capacity of this path as tested: find what caps it at about ${capacity} (a connection or worker pool, a lock, ` +
    `a CPU, or the load generator itself if its machine was busy), raise that limit or make each request cheaper${keepBelow}.`;
  const firstPlateau = fit.plateau[0] ?? fit.kneeIndex;
  const lastPlateau = fit.plateau[fit.plateau.length - 1] ?? fit.kneeIndex;
  return {
    kind: 'saturation',
    severity: view.input.verdict === 'fail' ? 'critical' : 'warning',
    message,
    ...momentAt(view, fit.kneeIndex),
    evidence: {
      fromSeconds: view.timeline[Math.min(firstPlateau, fit.kneeIndex)]?.t ?? 0,
      toSeconds: view.timeline[lastPlateau]?.t ?? 0,
      capacityPerSecond: rounded(fit.capacity),
      kneeLoad: rounded(fit.kneeLoad),
      knee: fit.knee,
      topLoad: rounded(topLoad),
      loadUnit: view.loadUnit,
      plateauSeconds: fit.plateau.length,
      plateauElasticity: rounded(fit.elasticity),
      usersAtTop: Number.isFinite(users) ? rounded(users) : null,
      responsesPerSecondAtTop: Number.isFinite(responses) ? rounded(responses) : null,
      littleLawMsPerRequest: Number.isFinite(impliedMs) ? rounded(impliedMs) : null,
      measuredAverageMs: Number.isFinite(measuredMs) ? rounded(measuredMs) : null,
      averageBeforeKneeMs: Number.isFinite(baselineMs) ? rounded(baselineMs) : null,
      queueingMs: Number.isFinite(queueingMs) ? rounded(queueingMs) : null,
    },
    suggestion,
  };
}
