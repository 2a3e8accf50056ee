// The scenario language, described once. The validator walks this table; the JSON Schema, the hover text and
// the completion items are all derived from it, so a key documented here is a key that works everywhere.
import type { BuiltinFunction, HttpMethod, TargetMetric } from './model';
import type { MetricKind } from './target-expression';

// ---------------------------------------------------------------------------------------------------------------
// The shape of the description

/** How one scalar value is read. */
export type Grammar =
  | { type: 'text' }
  /** A string with `{{ expression }}` and `${env:NAME}` parts; `anyScalar` also takes numbers and booleans as text. */
  | { type: 'template'; anyScalar?: boolean }
  /** The base URL: an http(s) URL that may read the environment, but no `{{ }}` (it is fixed for the run); `orPath` also takes a path joined to the target. */
  | { type: 'url'; orPath?: boolean }
  /** A Prometheus series: a metric name with optional label matchers; `orNumber` also takes a number (a capacity). */
  | { type: 'seriesSelector'; orNumber?: boolean }
  /** A process id, or `${env:NAME}` that gives one at run time. */
  | { type: 'processId' }
  /** A request path joined to the target, or an absolute URL; a template. */
  | { type: 'path' }
  | { type: 'duration'; allowZero?: boolean }
  /** `counts` says what the rate counts, for hovers: "users started". */
  | { type: 'rate'; counts: string; allowZero?: boolean }
  | { type: 'thinkTime' }
  | { type: 'target'; metric: TargetMetric }
  | { type: 'integer'; min: number; max?: number }
  | { type: 'number'; exclusiveMin: number }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly EnumValue[] }
  | { type: 'jsonPath' }
  | { type: 'regex' };

export interface EnumValue {
  value: string;
  doc: string;
}

export type ValueSpec = ScalarSpec | ObjectSpec | MapSpec | ListSpec | ChoiceSpec | JsonSpec;

export interface ScalarSpec {
  kind: 'scalar';
  grammar: Grammar;
}

/** A mapping with a fixed set of keys. */
export interface ObjectSpec {
  kind: 'object';
  /** Names the shape in messages ("a request") and in the schema's definitions. */
  name: string;
  /** Name of its JSON Schema definition when the shape is used in several places; defaults to `name`. */
  schemaName?: string;
  keys: readonly KeySpec[];
  /** Exactly one key of each group must be present (one HTTP method per request). */
  exactlyOne?: readonly KeyGroup[];
  /** At most one key of each group may be present (one body per request). */
  atMostOne?: readonly KeyGroup[];
  /** A key whose presence selects this shape among the options of a choice (`flow:` marks a flow). */
  discriminator?: string;
  /** How an unknown key is reported here, when "unknown key" is not the clearest word (targets name metrics). */
  unknownKey?: { code: string; noun: string };
}

export interface KeyGroup {
  keys: readonly string[];
  /** What one key of the group is, in messages: "HTTP method", "body". */
  noun: string;
}

/** A mapping whose keys are names the user chooses (header names, variable names, request names). */
export interface MapSpec {
  kind: 'map';
  entry: EntryNameSpec;
  value: ValueSpec;
}

export interface EntryNameSpec {
  noun: string;
  doc: string;
  /** Regular expression source the name must match. */
  pattern?: string;
  patternHint?: string;
  /** Where completion finds candidate names. */
  suggestions?: 'requestNames' | 'environmentNames';
}

export interface ListSpec {
  kind: 'list';
  items: ValueSpec;
  minItems?: number;
}

/** One of several shapes, told apart by the YAML node kind and then by an object's discriminator key. */
export interface ChoiceSpec {
  kind: 'choice';
  options: readonly ValueSpec[];
  /** The accepted forms in words, for type errors. */
  expected: string;
}

/** Any YAML value (a JSON body, a variable): strings are templates, everything else is kept as is. */
export interface JsonSpec {
  kind: 'json';
}

