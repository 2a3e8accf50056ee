// What the demo target reports at `GET /metrics`: the database pool, the login throttle, requests by route
// and status, and the process itself (`process_*` named as Prometheus client libraries name them).
import type { PoolStats } from './connection-pool';
import type { MetricFamily } from './metrics-exposition';

/** The process's own usage, as the Node client library reports it. */
export interface ProcessReadings {
  cpuSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
}

export interface RequestCount {
  method: string;
  /** The route's pattern (`/api/deployments/:id`), or `unmatched`: never the raw path, so the labels stay few. */
  route: string;
  status: number;
  count: number;
}

export interface DemoMetricsSnapshot {
  pool: PoolStats;
  loginsThrottled: number;
  requests: Iterable<RequestCount>;
  process: ProcessReadings;
}

/** Reads this process's CPU time, resident memory and heap in use. */
export function readOwnProcess(): ProcessReadings {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
}

/** The metric families of one snapshot, in a stable order. */
export function demoMetricFamilies(snapshot: DemoMetricsSnapshot): MetricFamily[] {
  const { pool } = snapshot;
  const requests = [...snapshot.requests].sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method) || a.status - b.status);
  return [
    gauge('demo_pool_connections_in_use', 'Database connections held by a request right now.', pool.inUse),
    gauge('demo_pool_connections_max', 'Database connections in the pool: in use can reach this and no more.', pool.size),
    gauge('demo_pool_waiting_requests', 'Requests queued for a database connection right now.', pool.waiting),
    counter('demo_pool_acquired_total', 'Database connections handed to requests.', pool.acquired),
    counter('demo_pool_timeouts_total', 'Requests that waited the whole queue timeout for a connection and got 503.', pool.timedOut),
    counter('demo_login_rate_limited_total', 'Logins refused with 429 by the global or per-user login throttle.', snapshot.loginsThrottled),
    {
      name: 'demo_http_requests_total',
      help: 'Requests answered, by method, route pattern and status.',
      type: 'counter',
      samples: requests.map((r) => ({ labels: { method: r.method, route: r.route, status: String(r.status) }, value: r.count })),
    },
    counter('process_cpu_seconds_total', 'User and system CPU time spent, in seconds.', snapshot.process.cpuSeconds),
    gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', snapshot.process.rssBytes),
    gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', snapshot.process.heapUsedBytes),
  ];
}

function gauge(name: string, help: string, value: number): MetricFamily {
  return { name, help, type: 'gauge', samples: [{ value }] };
}

function counter(name: string, help: string, value: number): MetricFamily {
  return { name, help, type: 'counter', samples: [{ value }] };
}
