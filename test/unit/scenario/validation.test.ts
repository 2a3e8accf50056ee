// Each check of the validator, on the smallest file that triggers it: the code, the exact place and the fix.
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/scenario/diagnostics';
import { applyFix, BASE, codes, errors, load } from './helpers';

const withRequest = (request: string): string => BASE.replace('{ name: home, GET: / }', request);
const withLoad = (loadText: string): string => BASE.replace('{ users: 10, duration: 1m }', loadText);
const withTargets = (targets: string): string => `${BASE}targets:\n${targets}`;

interface Case {
  name: string;
  text: string;
  /** code@line:column of the one expected problem (severity error unless said). */
  at: string;
  severity?: 'error' | 'warning' | 'info';
  message?: string;
  fix?: string;
  files?: Record<string, string>;
  environment?: string;
}

const CASES: Case[] = [
  // Keys
  { name: 'unknown key with did-you-mean', text: withLoad('{ usres: 10, duration: 1m }'), at: 'unknown-key@3:9', fix: 'users', message: 'did you mean `users`' },
  { name: 'key at the wrong level', text: `${BASE}duration: 5m\n`, at: 'unknown-key@6:1', message: 'It belongs under `load:`' },
  { name: 'unknown key in a request', text: withRequest('{ name: home, GET: /, heders: { a: b } }'), at: 'unknown-key@5:27', fix: 'headers' },
  { name: 'method key in lower case', text: withRequest('{ name: home, get: / }'), at: 'unknown-key@5:19', fix: 'GET' },
  { name: 'missing scenario name', text: BASE.replace('scenario: Test\n', ''), at: 'missing-key@1:1', message: 'needs `scenario`' },
  { name: 'missing load', text: BASE.replace('load: { users: 10, duration: 1m }\n', ''), at: 'missing-key@1:1', message: 'needs `load` (or `groups`)' },
  { name: 'missing requests', text: BASE.replace(/requests:[\s\S]*/, ''), at: 'missing-key@1:1', message: 'needs `requests`' },
  { name: 'missing target', text: BASE.replace('target: http://127.0.0.1:8080\n', ''), at: 'missing-target@1:1' },
  { name: 'empty requests list', text: BASE.replace(/requests:[\s\S]*/, 'requests: []\n'), at: 'empty-list@4:1' },
  { name: 'load without a value', text: BASE.replace('load: { users: 10, duration: 1m }', 'load:'), at: 'missing-value@3:1' },
  { name: 'list where a mapping belongs', text: BASE.replace('load: { users: 10, duration: 1m }', 'load: [1, 2]'), at: 'wrong-type@3:7' },
  { name: 'mapping where a list belongs', text: BASE.replace(/requests:[\s\S]*/, 'requests: { GET: / }\n'), at: 'wrong-type@4:11' },
  { name: 'bad variable name', text: `${BASE}variables: { 9lives: x }\n`, at: 'bad-name@6:14' },
  { name: 'conflicting keys', text: withLoad('{ users: 10, spawnRate: 1/s, rampUp: 5s, duration: 1m }'), at: 'conflicting-keys@3:36' },
  { name: 'required companion missing', text: withLoad('{ rate: 10/s, spawnRate: 1/s, duration: 1m }'), at: 'missing-key@3:21', message: '`spawnRate` needs `users`' },
  { name: 'groups together with load', text: `${BASE}groups: [{ name: a, load: { users: 1, duration: 1m }, requests: [{ GET: / }] }]\n`, at: 'conflicting-keys@6:1' },
  // Values
  { name: 'bare number duration', text: withLoad('{ users: 10, duration: 30 }'), at: 'bad-duration@3:30', fix: '30s', message: 'no unit' },
  { name: 'worded duration', text: withLoad('{ users: 10, duration: 5 minutes }'), at: 'bad-duration@3:30', fix: '5m' },
  { name: 'bad rate', text: withLoad('{ users: 10, spawnRate: 10, duration: 1m }'), at: 'bad-rate@3:31', fix: '10/s' },
  { name: 'bad think time', text: `${BASE}thinkTime: 3s..1s\n`, at: 'bad-think-time@6:12', fix: '1s..3s' },
  { name: 'zero users', text: withLoad('{ users: 0, duration: 1m }'), at: 'out-of-range@3:16', message: 'at least 1' },
  { name: 'negative users', text: withLoad('{ users: -5, duration: 1m }'), at: 'out-of-range@3:16' },
  { name: 'fractional users', text: withLoad('{ users: 2.5, duration: 1m }'), at: 'bad-value@3:16' },
  { name: 'quoted number', text: withLoad('{ users: "10", duration: 1m }'), at: 'bad-value@3:16', fix: '10' },
  { name: 'zero weight', text: withRequest('{ name: home, GET: /, weight: 0 }'), at: 'out-of-range@5:35' },
  { name: 'negative weight', text: withRequest('{ name: home, GET: /, weight: -2 }'), at: 'out-of-range@5:35' },
  { name: 'status out of range', text: withRequest('{ name: home, GET: /, expect: { status: 99 } }'), at: 'out-of-range@5:45' },
  { name: 'bad enum', text: `${BASE}data: { a: { file: a.csv, order: Random } }\n`, at: 'bad-value@6:34', fix: 'random', files: { 'a.csv': 'x\n' } },
  { name: 'yes for a boolean', text: withTargets('  errors: { threshold: < 1%, abort: yes }\n'), at: 'bad-value@7:37', fix: 'true' },
  { name: 'bad JSON path', text: withRequest('{ name: home, GET: /, capture: { id: items.id } }'), at: 'bad-json-path@5:42', fix: '$.items.id' },
  { name: 'bad regex', text: withRequest(`{ name: home, GET: /, capture: { id: { regex: 'a(b' } } }`), at: 'bad-regex@5:51' },
  { name: 'regex without the group', text: withRequest(`{ name: home, GET: /, capture: { id: { regex: 'id=\\d+' } } }`), at: 'bad-capture-group@5:44' },
  { name: 'target URL without scheme', text: BASE.replace('http://127.0.0.1:8080', '127.0.0.1:8080'), at: 'bad-target-url@2:9', fix: 'http://127.0.0.1:8080' },
  { name: 'target URL with an expression', text: BASE.replace('http://127.0.0.1:8080', '"http://{{ host }}"'), at: 'bad-target-url@2:9' },
  { name: 'path without a slash', text: withRequest('{ name: home, GET: api/items }'), at: 'relative-path@5:24', severity: 'warning', fix: '/api/items' },
  // Requests
  { name: 'two methods', text: withRequest('{ name: home, GET: /, POST: /x }'), at: 'one-of@5:27', message: 'one HTTP method' },
  { name: 'no method', text: withRequest('{ name: home }'), at: 'missing-key@5:5', message: 'GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS' },
  { name: 'two bodies', text: withRequest('{ name: home, POST: /, json: { a: 1 }, body: x }'), at: 'one-of@5:44', message: 'one body' },
  { name: 'contentType without body', text: withRequest('{ name: home, POST: /, json: { a: 1 }, contentType: text/plain }'), at: 'missing-key@5:44' },
  { name: 'duplicate request names', text: `${BASE}  - { name: home, GET: /x }\n`, at: 'duplicate-name@6:13', message: 'line 5' },
  { name: 'duplicate implied names', text: withRequest('{ GET: / }\n  - { GET: / }'), at: 'duplicate-name@6:7', message: 'distinct names' },
  { name: 'flow without steps', text: withRequest('{ flow: checkout }'), at: 'missing-key@5:5', message: '`steps`' },
  // Targets
  { name: 'unit that does not fit the metric', text: withTargets('  p99: < 5%\n'), at: 'target-unit@7:8', message: 'does not fit p99' },
  { name: 'percent target in ms', text: withTargets('  errors: < 5ms\n'), at: 'target-unit@7:11' },
  { name: 'missing unit in a target', text: withTargets('  p95: < 300\n'), at: 'target-unit@7:8', fix: '< 300ms' },
  { name: 'unknown metric', text: withTargets('  p98: < 5ms\n'), at: 'unknown-metric@7:3', fix: 'p90' },
  { name: 'malformed target', text: withTargets('  median: fast\n'), at: 'bad-target@7:11' },
  { name: 'equality in a target', text: withTargets('  median: = 5ms\n'), at: 'bad-target@7:11' },
  { name: 'unquoted >=', text: withTargets('  rps: >= 50/s\n'), at: 'quote-expression@7:8', fix: "'>= 50/s'", message: "quote the expression: '>= 50/s'".replace('quote', 'Quote') },
  { name: 'unquoted >', text: withTargets('  success: > 99.9%\n  p99: < 1s\n'), at: 'quote-expression@7:12', fix: "'> 99.9%'" },
  { name: 'empty folded block as a target', text: withTargets('  p99: >\n  median: < 1s\n'), at: 'quote-expression@7:8' },
  { name: 'per-request target naming an unknown request', text: withTargets('  requests:\n    hom: { p95: < 300ms }\n'), at: 'unknown-request@8:5', fix: 'home' },
  { name: 'unknown metric per request', text: withTargets('  requests:\n    home: { p100: < 300ms }\n'), at: 'unknown-metric@8:13' },
  { name: 'abortAfter without abort', text: withTargets('  p99: { threshold: < 1s, abortAfter: 10s }\n'), at: 'missing-key@7:27' },
  // Load
  { name: 'ramp longer than the test', text: withLoad('{ users: 100, spawnRate: 1/s, duration: 1m }'), at: 'ramp-too-long@3:32', message: 'takes 1m40s, longer than the whole test' },
  { name: 'rampUp longer than the test', text: withLoad('{ users: 10, rampUp: 2m, duration: 1m }'), at: 'ramp-too-long@3:28' },
  { name: 'open rampUp longer than the test', text: withLoad('{ rate: 10/s, rampUp: 2m, duration: 1m, maxUsers: 10 }'), at: 'ramp-too-long@3:29' },
  { name: 'two load models', text: withLoad('{ users: 10, rate: 5/s, duration: 1m }'), at: 'one-of@3:20' },
  { name: 'no load model', text: withLoad('{ duration: 1m }'), at: 'missing-key@3:1', message: 'users, rate or stages' },
  { name: 'maxUsers with the closed model', text: withLoad('{ users: 10, duration: 1m, maxUsers: 5 }'), at: 'conflicting-keys@3:34' },
  { name: 'maxUsers with closed stages', text: withLoad('{ stages: [{ duration: 1m, users: 5 }], maxUsers: 5 }'), at: 'open-model-only@3:47' },
  { name: 'mixed stages', text: withLoad('{ stages: [{ duration: 1m, users: 5 }, { duration: 1m, rate: 5/s }] }'), at: 'mixed-stages@3:46' },
  { name: 'stages that run nothing', text: withLoad('{ stages: [{ duration: 1m, users: 0 }] }'), at: 'no-load@3:9' },
  { name: 'duration with stages', text: withLoad('{ stages: [{ duration: 1m, users: 5 }], duration: 1m }'), at: 'conflicting-keys@3:47' },
  { name: 'more preallocated than max', text: withLoad('{ rate: 10/s, duration: 1m, maxUsers: 5, preAllocatedUsers: 6 }'), at: 'too-many-preallocated@3:67' },
  { name: 'open model without maxUsers', text: withLoad('{ rate: 200/s, duration: 1m }'), at: 'default-max-users@3:9', severity: 'info', message: 'at most 2000 concurrent users' },
  // Environments
  { name: 'unknown environment', text: `${BASE}environments: { staging: { target: https://s.example } }\n`, environment: 'prod', at: 'unknown-environment@6:1', message: 'The declared environments are staging' },
  { name: 'environment with no environments', text: BASE, environment: 'prod', at: 'unknown-environment@1:1', message: 'declares no environments' },
  { name: 'unset env variable without default', text: BASE.replace('http://127.0.0.1:8080', '${env:NOT_SET_ANYWHERE}'), at: 'env-unset@2:9', severity: 'warning' },
  { name: 'plain ${NAME}', text: withRequest('{ name: home, GET: "/x?t=${TOKEN}" }'), at: 'env-syntax@5:30', severity: 'warning', fix: '${env:TOKEN}' },
  // Templates and names
  { name: 'unknown function', text: withRequest('{ name: home, GET: "/{{ randInt(1, 2) }}" }'), at: 'unknown-function@5:29', fix: 'randomInt' },
  { name: 'operator in an expression', text: withRequest('{ name: home, GET: "/{{ user + 1 }}" }'), at: 'bad-expression@5:34' },
  { name: 'unknown variable', text: withRequest('{ name: home, GET: "/{{ nothing }}" }'), at: 'unknown-variable@5:29' },
  { name: 'misspelt variable', text: `${BASE}variables: { tenant: acme }\n`.replace('GET: /', 'GET: "/{{ tenat }}"'), at: 'unknown-variable@5:29', fix: 'tenant' },
  { name: 'function used as a name', text: withRequest('{ name: home, GET: "/{{ uuid }}" }'), at: 'unknown-variable@5:29', fix: 'uuid()' },
  { name: 'data source without a column', text: `${BASE}data: { accounts: { file: a.csv } }\n`.replace('GET: /', 'GET: "/{{ accounts }}"'), files: { 'a.csv': 'email\n' }, at: 'bad-variable@5:29', fix: 'accounts.email' },
  { name: 'unknown data column', text: `${BASE}data: { accounts: { file: a.csv } }\n`.replace('GET: /', 'GET: "/{{ accounts.emial }}"'), files: { 'a.csv': 'email,password\n' }, at: 'unknown-column@5:29', fix: 'accounts.email' },
  { name: 'missing CSV file', text: `${BASE}data: { accounts: { file: nope.csv } }\n`, at: 'data-file-missing@6:27' },
  { name: 'empty CSV file', text: `${BASE}data: { accounts: { file: a.csv } }\n`, files: { 'a.csv': '' }, at: 'data-file-empty@6:27' },
  { name: 'capture named like a variable', text: `${BASE}variables: { id: x }\n`.replace('GET: /', 'GET: /, capture: { id: $.id }'), at: 'name-clash@5:38' },
  { name: 'variable named like a built-in', text: `${BASE}variables: { user: x }\n`, at: 'name-clash@6:14', message: 'already a built-in name' },
  { name: 'data source named like a variable', text: `${BASE}variables: { accounts: x }\ndata: { accounts: { file: a.csv } }\n`, files: { 'a.csv': 'email\n' }, at: 'name-clash@7:9' },
  { name: 'variable using another variable', text: `${BASE}variables: { a: x, b: "{{ a }}" }\n`, at: 'bad-variable@6:27' },
  { name: 'variable using a capture', text: `${BASE}variables: { b: "{{ token }}" }\n`.replace('GET: /', 'GET: /, capture: { token: $.t }'), at: 'capture-order@6:21' },
  // YAML
  { name: 'syntax error', text: 'scenario: [unclosed\n', at: 'yaml-syntax@2:1' },
  { name: 'duplicate key', text: `${BASE}scenario: Again\n`, at: 'duplicate-key@6:1' },
  { name: 'unquoted JSON path with [ in a flow mapping', text: withRequest('{ name: home, GET: /, capture: { id: $.items[0].id } }'), at: 'quote-json-path@5:42', fix: "'$.items[0].id'" },
  { name: 'two documents', text: `${BASE}---\nscenario: Two\n`, at: 'multiple-documents@6:1' },
  { name: 'a list at the root', text: '- a\n- b\n', at: 'not-a-mapping@1:1' },
  { name: 'an empty file', text: '', at: 'empty-file@1:1' },
  { name: 'a comment-only file', text: '# nothing yet\n', at: 'empty-file@1:1' },
  { name: 'unknown alias', text: `${BASE}description: *nope\n`, at: 'yaml-syntax@6:14' },
];

