// The one k6 runtime: interprets a compiled Loadscope plan (plan.json) inside k6. The script is always
// these same bytes; everything a scenario says arrives as data.
//
// handleSummary: with LOADSCOPE_SUMMARY set (runs started by Loadscope) it returns only that file, the
// summary data as JSON; k6 then prints no text summary, because k6 v2 builds its text summary only when
// handleSummary returns a nullish value (internal/js/summary-wrapper.js; `{}` prints nothing) and the
// text formatter is not reachable from a script. Without it (an ejected test run by hand) it returns
// undefined, which prints k6's usual text summary exactly as if handleSummary were not exported.

import { check, sleep } from 'k6';
import exec from 'k6/execution';
import http, { type ResponseCallback } from 'k6/http';
import type { PlanGroup, PlanRequest } from '../core/compile/plan';
import type { ThinkTime } from '../core/scenario/model';
import { pickWeighted } from './mix';
import { readDataTables, readPlan, type DataTable } from './plan-file';
import { renderRequest } from './request-parts';
import { captureValue, checkPasses, InspectedResponse } from './response-rules';
import { renderValue, type TemplateScope } from './templates';
import { walkJsonPath } from './json-path';

const planPath = __ENV.LOADSCOPE_PLAN || './plan.json';
const plan = readPlan(planPath);
const tables = readDataTables(plan, planPath);
const variables = new Map(plan.variables);
const groupsById = new Map(plan.groups.map((g) => [g.id, g]));

export const options = plan.options;

// Built once per user: k6 response callbacks decide http_req_failed from each request's expected statuses.
const responseCallbacks = new Map<string, ResponseCallback>();
for (const group of plan.groups) {
  const requests = [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))];
  for (const r of requests) {
    const expected = r.expectedStatuses.length > 0 ? [...r.expectedStatuses] : [{ min: 200, max: 399 }];
    responseCallbacks.set(r.id, http.expectedStatuses(...expected));
  }
}

/** What one user (VU) keeps between iterations, per group. */
interface UserState {
  started: boolean;
  captures: Map<string, unknown>;
  sequence: number;
}

const userStates = new Map<string, UserState>();

function userState(group: PlanGroup): UserState {
  let state = userStates.get(group.id);
  if (state === undefined) {
    state = { started: false, captures: new Map(), sequence: 0 };
    userStates.set(group.id, state);
  }
  return state;
}

/**
 * The data row of each source for the current iteration, chosen on first use so all columns agree.
 * `sequential` follows the group's iteration count across all its users (each group starts at row 1).
 */
function rowPicker(): (source: string, table: DataTable) => readonly string[] | undefined {
  const chosen = new Map<string, readonly string[] | undefined>();
  return (source, table) => {
    if (!chosen.has(source)) {
      const count = table.rows.length - 1; // row 0 is the header
      let index: number;
      if (table.order === 'sequential') index = exec.scenario.iterationInTest % count;
      else if (table.order === 'perUser') index = (exec.vu.idInTest - 1) % count;
      else index = Math.floor(Math.random() * count);
      chosen.set(source, count > 0 ? table.rows[index + 1] : undefined);
    }
    return chosen.get(source);
  };
}

// Variables may refer to each other; a cycle the validator missed ends here instead of overflowing.
const MAX_VARIABLE_DEPTH = 16;

/**
 * Names resolve in this order: `source.column` of a data source, a captured variable, a `variables:`
 * constant, then `user` (from 1), `iteration` (from 0) and `group`. Unknown names are empty.
 */
function iterationScope(group: PlanGroup, state: UserState): TemplateScope {
  const rowOf = rowPicker();
  let depth = 0;
  const scope: TemplateScope = {
    env: (name) => __ENV[name],
    random: Math.random,
    nextSequence: () => ++state.sequence,
    lookup: (path) => {
      const [head, ...rest] = path;
      if (head === undefined) return undefined;
      const table = tables.get(head);
      if (table !== undefined && rest.length > 0) {
        const column = table.columns.indexOf(rest[0] ?? '');
        return column < 0 ? undefined : rowOf(head, table)?.[column];
      }
      let value: unknown;
      const variable = variables.get(head);
      if (state.captures.has(head)) value = state.captures.get(head);
      else if (variable !== undefined && depth < MAX_VARIABLE_DEPTH) {
        depth++;
        try {
          value = renderValue(variable, scope);
        } finally {
          depth--;
        }
      } else if (head === 'user') value = exec.vu.idInTest;
      else if (head === 'iteration') value = exec.vu.iterationInScenario;
      else if (head === 'group') value = group.name;
      return rest.length === 0 ? value : walkJsonPath(value, rest).value;
    },
  };
  return scope;
}

function send(request: PlanRequest, group: PlanGroup, state: UserState, scope: TemplateScope): void {
  const parts = renderRequest(request, plan.target, [plan.headers, group.headers], scope);
  const tags = { name: request.name, rid: request.id };
  const response = http.request(request.method, parts.url, parts.body, {
    headers: parts.headers,
    tags,
    responseCallback: responseCallbacks.get(request.id),
    ...(request.readsBody ? { responseType: 'text' } : {}),
    ...(request.timeoutMs !== undefined ? { timeout: `${request.timeoutMs}ms` } : {}),
  });
  const inspected = new InspectedResponse({
    status: response.status,
    body: typeof response.body === 'string' ? response.body : null,
    headers: response.headers,
    durationMs: response.timings.duration,
  });
  if (request.checks.length > 0) {
    const sets: Record<string, () => boolean> = {};
    for (const c of request.checks) sets[c.label] = () => checkPasses(c, inspected);
    check(response, sets, tags);
  }
  for (const capture of request.captures) {
    const value = captureValue(capture, inspected);
    // A failed capture clears the variable so later requests never reuse a stale value.
    if (value === undefined) state.captures.delete(capture.variable);
    else state.captures.set(capture.variable, value);
  }
}

function pause(thinkTime: ThinkTime | undefined): void {
  if (thinkTime === undefined || thinkTime.maxSeconds <= 0) return;
  sleep(thinkTime.minSeconds + Math.random() * (thinkTime.maxSeconds - thinkTime.minSeconds));
}

/**
 * One iteration: the group's onStart the first time, then one weighted mix item. Think time follows each
 * request: its own, else the group's; onStart requests pause only for their own.
 */
export default function (): void {
  // `k6 run --vus N` replaces the plan's scenarios with one named `default`: run the first group then.
  const name = exec.scenario.name;
  const group = groupsById.get(name) ?? (name === 'default' ? plan.groups[0] : undefined);
  if (group === undefined) throw new Error(`Loadscope: no user group for k6 scenario "${name}".`);
  const state = userState(group);
  const scope = iterationScope(group, state);

  if (!state.started) {
    state.started = true;
    for (const request of group.onStart) {
      send(request, group, state, scope);
      pause(request.thinkTime);
    }
  }

  const item = pickWeighted(group.mix, Math.random());
  if (item === undefined) return;
  for (const request of item.kind === 'request' ? [item.request] : item.steps) {
    send(request, group, state, scope);
    pause(request.thinkTime ?? group.thinkTime);
  }
}

/** Summary data as JSON to LOADSCOPE_SUMMARY when set; otherwise k6's default text summary. */
export function handleSummary(data: unknown): Record<string, string> | undefined {
  const path = __ENV.LOADSCOPE_SUMMARY;
  if (!path) return undefined;
  return { [path]: JSON.stringify(data) };
}
