// `monitors:` in the scenario language: what the model holds, and each mistake with its place in the file.
import { describe, expect, it } from 'vitest';
import { BASE, codes, errors, load } from './helpers';

const withMonitors = (monitors: string): string => `${BASE}monitors:\n${monitors}`;

describe('monitors', () => {
  it('reads Prometheus endpoints, their series and capacities, and processes', () => {
    const result = load(
      withMonitors(`  - name: api
    prometheus: /metrics
    series:
      - db_pool_waiting
      - { name: db_pool_in_use, label: pool in use, capacity: db_pool_max }
      - { name: 'http_requests_total{status="429"}', label: rate limited, capacity: 50 }
  - name: api process
    process: \${env:APP_PID}
  - { name: worker, process: 4242 }
`),
      { env: { APP_PID: '4242' } },
    );
    expect(codes(result.diagnostics)).toEqual([]);
    expect(result.scenario?.monitors).toEqual([
      {
        kind: 'prometheus',
        name: 'api',
        url: [{ kind: 'text', text: '/metrics' }],
        series: [
          { selector: 'db_pool_waiting', label: 'db_pool_waiting' },
          { selector: 'db_pool_in_use', label: 'pool in use', capacity: 'db_pool_max' },
          { selector: 'http_requests_total{status="429"}', label: 'rate limited', capacity: 50 },
        ],
      },
      { kind: 'process', name: 'api process', pid: [{ kind: 'env', name: 'APP_PID' }] },
      { kind: 'process', name: 'worker', pid: [{ kind: 'text', text: '4242' }] },
    ]);
  });

  it('has none unless the file names some', () => {
    expect(load(BASE).scenario?.monitors).toEqual([]);
  });

  it.each([
    ['a URL that is neither http(s) nor a path', '  - { name: api, prometheus: "ftp://x/metrics", series: [up] }\n', 'bad-target-url@7:30'],
    ['{{ }} in the endpoint', '  - { name: api, prometheus: "/metrics/{{ user }}", series: [up] }\n', 'bad-target-url@7:30'],
    ['a series name that is not a metric name', '  - { name: api, prometheus: /metrics, series: [9lives] }\n', 'bad-series@7:49'],
    ['an unclosed label matcher', '  - { name: api, prometheus: /metrics, series: [\'up{job="api"\'] }\n', 'bad-series@7:62'],
    ['a capacity of zero', '  - { name: api, prometheus: /metrics, series: [{ name: up, capacity: 0 }] }\n', 'bad-value@7:71'],
    ['a process id that is not a number', '  - { name: app, process: my-app }\n', 'bad-value@7:27'],
    ['a process id below 1', '  - { name: app, process: -3 }\n', 'bad-value@7:27'],
    ['a monitor without an endpoint', '  - { name: api, series: [up] }\n', 'missing-key@7:5'],
    ['a Prometheus monitor without series', '  - { name: api, prometheus: /metrics }\n', 'missing-key@7:5'],
  ])('reports %s', (_name, monitors, at) => {
    const result = load(withMonitors(monitors));
    expect(codes(errors(result.diagnostics))).toEqual([at]);
  });

  it('reports two monitors with one name and two series with one label', () => {
    const result = load(
      withMonitors(`  - { name: api, prometheus: /metrics, series: [up, { name: process_cpu_seconds_total, label: up }] }
  - { name: api, process: 1 }
`),
    );
    expect(codes(errors(result.diagnostics))).toEqual(['duplicate-name@7:53', 'duplicate-name@8:13']);
  });
});