export interface KeySpec {
  key: string;
  /** One or two sentences: what the key does, in the user's words. Markdown. */
  doc: string;
  value: ValueSpec;
  required?: boolean;
  /** Required unless this other key is present (`load` unless `groups`). */
  requiredUnless?: string;
  /** Keys that cannot appear together with this one. */
  conflicts?: readonly string[];
  /** Keys that must appear when this one does. */
  requires?: readonly string[];
  /** Values as they are written in a file, for docs and completion. */
  examples?: readonly string[];
  /** The value used when the key is absent, in words. */
  default?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Defaults the normaliser applies (documented on the keys below)

/** Values used when a key is absent; each is also stated in the key's `default` or doc. */
export const DEFAULTS = {
  gracefulStopSeconds: 30,
  /** k6's own default request timeout. */
  requestTimeoutSeconds: 60,
  weight: 1,
  dataOrder: 'sequential',
  /** Open model without `maxUsers`: this many seconds of arrivals at the peak rate, but never fewer than the floor. */
  maxUsersSecondsOfArrivals: 10,
  maxUsersFloor: 100,
  /** Open model without `preAllocatedUsers`: users for iterations lasting about this long (plus think time). */
  preAllocatedIterationSeconds: 1,
  captureRegexGroup: 1,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Built-in names and functions of the `{{ }}` language

export interface BuiltinNameSpec {
  name: string;
  doc: string;
}

/** Names that exist in every `{{ }}`. */
export const BUILTIN_NAMES: readonly BuiltinNameSpec[] = [
  { name: 'user', doc: 'The number of the virtual user running this request, from 1.' },
  { name: 'iteration', doc: "The user's iteration number, from 0." },
  { name: 'group', doc: 'The name of the user group running this request.' },
];

export interface FunctionSpec {
  name: BuiltinFunction;
  signature: string;
  doc: string;
  minArgs: number;
  /** Undefined: any number of arguments. */
  maxArgs?: number;
  /** Arguments that, when written as literals, must be numbers. */
  numericArgs?: boolean;
  example: string;
}

/** The only functions `{{ }}` may call. */
export const BUILTIN_FUNCTIONS: Readonly<Record<BuiltinFunction, FunctionSpec>> = {
  randomInt: { name: 'randomInt', signature: 'randomInt(min, max)', doc: 'A random whole number from `min` to `max`, both included.', minArgs: 2, maxArgs: 2, numericArgs: true, example: 'randomInt(1, 50)' },
  randomFloat: { name: 'randomFloat', signature: 'randomFloat(min, max)', doc: 'A random decimal number from `min` (included) to `max` (excluded).', minArgs: 2, maxArgs: 2, numericArgs: true, example: 'randomFloat(0, 1)' },
  pick: { name: 'pick', signature: 'pick(a, b, ...)', doc: 'One of its arguments, chosen at random each time.', minArgs: 1, example: "pick('canary', 'pilot', 'broad')" },
  uuid: { name: 'uuid', signature: 'uuid()', doc: 'A random UUID (version 4).', minArgs: 0, maxArgs: 0, example: 'uuid()' },
  randomString: { name: 'randomString', signature: 'randomString(length)', doc: 'Random letters and digits, `length` characters long.', minArgs: 1, maxArgs: 1, numericArgs: true, example: 'randomString(12)' },
  sequence: { name: 'sequence', signature: 'sequence()', doc: "A counter per user that starts at 1 and grows by one at each use.", minArgs: 0, maxArgs: 0, example: 'sequence()' },
  now: { name: 'now', signature: 'now()', doc: 'The current time in milliseconds since 1970 (Unix time).', minArgs: 0, maxArgs: 0, example: 'now()' },
  isoTime: { name: 'isoTime', signature: 'isoTime()', doc: 'The current time as ISO-8601 text, e.g. `2026-01-31T12:00:00.000Z`.', minArgs: 0, maxArgs: 0, example: 'isoTime()' },
  base64: { name: 'base64', signature: 'base64(value)', doc: '`value` encoded as Base64 (for Basic authentication headers, for example).', minArgs: 1, maxArgs: 1, example: "base64('user:password')" },
};

/** The built-in function names, in documentation order. */
export const FUNCTION_NAMES = Object.keys(BUILTIN_FUNCTIONS).filter((name): name is BuiltinFunction => name in BUILTIN_FUNCTIONS);

/** True for the name of a built-in function. */
export function isBuiltinFunction(name: string): name is BuiltinFunction {
  return Object.prototype.hasOwnProperty.call(BUILTIN_FUNCTIONS, name);
}

/** Variable names, data source names and capture names: usable in `{{ }}`. */
export const IDENTIFIER_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

// ---------------------------------------------------------------------------------------------------------------
// Target metrics

export interface MetricSpec {
  metric: TargetMetric;
  kind: MetricKind;
  doc: string;
  examples: readonly string[];
}

const LATENCY_EXAMPLES = ['< 200ms', '< 500ms', '<= 1s'];

/** The metrics a target can judge, in documentation order. */
export const TARGET_METRICS: readonly MetricSpec[] = [
  { metric: 'median', kind: 'latency', doc: 'Median response time: half of the responses are faster.', examples: LATENCY_EXAMPLES },
  { metric: 'avg', kind: 'latency', doc: 'Average (mean) response time.', examples: LATENCY_EXAMPLES },
  { metric: 'min', kind: 'latency', doc: 'Fastest response time.', examples: ['< 50ms'] },
  { metric: 'p90', kind: 'latency', doc: '90th percentile response time: 90% of responses are faster.', examples: LATENCY_EXAMPLES },
  { metric: 'p95', kind: 'latency', doc: '95th percentile response time: 95% of responses are faster.', examples: LATENCY_EXAMPLES },
  { metric: 'p99', kind: 'latency', doc: '99th percentile response time: 99% of responses are faster.', examples: ['< 500ms', '< 1s'] },
  { metric: 'max', kind: 'latency', doc: 'Slowest response time.', examples: ['< 2s'] },
  { metric: 'errors', kind: 'percent', doc: 'Share of failed requests (network errors and responses that miss `expect`).', examples: ['< 0.1%', '< 1%'] },
  { metric: 'success', kind: 'percent', doc: 'Share of successful requests.', examples: ['> 99.9%', '>= 99%'] },
  { metric: 'rps', kind: 'throughput', doc: 'Requests per second over the whole run. Quote it: a value starting with `>` means something else in YAML.', examples: ["'>= 50/s'", "'> 100/s'"] },
];

/** The spec of a target metric by name. */
export function metricSpec(metric: string): MetricSpec | undefined {
  return TARGET_METRICS.find((spec) => spec.metric === metric);
}

// ---------------------------------------------------------------------------------------------------------------
// Small builders keep the table below readable

function scalar(grammar: Grammar): ScalarSpec {
  return { kind: 'scalar', grammar };
}

function oneOrList(item: ScalarSpec, expected: string): ChoiceSpec {
  return { kind: 'choice', options: [item, { kind: 'list', items: item, minItems: 1 }], expected };
}

function mapOf(entry: EntryNameSpec, value: ValueSpec): MapSpec {
  return { kind: 'map', entry, value };
}

const TEMPLATE_SCALAR = scalar({ type: 'template', anyScalar: true });

const identifierName = (noun: string, doc: string): EntryNameSpec => ({
  noun,
  doc,
  pattern: IDENTIFIER_PATTERN,
  patternHint: 'letters, digits and _, not starting with a digit',
});

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** The method keys of a request. */
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const headersSpec = (whose: string): KeySpec => ({
  key: 'headers',
  doc: `Headers sent with ${whose}. Values may use \`{{ }}\` and \`\${env:NAME}\`.`,
  value: mapOf({ noun: 'header name', doc: 'An HTTP header name.' }, TEMPLATE_SCALAR),
  examples: ['{ Authorization: "Bearer {{ token }}" }'],
});

const thinkTimeKey = (when: string): KeySpec => ({
  key: 'thinkTime',
  doc: `Pause ${when}: a duration (\`500ms\`) or a random range (\`1s..3s\`). Real users pause; without it each user fires requests back to back.`,
  value: scalar({ type: 'thinkTime' }),
  examples: ['1s..3s', '500ms', '2s'],
});

const expectSpec: ObjectSpec = {
  kind: 'object',
  name: 'expectation',
  keys: [
    {
      key: 'status',
      doc: 'Accepted HTTP status code, or a list of them. Without it, any 2xx or 3xx status passes.',
      value: oneOrList(scalar({ type: 'integer', min: 100, max: 599 }), 'a status code or a list of codes'),
      examples: ['200', '201', '[200, 204]'],
    },
    {
      key: 'bodyContains',
      doc: 'Text the response body must contain, or a list of texts.',
      value: oneOrList(scalar({ type: 'text' }), 'a text or a list of texts'),
      examples: ['"ok"'],
    },
    {
      key: 'jsonPath',
      doc: 'JSON path (`$.items[0].id`) that must exist in the response body, or a list of paths.',
      value: oneOrList(scalar({ type: 'jsonPath' }), 'a JSON path or a list of paths'),
      examples: ['$.id', '[$.id, $.version]'],
    },
    {
      key: 'maxDuration',
      doc: 'The check fails when the response takes longer than this. (Targets judge the run; this judges each response.)',
      value: scalar({ type: 'duration' }),
      examples: ['500ms', '2s'],
    },
  ],
};

const captureSourceSpec: ChoiceSpec = {
  kind: 'choice',
  expected: "a JSON path ($.id), { header: Name } or { regex: 'id=(\\d+)' }",
  options: [
    scalar({ type: 'jsonPath' }),
    {
      kind: 'object',
      name: 'header capture',
      discriminator: 'header',
      keys: [{ key: 'header', doc: 'Response header whose value is captured.', value: scalar({ type: 'text' }), required: true, examples: ['Location'] }],
    },
    {
      kind: 'object',
      name: 'regex capture',
      discriminator: 'regex',
      keys: [
        { key: 'regex', doc: 'Regular expression matched against the response body.', value: scalar({ type: 'regex' }), required: true, examples: ["'id=(\\d+)'"] },
        { key: 'group', doc: 'Which parenthesised group of the regex is captured; 0 is the whole match.', value: scalar({ type: 'integer', min: 0 }), default: '1', examples: ['1'] },
      ],
    },
  ],
};

const requestKeys: readonly KeySpec[] = [
  {
    key: 'name',
    doc: 'Name of the request, unique in the file: reports, charts and per-request targets use it. Defaults to the method and path.',
    value: scalar({ type: 'text' }),
    examples: ['create deployment', 'login'],
  },
  ...HTTP_METHODS.map(
    (method): KeySpec => ({
      key: method,
      doc: `Sends a ${method} request. The value is a path joined to \`target\` (\`/api/items/{{ id }}\`) or an absolute URL.`,
      value: scalar({ type: 'path' }),
      examples: ['/api/items'],
    }),
  ),
  {
    key: 'query',
    doc: 'Query string parameters, added to the path. Values may use `{{ }}`.',
    value: mapOf({ noun: 'query parameter', doc: 'A query string parameter name.' }, TEMPLATE_SCALAR),
    examples: ['{ page: 1, q: "{{ pick(\'a\', \'b\') }}" }'],
  },
  headersSpec('this request (on top of the scenario headers)'),
  {
    key: 'json',
    doc: 'JSON body (sets `Content-Type: application/json`). Any YAML value; strings may use `{{ }}`, and a string that is exactly one `{{ }}` keeps its type (a number stays a number).',
    value: { kind: 'json' },
    examples: ['{ name: "item-{{ sequence() }}", count: "{{ randomInt(1, 5) }}" }'],
  },
  {
    key: 'form',
    doc: 'Form body (`application/x-www-form-urlencoded`). Values may use `{{ }}`.',
    value: mapOf({ noun: 'form field', doc: 'A form field name.' }, TEMPLATE_SCALAR),
    examples: ['{ username: "user{{ user }}" }'],
  },
  {
    key: 'body',
    doc: 'Raw body text, sent as is after filling `{{ }}`. Set `contentType` to say what it is.',
    value: scalar({ type: 'template' }),
    examples: ['"<ping/>"'],
  },
  {
    key: 'contentType',
    doc: 'Content type of a raw `body`.',
    value: scalar({ type: 'text' }),
    requires: ['body'],
    examples: ['text/plain', 'application/xml'],
  },
  {
    key: 'timeout',
    doc: 'How long to wait for the response before the request fails.',
    value: scalar({ type: 'duration' }),
    default: `${DEFAULTS.requestTimeoutSeconds}s`,
    examples: ['10s', '30s'],
  },
  thinkTimeKey('after this request, instead of the group think time'),
  { key: 'expect', doc: 'Checks on each response; a response that misses them counts as an error.', value: expectSpec, examples: ['{ status: 200 }'] },
  {
    key: 'capture',
    doc: 'Values to keep from the response for later requests of the same user, as `{{ name }}`: a JSON path (`$.id`), `{ header: Name }` or `{ regex: \'id=(\\d+)\', group: 1 }`.',
    value: mapOf(identifierName('captured variable', 'The name the captured value is used under: `{{ name }}`.'), captureSourceSpec),
    examples: ['{ token: $.access }'],
  },
];

const requestGroups = {
  exactlyOne: [{ keys: HTTP_METHODS, noun: 'HTTP method' }],
  atMostOne: [{ keys: ['json', 'form', 'body'], noun: 'body' }],
} as const;

const weightKey: KeySpec = {
  key: 'weight',
  doc: 'How often this item is picked relative to the others of the mix (3 is picked three times as often as 1).',
  value: scalar({ type: 'number', exclusiveMin: 0 }),
  default: String(DEFAULTS.weight),
  examples: ['1', '3'],
};

/** A request in `onStart` or in a flow's `steps`. */
export const REQUEST_SPEC: ObjectSpec = { kind: 'object', name: 'request', keys: requestKeys, ...requestGroups };

const MIX_REQUEST_SPEC: ObjectSpec = { kind: 'object', name: 'request', schemaName: 'mixRequest', keys: [...requestKeys, weightKey], ...requestGroups };

const FLOW_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'flow',
  discriminator: 'flow',
  keys: [
    { key: 'flow', doc: 'Name of the flow: ordered steps picked as one item of the mix.', value: scalar({ type: 'text' }), required: true, examples: ['approve change'] },
    weightKey,
    {
      key: 'steps',
      doc: 'The requests of the flow, run in order; a step may use values captured by earlier steps.',
      value: { kind: 'list', items: REQUEST_SPEC, minItems: 1 },
      required: true,
    },
  ],
};

const MIX_ITEM_SPEC: ChoiceSpec = { kind: 'choice', options: [FLOW_SPEC, MIX_REQUEST_SPEC], expected: 'a request or a flow' };

// ---------------------------------------------------------------------------------------------------------------
// Load

const STAGE_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'stage',
  keys: [
    { key: 'duration', doc: 'How long this stage lasts.', value: scalar({ type: 'duration' }), required: true, examples: ['1m', '30s'] },
    { key: 'users', doc: 'Concurrent users at the end of the stage (closed model); the level moves linearly from the previous stage.', value: scalar({ type: 'integer', min: 0 }), examples: ['100', '0'] },
    { key: 'rate', doc: 'Arrival rate at the end of the stage (open model); the rate moves linearly from the previous stage.', value: scalar({ type: 'rate', counts: 'iterations started', allowZero: true }), examples: ['200/s', '0/s'] },
  ],
  exactlyOne: [{ keys: ['users', 'rate'], noun: 'level' }],
};

