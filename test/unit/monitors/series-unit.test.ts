import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from '../../../src/core/monitors/prometheus-text';
import { seriesMeasure } from '../../../src/core/monitors/series-unit';

describe('seriesMeasure', () => {
  it('measures by naming convention before the endpoint was read', () => {
    expect(seriesMeasure('process_cpu_seconds_total')).toEqual({ rate: true, scale: 100, unit: 'cpu-percent' });
    expect(seriesMeasure('container_cpu_seconds_total')).toEqual({ rate: true, scale: 100, unit: 'cpu-percent' });
    expect(seriesMeasure('demo_pool_timeouts_total')).toEqual({ rate: true, scale: 1, unit: 'per-second' });
    expect(seriesMeasure('process_resident_memory_bytes')).toEqual({ rate: false, scale: 1, unit: 'bytes' });
    expect(seriesMeasure('queue_oldest_age_seconds')).toEqual({ rate: false, scale: 1, unit: 'seconds' });
    expect(seriesMeasure('demo_pool_connections_in_use')).toEqual({ rate: false, scale: 1, unit: 'count' });
    expect(seriesMeasure('requests_count')).toEqual({ rate: false, scale: 1, unit: 'count' });
  });

  it('follows the declared type once known', () => {
    const { types } = parsePrometheusText(
      [
        '# TYPE jobs_started counter',
        '# TYPE odd_total gauge',
        '# TYPE latency_seconds histogram',
        '# TYPE rpc_seconds summary',
        '# TYPE legacy_cpu_seconds counter',
        '# TYPE sent_bytes counter',
      ].join('\n'),
    );
    expect(seriesMeasure('jobs_started', types)).toMatchObject({ rate: true, unit: 'per-second' });
    expect(seriesMeasure('odd_total', types)).toMatchObject({ rate: false, unit: 'count' });
    expect(seriesMeasure('latency_seconds_count', types)).toMatchObject({ rate: true, unit: 'per-second' });
    expect(seriesMeasure('latency_seconds_sum', types)).toMatchObject({ rate: true, unit: 'per-second' });
    expect(seriesMeasure('latency_seconds_bucket', types)).toMatchObject({ rate: true, unit: 'per-second' });
    expect(seriesMeasure('rpc_seconds_count', types)).toMatchObject({ rate: true, unit: 'per-second' });
    expect(seriesMeasure('rpc_seconds', types)).toMatchObject({ rate: false, unit: 'seconds' });
    expect(seriesMeasure('legacy_cpu_seconds', types)).toEqual({ rate: true, scale: 100, unit: 'cpu-percent' });
    expect(seriesMeasure('sent_bytes', types)).toMatchObject({ rate: true, unit: 'per-second' });
  });
});