describe('validation', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = load(c.text, { files: c.files, ...(c.environment === undefined ? {} : { environment: c.environment }) });
    const severity = c.severity ?? 'error';
    expect(codes(result.diagnostics, severity)).toContain(c.at);
    if (severity === 'error') expect(result.scenario).toBeUndefined();
    else expect(errors(result.diagnostics)).toEqual([]);
    const diagnostic = result.diagnostics.find((d) => `${d.code}@${d.line}:${d.column}` === c.at);
    if (c.message !== undefined) expect(diagnostic?.message).toContain(c.message);
    if (c.fix !== undefined) expect(diagnostic?.fix?.replacement).toBe(c.fix);
  });

  it('the base scenario is valid', () => {
    const result = load(BASE);
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.name).toBe('Test');
  });

  it.each(CASES.filter((c) => c.fix !== undefined && (c.severity ?? 'error') === 'error').map((c) => [c.name, c] as const))('the fix for "%s" removes the problem', (_, c) => {
    const before = load(c.text, { files: c.files });
    const diagnostic = before.diagnostics.find((d) => `${d.code}@${d.line}:${d.column}` === c.at);
    if (!diagnostic) throw new Error('no diagnostic');
    const after = load(applyFix(c.text, diagnostic), { files: c.files });
    expect(codes(after.diagnostics, 'error')).not.toContain(c.at);
  });

  it('reports every problem of a file in one pass, in line order', () => {
    const text = withLoad('{ users: 0, duration: 30 }').replace('GET: /', 'GET: "/{{ nope }}"') + 'targets:\n  p99: < 5%\n';
    const found = codes(load(text).diagnostics);
    expect(found).toEqual(['out-of-range@3:16', 'bad-duration@3:29', 'unknown-variable@5:29', 'target-unit@7:8']);
  });

  it('says a misspelt key once, not also as missing', () => {
    const result = load(withLoad('{ usres: 10, duration: 1m }'));
    expect(codes(result.diagnostics)).toEqual(['unknown-key@3:9']);
  });

  it('ranges cover the offending text exactly', () => {
    const [diagnostic] = load(withLoad('{ users: 10, duration: 30 }')).diagnostics;
    expect(diagnostic).toMatchObject({ line: 3, column: 30, endLine: 3, endColumn: 32 });
    const [unknown] = load(`${BASE}colour: blue\n`).diagnostics;
    expect(unknown).toMatchObject({ line: 6, column: 1, endLine: 6, endColumn: 7 });
  });

  it('places problems inside a quoted template exactly', () => {
    const [diagnostic] = load(withRequest('{ name: home, GET: "/a/{{ nope }}" }')).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'unknown-variable', line: 5, column: 31, endColumn: 35 });
  });

  it('falls back to the whole value when a string has escapes', () => {
    const [diagnostic] = load(withRequest('{ name: home, GET: "/a\\t{{ nope }}" }')).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'unknown-variable', line: 5, column: 24 });
  });

  it('does not warn about an env variable that is set, or has a default', () => {
    const text = BASE.replace('http://127.0.0.1:8080', '${env:TARGET}');
    expect(load(text, { env: { TARGET: 'http://x' } }).diagnostics).toEqual([]);
    expect(load(BASE.replace('http://127.0.0.1:8080', '${env:TARGET:-http://x}')).diagnostics).toEqual([]);
  });

  it('only reports syntax errors when the YAML is broken', () => {
    const result = load('scenario: x\nload: { users: 0\nrequests: [\n');
    expect(result.diagnostics.every((d) => d.code === 'yaml-syntax')).toBe(true);
    expect(hasErrors(result.diagnostics)).toBe(true);
  });

  it('reports the file name it was given', () => {
    const [diagnostic] = load(`${BASE}colour: blue\n`).diagnostics;
    expect(diagnostic?.file).toMatch(/test\.scenario\.yaml$/);
  });
});