const LOAD_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'load',
  keys: [
    {
      key: 'users',
      doc: 'Closed model: this many concurrent users, each looping over the mix.',
      value: scalar({ type: 'integer', min: 1 }),
      conflicts: ['maxUsers', 'preAllocatedUsers'],
      examples: ['10', '100'],
    },
    {
      key: 'spawnRate',
      doc: 'Closed model: how fast users start until all `users` run (`10/s`). The ramp counts towards `duration`.',
      value: scalar({ type: 'rate', counts: 'users started' }),
      requires: ['users'],
      conflicts: ['rampUp'],
      examples: ['10/s', '1/s'],
    },
    {
      key: 'rampUp',
      doc: 'Time to go from zero to full load (users or rate), linearly. Counts towards `duration`.',
      value: scalar({ type: 'duration' }),
      conflicts: ['stages'],
      examples: ['30s', '1m'],
    },
    {
      key: 'duration',
      doc: 'Length of the whole test, ramp-up included (`rampDown` comes after it).',
      value: scalar({ type: 'duration' }),
      requiredUnless: 'stages',
      conflicts: ['stages'],
      examples: ['30s', '1m', '5m'],
    },
    {
      key: 'rate',
      doc: 'Open model: iterations started per period whatever the response times (`200/s`, `600/m`). Slowness shows as growing latency, not as fewer requests.',
      value: scalar({ type: 'rate', counts: 'iterations started' }),
      examples: ['10/s', '200/s', '600/m'],
    },
    {
      key: 'stages',
      doc: 'Explicit load shape: each stage moves linearly from the previous level to its `users` (closed) or `rate` (open) over its `duration`, starting from zero.',
      value: { kind: 'list', items: STAGE_SPEC, minItems: 1 },
      examples: ['[{ duration: 1m, users: 100 }, { duration: 3m, users: 100 }, { duration: 1m, users: 0 }]'],
    },
    {
      key: 'rampDown',
      doc: 'After `duration`, time to go from full load down to zero. (With `stages`, add a last stage instead.)',
      value: scalar({ type: 'duration' }),
      conflicts: ['stages'],
      examples: ['30s'],
    },
    {
      key: 'gracefulStop',
      doc: 'Time a user may take to finish its iteration when the test (or a ramp-down) ends, before it is stopped.',
      value: scalar({ type: 'duration', allowZero: true }),
      default: `${DEFAULTS.gracefulStopSeconds}s`,
      examples: ['30s', '0s'],
    },
    {
      key: 'maxUsers',
      doc: `Open model: cap on concurrent users. When the system slows down and all are busy, arrivals are dropped (and counted). Default: ${DEFAULTS.maxUsersSecondsOfArrivals} seconds of arrivals at the peak rate, at least ${DEFAULTS.maxUsersFloor}.`,
      value: scalar({ type: 'integer', min: 1 }),
      examples: ['500', '1000'],
    },
    {
      key: 'preAllocatedUsers',
      doc: 'Open model: users created before the test starts, so the first arrivals do not wait. Default: enough for one second of arrivals at the peak rate (plus think time), up to `maxUsers`.',
      value: scalar({ type: 'integer', min: 1 }),
      examples: ['50'],
    },
  ],
  exactlyOne: [{ keys: ['users', 'rate', 'stages'], noun: 'load model' }],
};

