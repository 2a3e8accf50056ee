// Interprets parsed templates (`{{ expr }}`, `${env:NAME}`) against the running user's state.
// Only the fixed built-in functions exist; nothing from a scenario is ever evaluated as code.
// Pure (no k6 imports) so it is unit-tested in Node.

import type { Expr, Template, TemplateValue } from '../core/scenario/model';

/** What a template can read while it is rendered. */
export interface TemplateScope {
  /** The value of a name or dotted name (`token`, `users.email`); undefined when unknown. */
  lookup(path: readonly string[]): unknown;
  env(name: string): string | undefined;
  /** The next value of the user's counter, from 1. */
  nextSequence(): number;
  /** A number in [0, 1). */
  random(): number;
}

/** The template as a string: values are converted as `toText` says. */
export function renderTemplate(template: Template, scope: TemplateScope): string {
  let out = '';
  for (const part of template) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'env') out += scope.env(part.name) ?? part.fallback ?? '';
    else out += toText(evaluateExpr(part.expr, scope));
  }
  return out;
}

/** A JSON value; a string that is exactly one `{{ expr }}` keeps the value's own type. */
export function renderValue(value: TemplateValue, scope: TemplateScope): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'array':
      return value.items.map((item) => renderValue(item, scope));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of value.entries) out[key] = renderValue(item, scope);
      return out;
    }
    case 'template': {
      const only = value.template.length === 1 ? value.template[0] : undefined;
      if (only?.kind === 'expr') return toJsonValue(evaluateExpr(only.expr, scope));
      return renderTemplate(value.template, scope);
    }
  }
}

/** Text form of a value: missing values are empty, objects are JSON. */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

export function evaluateExpr(expr: Expr, scope: TemplateScope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'var':
      return scope.lookup(expr.path);
    case 'call':
      return callBuiltin(expr.fn, expr.args.map((arg) => evaluateExpr(arg, scope)), scope);
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function callBuiltin(fn: Extract<Expr, { kind: 'call' }>['fn'], args: readonly unknown[], scope: TemplateScope): unknown {
  const num = (i: number, fallback: number): number => {
    const n = Number(args[i]);
    return Number.isFinite(n) ? n : fallback;
  };
  switch (fn) {
    case 'randomInt': {
      const a = num(0, 0);
      const b = num(1, a);
      const lo = Math.ceil(Math.min(a, b));
      const hi = Math.floor(Math.max(a, b));
      return lo + Math.floor(scope.random() * (hi - lo + 1));
    }
    case 'randomFloat': {
      const a = num(0, 0);
      const b = num(1, 1);
      return a + scope.random() * (b - a);
    }
    case 'pick':
      return args.length === 0 ? '' : args[Math.floor(scope.random() * args.length)];
    case 'uuid':
      // k6 v2 and Node both provide Web Crypto.
      return crypto.randomUUID();
    case 'randomString': {
      let out = '';
      const length = Math.max(0, Math.floor(num(0, 8)));
      for (let i = 0; i < length; i++) out += ALPHANUMERIC[Math.floor(scope.random() * ALPHANUMERIC.length)];
      return out;
    }
    case 'sequence':
      return scope.nextSequence();
    case 'now':
      return Date.now();
    case 'isoTime':
      return new Date().toISOString();
    case 'base64':
      return base64(new TextEncoder().encode(toText(args[0])));
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63];
    out += BASE64[(n >> 12) & 63];
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63];
    out += c === undefined ? '=' : BASE64[n & 63];
  }
  return out;
}
