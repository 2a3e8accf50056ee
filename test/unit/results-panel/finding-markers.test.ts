import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/results';
import { findingMarkers } from '../../../webview/report/chart-parts';
import { paletteFor } from '../../../webview/report/palette';

function finding(kind: Finding['kind'], severity: Finding['severity'], atSeconds: number | null): Finding {
  return { kind, severity, message: `${kind} happened`, atSeconds, atUsers: null, atRps: null, evidence: { fromSeconds: 0, toSeconds: 1 }, suggestion: 'look into it' };
}

describe('findingMarkers', () => {
  const palette = paletteFor(false);

  it('marks each finding where it began, coloured by severity', () => {
    const markers = findingMarkers([finding('saturation', 'critical', 12), finding('rate-limited', 'warning', 20), finding('dropped-iterations', 'info', 30)], palette);
    expect(markers.map((marker) => marker.x)).toEqual([12, 20, 30]);
    expect(markers.map((marker) => marker.colour)).toEqual([palette.failures, palette.p95, palette.target]);
    expect(markers.every((marker) => marker.label.length > 0)).toBe(true);
  });

  it('leaves out whole-run findings and repeats of a kind at the same second', () => {
    const markers = findingMarkers(
      [finding('healthy', 'info', 5), finding('coordinated-omission', 'warning', 5), finding('target-crossed', 'critical', null), finding('errors', 'critical', 8), finding('errors', 'warning', 8)],
      palette,
    );
    expect(markers).toHaveLength(1);
    expect(markers[0]?.x).toBe(8);
  });
});
