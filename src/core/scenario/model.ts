// The validated, normalised scenario: what the compiler, the runner and the reports consume.
// Produced only by `loadScenario` (parse + validate + normalise); every field is already checked.

/** A range in the scenario file: 1-based line and column as people read them; the end is exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A string that may hold `{{ expression }}` and `${env:VAR}` parts, parsed once at load time. */
export type Template = readonly TemplatePart[];

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'env'; name: string; fallback?: string }
  | { kind: 'expr'; expr: Expr };

/** The whole `{{ }}` language: names, dotted names, literals and calls of built-in functions. No operators. */
export type Expr =
  | { kind: 'var'; path: readonly string[] } // token, user, iteration, users.email (a data column)
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'call'; fn: BuiltinFunction; args: readonly Expr[] };

export type BuiltinFunction =
  | 'randomInt'
  | 'randomFloat'
  | 'pick'
  | 'uuid'
  | 'randomString'
  | 'sequence'
  | 'now'
  | 'isoTime'
  | 'base64';

/** A JSON-like value whose strings are templates (request bodies). A string that is exactly one
 * `{{ expr }}` keeps the expression's type (number stays number). */
export type TemplateValue =
  | { kind: 'template'; template: Template }
  | { kind: 'literal'; value: number | boolean | null }
  | { kind: 'array'; items: readonly TemplateValue[] }
  | { kind: 'object'; entries: readonly (readonly [string, TemplateValue])[] };

export interface Scenario {
  /** Display name (`scenario:`). */
  name: string;
  /** Absolute path of the scenario file. */
  file: string;
  description?: string;
  /** Base URL after choosing the environment; may still hold `${env:...}` parts. */
  target: Template;
  /** Name of the environment that was applied, if any. */
  environment?: string;
  /** Environments declared in the file (names only; the chosen one is already applied). */
  environmentNames: readonly string[];
  /** Default headers for every request of every group. */
  headers: readonly Header[];
  /** Named constants, usable as `{{ name }}`. */
  variables: readonly (readonly [string, TemplateValue])[];
  /** CSV data sources, usable as `{{ source.column }}`. */
  data: readonly DataSource[];
  /** One or more user groups, started together. A file without `groups:` has one group named after the scenario. */
  groups: readonly UserGroup[];
  targets: readonly Target[];
  /** Server-side measurements sampled once a second while the test runs. */
  monitors: readonly Monitor[];
}

/** A source of server-side measurements, read once a second during the run. */
export type Monitor = PrometheusMonitor | ProcessMonitor;

/** A Prometheus text endpoint (`/metrics`) and the series of it to keep. */
export interface PrometheusMonitor {
  kind: 'prometheus';
  /** Shown in charts and reports. */
  name: string;
  /** Absolute URL, or a path joined to the target; may read the environment, never `{{ }}`. */
  url: Template;
  series: readonly MonitoredSeries[];
}

export interface MonitoredSeries {
  /** A metric name with optional label matchers: `db_pool_in_use`, `http_requests_total{route="/login"}`. */
  selector: string;
  /** Shown in charts and reports; the selector unless the file names it. */
  label: string;
  /** The most the series can reach (a number, or the selector of another series of the same endpoint): at it, the resource is exhausted. */
  capacity?: number | string;
}

/** A local process whose CPU and memory are sampled. */
export interface ProcessMonitor {
  kind: 'process';
  name: string;
  /** The process id; may read the environment (`${env:APP_PID}`). */
  pid: Template;
}

export interface Header {
  name: string;
  value: Template;
}

export interface DataSource {
  name: string;
  /** Absolute path of the CSV file. */
  file: string;
  /** `sequential` (each iteration takes the next row, shared across users), `random`, or `perUser` (row = user number). */
  order: 'sequential' | 'random' | 'perUser';
  columns: readonly string[];
}

export interface UserGroup {
  name: string;
  load: LoadModel;
  thinkTime?: ThinkTime;
  headers: readonly Header[];
  /** Run once per user before its first iteration (log in, keep the token). */
  onStart: readonly RequestSpec[];
  /** Weighted mix: each iteration picks one item by weight. */
  mix: readonly MixItem[];
}

export type LoadModel = ClosedLoad | OpenLoad;

/** A fixed number of concurrent users, each looping. Stages are absolute: ramp from the previous level to `users` over `durationSeconds`. */
export interface ClosedLoad {
  kind: 'closed';
  startUsers: number;
  stages: readonly { durationSeconds: number; users: number }[];
  /** Seconds a user may take to finish its iteration when the test or a ramp-down ends. */
  gracefulStopSeconds: number;
}

/** Iterations arrive at a rate whatever the system's latency; users are allocated as needed up to `maxUsers`. */
export interface OpenLoad {
  kind: 'open';
  /** Arrivals per second at the start. */
  startRate: number;
  stages: readonly { durationSeconds: number; ratePerSecond: number }[];
  preAllocatedUsers: number;
  maxUsers: number;
  gracefulStopSeconds: number;
}

export interface ThinkTime {
  minSeconds: number;
  maxSeconds: number;
}

export type MixItem =
  | { kind: 'request'; weight: number; request: RequestSpec }
  | { kind: 'flow'; weight: number; name: string; steps: readonly RequestSpec[] };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface RequestSpec {
  /** Unique within the scenario; reports and targets use it. */
  name: string;
  method: HttpMethod;
  /** Path (joined to the target) or absolute URL. */
  path: Template;
  query: readonly (readonly [string, Template])[];
  headers: readonly Header[];
  body?: RequestBody;
  timeoutSeconds?: number;
  expect: Expectation;
  captures: readonly Capture[];
  /** Think time after this request, overriding the group's. */
  thinkTime?: ThinkTime;
  range: SourceRange;
}

export type RequestBody =
  | { kind: 'json'; value: TemplateValue }
  | { kind: 'form'; fields: readonly (readonly [string, Template])[] }
  | { kind: 'raw'; text: Template; contentType?: string };

export interface Expectation {
  /** Accepted statuses; empty means 2xx and 3xx. */
  status: readonly number[];
  /** Substrings the body must contain. */
  bodyContains: readonly string[];
  /** JSON path (`$.a.b[0]`) that must exist in the response body. */
  jsonPathExists: readonly string[];
  /** Response time limit for the check (not a target). */
  maxDurationMs?: number;
}

export type Capture =
  | { variable: string; from: 'json'; path: string }
  | { variable: string; from: 'header'; header: string }
  | { variable: string; from: 'regex'; pattern: string; group: number };

export type TargetMetric = 'median' | 'avg' | 'min' | 'p90' | 'p95' | 'p99' | 'max' | 'errors' | 'success' | 'rps';

export type Comparison = '<' | '<=' | '>' | '>=';

export interface Target {
  metric: TargetMetric;
  /** Per-request target when set (request name). */
  request?: string;
  comparison: Comparison;
  /** Milliseconds for latency metrics, a ratio 0..1 for errors/success, requests per second for rps. */
  value: number;
  /** As written by the user, e.g. `< 200ms`. */
  expression: string;
  /** Stop the run as soon as the target fails. */
  abortOnFail: boolean;
  /** Seconds to wait before abort checks begin. */
  abortGraceSeconds?: number;
  range: SourceRange;
}
