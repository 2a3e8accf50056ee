// The onset of errors, by kind: rate limiting (429), server errors (5xx), other failing statuses, timeouts,
// refused or reset connections and other network errors. Which requests and how many come from the error list
// (every failure, with its request and when it was first seen); when they began and at what load come from the
// per-second status and network-error counts, read through a window so a lone error is not called an onset.

import { formatCount, formatPercent } from '../report/format';
import type { ErrorStat, TimelinePoint } from '../results';
import type { Finding, FindingKind, FindingSeverity } from './finding';
import { ratio, rounded } from './numbers';
import { clock, describeLoad, momentAt, type RunView } from './run-view';
import { ERROR_RULE, sustainedOnset } from './sustained';

type FamilyName = 'rate-limited' | 'server' | 'status' | 'timeout' | 'refused' | 'reset' | 'network';

interface Family {
  name: FamilyName;
  kind: FindingKind;
  /** What happened, as the sentence's subject; `codes` are the failing statuses seen. */
  subject(codes: readonly string[]): string;
  /** What one occurrence is called (the plural adds an s). */
  noun: string;
  suggestion(requests: string): string;
  /** Occurrences in one second of the timeline. */
  perSecond(point: TimelinePoint, codes: readonly string[]): number;
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const statusCount = (point: TimelinePoint, codes: readonly string[]) => sum(codes.map((code) => point.statuses[code] ?? 0));
const listed = (codes: readonly string[]) => `HTTP ${joinWords(codes)}`;

const FAMILIES: readonly Family[] = [
  {
    name: 'rate-limited',
    kind: 'rate-limited',
    subject: () => 'HTTP 429 (rate limited)',
    noun: 'response',
    suggestion: (requests) =>
      `The target throttles ${requests}: if its limit is per account, give each user its own account (a data file) or log in once per user (onStart); ` +
      'if it is the real limit, keep the rate under it, or accept 429 in expect where the client is meant to back off.',
    perSecond: (point) => point.statuses['429'] ?? 0,
  },
  {
    name: 'server',
    kind: 'errors',
    subject: listed,
    noun: 'response',
    suggestion: (requests) =>
      `The server failed ${requests} under load: read its logs from that moment for the cause (a pool or queue timing out, an exception); ` +
      'the saturation and pool-exhaustion findings say whether the load brought it on.',
    perSecond: (point) => sum(Object.entries(point.statuses).map(([code, count]) => (Number(code) >= 500 && Number(code) < 600 ? count : 0))),
  },
  {
    name: 'status',
    kind: 'errors',
    subject: listed,
    noun: 'response',
    suggestion: (requests) =>
      `The server refused ${requests} as sent: often data that ran out or a capture that failed earlier in the flow (a missing token or id); read the first failing responses.`,
    perSecond: statusCount,
  },
  {
    name: 'timeout',
    kind: 'timeouts',
    subject: () => 'Timeouts (no response in time)',
    noun: 'timeout',
    suggestion: (requests) =>
      `No response came for ${requests} within the request timeout: find what the server or a queue in front of it held them for, ` +
      'or give it a shorter timeout so it fails fast instead.',
    perSecond: (point) => point.errors.timeout ?? 0,
  },
  {
    name: 'refused',
    kind: 'errors',
    subject: () => 'Refused connections',
    noun: 'request',
    suggestion: () => 'Nothing accepted the connections: check that the target is running and listening at that address, and that its connection backlog or limit is not full.',
    perSecond: (point) => point.errors.refused ?? 0,
  },
  {
    name: 'reset',
    kind: 'errors',
    subject: () => 'Reset connections',
    noun: 'request',
    suggestion: () => 'The server or a proxy closed connections mid-request: look for crashes or restarts, a proxy connection limit, or a keep-alive timeout shorter than the client\'s.',
    perSecond: (point) => point.errors.reset ?? 0,
  },
  {
    name: 'network',
    kind: 'errors',
    subject: () => 'Network errors',
    noun: 'request',
    suggestion: () => 'Check name resolution, certificates and the network path to the target from the machine that ran the test.',
    perSecond: (point) => (point.errors.dns ?? 0) + (point.errors.tls ?? 0) + (point.errors.other ?? 0),
  },
];

/** Which family a failure belongs to; undefined for failed checks, which are not transport or status errors. */
export function errorFamily(error: string): FamilyName | undefined {
  const status = /^HTTP (\d{3})$/.exec(error);
  if (status !== null) {
    const code = Number(status[1]);
    if (code === 429) return 'rate-limited';
    return code >= 500 && code < 600 ? 'server' : 'status';
  }
  if (error.startsWith('check failed')) return undefined;
  if (/timeout/i.test(error)) return 'timeout';
  if (error === 'connection refused' || error === 'could not connect') return 'refused';
  if (error === 'connection reset' || error === 'broken pipe') return 'reset';
  return 'network';
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

interface RequestShare {
  name: string;
  method: string;
  occurrences: number;
  share: number | null;
  firstSeenSeconds: number | null;
}

/** One finding per kind of error that occurred, with when it began and at what load. */
export function errorOnsetFindings(view: RunView): Finding[] {
  const byFamily = new Map<FamilyName, ErrorStat[]>();
  for (const error of view.input.errors) {
    const family = errorFamily(error.error);
    if (family === undefined || error.occurrences <= 0) continue;
    byFamily.set(family, [...(byFamily.get(family) ?? []), error]);
  }
  const found: { family: Family; errors: readonly ErrorStat[]; finding: Finding }[] = [];
  for (const family of FAMILIES) {
    const errors = byFamily.get(family.name);
    if (errors !== undefined) found.push({ family, errors, finding: onsetFinding(view, family, errors) });
  }
  return found.map(({ family, errors, finding }) => (family.name === 'status' ? withLikelyCause(view, finding, errors, found) : finding));
}

/**
 * Client errors (401, 404) that begin when another request of the flow started failing are most often its
 * consequence: a token or an id that was not captured. Say so, naming the failure they began with. "Began" is the
 * first occurrence of each: a throttle's first refusals come now and then before they settle in, and the steps
 * after a refused login fail from that first refusal on.
 */
function withLikelyCause(view: RunView, finding: Finding, errors: readonly ErrorStat[], all: readonly { family: Family; errors: readonly ErrorStat[]; finding: Finding }[]): Finding {
  const names = new Set(errors.map((error) => error.name));
  const began = firstOccurrence(view, errors) ?? finding.atSeconds;
  if (began === null) return finding;
  const cause = all.find((other) => {
    if (other.family.name === 'status' || other.errors.some((error) => names.has(error.name))) return false;
    const causeBegan = firstOccurrence(view, other.errors) ?? other.finding.atSeconds;
    return causeBegan !== null && causeBegan <= began;
  });
  if (cause === undefined) return finding;
  const codes = [...new Set(cause.errors.map((error) => error.error.replace(/^HTTP /, '')))].sort();
  const requests = joinWords([...new Set(cause.errors.map((error) => error.name))].slice(0, 3));
  const causeWords = `${cause.family.subject(codes)} on ${requests}`;
  const message = `${finding.message.replace(/\.$/, '')}; they began with the ${causeWords}, so probably follow from it.`;
  const suggestion = `Deal with the ${causeWords} first: these failures most likely come from a token or an id it did not return.`;
  return { ...finding, message, suggestion, evidence: { ...finding.evidence, likelyCause: causeWords } };
}

/** Seconds since the start of the earliest of these errors, when known. */
function firstOccurrence(view: RunView, errors: readonly ErrorStat[]): number | null {
  const seconds = errors.map((error) => secondsSinceStart(view, error.firstSeen)).filter((second): second is number => second !== null);
  return seconds.length > 0 ? Math.min(...seconds) : null;
}

function secondsSinceStart(view: RunView, iso: string): number | null {
  const start = view.timeline[0]?.time;
  const time = Date.parse(iso);
  if (start === undefined || Number.isNaN(time)) return null;
  return Math.max(0, Math.floor(time / 1000) - start);
}

function requestShares(view: RunView, errors: readonly ErrorStat[]): RequestShare[] {
  const shares = new Map<string, RequestShare>();
  for (const error of errors) {
    const key = `${error.method} ${error.name}`;
    const seen = secondsSinceStart(view, error.firstSeen);
    const entry = shares.get(key) ?? { name: error.name, method: error.method, occurrences: 0, share: null, firstSeenSeconds: seen };
    entry.occurrences += error.occurrences;
    if (seen !== null && (entry.firstSeenSeconds === null || seen < entry.firstSeenSeconds)) entry.firstSeenSeconds = seen;
    shares.set(key, entry);
  }
  for (const entry of shares.values()) {
    const stats = view.input.requests.find((request) => request.name === entry.name && request.method === entry.method);
    entry.share = stats !== undefined && stats.count > 0 ? Math.min(1, entry.occurrences / stats.count) : null;
  }
  return [...shares.values()].sort((a, b) => b.occurrences - a.occurrences);
}

function whichRequests(requests: readonly RequestShare[], family: Family): string {
  const shown = requests.slice(0, 3).map((request) => request.name);
  const more = requests.length - shown.length;
  const names = more > 0 ? `${shown.join(', ')} and ${more} more` : joinWords(shown);
  return family.name === 'rate-limited' || family.name === 'status' || family.name === 'server' ? names : `requests to ${names}`;
}

function shareWords(requests: readonly RequestShare[]): string {
  const known = requests.filter((request) => request.share !== null);
  if (known.length === 0) return '';
  if (requests.length === 1) return `${formatPercent(known[0]?.share)} of ${known[0]?.name ?? ''} requests`;
  return known
    .slice(0, 3)
    .map((request) => `${formatPercent(request.share)} of ${request.name}`)
    .join(', ');
}

function onsetFinding(view: RunView, family: Family, errors: readonly ErrorStat[]): Finding {
  const codes = [...new Set(errors.map((error) => error.error.replace(/^HTTP /, '')))].sort();
  const counts = view.timeline.map((point) => family.perSecond(point, codes));
  const flags = counts.map((count) => count > 0);
  const sustained = sustainedOnset(flags, ERROR_RULE);
  const firstAny = flags.indexOf(true);
  const lastAny = flags.lastIndexOf(true);
  const requests = requestShares(view, errors);
  const occurrences = sum(errors.map((error) => error.occurrences));
  const share = view.input.totals.requests > 0 ? occurrences / view.input.totals.requests : null;
  const firstSeen = Math.min(...requests.map((request) => request.firstSeenSeconds ?? Number.POSITIVE_INFINITY));
  const onsetIndex = sustained ?? (firstAny >= 0 ? firstAny : undefined);
  const onsetPoint = onsetIndex === undefined ? undefined : view.timeline[onsetIndex];
  const lastPoint = lastAny >= 0 ? view.timeline[lastAny] : undefined;
  const load = onsetIndex === undefined ? undefined : view.load[onsetIndex];

  const on = `on ${whichRequests(requests, family)}`;
  let when: string;
  if (onsetPoint === undefined) when = Number.isFinite(firstSeen) ? `first seen at ${clock(firstSeen)}` : 'during the run';
  else if (sustained !== undefined) when = `from ${clock(onsetPoint.t)}${load === undefined ? '' : `, at ${describeLoad(view.loadUnit, load)}`}`;
  else {
    const last = lastPoint?.t ?? onsetPoint.t;
    const atLoad = load === undefined ? '' : describeLoad(view.loadUnit, load);
    when =
      last > onsetPoint.t
        ? `now and then between ${clock(onsetPoint.t)} and ${clock(last)}${atLoad === '' ? '' : ` (first at ${atLoad})`}`
        : `at ${clock(onsetPoint.t)}${atLoad === '' ? '' : `, at ${atLoad}`}`;
  }
  const shares = shareWords(requests);
  const total = `${formatCount(occurrences)} ${family.noun}${occurrences === 1 ? '' : 's'}`;
  const amount = requests.length === 1 ? `${total}${shares === '' ? '' : `, ${shares}`}` : `${total}${shares === '' ? '' : ` (${shares})`}`;
  const message = `${family.subject(codes)} ${on} ${when}: ${amount}.`;

  const severity: FindingSeverity = share !== null && share >= 0.05 ? 'critical' : sustained !== undefined || (share !== null && share >= 0.001) ? 'warning' : 'info';
  const fromSeconds = onsetPoint?.t ?? (Number.isFinite(firstSeen) ? firstSeen : 0);
  return {
    kind: family.kind,
    severity,
    message,
    ...(onsetIndex === undefined ? { atSeconds: Number.isFinite(firstSeen) ? firstSeen : null, atUsers: null, atRps: null } : momentAt(view, onsetIndex)),
    evidence: {
      fromSeconds,
      toSeconds: lastPoint?.t ?? fromSeconds,
      errors: codes.map((code) => (/^\d{3}$/.test(code) ? `HTTP ${code}` : code)),
      occurrences,
      shareOfRequests: share === null ? null : ratio(share),
      sustained: sustained !== undefined,
      secondsWithErrors: flags.filter(Boolean).length,
      load: load === undefined ? null : rounded(load),
      loadUnit: view.loadUnit,
      requests: requests.map((request) => ({
        name: request.name,
        method: request.method,
        occurrences: request.occurrences,
        shareOfRequest: request.share === null ? null : ratio(request.share),
        firstSeenSeconds: request.firstSeenSeconds,
      })),
    },
    suggestion: family.suggestion(joinWords(requests.slice(0, 3).map((request) => request.name))),
  };
}
