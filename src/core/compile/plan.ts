// The compiled plan: pure JSON data written to `plan.json` and interpreted by the one k6 runtime
// (src/k6-runtime). The runtime imports these types only. Strings from the scenario stay data here:
// templates keep their parsed form and are interpreted, never turned into code.

import type { Capture, HttpMethod, RequestBody, Template, TemplateValue, ThinkTime } from '../scenario/model';
import type { K6Options } from './k6-options';

/** Bump when the shape changes; the runtime refuses any other version. */
export type PlanVersion = 1;

export interface Plan {
  version: PlanVersion;
  /** Display name of the scenario. */
  scenario: string;
  /** Base URL; may hold `${env:...}` parts resolved when the test runs. */
  target: Template;
  /** Headers sent with every request of every group (lowest precedence). */
  headers: readonly PlanHeader[];
  /** Named constants, usable as `{{ name }}`; evaluated where used. */
  variables: readonly (readonly [string, TemplateValue])[];
  data: readonly PlanDataSource[];
  /** Same order as the scenario's groups; `id` is the k6 scenario name. */
  groups: readonly PlanGroup[];
  /** Exported by the runtime as k6's `options`. */
  options: K6Options;
}

export interface PlanHeader {
  name: string;
  value: Template;
}

export interface PlanDataSource {
  name: string;
  /** CSV file name, relative to the folder of `plan.json`. */
  file: string;
  order: 'sequential' | 'random' | 'perUser';
  columns: readonly string[];
}

export interface PlanGroup {
  /** Safe k6 scenario name: `g0`, `g1`... */
  id: string;
  /** Display name from the scenario. */
  name: string;
  thinkTime?: ThinkTime;
  headers: readonly PlanHeader[];
  onStart: readonly PlanRequest[];
  mix: readonly PlanMixItem[];
}

export type PlanMixItem =
  | { kind: 'request'; weight: number; request: PlanRequest }
  | { kind: 'flow'; weight: number; name: string; steps: readonly PlanRequest[] };

export interface PlanRequest {
  /** Safe tag value (`r0`, `r1`...) used in threshold keys instead of the display name. */
  id: string;
  /** Display name, sent as the `name` tag. */
  name: string;
  method: HttpMethod;
  path: Template;
  query: readonly (readonly [string, Template])[];
  headers: readonly PlanHeader[];
  body?: RequestBody;
  timeoutMs?: number;
  /** Statuses that count as success for `http_req_failed`; empty means 200-399. */
  expectedStatuses: readonly number[];
  checks: readonly PlanCheck[];
  captures: readonly Capture[];
  /** Pause after this request; overrides the group's think time. */
  thinkTime?: ThinkTime;
  /** Whether a check or capture reads the body, so the runtime must ask k6 to keep it. */
  readsBody: boolean;
}

/** A k6 check. `label` is the check name in k6's results: `<request name>: <condition>`. */
export type PlanCheck =
  | { kind: 'status'; label: string; statuses: readonly number[] }
  | { kind: 'bodyContains'; label: string; text: string }
  | { kind: 'jsonPathExists'; label: string; path: string }
  | { kind: 'maxDuration'; label: string; ms: number };
