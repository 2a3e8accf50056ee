// Builds validated Scenario objects by hand, for tests that must not depend on the YAML loader.

import type {
  BuiltinFunction,
  ClosedLoad,
  Comparison,
  Expr,
  MixItem,
  OpenLoad,
  RequestSpec,
  Scenario,
  Target,
  TargetMetric,
  Template,
  TemplatePart,
  TemplateValue,
  UserGroup,
} from '../../../src/core/scenario/model';

const RANGE = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/** A template from pieces: plain strings are literal text, other pieces are `{{ }}` or `${env:}` parts. */
export function tpl(...pieces: (string | Expr | TemplatePart)[]): Template {
  return pieces.map((piece): TemplatePart => {
    if (typeof piece === 'string') return { kind: 'text', text: piece };
    if (piece.kind === 'var' || piece.kind === 'literal' || piece.kind === 'call') return { kind: 'expr', expr: piece };
    return piece;
  });
}

export const v = (...path: string[]): Expr => ({ kind: 'var', path });
export const lit = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value });
export const call = (fn: BuiltinFunction, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
export const env = (name: string, fallback?: string): TemplatePart =>
  fallback === undefined ? { kind: 'env', name } : { kind: 'env', name, fallback };

/** JSON-like body value: strings become literal-text templates, Template arrays stay templates. */
export function json(value: unknown): TemplateValue {
  if (typeof value === 'string') return { kind: 'template', template: tpl(value) };
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', value };
  if (isTemplate(value)) return { kind: 'template', template: value };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(json) };
  if (typeof value === 'object') return { kind: 'object', entries: Object.entries(value).map(([k, x]) => [k, json(x)] as const) };
  throw new Error(`Cannot build a template value from ${String(value)}`);
}

function isTemplate(value: unknown): value is Template {
  return Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'object' && p !== null && 'kind' in p && ['text', 'env', 'expr'].includes(String(p.kind)));
}

export function request(name: string, method: RequestSpec['method'], path: string | Template, extra: Partial<RequestSpec> = {}): RequestSpec {
  return {
    name,
    method,
    path: typeof path === 'string' ? tpl(path) : path,
    query: [],
    headers: [],
    expect: { status: [], bodyContains: [], jsonPathExists: [] },
    captures: [],
    range: RANGE,
    ...extra,
  };
}

export function closed(users: number, seconds: number, extra: Partial<ClosedLoad> = {}): ClosedLoad {
  return { kind: 'closed', startUsers: 0, stages: [{ durationSeconds: seconds, users }], gracefulStopSeconds: 1, ...extra };
}

export function open(ratePerSecond: number, seconds: number, maxUsers: number, extra: Partial<OpenLoad> = {}): OpenLoad {
  return {
    kind: 'open',
    startRate: ratePerSecond,
    stages: [{ durationSeconds: seconds, ratePerSecond }],
    preAllocatedUsers: Math.min(2, maxUsers),
    maxUsers,
    gracefulStopSeconds: 1,
    ...extra,
  };
}

export const mixRequest = (r: RequestSpec, weight = 1): MixItem => ({ kind: 'request', weight, request: r });
export const flow = (name: string, steps: RequestSpec[], weight = 1): MixItem => ({ kind: 'flow', weight, name, steps });

export function group(name: string, load: UserGroup['load'], mix: MixItem[], extra: Partial<UserGroup> = {}): UserGroup {
  return { name, load, headers: [], onStart: [], mix, ...extra };
}

export function target(metric: TargetMetric, comparison: Comparison, value: number, extra: Partial<Target> = {}): Target {
  return { metric, comparison, value, expression: `${comparison} ${value}`, abortOnFail: false, range: RANGE, ...extra };
}

export function scenario(extra: Partial<Scenario> = {}): Scenario {
  return {
    name: 'Test scenario',
    file: '/virtual/test.scenario.yaml',
    target: tpl('http://127.0.0.1:1'),
    environmentNames: [],
    headers: [],
    variables: [],
    data: [],
    monitors: [],
    groups: [group('Test scenario', closed(1, 1), [mixRequest(request('home', 'GET', '/'))])],
    targets: [],
    ...extra,
  };
}
