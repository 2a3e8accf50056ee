// Checks and captures applied to a response. Pure (no k6 imports) so it is unit-tested in Node.

import type { PlanCheck } from '../core/compile/plan';
import type { Capture } from '../core/scenario/model';
import { parseJsonPath, walkJsonPath, type PathSegment } from './json-path';

/** The parts of a k6 response the rules read. */
export interface ResponseView {
  status: number;
  body: string | null;
  headers: Readonly<Record<string, string>>;
  durationMs: number;
}

/** A response plus its body parsed as JSON once, on first use. */
export class InspectedResponse {
  private parsed: { ok: boolean; value?: unknown } | undefined;

  constructor(readonly view: ResponseView) {}

  json(): { ok: boolean; value?: unknown } {
    if (this.parsed === undefined) {
      try {
        this.parsed = { ok: true, value: JSON.parse(this.view.body ?? '') };
      } catch {
        this.parsed = { ok: false };
      }
    }
    return this.parsed;
  }

  header(name: string): string | undefined {
    const wanted = name.toLowerCase();
    for (const key of Object.keys(this.view.headers)) if (key.toLowerCase() === wanted) return this.view.headers[key];
    return undefined;
  }
}

const pathCache = new Map<string, PathSegment[]>();
const regexCache = new Map<string, RegExp>();

function segmentsOf(path: string): PathSegment[] {
  let segments = pathCache.get(path);
  if (segments === undefined) {
    segments = parseJsonPath(path);
    pathCache.set(path, segments);
  }
  return segments;
}

function regexOf(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern);
    regexCache.set(pattern, regex);
  }
  return regex;
}

export function checkPasses(check: PlanCheck, response: InspectedResponse): boolean {
  switch (check.kind) {
    case 'status':
      return check.statuses.includes(response.view.status);
    case 'bodyContains':
      return (response.view.body ?? '').includes(check.text);
    case 'jsonPathExists': {
      const json = response.json();
      return json.ok && walkJsonPath(json.value, segmentsOf(check.path)).found;
    }
    case 'maxDuration':
      return response.view.durationMs <= check.ms;
  }
}

/** The captured value, or undefined when the response does not hold it. */
export function captureValue(capture: Capture, response: InspectedResponse): unknown {
  switch (capture.from) {
    case 'json': {
      const json = response.json();
      return json.ok ? walkJsonPath(json.value, segmentsOf(capture.path)).value : undefined;
    }
    case 'header':
      return response.header(capture.header);
    case 'regex':
      return regexOf(capture.pattern).exec(response.view.body ?? '')?.[capture.group];
  }
}