const loadKey: KeySpec = {
  key: 'load',
  doc: 'How much load, for how long. Closed model: `users` with `spawnRate` or `rampUp`, and `duration`. Open model: `rate` and `duration`, with `maxUsers`. Or explicit `stages`.',
  value: LOAD_SPEC,
  examples: ['{ users: 100, spawnRate: 10/s, duration: 5m }', '{ rate: 200/s, duration: 2m, maxUsers: 500 }'],
};

const onStartKey: KeySpec = {
  key: 'onStart',
  doc: 'Requests each user runs once, in order, before its first iteration (log in and capture the token).',
  value: { kind: 'list', items: REQUEST_SPEC },
};

const requestsKey: KeySpec = {
  key: 'requests',
  doc: 'The workload: a weighted mix of requests and flows. Each iteration picks one item by `weight`.',
  value: { kind: 'list', items: MIX_ITEM_SPEC, minItems: 1 },
};

// ---------------------------------------------------------------------------------------------------------------
// Targets

function targetValueSpec(metric: MetricSpec): ChoiceSpec {
  const expression = scalar({ type: 'target', metric: metric.metric });
  return {
    kind: 'choice',
    expected: `an expression such as ${metric.examples[0] ?? ''} or { threshold, abort }`,
    options: [
      expression,
      {
        kind: 'object',
        name: 'target',
        schemaName: `${metric.metric}Target`,
        keys: [
          { key: 'threshold', doc: 'The target expression.', value: expression, required: true, examples: metric.examples },
          { key: 'abort', doc: 'Stop the run as soon as this target fails (after `abortAfter`).', value: scalar({ type: 'boolean' }), default: 'false', examples: ['true'] },
          { key: 'abortAfter', doc: 'Grace period before a failing target may stop the run: early numbers are noisy.', value: scalar({ type: 'duration' }), requires: ['abort'], examples: ['30s'] },
        ],
      },
    ],
  };
}

