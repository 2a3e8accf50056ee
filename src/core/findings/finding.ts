// A finding: one thing the measurements say about where the system stopped coping (or that it coped well),
// with the moment, the load at that moment, the numbers it rests on and what to do about it.

/** What a finding is about. */
export type FindingKind =
  | 'target-crossed'
  | 'saturation'
  | 'errors'
  | 'rate-limited'
  | 'timeouts'
  | 'pool-exhaustion'
  | 'coordinated-omission'
  | 'dropped-iterations'
  | 'healthy';

/** Every kind, in the order reports explain them. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'target-crossed',
  'saturation',
  'pool-exhaustion',
  'rate-limited',
  'timeouts',
  'errors',
  'dropped-iterations',
  'coordinated-omission',
  'healthy',
];

export type FindingSeverity = 'info' | 'warning' | 'critical';

/** Severities from the most to the least pressing. */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['critical', 'warning', 'info'];

/** A JSON value: what evidence may hold, so summary.json round-trips it exactly. */
export type EvidenceValue = number | string | boolean | null | readonly EvidenceValue[] | { readonly [key: string]: EvidenceValue };

/** The numbers a finding rests on, always with the seconds (since the start) they were read from. */
export interface FindingEvidence {
  fromSeconds: number;
  toSeconds: number;
  [key: string]: EvidenceValue;
}

export interface Finding {
  kind: FindingKind;
  severity: FindingSeverity;
  /** One plain sentence with the numbers. */
  message: string;
  /** Seconds since the start when it began; null when it is about the whole run. */
  atSeconds: number | null;
  /** Concurrent users at that moment. */
  atUsers: number | null;
  /** Requests per second measured at that moment. */
  atRps: number | null;
  evidence: FindingEvidence;
  /** What to do about it, in plain words. */
  suggestion: string;
}
