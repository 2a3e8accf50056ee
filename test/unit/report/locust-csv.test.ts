import { describe, expect, it } from 'vitest';
import { csvField, csvNumber, csvRow } from '../../../src/core/report/csv';
import {
  EXCEPTIONS_HEADER,
  FAILURES_HEADER,
  renderExceptionsCsv,
  renderFailuresCsv,
  renderStatsCsv,
  renderStatsHistoryCsv,
  STATS_HEADER,
  STATS_HISTORY_HEADER,
} from '../../../src/core/report/locust-csv';
import { ALL_RUNS, burstRun, HOSTILE_NAMES, hostileRun, k6MissingRun, passingRun, scriptErrorRun, stoppedRun } from './fixtures';
import { parseCsv } from './parse-csv';

const LOCUST_PERCENTILES = ['50%', '66%', '75%', '80%', '90%', '95%', '98%', '99%', '99.9%', '99.99%', '100%'];

function byHeader(records: string[][]): Record<string, string>[] {
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

describe('RFC 4180 fields', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(' padded ')).toBe(' padded ');
    expect(csvField('nul\u0000byte')).toBe('nul\ufffdbyte');
    expect(csvRow(['a', 1, 'b,c'])).toBe('a,1,"b,c"\r\n');
  });

  it('writes numbers with at most two decimals', () => {
    expect(csvNumber(12.345678)).toBe('12.35');
    expect(csvNumber(19000)).toBe('19000');
    expect(csvNumber(-0.001)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('0');
  });
});

