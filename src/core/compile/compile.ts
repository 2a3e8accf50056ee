// Scenario → compiled k6 test: the plan the runtime interprets, k6 options, where each target went,
// and the data files to copy next to the script.

import type { DataSource, RequestSpec, Scenario, UserGroup } from '../scenario/model';
import { executorFor } from './executors';
import type { K6Options, K6Scenario } from './k6-options';
import { applyLoadOverrides, type LoadOverrides } from './load-overrides';
import type { Plan, PlanCheck, PlanDataSource, PlanGroup, PlanMixItem, PlanRequest } from './plan';
import { buildThresholds, type TargetThreshold } from './thresholds';

export type { LoadOverrides } from './load-overrides';

export interface CompiledTest {
  plan: Plan;
  /** The same object as `plan.options`. */
  options: K6Options;
  /** One entry per scenario target, in order. */
  targets: TargetThreshold[];
  /** CSV files to copy next to the script: `name` is the file name there, as `plan.data[].file` says. */
  dataFiles: { name: string; sourcePath: string }[];
}

/** Trend statistics in k6's end-of-test summary data. */
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];

/**
 * Only the tags the reports use, so per-sample outputs stay small (names checked against k6 v2's SystemTag
 * list). `group` stays although the runtime uses no k6 groups: without it k6 v2 leaves the per-check pass
 * and fail counts (`root_group.checks`) out of the summary data.
 */
export const SYSTEM_TAGS = ['status', 'method', 'name', 'group', 'scenario', 'error_code', 'expected_response', 'check'];

/** Compiles a validated scenario; `overrides` rescale every group's load (see load-overrides.ts). */
export function compileScenario(scenario: Scenario, overrides?: LoadOverrides): CompiledTest {
  const loads = applyLoadOverrides(
    scenario.groups.map((g) => g.load),
    overrides,
  );
  const requestIds = assignRequestIds(scenario.groups);
  const { thresholds, mapping } = buildThresholds(scenario.targets, requestIds);

  const scenarios: Record<string, K6Scenario> = {};
  const groups = scenario.groups.map((group, i): PlanGroup => {
    const id = `g${i}`;
    const load = loads[i];
    if (load === undefined) throw new Error(`Group ${i} has no load model`);
    scenarios[id] = executorFor(load);
    return planGroup(id, group, requestIds);
  });

  const options: K6Options = {
    scenarios,
    thresholds,
    summaryTrendStats: [...SUMMARY_TREND_STATS],
    systemTags: [...SYSTEM_TAGS],
    discardResponseBodies: true,
    setupTimeout: '60s',
  };

  const dataFiles = scenario.data.map((source, i) => ({ name: dataFileName(source, i), sourcePath: source.file }));
  const data = scenario.data.map(
    (source, i): PlanDataSource => ({ name: source.name, file: dataFiles[i]?.name ?? '', order: source.order, columns: source.columns }),
  );

  const plan: Plan = {
    version: 1,
    scenario: scenario.name,
    target: scenario.target,
    headers: scenario.headers,
    variables: scenario.variables,
    data,
    groups,
    options,
  };
  return { plan, options, targets: mapping, dataFiles };
}

/** Every request in file order gets `r0`, `r1`...: onStart first, then the mix, flows step by step. */
function assignRequestIds(groups: readonly UserGroup[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const request of groups.flatMap(requestsOf)) {
    if (!ids.has(request.name)) ids.set(request.name, `r${ids.size}`);
  }
  return ids;
}

function requestsOf(group: UserGroup): RequestSpec[] {
  return [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))];
}

function planGroup(id: string, group: UserGroup, requestIds: ReadonlyMap<string, string>): PlanGroup {
  const request = (spec: RequestSpec): PlanRequest => planRequest(spec, requestIds.get(spec.name) ?? '');
  return {
    id,
    name: group.name,
    ...(group.thinkTime ? { thinkTime: group.thinkTime } : {}),
    headers: group.headers,
    onStart: group.onStart.map(request),
    mix: group.mix.map(
      (item): PlanMixItem =>
        item.kind === 'request'
          ? { kind: 'request', weight: item.weight, request: request(item.request) }
          : { kind: 'flow', weight: item.weight, name: item.name, steps: item.steps.map(request) },
    ),
  };
}

function planRequest(spec: RequestSpec, id: string): PlanRequest {
  const checks = checksFor(spec);
  const readsBody =
    checks.some((c) => c.kind === 'bodyContains' || c.kind === 'jsonPathExists') || spec.captures.some((c) => c.from !== 'header');
  return {
    id,
    name: spec.name,
    method: spec.method,
    path: spec.path,
    query: spec.query,
    headers: spec.headers,
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.timeoutSeconds !== undefined ? { timeoutMs: Math.round(spec.timeoutSeconds * 1000) } : {}),
    expectedStatuses: spec.expect.status,
    checks,
    captures: spec.captures,
    ...(spec.thinkTime ? { thinkTime: spec.thinkTime } : {}),
    readsBody,
  };
}

/** Check labels name the request, so k6's per-check counts tell requests apart. */
function checksFor(spec: RequestSpec): PlanCheck[] {
  const label = (condition: string): string => `${spec.name}: ${condition}`;
  const { status, bodyContains, jsonPathExists, maxDurationMs } = spec.expect;
  const checks: PlanCheck[] = [];
  if (status.length > 0) {
    const condition = status.length === 1 ? `status is ${status[0]}` : `status is one of ${status.join(', ')}`;
    checks.push({ kind: 'status', label: label(condition), statuses: status });
  }
  for (const text of bodyContains) checks.push({ kind: 'bodyContains', label: label(`body contains ${JSON.stringify(text)}`), text });
  for (const path of jsonPathExists) checks.push({ kind: 'jsonPathExists', label: label(`${path} exists`), path });
  if (maxDurationMs !== undefined) checks.push({ kind: 'maxDuration', label: label(`duration <= ${maxDurationMs}ms`), ms: maxDurationMs });
  return checks;
}

/** A file name that is safe on every platform and unique among the sources. */
function dataFileName(source: DataSource, index: number): string {
  const base = source.file.split(/[\\/]/).pop() ?? 'data.csv';
  const safe = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'data.csv';
  return `data-${index}-${safe}`;
}
