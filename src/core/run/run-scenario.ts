// Runs one scenario with the real k6 and returns its RunResult. Compiles the scenario into `workDir`, spawns k6
// with its CSV sample stream on stdout (the cheapest live mechanism measured: see bench/README.md), reports one
// tick a second while k6 runs, and builds the result from our own aggregation plus k6's summary (threshold
// verdicts, test duration). Stopping: the first request stops k6 gracefully (it still writes its summary), a
// second request or the grace timeout kills it (partial data). The runner writes no reports.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { compileScenario, type CompiledTest, type LoadOverrides } from '../compile/compile';
import { applyLoadOverrides } from '../compile/load-overrides';
import type { PlanGroup } from '../compile/plan';
import { writeK6Test } from '../compile/write-test';
import { findFindings } from '../findings/find-findings';
import { logLineText, parseK6LogLine, urlInRequestError } from '../k6/log-line';
import { decodeK6Summary, type K6Summary } from '../k6/summary';
import { MetricsAggregator, type AggregateResult, type RequestIdentity } from '../metrics/aggregator';
import { K6_CSV_OUTPUT_ARGUMENT, K6CsvObserver, OBSERVED_SYSTEM_TAGS } from '../metrics/k6-csv-observer';
import { MonitorSampler } from '../monitors/monitor-sampler';
import { resolveMonitors } from '../monitors/resolve-monitors';
import type { Finding, MonitorSeries, RunResult, TimelinePoint } from '../results';
import type { Scenario } from '../scenario/model';
import { evaluateTargets } from './evaluate-targets';
import { failedRunResult, loadDescriptions } from './failed-result';
import { LiveFindings, type FindingsContext } from './live-findings';
import { LogThrottle } from './log-throttle';
import { decideOutcome, type ExitFacts } from './outcome';
import type { RunEvent } from './run-events';
import { defaultStopMethod, freeLocalPort, stopWithRestApi, stopWithSignal, type StopMethod } from './stop-k6';

export type { RunEvent } from './run-events';
export { failedRunResult } from './failed-result';

export interface RunScenarioOptions {
  scenario: Scenario;
  overrides?: LoadOverrides;
  k6: { path: string; version: string };
  /** Folder for the compiled test and k6's summary; created if needed. */
  workDir: string;
  /** Extra environment for k6 (and so for `${env:...}` in the scenario), over this process's environment. */
  env?: Record<string, string>;
  /** First stop request: graceful. */
  signal?: AbortSignal;
  /** Second stop request: kill at once. */
  killSignal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** How long a graceful stop may take before k6 is killed. Default: the longest group gracefulStop + 30 s. */
  stopGraceMs?: number;
  /** How to ask k6 to stop gracefully; default: SIGINT on POSIX, the REST API on Windows. */
  stopMethod?: StopMethod;
}

/** File name of k6's summary data in the work folder. */
export const SUMMARY_FILE = 'k6-summary.json';

const TICK_CHECK_MS = 250;

