// The parts of an HTTP request (URL, headers, body) rendered from a plan request.
// Pure (no k6 imports) so it is unit-tested in Node.

import type { PlanHeader, PlanRequest } from '../core/compile/plan';
import type { Template } from '../core/scenario/model';
import { renderTemplate, renderValue, type TemplateScope } from './templates';

export interface RequestParts {
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** URL, headers and body for one send of `request`. Header layers go from lowest to highest precedence. */
export function renderRequest(
  request: PlanRequest,
  target: Template,
  headerLayers: readonly (readonly PlanHeader[])[],
  scope: TemplateScope,
): RequestParts {
  const path = renderTemplate(request.path, scope);
  const base = isAbsoluteUrl(path) ? path : joinUrl(renderTemplate(target, scope), path);
  const url = appendQuery(
    base,
    request.query.map(([name, value]) => [name, renderTemplate(value, scope)] as const),
  );

  // Header names are case-insensitive: a later layer replaces an earlier one whatever its case.
  const headers = new Map<string, readonly [string, string]>();
  const put = (name: string, value: string): void => void headers.set(name.toLowerCase(), [name, value]);
  for (const layer of headerLayers) for (const h of layer) put(h.name, renderTemplate(h.value, scope));

  let body: string | null = null;
  const spec = request.body;
  if (spec?.kind === 'json') {
    body = JSON.stringify(renderValue(spec.value, scope));
    put('Content-Type', 'application/json');
  } else if (spec?.kind === 'form') {
    body = encodeForm(spec.fields.map(([name, value]) => [name, renderTemplate(value, scope)] as const));
    put('Content-Type', 'application/x-www-form-urlencoded');
  } else if (spec?.kind === 'raw') {
    body = renderTemplate(spec.text, scope);
    if (spec.contentType !== undefined) put('Content-Type', spec.contentType);
  }
  // The request's own headers beat the body's implied content type; scenario and group defaults do not.
  for (const h of request.headers) put(h.name, renderTemplate(h.value, scope));

  const headerObject: Record<string, string> = {};
  for (const [name, value] of headers.values()) headerObject[name] = value;
  return { url, headers: headerObject, body };
}

export function isAbsoluteUrl(path: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path);
}

/** `http://h/api/` + `/x` → `http://h/api/x`; `http://h` + `x` → `http://h/x`. */
export function joinUrl(base: string, path: string): string {
  if (path === '') return base;
  const trimmed = base.replace(/\/+$/, '');
  return path.startsWith('/') || path.startsWith('?') ? trimmed + path : `${trimmed}/${path}`;
}

/** Query pairs appended in order, names and values percent-encoded. */
export function appendQuery(url: string, pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return url;
  return url + (url.includes('?') ? '&' : '?') + encodeForm(pairs);
}

/** `application/x-www-form-urlencoded` pairs in order (repeated names allowed). */
export function encodeForm(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}