const metricKeys: readonly KeySpec[] = TARGET_METRICS.map((metric) => ({
  key: metric.metric,
  doc: metric.doc,
  value: targetValueSpec(metric),
  examples: metric.examples,
}));

const REQUEST_TARGETS_SPEC: ObjectSpec = { kind: 'object', name: 'request targets', keys: metricKeys, unknownKey: { code: 'unknown-metric', noun: 'target metric' } };

const TARGETS_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'targets',
  keys: [
    ...metricKeys,
    {
      key: 'requests',
      doc: 'Targets for single requests, by request name.',
      value: mapOf({ noun: 'request name', doc: 'The `name` of a request in this file.', suggestions: 'requestNames' }, REQUEST_TARGETS_SPEC),
      examples: ['{ login: { p95: < 300ms } }'],
    },
  ],
  unknownKey: { code: 'unknown-metric', noun: 'target metric' },
};

// ---------------------------------------------------------------------------------------------------------------
// Groups and the file

const GROUP_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'user group',
  keys: [
    { key: 'name', doc: 'Name of the user group, shown in reports and available as `{{ group }}`.', value: scalar({ type: 'text' }), required: true, examples: ['browsers', 'api clients'] },
    { ...loadKey, required: true },
    onStartKey,
    { ...requestsKey, required: true },
    thinkTimeKey('after each request of this group'),
    headersSpec('every request of this group'),
  ],
};

