import { describe, expect, it } from 'vitest';
import { metricFamily, parsePrometheusText, parseSampleValue } from '../../../src/core/monitors/prometheus-text';

describe('parsePrometheusText', () => {
  it('reads TYPE and HELP lines, samples with and without labels, and ignores timestamps', () => {
    const parsed = parsePrometheusText(
      [
        '# HELP http_requests_total The total number of HTTP requests.',
        '# TYPE http_requests_total counter',
        'http_requests_total{method="post",code="200"} 1027 1395066363000',
        'http_requests_total{method="post",code="400"}    3 1395066363000',
        '',
        '# A free comment',
        '# TYPE pool_in_use gauge',
        'pool_in_use 7',
        'ns:recording_rule:sum 1.5e3',
      ].join('\n'),
    );
    expect(parsed.samples).toEqual([
      { name: 'http_requests_total', labels: { method: 'post', code: '200' }, value: 1027 },
      { name: 'http_requests_total', labels: { method: 'post', code: '400' }, value: 3 },
      { name: 'pool_in_use', labels: {}, value: 7 },
      { name: 'ns:recording_rule:sum', labels: {}, value: 1500 },
    ]);
    expect([...parsed.types]).toEqual([
      ['http_requests_total', 'counter'],
      ['pool_in_use', 'gauge'],
    ]);
    expect(parsed.byName.get('http_requests_total')).toHaveLength(2);
    expect(parsed.skippedLines).toBe(0);
  });

  it('unescapes label values and keeps commas, braces and spaces inside quotes', () => {
    const parsed = parsePrometheusText(String.raw`msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\"",odd="a, b} c"} 1.458255915e9`);
    expect(parsed.samples[0]?.labels).toEqual({ path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"', odd: 'a, b} c' });
  });

  it('reads NaN, +Inf and -Inf, a trailing comma, blanks around tokens and CRLF line ends', () => {
    const parsed = parsePrometheusText('a NaN\r\nb +Inf\r\nc -Inf\r\n  d { x = "1" , } 2  \r\n');
    expect(parsed.samples.map((s) => [s.name, s.value])).toEqual([
      ['a', NaN],
      ['b', Infinity],
      ['c', -Infinity],
      ['d', 2],
    ]);
    expect(parsed.samples[3]?.labels).toEqual({ x: '1' });
  });

  it('skips junk lines without throwing and keeps the good ones', () => {
    const junk = [
      'not a sample line at all',
      '1abc 5',
      'm{a="unterminated} 1',
      'm{a=1} 1',
      'm{="x"} 1',
      'm{a="x" b="y"} 1',
      'm 12abc',
      'm',
      'm 1 notatime',
      'm 1 123 extra',
      '{a="b"} 1',
      'm{a="x"',
      'm{a="x\\',
    ];
    const parsed = parsePrometheusText([...junk, 'good 1'].join('\n'));
    expect(parsed.samples).toEqual([{ name: 'good', labels: {}, value: 1 }]);
    expect(parsed.skippedLines).toBe(junk.length);
  });

  it('ignores TYPE lines with an unknown type and keeps label names such as __proto__ as own properties', () => {
    const parsed = parsePrometheusText('# TYPE x widget\n# TYPE\n#TYPE y gauge\nx{__proto__="p"} 1');
    expect(parsed.types.get('x')).toBeUndefined();
    expect(parsed.types.get('y')).toBe('gauge');
    expect(Object.hasOwn(parsed.samples[0]?.labels ?? {}, '__proto__')).toBe(true);
  });

  it('gives histogram and summary samples to their family', () => {
    const parsed = parsePrometheusText(
      [
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds_bucket{le="0.05"} 24054',
        'http_request_duration_seconds_bucket{le="+Inf"} 144320',
        'http_request_duration_seconds_sum 53423',
        'http_request_duration_seconds_count 144320',
        '# TYPE rpc_duration_seconds summary',
        'rpc_duration_seconds{quantile="0.5"} 4773',
        'rpc_duration_seconds_count 2693',
        '# TYPE jobs counter',
        'jobs_total 5',
      ].join('\n'),
    );
    expect(parsed.samples[1]?.labels).toEqual({ le: '+Inf' });
    expect(metricFamily('http_request_duration_seconds_bucket', parsed.types)).toEqual({ family: 'http_request_duration_seconds', type: 'histogram' });
    expect(metricFamily('http_request_duration_seconds_count', parsed.types)).toEqual({ family: 'http_request_duration_seconds', type: 'histogram' });
    expect(metricFamily('rpc_duration_seconds_count', parsed.types)).toEqual({ family: 'rpc_duration_seconds', type: 'summary' });
    expect(metricFamily('rpc_duration_seconds', parsed.types)).toEqual({ family: 'rpc_duration_seconds', type: 'summary' });
    expect(metricFamily('rpc_duration_seconds_bucket', parsed.types)).toEqual({ family: 'rpc_duration_seconds_bucket', type: undefined });
    expect(metricFamily('jobs_total', parsed.types)).toEqual({ family: 'jobs', type: 'counter' });
    expect(metricFamily('unknown_count', parsed.types)).toEqual({ family: 'unknown_count', type: undefined });
  });

  it('parses a 1 MB body quickly', () => {
    const lines = ['# TYPE big_total counter'];
    for (let i = 0, size = 0; size < 1024 * 1024; i += 1) {
      const line = `big_total{route="/api/items/${i % 50}",status="${200 + (i % 3)}",instance="host-${i}"} ${i}.5`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThanOrEqual(1024 * 1024);
    const started = performance.now();
    const parsed = parsePrometheusText(text);
    const elapsedMs = performance.now() - started;
    expect(parsed.samples).toHaveLength(lines.length - 1);
    expect(parsed.skippedLines).toBe(0);
    // About 50 ms here; the bound leaves room for a busy machine and still catches anything quadratic.
    expect(elapsedMs).toBeLessThan(1500);
  });

  it('stays linear on pathological lines', () => {
    const text = `m{${'a="x",'.repeat(50_000)}\n${'m'.repeat(200_000)}\n${'{'.repeat(200_000)}`;
    const started = performance.now();
    const parsed = parsePrometheusText(text);
    expect(parsed.skippedLines).toBe(3);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['+2E2', 200],
    ['Inf', Infinity],
    ['+inf', Infinity],
    ['-Inf', -Infinity],
  ])('%s is %d', (token, value) => {
    expect(parseSampleValue(token)).toBe(value);
  });

  it.each(['', 'abc', '1,5', '0x1g', '--1', 'Infinityx'])('%j is not a value', (token) => {
    expect(parseSampleValue(token)).toBeUndefined();
  });
});
