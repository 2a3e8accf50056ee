import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/command';
import { describeMonitoredSeries, RunEventPrinter } from '../../../src/cli/run-event-printer';
import type { Finding, MonitorSeries } from '../../../src/core/results';
import { burstRun, monitoredRun } from '../report/fixtures';

function bufferIo(interactive = false): CliIo & { stdout: () => string } {
  let out = '';
  return {
    out: (text) => (out += text),
    err: () => undefined,
    interactive,
    env: {},
    cwd: process.cwd(),
    stop: new AbortController().signal,
    hardStop: new AbortController().signal,
    stdout: () => out,
  };
}

function series(): MonitorSeries[] {
  return monitoredRun().monitors ?? [];
}

function findingsOf(kinds: Finding['kind'][]): Finding[] {
  return burstRun().findings.filter((finding) => kinds.includes(finding.kind));
}

describe('describeMonitoredSeries', () => {
  it('groups series by monitor and gives capacities in their unit', () => {
    expect(describeMonitoredSeries(series())).toBe('demo target: database pool in use (capacity 20), waiting for a connection; app process: CPU, memory');
    const memory = series().map((one) => (one.unit === 'bytes' ? { ...one, capacity: 512 * 1024 * 1024 } : one));
    expect(describeMonitoredSeries(memory)).toContain('memory (capacity 512 MiB)');
  });
});

describe('RunEventPrinter', () => {
  it('prints what is monitored once, and only new series after that', () => {
    const io = bufferIo();
    const printer = new RunEventPrinter(io, 'Stopping.');
    printer.begin(60);
    const all = series();
    printer.handle({ type: 'monitors', series: all.slice(0, 2) });
    printer.handle({ type: 'monitors', series: all.slice(0, 2).map((one) => ({ ...one, capacity: 25 })) });
    printer.handle({ type: 'monitors', series: all });
    printer.handle({ type: 'monitors', series: all });
    expect(io.stdout()).toBe('Monitoring: demo target: database pool in use (capacity 20), waiting for a connection\nAlso monitoring: app process: CPU, memory\n');
  });

  it('prints each finding once as it appears, most severe first, not again when only its numbers change', () => {
    const io = bufferIo();
    const printer = new RunEventPrinter(io, 'Stopping.');
    printer.begin(240);
    const [limited] = findingsOf(['rate-limited']);
    if (limited === undefined) throw new Error('fixture without a rate-limited finding');
    printer.handle({ type: 'findings', findings: [limited] });
    const updated = { ...limited, message: limited.message.replace('2,142', '2,300'), evidence: { ...limited.evidence, occurrences: 2300, toSeconds: 15 } };
    printer.handle({ type: 'findings', findings: [updated] });
    const later = findingsOf(['rate-limited', 'coordinated-omission', 'timeouts']);
    printer.handle({ type: 'findings', findings: [...later].reverse() });
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`Finding (critical): ${limited.message}`);
    expect(lines[1]).toMatch(/^Finding \(critical\): Timeouts \(no response in time\)/);
    expect(lines[2]).toMatch(/^Finding \(warning\): The users of this closed model wait/);
  });

  it('does not repeat a finding whose onset is re-estimated, but says when it became more severe', () => {
    const io = bufferIo();
    const printer = new RunEventPrinter(io, 'Stopping.');
    printer.begin(240);
    const [crossed] = findingsOf(['target-crossed']);
    if (crossed === undefined) throw new Error('fixture without a target-crossed finding');
    const early = { ...crossed, severity: 'warning' as const, atSeconds: 18 };
    printer.handle({ type: 'findings', findings: [early] });
    printer.handle({ type: 'findings', findings: [{ ...early, atSeconds: 20 }] });
    printer.handle({ type: 'findings', findings: [crossed] });
    printer.handle({ type: 'findings', findings: [{ ...crossed, severity: 'warning' }] });
    printer.handle({ type: 'findings', findings: [crossed] });
    expect(io.stdout()).toBe(`Finding (warning): ${crossed.message}\nFinding (now critical): ${crossed.message}\n`);
  });

  it('tells apart findings of one kind about different targets or errors', () => {
    const io = bufferIo();
    const printer = new RunEventPrinter(io, 'Stopping.');
    printer.begin(240);
    const [crossed] = findingsOf(['target-crossed']);
    if (crossed === undefined) throw new Error('fixture without a target-crossed finding');
    const median = { ...crossed, message: 'median crossed', evidence: { ...crossed.evidence, target: 'median < 1000ms' } };
    const serverErrors = { ...crossed, kind: 'errors' as const, message: 'HTTP 503 from 0:25', evidence: { fromSeconds: 25, toSeconds: 239, errors: ['HTTP 503'] } };
    const moreServerErrors = { ...serverErrors, message: 'HTTP 500 and 503 from 0:25', evidence: { ...serverErrors.evidence, errors: ['HTTP 500', 'HTTP 503'] } };
    const refused = { ...serverErrors, message: 'refused from 0:25', evidence: { fromSeconds: 25, toSeconds: 239, errors: ['connection refused'] } };
    printer.handle({ type: 'findings', findings: [crossed, median, serverErrors] });
    printer.handle({ type: 'findings', findings: [crossed, median, moreServerErrors, refused] });
    expect(io.stdout().trimEnd().split('\n').map((line) => line.replace(/^Finding \(\w+\): /, ''))).toEqual([crossed.message, 'median crossed', 'HTTP 503 from 0:25', 'refused from 0:25']);
  });

  it('starts afresh for the next run of a suite', () => {
    const io = bufferIo();
    const printer = new RunEventPrinter(io, 'Stopping.');
    const findings = findingsOf(['timeouts']);
    printer.begin(60);
    printer.handle({ type: 'monitors', series: series() });
    printer.handle({ type: 'findings', findings });
    printer.begin(60);
    printer.handle({ type: 'monitors', series: series() });
    printer.handle({ type: 'findings', findings });
    expect(io.stdout().match(/^Monitoring: /gm)).toHaveLength(2);
    expect(io.stdout().match(/^Finding /gm)).toHaveLength(2);
  });

  it('ends the live progress line before printing a finding', () => {
    const io = bufferIo(true);
    const printer = new RunEventPrinter(io, 'Stopping.');
    const run = burstRun();
    const point = run.timeline[20];
    if (point === undefined) throw new Error('fixture too short');
    printer.begin(240);
    printer.handle({ type: 'tick', point, totals: run.totals });
    printer.handle({ type: 'findings', findings: findingsOf(['timeouts']) });
    printer.handle({ type: 'tick', point, totals: run.totals });
    const text = io.stdout();
    expect(text).toMatch(/^\r\x1b\[2K0:21 \/ 4:00.*\nFinding \(critical\): Timeouts.*\n\r\x1b\[2K0:21 \/ 4:00/);
  });
});