const DATA_SOURCE_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'data source',
  keys: [
    { key: 'file', doc: 'CSV file, relative to this scenario file. The first row names the columns.', value: scalar({ type: 'text' }), required: true, examples: ['accounts.csv'] },
    {
      key: 'order',
      doc: 'Which row a request gets.',
      value: scalar({
        type: 'enum',
        values: [
          { value: 'sequential', doc: 'Each use takes the next row, shared across users, wrapping around at the end.' },
          { value: 'random', doc: 'Each use takes a random row.' },
          { value: 'perUser', doc: 'Each user keeps one row: user 1 gets the first row, user 2 the second...' },
        ],
      }),
      default: DEFAULTS.dataOrder,
      examples: ['sequential', 'random', 'perUser'],
    },
  ],
};

const ENVIRONMENT_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'environment',
  keys: [
    { key: 'target', doc: 'Base URL in this environment, replacing the top-level `target`.', value: scalar({ type: 'url' }), examples: ['https://staging.example.com'] },
    headersSpec('every request in this environment (added to the top-level headers)'),
    {
      key: 'variables',
      doc: 'Constants for this environment, replacing top-level variables of the same name.',
      value: mapOf(identifierName('variable', 'A constant, usable as `{{ name }}`.'), { kind: 'json' }),
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Server-side monitors

const SERIES_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'series',
  keys: [
    {
      key: 'name',
      doc: 'The series: a metric name, with label matchers to pick some of its series (`=` or `!=`). Several matching series are added up; a counter (`_total`) is shown as a rate per second.',
      value: scalar({ type: 'seriesSelector' }),
      required: true,
      examples: ['db_pool_connections_in_use', 'http_requests_total{status="429"}'],
    },
    { key: 'label', doc: 'Shown in charts and reports instead of the series name.', value: scalar({ type: 'text' }), examples: ['pool in use'] },
    {
      key: 'capacity',
      doc: 'The most this series can reach: a number, or another series of the same endpoint (a pool\'s size). Readings at it while latency climbs are reported as measured exhaustion of that resource.',
      value: scalar({ type: 'seriesSelector', orNumber: true }),
      examples: ['20', 'db_pool_connections_max'],
    },
  ],
};

const PROMETHEUS_MONITOR_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'Prometheus monitor',
  schemaName: 'prometheusMonitor',
  keys: [
    { key: 'name', doc: 'Shown in charts and reports.', value: scalar({ type: 'text' }), required: true, examples: ['api server', 'database'] },
    {
      key: 'prometheus',
      doc: 'An endpoint serving Prometheus text metrics, read once a second while the test runs: a URL, or a path joined to `target`. It may read the environment.',
      value: scalar({ type: 'url', orPath: true }),
      required: true,
      examples: ['/metrics', 'http://127.0.0.1:9187/metrics'],
    },
    {
      key: 'series',
      doc: 'The series to keep, each a name (`db_pool_connections_in_use`) or a mapping with `name`, `label` and `capacity`.',
      value: { kind: 'list', items: { kind: 'choice', options: [scalar({ type: 'seriesSelector' }), SERIES_SPEC], expected: 'a series name, or a mapping with name, label and capacity' }, minItems: 1 },
      required: true,
      examples: ['[db_pool_connections_waiting]'],
    },
  ],
};