describe('captured values and the order requests run in', () => {
  const scenario = (onStart: string, requests: string): string =>
    `scenario: T\ntarget: http://127.0.0.1:1\nload: { users: 1, duration: 1m }\n${onStart ? `onStart:\n${onStart}` : ''}requests:\n${requests}`;

  it('accepts a value captured in onStart anywhere in the mix', () => {
    const text = scenario('  - { name: login, POST: /login, capture: { token: $.t } }\n', '  - { name: a, GET: "/{{ token }}" }\n');
    expect(load(text).diagnostics).toEqual([]);
  });

  it('accepts a value captured by an earlier onStart request, not a later one', () => {
    const ok = scenario('  - { name: a, GET: /a, capture: { x: $.x } }\n  - { name: b, GET: "/{{ x }}" }\n', '  - { name: c, GET: / }\n');
    expect(load(ok).diagnostics).toEqual([]);
    const late = scenario('  - { name: a, GET: "/{{ x }}" }\n  - { name: b, GET: /b, capture: { x: $.x } }\n', '  - { name: c, GET: / }\n');
    expect(codes(load(late).diagnostics)).toEqual(['capture-order@5:26']);
    expect(load(late).diagnostics[0]?.message).toContain("captured by 'b', which runs after this request");
  });

  it('refuses a value used in the request that captures it', () => {
    const text = scenario('', '  - { name: a, GET: "/{{ x }}", capture: { x: $.x } }\n');
    expect(load(text).diagnostics[0]?.message).toContain("this request's own response");
  });

  it('warns when another item of the mix captures the value', () => {
    const text = scenario('', '  - { name: a, GET: /a, capture: { x: $.x } }\n  - { name: b, GET: "/{{ x }}" }\n');
    const result = load(text);
    expect(codes(result.diagnostics, 'warning')).toEqual(['capture-order@6:26']);
    expect(result.scenario).toBeDefined();
  });

  it('accepts earlier steps of a flow, refuses later ones, warns for other items', () => {
    const flow = (steps: string): string => scenario('', `  - flow: f\n    steps:\n${steps}  - { name: other, GET: /o, capture: { y: $.y } }\n`);
    expect(load(flow('      - { name: s1, GET: /1, capture: { x: $.x } }\n      - { name: s2, GET: "/{{ x }}" }\n')).diagnostics).toEqual([]);
    expect(codes(load(flow('      - { name: s1, GET: "/{{ x }}" }\n      - { name: s2, GET: /2, capture: { x: $.x } }\n')).diagnostics)).toEqual(['capture-order@7:31']);
    expect(codes(load(flow('      - { name: s1, GET: "/{{ y }}" }\n')).diagnostics, 'warning')).toEqual(['capture-order@7:31']);
  });

  it('keeps each group to its own captures', () => {
    const text = `scenario: T\ntarget: http://127.0.0.1:1\ngroups:\n  - name: a\n    load: { users: 1, duration: 1m }\n    onStart: [{ name: login, POST: /l, capture: { token: $.t } }]\n    requests: [{ name: x, GET: / }]\n  - name: b\n    load: { users: 1, duration: 1m }\n    requests: [{ name: y, GET: "/{{ token }}" }]\n`;
    const result = load(text);
    expect(codes(result.diagnostics)).toEqual(['capture-order@10:37']);
    expect(result.diagnostics[0]?.message).toContain("captured only in group 'a'");
  });

  it('lets scenario headers use a value captured in onStart', () => {
    const text = `${scenario('  - { name: login, POST: /l, capture: { token: $.t } }\n', '  - { name: a, GET: / }\n')}headers: { Authorization: "Bearer {{ token }}" }\n`;
    expect(load(text).diagnostics).toEqual([]);
  });
});