/** Compiles and runs a scenario with k6, streaming events; resolves when k6 has ended. */
export async function runScenario(options: RunScenarioOptions): Promise<RunResult> {
  const emit = (event: RunEvent): void => options.onEvent?.(event);
  const startedAt = new Date();
  const { scenario } = options;

  let compiled: CompiledTest;
  let scriptPath: string;
  try {
    compiled = compileScenario(scenario, options.overrides);
    scriptPath = writeK6Test(options.workDir, compiled).scriptPath;
  } catch (error) {
    const message = `The k6 test could not be prepared: ${messageOf(error)}`;
    const result = failedRunResult(scenario, startedAt, 'script-error', message, options.overrides, options.k6.version);
    emit({ type: 'finished', result });
    return result;
  }

  const summaryPath = path.join(options.workDir, SUMMARY_FILE);
  rmSync(summaryPath, { force: true });
  const stopMethod = options.stopMethod ?? defaultStopMethod();
  const restPort = stopMethod === 'rest' ? await freeLocalPort() : undefined;
  const args = ['run', '--quiet', '--no-color', '--out', K6_CSV_OUTPUT_ARGUMENT, '--system-tags', OBSERVED_SYSTEM_TAGS.join(',')];
  if (restPort !== undefined) args.push('--address', `127.0.0.1:${restPort}`);
  args.push(scriptPath);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    K6_NO_USAGE_REPORT: 'true',
    K6_AUTO_EXTENSION_RESOLUTION: 'false',
    LOADSCOPE_SUMMARY: summaryPath,
  };

  const aggregator = new MetricsAggregator({ requests: requestIdentities(compiled.plan.groups) });
  const throttle = new LogThrottle((line, stream) => emit({ type: 'log', line, stream }));
  const observer = new K6CsvObserver(aggregator, (line) => throttle.line(line, 'stdout'));
  const facts: ExitFacts = { code: null, signal: null, stopRequested: false, killedByUs: false };
  let lastStderrLine: string | undefined;
  const sampler = startMonitors(scenario, env, emit);
  const findingsContext = contextOfFindings(options);
  const liveFindings = new LiveFindings(scenario.targets, compiled.targets, findingsContext);

  // Its own process group on POSIX: a Ctrl+C in the terminal reaches only us, and we pass on exactly one stop
  // (a second SIGINT from the terminal would make k6 quit without its summary). Should this process die, k6
  // dies too on its next write to the closed stdout pipe (SIGPIPE), within a second.
  const child = spawn(options.k6.path, args, {
    cwd: options.workDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    detached: process.platform !== 'win32',
  });
  child.stdout?.on('data', (chunk: Buffer) => observer.push(chunk));
  const stderrLines = lineReader((line) => {
    if (line.trim() === '') return;
    lastStderrLine = line;
    // Decoding every line would cost most when k6 logs one line per failed request; only look until found.
    const wantError = facts.k6Error === undefined && /level=(error|fatal)/.test(line);
    const wantUrl = facts.failedUrl === undefined && line.includes(' error=');
    const parsed = wantError || wantUrl ? parseK6LogLine(line) : undefined;
    if (parsed && wantError) facts.k6Error = logLineText(parsed);
    if (parsed?.fields.error && wantUrl) facts.failedUrl = urlInRequestError(parsed.fields.error);
    throttle.line(line, 'stderr');
  });
  child.stderr?.on('data', (chunk: Buffer) => stderrLines.push(chunk));

  const ended = new Promise<void>((resolve) => {
    child.on('error', (error) => {
      facts.spawnError = messageOf(error);
      resolve();
    });
    child.on('close', (code, signal) => {
      facts.code = code;
      facts.signal = signal;
      resolve();
    });
  });
  emit({ type: 'started', startedAt: startedAt.toISOString(), pid: child.pid, k6Version: options.k6.version, scriptPath, args });

  const emitPoints = (points: readonly TimelinePoint[]): void => {
    for (const point of points) {
      if (sampler !== undefined) point.monitors = sampler.readingsAt(point.time);
      emit({ type: 'tick', point, totals: aggregator.totalsSoFar() });
    }
  };
  const emitTicks = (): void => {
    const points = aggregator.advance(Date.now());
    if (points.length === 0) return;
    emitPoints(points);
    const findings = liveFindings.update(aggregator.closedSeconds, () => ({ measured: aggregator.snapshot(), monitors: sampler?.series() ?? [] }));
    if (findings !== undefined) emit({ type: 'findings', findings });
  };
  const ticker = setInterval(emitTicks, TICK_CHECK_MS);
  const stopper = new Stopper(child, stopMethod, restPort, options.stopGraceMs ?? defaultStopGraceMs(scenario), facts, emit);
  const onStop = (): void => stopper.graceful('stop requested');
  const onKill = (): void => stopper.hard('second stop request');
  options.signal?.addEventListener('abort', onStop);
  options.killSignal?.addEventListener('abort', onKill);
  if (options.signal?.aborted) onStop();
  if (options.killSignal?.aborted) onKill();

  await ended;
  clearInterval(ticker);
  stopper.dispose();
  options.signal?.removeEventListener('abort', onStop);
  options.killSignal?.removeEventListener('abort', onKill);
  observer.end();
  stderrLines.end();
  throttle.flush();
  if (facts.k6Error === undefined && facts.code !== 0 && facts.code !== 99 && lastStderrLine !== undefined) facts.k6Error = lastStderrLine.trim();

  await sampler?.stop();
  const summary = readSummary(summaryPath);
  emitPoints(aggregator.flush());
  const measured = aggregator.finish(summary?.testRunDurationMs !== undefined ? summary.testRunDurationMs / 1000 : undefined);
  const monitors = sampler?.series();
  const result = buildResult(options, compiled, startedAt, facts, { ...measured, ...(monitors !== undefined ? { monitors } : {}) }, summary, findingsContext);
  emit({ type: 'finished', result });
  return result;
}

/** Escalating stop of one k6 process: graceful (signal or REST), then kill after the grace time or on request. */
class Stopper {
  private graceTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private done = false;

  constructor(
    private readonly child: ChildProcess,
    private readonly method: StopMethod,
    private readonly restPort: number | undefined,
    private readonly graceMs: number,
    private readonly facts: ExitFacts,
    private readonly emit: (event: RunEvent) => void,
  ) {
    child.once('close', () => this.dispose());
  }

  graceful(reason: string): void {
    if (this.done || this.facts.stopRequested) return;
    this.facts.stopRequested = true;
    this.emit({ type: 'stopping', hard: false, reason });
    this.graceTimer = setTimeout(() => this.hard('k6 did not stop within the grace time'), this.graceMs);
    if (this.method === 'signal') {
      stopWithSignal(this.child);
      return;
    }
    const ask = (): void => {
      if (this.done || this.restPort === undefined) return;
      void stopWithRestApi(this.restPort).then((accepted) => {
        // k6 opens its REST API only after the init phase: keep asking until it listens.
        if (!accepted && !this.done) this.retryTimer = setTimeout(ask, 500);
      });
    };
    ask();
  }