describe('stats.csv', () => {
  it('has the Locust header, rows sorted by name then method, and the Aggregated row last', () => {
    const records = parseCsv(renderStatsCsv(burstRun()));
    expect(records[0]).toEqual(STATS_HEADER);
    expect(STATS_HEADER.slice(11)).toEqual(LOCUST_PERCENTILES);
    expect(records.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['POST', 'create deployment'],
      ['GET', 'get deployment'],
      ['GET', 'health'],
      ['POST', 'login'],
      ['', 'Aggregated'],
    ]);
  });

  it('writes counts, whole-millisecond percentiles and rates', () => {
    const rows = byHeader(parseCsv(renderStatsCsv(burstRun())));
    const create = rows.find((row) => row.Name === 'create deployment');
    expect(create).toMatchObject({
      'Request Count': '8912',
      'Failure Count': '7840',
      'Median Response Time': '19000',
      'Max Response Time': '30000',
      'Requests/s': '37.13',
      '99%': '27400',
      '100%': '30000',
    });
    const total = rows.at(-1);
    expect(total).toMatchObject({ Type: '', Name: 'Aggregated', 'Request Count': '16679', 'Failure Count': '10153', '99%': '27000' });
    const health = rows.find((row) => row.Name === 'health');
    expect(health?.['Median Response Time']).toBe('2');
    expect(health?.['Min Response Time']).toBe('0.63');
  });

  it('writes N/A percentiles and zeros when nothing was measured', () => {
    const records = parseCsv(renderStatsCsv(k6MissingRun()));
    expect(records).toHaveLength(2);
    expect(records[1]).toEqual(['', 'Aggregated', '0', '0', '0', '0', '0', '0', '0', '0', '0', ...LOCUST_PERCENTILES.map(() => 'N/A')]);
  });

  it('round-trips hostile names exactly (NUL aside)', () => {
    const names = byHeader(parseCsv(renderStatsCsv(hostileRun())))
      .map((row) => row.Name)
      .slice(0, -1);
    const expected = Object.values(HOSTILE_NAMES)
      .map((name) => name.replace(/\u0000/g, '\ufffd'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(names).toEqual(expected);
  });
});

describe('stats_history.csv', () => {
  it('has one Aggregated row per second with integer Unix timestamps and the user count', () => {
    const run = burstRun();
    const records = parseCsv(renderStatsHistoryCsv(run));
    expect(records[0]).toEqual(STATS_HISTORY_HEADER);
    const rows = byHeader(records);
    expect(rows).toHaveLength(run.timeline.length);
    expect(rows.every((row) => row.Type === '' && row.Name === 'Aggregated')).toBe(true);
    expect(rows[0]?.Timestamp).toBe('1769076903');
    expect(rows.map((row) => Number(row.Timestamp)).every((time, index, all) => Number.isInteger(time) && (index === 0 || time === (all[index - 1] ?? 0) + 1))).toBe(true);
    expect(rows[0]?.['User Count']).toBe('150');
    expect(rows.at(-1)?.['User Count']).toBe('1050');
  });

  it('fills measured percentiles, N/A for the ones not kept per second, and cumulative totals', () => {
    const rows = byHeader(parseCsv(renderStatsHistoryCsv(burstRun())));
    const exhausted = rows[100];
    expect(exhausted).toMatchObject({ 'Requests/s': '48', 'Failures/s': '23', '50%': '19000', '66%': 'N/A', '99%': '27000', '100%': '30000' });
    expect(Number(exhausted?.['Total Request Count'])).toBeGreaterThan(Number(rows[99]?.['Total Request Count']));
    expect(exhausted?.['Total Max Response Time']).toBe('30000');
  });

  it('writes N/A for every percentile in a second without responses', () => {
    const run = stoppedRun();
    const first = run.timeline[0];
    if (first === undefined) throw new Error('fixture has a timeline');
    run.timeline[0] = { ...first, rps: 0, p50: null, p90: null, p95: null, p99: null, max: null, avg: null, cumulative: { requests: 0, failures: 0, p50: null, avg: null, min: null, max: null, avgSize: null } };
    const row = parseCsv(renderStatsHistoryCsv(run))[1] ?? [];
    expect(row.slice(6, 17)).toEqual(LOCUST_PERCENTILES.map(() => 'N/A'));
    expect(row.slice(17)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
  });

  it('is the header alone without a timeline', () => {
    expect(renderStatsHistoryCsv(k6MissingRun())).toBe(STATS_HISTORY_HEADER.join(',') + '\r\n');
  });
});

describe('failures.csv', () => {
  it('has one row per (method, name, error) with Locust-style UTC first and last seen', () => {
    const records = parseCsv(renderFailuresCsv(burstRun()));
    expect(records[0]).toEqual(FAILURES_HEADER);
    expect(records.slice(1)).toContainEqual(['POST', 'create deployment', 'HTTP 429', '1930', '2026-01-22T10:15:06Z', '2026-01-22T10:15:17Z']);
    expect(records.slice(1).map((row) => `${row[1]}|${row[0]}|${row[2]}`)).toEqual([
      'create deployment|POST|HTTP 429',
      'create deployment|POST|HTTP 503',
      'create deployment|POST|timeout',
      'get deployment|GET|connection reset',
      'get deployment|GET|timeout',
      'login|POST|HTTP 429',
    ]);
  });

  it('round-trips hostile errors', () => {
    const rows = byHeader(parseCsv(renderFailuresCsv(hostileRun())));
    expect(rows.map((row) => row.Error)).toContain(`HTTP 500 ${HOSTILE_NAMES.newline}`);
    expect(rows.map((row) => row.Name)).toContain(HOSTILE_NAMES.quotes);
  });

  it('is the header alone without errors', () => {
    expect(renderFailuresCsv(passingRun())).toBe(FAILURES_HEADER.join(',') + '\r\n');
  });
});

describe('exceptions.csv', () => {
  it('holds the script exception when k6 could not run the script', () => {
    const records = parseCsv(renderExceptionsCsv(scriptErrorRun()));
    expect(records[0]).toEqual(EXCEPTIONS_HEADER);
    expect(records[1]).toEqual(['1', 'TypeError: Cannot read property "id" of undefined\n\tat default (file:///script.js:12:5(31))', '', 'local']);
  });

  it('is the header alone otherwise', () => {
    expect(renderExceptionsCsv(burstRun())).toBe('Count,Message,Traceback,Nodes\r\n');
  });
});

it('every CSV of every fixture parses strictly with rows as wide as the header', () => {
  for (const [name, run] of ALL_RUNS) {
    for (const render of [renderStatsCsv, renderStatsHistoryCsv, renderFailuresCsv, renderExceptionsCsv]) {
      const records = parseCsv(render(run()));
      const width = records[0]?.length ?? 0;
      for (const record of records) expect(record, `${name} ${render.name}`).toHaveLength(width);
    }
  }
});
