import { describe, expect, it } from 'vitest';
import {
  formatBinaryBytes,
  formatBytes,
  formatCpuPercent,
  formatLevel,
  formatMonitorValue,
  formatSeconds,
  formatClock,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatRate,
  formatTargetValue,
  formatUtc,
  groupThousands,
  targetLabel,
  targetSentence,
  targetVerdictLabel,
  verdictLabel,
} from '../../../src/core/report/format';
import { verdictHeadline } from '../../../src/core/report/headline';
import { burstRun, k6MissingRun, passingRun, refusedRun, stoppedRun } from './fixtures';

describe('number formatting', () => {
  it('groups thousands without locale APIs', () => {
    expect(groupThousands(68902)).toBe('68,902');
    expect(groupThousands(1234567.5)).toBe('1,234,567.5');
    expect(groupThousands(-1000)).toBe('-1,000');
    expect(formatCount(999.6)).toBe('1,000');
  });

  it('formats milliseconds with precision that fits the size', () => {
    expect(formatMs(0.4249)).toBe('0.42 ms');
    expect(formatMs(5)).toBe('5 ms');
    expect(formatMs(4.84)).toBe('4.8 ms');
    expect(formatMs(19000.4)).toBe('19,000 ms');
    expect(formatMs(null)).toBe('n/a');
    expect(formatMs(Number.NaN)).toBe('n/a');
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.00012)).toBe('0.012%');
    expect(formatPercent(0.0125)).toBe('1.25%');
    expect(formatPercent(0.6523)).toBe('65.2%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('n/a');
  });

  it('formats rates, bytes, durations and clocks', () => {
    expect(formatRate(229.66)).toBe('229.7/s');
    expect(formatRate(4.1666)).toBe('4.17/s');
    expect(formatRate(12345.6)).toBe('12,345.6/s');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(35_277_824)).toBe('35.3 MB');
    expect(formatDuration(0.2)).toBe('0.2s');
    expect(formatDuration(12)).toBe('12s');
    expect(formatDuration(300)).toBe('5m 0s');
    expect(formatDuration(3725)).toBe('1h 2m 5s');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
  });

  it('formats times as UTC and leaves non-dates alone', () => {
    expect(formatUtc('2026-01-22T10:15:03.123Z')).toBe('2026-01-22 10:15:03 UTC');
    expect(formatUtc('2026-01-22T11:15:03+01:00')).toBe('2026-01-22 10:15:03 UTC');
    expect(formatUtc('not a date')).toBe('not a date');
  });
});

describe('server-side readings', () => {
  it('formats bytes in binary units, as memory is counted', () => {
    expect(formatBinaryBytes(512)).toBe('512 B');
    expect(formatBinaryBytes(1536)).toBe('1.5 KiB');
    expect(formatBinaryBytes(48.2 * 1024 * 1024)).toBe('48.2 MiB');
    expect(formatBinaryBytes(512 * 1024 * 1024)).toBe('512 MiB');
    expect(formatBinaryBytes(1.25 * 1024 ** 3)).toBe('1.25 GiB');
    expect(formatBinaryBytes(Number.NaN)).toBe('n/a');
  });

  it('formats seconds in ms below a second', () => {
    expect(formatSeconds(0.00042)).toBe('0.42 ms');
    expect(formatSeconds(0.12)).toBe('120 ms');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(42.25)).toBe('42.3 s');
    expect(formatSeconds(1250)).toBe('1,250 s');
  });

  it('formats CPU as percent of one core, levels with the precision they need', () => {
    expect(formatCpuPercent(87.4)).toBe('87 %');
    expect(formatCpuPercent(2.54)).toBe('2.5 %');
    expect(formatCpuPercent(240)).toBe('240 %');
    expect(formatLevel(20)).toBe('20');
    expect(formatLevel(12345)).toBe('12,345');
    expect(formatLevel(19.25)).toBe('19.3');
    expect(formatLevel(0.05)).toBe('0.05');
  });

  it('picks the formatter by unit and says n/a for a missing reading', () => {
    expect(formatMonitorValue('count', 20)).toBe('20');
    expect(formatMonitorValue('per-second', 12.345)).toBe('12.3/s');
    expect(formatMonitorValue('bytes', 2048)).toBe('2 KiB');
    expect(formatMonitorValue('seconds', 0.004)).toBe('4 ms');
    expect(formatMonitorValue('cpu-percent', 87)).toBe('87 %');
    expect(formatMonitorValue('count', null)).toBe('n/a');
    expect(formatMonitorValue('bytes', undefined)).toBe('n/a');
  });
});

describe('targets in words', () => {
  it('labels overall and per-request targets as written', () => {
    expect(targetLabel({ metric: 'p99', expression: '< 500ms' })).toBe('p99 < 500ms');
    expect(targetLabel({ metric: 'p95', request: 'create deployment', expression: '< 300ms' })).toBe('create deployment: p95 < 300ms');
  });

  it('states the margin as a sentence in the metric unit', () => {
    expect(targetSentence({ metric: 'median', expression: '< 200ms', actual: 5, margin: '40x better' })).toBe('5 ms median against < 200ms: 40x better');
    expect(targetSentence({ metric: 'p99', expression: '< 200ms', actual: 250, margin: '1.25x over' })).toBe('250 ms p99 against < 200ms: 1.25x over');
    expect(targetSentence({ metric: 'errors', expression: '< 1%', actual: 0.6523, margin: '' })).toBe('65.2% errors against < 1%');
    expect(targetSentence({ metric: 'rps', expression: '>= 50/s', actual: null, margin: '' })).toBe('no rps measured against >= 50/s');
    expect(formatTargetValue('rps', 48.25)).toBe('48.3/s');
  });

  it('says "not measured" rather than fail when nothing was measured', () => {
    expect(targetVerdictLabel({ passed: false, actual: null })).toBe('not measured');
    expect(targetVerdictLabel({ passed: false, actual: 3 })).toBe('fail');
    expect(targetVerdictLabel({ passed: true, actual: 3 })).toBe('pass');
  });

  it('shouts the verdict', () => {
    expect([verdictLabel('pass'), verdictLabel('fail'), verdictLabel('stopped'), verdictLabel('error')]).toEqual(['PASS', 'FAIL', 'STOPPED', 'ERROR']);
  });
});

describe('verdictHeadline', () => {
  it('explains each verdict from the figures', () => {
    expect(verdictHeadline(passingRun())).toBe('All 5 targets met.');
    expect(verdictHeadline(burstRun())).toBe(
      '4 of 5 targets missed: median < 1000ms (19,000 ms), p99 < 1000ms (27,000 ms), errors < 1% (65.2%), create deployment: errors < 1% (88%).',
    );
    expect(verdictHeadline(stoppedRun())).toBe('Stopped after 1m 12s (stopped by the user): the figures cover only the part that ran. Missed so far: rps >= 100/s (56/s).');
    expect(verdictHeadline(k6MissingRun())).toBe('The run did not take place: no usable k6.');
  });

  it('says when no targets were set', () => {
    expect(verdictHeadline({ ...passingRun(), targets: [] })).toBe('Ran to the end; no targets were set.');
  });

  it('explains a failure that no target caught', () => {
    expect(verdictHeadline(refusedRun())).toBe('All 50 requests failed.');
    const empty = { ...refusedRun(), totals: { ...refusedRun().totals, requests: 0, failures: 0 } };
    expect(verdictHeadline(empty)).toBe('No request was made.');
  });
});
