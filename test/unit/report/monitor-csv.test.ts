import { describe, expect, it } from 'vitest';
import { renderMonitorsCsv } from '../../../src/core/report/monitor-csv';
import { burstRun, HOSTILE_NAMES, monitoredRun, PROCESS_GAP_SECONDS } from './fixtures';
import { parseCsv } from './parse-csv';

describe('renderMonitorsCsv', () => {
  it('writes Timestamp, seconds since start, then one column per series key in monitors order', () => {
    const run = monitoredRun();
    const rows = parseCsv(renderMonitorsCsv(run) ?? '');
    expect(rows[0]).toEqual([
      'Timestamp',
      'Seconds Since Start',
      'demo target: database pool in use',
      'demo target: waiting for a connection',
      'app process: CPU',
      'app process: memory',
    ]);
    expect(rows).toHaveLength(run.timeline.length + 1);
    expect(rows[1]).toEqual([String(Math.floor(run.timeline[0]?.time ?? 0)), '0', '2', '0', '30', String(180 * 1024 * 1024)]);
    expect(rows[22]).toEqual([String(Math.floor(run.timeline[21]?.time ?? 0)), '21', '20', '181', '82.5', String(180 * 1024 * 1024 + 21 * 512 * 1024)]);
  });

  it('leaves a cell empty for a second without a reading', () => {
    const rows = parseCsv(renderMonitorsCsv(monitoredRun()) ?? '');
    for (const second of PROCESS_GAP_SECONDS) expect(rows[second + 1]?.slice(1)).toEqual([String(second), '20', String(180 + (second % 5)), '', '']);
  });

  it('ends each record with CRLF', () => {
    const text = renderMonitorsCsv(monitoredRun()) ?? '';
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps the precision of small readings, where two decimals would write 0', () => {
    const run = monitoredRun();
    const series = { key: 'api: wait', monitor: 'api', label: 'wait', unit: 'seconds' as const, capacity: null, samples: 2, min: 0.0042, avg: 0.0042, max: 0.0042 };
    const timeline = run.timeline.slice(0, 2).map((point, index) => ({ ...point, monitors: { 'api: wait': index === 0 ? 0.0042 : 1 / 3 } }));
    const rows = parseCsv(renderMonitorsCsv({ monitors: [series], timeline }) ?? '');
    expect(rows.map((row) => row[2])).toEqual(['api: wait', '0.0042', '0.333333']);
  });

  it('quotes keys holding commas, quotes and line breaks', () => {
    const run = monitoredRun();
    const key = `${HOSTILE_NAMES.commas}: ${HOSTILE_NAMES.quotes}`;
    const monitors = [{ key, monitor: HOSTILE_NAMES.commas, label: HOSTILE_NAMES.quotes, unit: 'count' as const, capacity: null, samples: 0, min: null, avg: null, max: null }];
    const rows = parseCsv(renderMonitorsCsv({ monitors, timeline: run.timeline.slice(0, 1) }) ?? '');
    expect(rows[0]?.[2]).toBe(key);
    expect(rows[1]?.[2]).toBe('');
  });

  it('writes no file for a run without monitors, and a header alone when nothing was measured', () => {
    expect(renderMonitorsCsv(burstRun())).toBeUndefined();
    expect(renderMonitorsCsv({ ...burstRun(), monitors: [] })).toBeUndefined();
    expect(parseCsv(renderMonitorsCsv({ ...monitoredRun(), timeline: [] }) ?? '')).toHaveLength(1);
  });
});
