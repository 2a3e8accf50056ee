// Which findings the panel marks as new when the list so far is replaced.
import { describe, expect, it } from 'vitest';
import { findingIdentity, newlyAppeared } from '../../../webview/panel/finding-changes';
import { finding } from './fixtures';

describe('findingIdentity', () => {
  it('stays the same while the numbers and words of a finding grow', () => {
    const early = finding('target-crossed', 40, { message: 'p95 < 500ms was crossed at 0:40 and stayed over it for 3 s', evidence: { fromSeconds: 40, toSeconds: 42, target: 'p95 < 500ms', secondsOver: 3 } });
    const later = finding('target-crossed', 40, { severity: 'critical', message: 'p95 < 500ms was crossed at 0:40 and stayed over it for 30 s', evidence: { fromSeconds: 40, toSeconds: 69, target: 'p95 < 500ms', secondsOver: 30 } });
    expect(findingIdentity(later)).toBe(findingIdentity(early));
  });

  it('tells apart findings of one kind about different things or moments', () => {
    const p95 = finding('target-crossed', 40, { evidence: { fromSeconds: 40, toSeconds: 41, target: 'p95 < 500ms' } });
    const p99 = finding('target-crossed', 40, { evidence: { fromSeconds: 40, toSeconds: 41, target: 'p99 < 1s' } });
    expect(findingIdentity(p95)).not.toBe(findingIdentity(p99));
    expect(findingIdentity(finding('errors', 10))).not.toBe(findingIdentity(finding('errors', 30)));
    expect(findingIdentity(finding('errors', 10))).not.toBe(findingIdentity(finding('timeouts', 10)));
  });
});

describe('newlyAppeared', () => {
  it('marks only the findings the shown list did not have, in the order of the new list', () => {
    const saturation = finding('saturation', 60);
    const errors = finding('errors', 75);
    const healthy = finding('healthy', null);
    expect(newlyAppeared([], [saturation])).toEqual([true]);
    expect(newlyAppeared([saturation], [errors, { ...saturation, message: 'changed' }])).toEqual([true, false]);
    expect(newlyAppeared([healthy], [saturation])).toEqual([true]);
    expect(newlyAppeared([saturation, errors], [])).toEqual([]);
  });
});
