// Every scenario in scenarios/ loads without a single diagnostic, and the four of the load-testing report
// keep that report's parameters (users, ramp, length, targets).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/scenario/diagnostics';
import { loadScenario } from '../../../src/core/scenario/load';
import type { LoadModel, Scenario } from '../../../src/core/scenario/model';

const scenariosDir = path.resolve(__dirname, '..', '..', '..', 'scenarios');

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scenarioFiles(full);
    return entry.name.endsWith('.scenario.yaml') ? [full] : [];
  });
}

function load(relative: string, env: Record<string, string> = {}): Scenario {
  const file = path.join(scenariosDir, relative);
  const result = loadScenario(readFileSync(file, 'utf8'), file, { env });
  if (result.scenario === undefined) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

/** Peak users, first ramp in seconds, and whole length in seconds of a closed load. */
function closedShape(load: LoadModel | undefined): { users: number; rampSeconds: number; durationSeconds: number } {
  if (load?.kind !== 'closed') throw new Error('expected a closed load model');
  return {
    users: Math.max(...load.stages.map((s) => s.users)),
    rampSeconds: load.stages[0]?.durationSeconds ?? 0,
    durationSeconds: load.stages.reduce((sum, s) => sum + s.durationSeconds, 0),
  };
}

function targetsOf(scenario: Scenario): string[] {
  return scenario.targets.map((t) => `${t.request === undefined ? '' : `${t.request}: `}${t.metric} ${t.comparison} ${t.value}`);
}

describe('example scenarios', () => {
  const files = scenarioFiles(scenariosDir);

  it('include the four scenarios of the report, their quick variants and the open-model burst', () => {
    const names = files.map((f) => path.relative(scenariosDir, f).split(path.sep).join('/')).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'deployments.scenario.yaml',
        'cab-approvals.scenario.yaml',
        'connector-scaling.scenario.yaml',
        'burst.scenario.yaml',
        'burst-open.scenario.yaml',
        'quick/deployments.scenario.yaml',
        'quick/burst.scenario.yaml',
      ]),
    );
  });

  it.each(files.map((f) => [path.relative(scenariosDir, f), f]))('%s loads with no diagnostics', (_name, file) => {
    const result = loadScenario(readFileSync(file, 'utf8'), file, { env: {} });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.scenario).toBeDefined();
  });

  it('aim at TARGET_URL, falling back to the local demo target', () => {
    for (const file of files) {
      const relative = path.relative(scenariosDir, file);
      expect(load(relative).target, relative).toEqual([{ kind: 'env', name: 'TARGET_URL', fallback: 'http://127.0.0.1:8080' }]);
    }
  });

  it('deployments: 100 users at 10/s for 5 minutes; median < 200 ms, p99 < 500 ms, errors < 0.1%', () => {
    const scenario = load('deployments.scenario.yaml');
    expect(closedShape(scenario.groups[0]?.load)).toEqual({ users: 100, rampSeconds: 10, durationSeconds: 300 });
    expect(targetsOf(scenario)).toEqual(expect.arrayContaining(['median < 200', 'p99 < 500', 'errors < 0.001']));
    expect(scenario.groups[0]?.onStart.map((r) => r.name)).toEqual(['login']);
  });

  it('CAB approvals: 50 users at 5/s for 5 minutes; median and p99 < 1000 ms; logs in on every round', () => {
    const scenario = load('cab-approvals.scenario.yaml');
    expect(closedShape(scenario.groups[0]?.load)).toEqual({ users: 50, rampSeconds: 10, durationSeconds: 300 });
    expect(targetsOf(scenario)).toEqual(['median < 1000', 'p99 < 1000']);
    const flow = scenario.groups[0]?.mix[0];
    expect(flow?.kind === 'flow' ? flow.steps.map((s) => s.name) : []).toEqual(['login', 'list pending', 'decide change']);
  });

  it('connector scaling: 200 users at 10/s for 5 minutes; median and p99 < 200 ms', () => {
    const scenario = load('connector-scaling.scenario.yaml');
    expect(closedShape(scenario.groups[0]?.load)).toEqual({ users: 200, rampSeconds: 20, durationSeconds: 300 });
    expect(targetsOf(scenario)).toEqual(['median < 200', 'p99 < 200']);
  });

  it('burst: 1000 users at 100/s for 4 minutes with no think time; median and p99 < 1000 ms', () => {
    const scenario = load('burst.scenario.yaml');
    expect(closedShape(scenario.groups[0]?.load)).toEqual({ users: 1000, rampSeconds: 10, durationSeconds: 240 });
    expect(scenario.groups[0]?.thinkTime).toBeUndefined();
    expect(targetsOf(scenario)).toEqual(['median < 1000', 'p99 < 1000']);
  });

  it('burst, open model: arrivals at a rate, capped in users', () => {
    const model = load('burst-open.scenario.yaml').groups[0]?.load;
    expect(model?.kind).toBe('open');
    expect(model?.kind === 'open' ? Math.max(...model.stages.map((s) => s.ratePerSecond)) : 0).toBe(800);
    expect(model?.kind === 'open' ? model.maxUsers : 0).toBe(2000);
  });

  it('quick variants keep the workload and targets of their full scenario and last 15 to 20 seconds', () => {
    for (const name of ['deployments', 'cab-approvals', 'connector-scaling', 'burst']) {
      const full = load(`${name}.scenario.yaml`);
      const quick = load(`quick/${name}.scenario.yaml`);
      expect(targetsOf(quick), name).toEqual(targetsOf(full));
      const quickLoad = quick.groups[0]?.load;
      const seconds = quickLoad?.stages.reduce((sum, s) => sum + s.durationSeconds, 0) ?? 0;
      expect(seconds, name).toBeGreaterThanOrEqual(15);
      expect(seconds, name).toBeLessThanOrEqual(20);
      const requestNames = (s: Scenario): string[] => s.groups.flatMap((g) => [...g.onStart.map((r) => r.name), ...g.mix.flatMap((m) => (m.kind === 'request' ? [m.request.name] : m.steps.map((r) => r.name)))]);
      expect(requestNames(quick), name).toEqual(requestNames(full));
    }
  });
});