  hard(reason: string): void {
    if (this.done || this.facts.killedByUs) return;
    this.facts.killedByUs = true;
    this.emit({ type: 'stopping', hard: true, reason });
    this.child.kill('SIGKILL');
  }

  dispose(): void {
    this.done = true;
    clearTimeout(this.graceTimer);
    clearTimeout(this.retryTimer);
  }
}

function buildResult(
  options: RunScenarioOptions,
  compiled: CompiledTest,
  startedAt: Date,
  facts: ExitFacts,
  measured: AggregateResult & { monitors?: MonitorSeries[] },
  summary: K6Summary | undefined,
  findingsContext: FindingsContext,
): RunResult {
  const endedAt = new Date();
  const targets = evaluateTargets({
    targets: options.scenario.targets,
    thresholds: compiled.targets,
    summary,
    totals: measured.totals,
    requests: measured.requests,
  });
  const ending = decideOutcome({ exit: facts, totals: measured.totals, errors: measured.errors, targets });
  let findings: Finding[] = [];
  try {
    findings = findFindings({ ...measured, targets, verdict: ending.verdict, outcome: ending.outcome, ...findingsContext });
  } catch (error) {
    // The analysis must never cost the user the measurements of a run: report without findings, and say why.
    options.onEvent?.({ type: 'log', line: `The findings could not be computed: ${messageOf(error)}`, stream: 'stderr' });
  }
  return {
    schemaVersion: 1,
    scenario: options.scenario.name,
    scenarioFile: options.scenario.file,
    ...(options.scenario.environment !== undefined ? { environment: options.scenario.environment } : {}),
    load: loadDescriptions(options.scenario, options.overrides),
    verdict: ending.verdict,
    outcome: ending.outcome,
    outcomeMessage: ending.message,
    k6: { version: options.k6.version, exitCode: facts.code },
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: summary?.testRunDurationMs !== undefined ? summary.testRunDurationMs / 1000 : (endedAt.getTime() - startedAt.getTime()) / 1000,
    totals: measured.totals,
    requests: measured.requests,
    targets,
    errors: measured.errors,
    timeline: measured.timeline,
    ...(measured.monitors !== undefined ? { monitors: measured.monitors } : {}),
    findings,
  };
}

/** The load each group ran with (overrides applied) and the requests made once per user. */
function contextOfFindings(options: RunScenarioOptions): FindingsContext {
  const loads = applyLoadOverrides(
    options.scenario.groups.map((group) => group.load),
    options.overrides,
  );
  const oneOffRequests = options.scenario.groups.flatMap((group) => group.onStart.map((request) => request.name));
  return { loads, oneOffRequests };
}

/** Starts sampling the scenario's monitors, if it has any; a monitor that cannot be set up is reported and left out. */
function startMonitors(scenario: Scenario, env: NodeJS.ProcessEnv, emit: (event: RunEvent) => void): MonitorSampler | undefined {
  if (scenario.monitors.length === 0) return undefined;
  const warn = (message: string): void => emit({ type: 'log', line: message, stream: 'stderr' });
  const resolved = resolveMonitors(scenario.monitors, scenario.target, env);
  resolved.problems.forEach(warn);
  const sampler = new MonitorSampler(resolved.monitors, { onProblem: warn, onSeriesChange: (series) => emit({ type: 'monitors', series }) });
  sampler.start();
  return sampler;
}

/** Every request of the plan once, in plan order: onStart, then the mix, flows step by step. */
function requestIdentities(groups: readonly PlanGroup[]): RequestIdentity[] {
  const seen = new Map<string, RequestIdentity>();
  for (const group of groups) {
    const requests = [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))];
    for (const request of requests) {
      if (!seen.has(request.id)) seen.set(request.id, { key: request.id, name: request.name, method: request.method, group: group.name });
    }
  }
  return [...seen.values()];
}

function defaultStopGraceMs(scenario: Scenario): number {
  const longest = Math.max(0, ...scenario.groups.map((g) => g.load.gracefulStopSeconds));
  return (longest + 30) * 1000;
}

function readSummary(file: string): K6Summary | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return decodeK6Summary(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Splits a byte stream into text lines (UTF-8 safe across chunks). */
function lineReader(onLine: (line: string) => void): { push(chunk: Buffer): void; end(): void } {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  return {
    push(chunk) {
      const text = pending + decoder.write(chunk);
      let start = 0;
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
        onLine(text.slice(start, newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline));
        start = newline + 1;
      }
      pending = text.slice(start);
    },
    end() {
      const rest = pending + decoder.end();
      pending = '';
      if (rest) onLine(rest);
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