const PROCESS_MONITOR_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'process monitor',
  schemaName: 'processMonitor',
  discriminator: 'process',
  keys: [
    { key: 'name', doc: 'Shown in charts and reports.', value: scalar({ type: 'text' }), required: true, examples: ['api process'] },
    {
      key: 'process',
      doc: 'Id of a process on this machine whose CPU (percent of one core) and memory (resident) are read once a second. Usually read from the environment, as the id changes at every start.',
      value: scalar({ type: 'processId' }),
      required: true,
      examples: ['${env:APP_PID}'],
    },
  ],
};

/** The whole file. */
export const SCENARIO_SPEC: ObjectSpec = {
  kind: 'object',
  name: 'scenario',
  keys: [
    { key: 'scenario', doc: 'Name of the scenario, shown in reports, the editor and the CLI.', value: scalar({ type: 'text' }), required: true, examples: ['Concurrent deployments'] },
    { key: 'description', doc: 'What the scenario exercises, in a sentence or two; shown in reports.', value: scalar({ type: 'text' }) },
    {
      key: 'target',
      doc: 'Base URL of the system under test; request paths are joined to it. It may read the environment (`${env:TARGET_URL:-http://127.0.0.1:8080}`); an environment chosen with `--env` replaces it.',
      value: scalar({ type: 'url' }),
      examples: ['http://127.0.0.1:8080', '${env:TARGET_URL:-http://127.0.0.1:8080}'],
    },
    {
      key: 'environments',
      doc: 'Named variants (`target`, `headers`, `variables`), chosen with `--env NAME` or in the editor.',
      value: mapOf({ noun: 'environment', doc: 'An environment name, chosen with `--env NAME`.', suggestions: 'environmentNames' }, ENVIRONMENT_SPEC),
      examples: ['{ staging: { target: https://staging.example.com } }'],
    },
    headersSpec('every request'),
    {
      key: 'variables',
      doc: 'Constants usable as `{{ name }}` in any string: text, numbers, or lists and objects for JSON bodies.',
      value: mapOf(identifierName('variable', 'A constant, usable as `{{ name }}`.'), { kind: 'json' }),
      examples: ['{ tenant: acme }'],
    },
    {
      key: 'data',
      doc: 'CSV files whose rows feed the requests, as `{{ source.column }}`.',
      value: mapOf(identifierName('data source', 'A data source, usable as `{{ source.column }}`.'), DATA_SOURCE_SPEC),
      examples: ['{ accounts: { file: accounts.csv, order: sequential } }'],
    },
    { ...loadKey, requiredUnless: 'groups' },
    thinkTimeKey('after each request'),
    onStartKey,
    { ...requestsKey, requiredUnless: 'groups' },
    {
      key: 'groups',
      doc: 'Several user groups started together, each with its own `name`, `load`, `onStart`, `requests`, `thinkTime` and `headers`. Replaces top-level `load` and `requests`.',
      value: { kind: 'list', items: GROUP_SPEC, minItems: 1 },
      conflicts: ['load', 'requests', 'onStart', 'thinkTime'],
    },
    {
      key: 'targets',
      doc: 'What counts as passing: response times (`median`, `avg`, `min`, `p90`, `p95`, `p99`, `max`), `errors`, `success` and `rps`, overall or per request under `requests`.',
      value: TARGETS_SPEC,
      examples: ['{ p99: < 500ms, errors: < 0.1% }'],
    },
    {
      key: 'monitors',
      doc: 'Server-side measurements read once a second during the run, charted beside the latency and used by the findings: Prometheus endpoints (`prometheus:` and the `series` to keep) or local processes (`process:` id, for CPU and memory).',
      value: { kind: 'list', items: { kind: 'choice', options: [PROCESS_MONITOR_SPEC, PROMETHEUS_MONITOR_SPEC], expected: 'a monitor: a mapping with name and prometheus (and series), or name and process' }, minItems: 1 },
      examples: ['[{ name: api, prometheus: /metrics, series: [db_pool_connections_in_use] }]'],
    },
  ],
};

/** A key's spec in an object, if the object has that key. */
export function keySpec(object: ObjectSpec, key: string): KeySpec | undefined {
  return object.keys.find((spec) => spec.key === key);
}
