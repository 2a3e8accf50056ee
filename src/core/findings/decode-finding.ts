// Type guards for findings read back from JSON (summary.json, the data block of report.html, panel messages).

import { isNumber, isObject, orNull } from '../type-guards';
import { FINDING_KINDS, FINDING_SEVERITIES, type EvidenceValue, type Finding, type FindingEvidence } from './finding';

const isNumberOrNull = orNull(isNumber);

// Evidence is small and flat in practice; the depth limit keeps a hostile file from recursing without end.
function isEvidenceValue(value: unknown, depth = 0): value is EvidenceValue {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return true;
  if (depth >= 4) return false;
  if (Array.isArray(value)) return value.every((item) => isEvidenceValue(item, depth + 1));
  return isObject(value) && Object.values(value).every((item) => isEvidenceValue(item, depth + 1));
}

function isEvidence(value: unknown): value is FindingEvidence {
  return isObject(value) && typeof value.fromSeconds === 'number' && typeof value.toSeconds === 'number' && Object.values(value).every((item) => isEvidenceValue(item));
}

/** True when `value` has the shape of a Finding. */
export function isFinding(value: unknown): value is Finding {
  return (
    isObject(value) &&
    typeof value.kind === 'string' &&
    (FINDING_KINDS as readonly string[]).includes(value.kind) &&
    typeof value.severity === 'string' &&
    (FINDING_SEVERITIES as readonly string[]).includes(value.severity) &&
    typeof value.message === 'string' &&
    typeof value.suggestion === 'string' &&
    isNumberOrNull(value.atSeconds) &&
    isNumberOrNull(value.atUsers) &&
    isNumberOrNull(value.atRps) &&
    isEvidence(value.evidence)
  );
}
