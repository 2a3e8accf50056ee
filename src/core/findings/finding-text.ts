// Findings in words for the reports and the CLI: the severity and kind as labels, the evidence as one line.

import { formatClock } from '../report/format';
import type { EvidenceValue, Finding, FindingKind, FindingSeverity } from './finding';

const KIND_LABELS: Record<FindingKind, string> = {
  'target-crossed': 'target crossed',
  saturation: 'saturation',
  errors: 'errors',
  'rate-limited': 'rate limited',
  timeouts: 'timeouts',
  'pool-exhaustion': 'pool exhaustion',
  'coordinated-omission': 'coordinated omission',
  'dropped-iterations': 'dropped iterations',
  healthy: 'healthy',
};

/** The kind in words: "pool exhaustion". */
export function findingKindLabel(kind: FindingKind): string {
  return KIND_LABELS[kind];
}

/** The severity with a capital: "Critical". */
export function severityLabel(severity: FindingSeverity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

function valueText(value: EvidenceValue): string {
  if (value === null) return 'n/a';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((item: EvidenceValue) => valueText(item)).join(', ');
  // An object in a list is mostly a request: its name says enough on one line; summary.json has the rest.
  const entries = Object.entries(value);
  const name = entries.find(([key]) => key === 'name')?.[1];
  return name !== undefined ? valueText(name) : entries.map(([key, item]) => `${key} ${valueText(item)}`).join(' ');
}

/** The evidence on one line: "0:20 to 3:59; ceilingMs 27000; p50Ms 19000; …". */
export function evidenceText(finding: Finding): string {
  const { fromSeconds, toSeconds, ...rest } = finding.evidence;
  const span = fromSeconds === toSeconds ? `at ${formatClock(fromSeconds)}` : `${formatClock(fromSeconds)} to ${formatClock(toSeconds)}`;
  return [span, ...Object.entries(rest).map(([key, value]) => `${key} ${valueText(value)}`)].join('; ');
}
