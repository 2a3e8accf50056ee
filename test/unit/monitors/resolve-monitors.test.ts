import { describe, expect, it } from 'vitest';
import { resolveMonitors } from '../../../src/core/monitors/resolve-monitors';
import type { Monitor, Template } from '../../../src/core/scenario/model';

const text = (value: string): Template => [{ kind: 'text', text: value }];

function prometheus(name: string, url: Template, series: { selector: string; label?: string; capacity?: number | string }[]): Monitor {
  return { kind: 'prometheus', name, url, series: series.map((s) => ({ selector: s.selector, label: s.label ?? s.selector, ...(s.capacity === undefined ? {} : { capacity: s.capacity }) })) };
}

describe('resolveMonitors', () => {
  it('joins a path to the target without doubling slashes and parses selectors and capacities', () => {
    const result = resolveMonitors(
      [prometheus('app', text('/metrics'), [{ selector: 'db_pool_in_use', label: 'pool in use', capacity: 'db_pool_max' }, { selector: 'http_requests_total{route="/login"}', label: 'logins', capacity: 50 }])],
      'http://127.0.0.1:8080/',
      {},
    );
    expect(result.problems).toEqual([]);
    expect(result.monitors).toEqual([
      {
        kind: 'prometheus',
        name: 'app',
        url: 'http://127.0.0.1:8080/metrics',
        series: [
          { key: 'app: pool in use', label: 'pool in use', selector: { metric: 'db_pool_in_use', matchers: [] }, capacity: { metric: 'db_pool_max', matchers: [] } },
          { key: 'app: logins', label: 'logins', selector: { metric: 'http_requests_total', matchers: [{ label: 'route', op: '=', value: '/login' }] }, capacity: 50 },
        ],
      },
    ]);
  });

  it('keeps the path of the target and of an absolute URL', () => {
    const joined = resolveMonitors([prometheus('a', text('//metrics'), [{ selector: 'up' }]), prometheus('b', text('https://metrics.example.test:9100/m?x=1'), [{ selector: 'up' }])], 'https://host.test/base//', {});
    expect(joined.monitors.map((m) => (m.kind === 'prometheus' ? m.url : ''))).toEqual(['https://host.test/base/metrics', 'https://metrics.example.test:9100/m?x=1']);
  });

  it('renders ${env:NAME} and ${env:NAME:-default}, the value winning over the default', () => {
    const url: Template = [{ kind: 'env', name: 'METRICS_HOST', fallback: 'http://127.0.0.1:9100' }, { kind: 'text', text: '/metrics' }];
    const pid: Template = [{ kind: 'env', name: 'APP_PID' }];
    const monitors: Monitor[] = [prometheus('node', url, [{ selector: 'up' }]), { kind: 'process', name: 'app', pid }];
    expect(resolveMonitors(monitors, undefined, { APP_PID: ' 4242 ' })).toEqual({
      monitors: [
        { kind: 'prometheus', name: 'node', url: 'http://127.0.0.1:9100/metrics', series: [expect.objectContaining({ key: 'node: up' })] },
        { kind: 'process', name: 'app', pid: 4242 },
      ],
      problems: [],
    });
    expect(resolveMonitors(monitors, undefined, { APP_PID: '1', METRICS_HOST: 'http://metrics.example.test' }).monitors[0]).toMatchObject({ url: 'http://metrics.example.test/metrics' });
  });

  it('leaves out a monitor it cannot run, naming it and saying why, and keeps the others', () => {
    const monitors: Monitor[] = [
      { kind: 'process', name: 'no pid', pid: [{ kind: 'env', name: 'APP_PID' }] },
      { kind: 'process', name: 'bad pid', pid: text('12x') },
      { kind: 'process', name: 'zero pid', pid: text('0') },
      prometheus('relative', text('/metrics'), [{ selector: 'up' }]),
      prometheus('ftp', text('ftp://host/metrics'), [{ selector: 'up' }]),
      prometheus('expr', [{ kind: 'text', text: 'http://h/' }, { kind: 'expr', expr: { kind: 'var', path: ['token'] } }], [{ selector: 'up' }]),
      prometheus('selector', text('http://h/metrics'), [{ selector: 'up{a=~"x"}', label: 'up' }]),
      prometheus('capacity', text('http://h/metrics'), [{ selector: 'up', capacity: 'max{' }]),
      prometheus('broken url', text('http://[nope/metrics'), [{ selector: 'up' }]),
      { kind: 'process', name: 'fine', pid: text('77') },
    ];
    const result = resolveMonitors(monitors, undefined, {});
    expect(result.monitors).toEqual([{ kind: 'process', name: 'fine', pid: 77 }]);
    expect(result.problems).toEqual([
      expect.stringMatching(/^monitor "no pid" is left out of this run: its pid reads \$\{env:APP_PID\}, which is not set and has no default/),
      'monitor "bad pid" is left out of this run: its pid must be a whole number above 0, got "12x"',
      'monitor "zero pid" is left out of this run: its pid must be a whole number above 0, got "0"',
      expect.stringMatching(/^monitor "relative" is left out of this run: its url \/metrics is a path, and the scenario has no target/),
      'monitor "ftp" is left out of this run: its url must start with http:// or https://, not ftp://',
      expect.stringMatching(/^monitor "expr" is left out of this run: its url holds a \{\{ \}\} expression/),
      expect.stringMatching(/^monitor "selector" is left out of this run: series "up": regular-expression matchers/),
      expect.stringMatching(/^monitor "capacity" is left out of this run: the capacity of series "up": /),
      'monitor "broken url" is left out of this run: its url http://[nope/metrics is not a valid URL',
    ]);
  });

  it('takes the target as a template too, rendering its environment parts', () => {
    const target: Template = [{ kind: 'env', name: 'TARGET_URL', fallback: 'http://127.0.0.1:8080' }];
    const monitors = [prometheus('app', text('/metrics'), [{ selector: 'up' }])];
    expect(resolveMonitors(monitors, target, {}).monitors[0]).toMatchObject({ url: 'http://127.0.0.1:8080/metrics' });
    expect(resolveMonitors(monitors, target, { TARGET_URL: 'http://127.0.0.1:9/api/' }).monitors[0]).toMatchObject({ url: 'http://127.0.0.1:9/api/metrics' });
    const unset = resolveMonitors(monitors, [{ kind: 'env', name: 'TARGET_URL' }], {});
    expect(unset.monitors).toEqual([]);
    expect(unset.problems).toEqual([expect.stringMatching(/^monitor "app" is left out of this run: its url \/metrics is joined to the target, whose address reads \$\{env:TARGET_URL\}, which is not set/)]);
  });

  it('leaves out a monitor whose series key another already has', () => {
    const result = resolveMonitors(
      [prometheus('app', text('http://h/m'), [{ selector: 'a', label: 'x' }]), prometheus('app', text('http://h/m'), [{ selector: 'b', label: 'x' }]), prometheus('twice', text('http://h/m'), [{ selector: 'a', label: 'y' }, { selector: 'b', label: 'y' }])],
      undefined,
      {},
    );
    expect(result.monitors).toHaveLength(1);
    expect(result.problems).toEqual([expect.stringContaining('monitor "app" is left out of this run: another series is already called "app: x"'), expect.stringContaining('"twice: y"')]);
  });
});
