// Shared by the compile tests that run the real k6: a recording HTTP server on 127.0.0.1, a bounded k6
// process, temporary folders, and typed reads of k6's summary data.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { CompiledTest } from '../../../src/core/compile/compile';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function k6Binary(): string {
  return process.env.LOADSCOPE_K6 ?? path.join(REPO_ROOT, '.tools', 'bin', 'k6');
}

/** Fails when dist/k6-runtime.js is older than its sources: the tests would run stale code. */
export function assertRuntimeBuilt(): void {
  const built = path.join(REPO_ROOT, 'dist', 'k6-runtime.js');
  // Only src/k6-runtime is bundled into it: the plan types it imports vanish at build time.
  const sources = path.join(REPO_ROOT, 'src', 'k6-runtime');
  const newest = Math.max(...readdirSync(sources).map((f) => statSync(path.join(sources, f)).mtimeMs));
  let builtAt = 0;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    // reported below
  }
  if (builtAt < newest) throw new Error('dist/k6-runtime.js is missing or older than its sources: run `node scripts/build.mjs` first.');
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `loadscope-${prefix}-`));
}

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

export interface RecordingServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request and answers with `reply` (200 empty by default). */
export async function startRecordingServer(reply: (request: RecordedRequest) => Reply = () => ({})): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const answer = reply(recorded);
      const send = (): void => {
        res.writeHead(answer.status ?? 200, answer.headers ?? {});
        res.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP address');
  const { port } = address;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface K6Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  /** handleSummary data, when k6 wrote it. */
  summary: Record<string, unknown> | undefined;
}

/** Runs `k6 run script.js` in `dir`, killed after `timeoutMs`; the summary data goes to a file it reads back. */
export async function runK6(dir: string, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<K6Run> {
  const summaryPath = path.join(dir, 'summary-data.json');
  const started = Date.now();
  const child = spawn(k6Binary(), ['run', '--quiet', '--no-color', 'script.js'], {
    cwd: dir,
    env: { ...process.env, K6_NO_USAGE_REPORT: 'true', K6_AUTO_EXTENSION_RESOLUTION: 'false', LOADSCOPE_SUMMARY: summaryPath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  let summary: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(summaryPath, 'utf8'));
    if (isRecord(parsed)) summary = parsed;
  } catch {
    summary = undefined;
  }
  return { exitCode, stdout, stderr, elapsedMs: Date.now() - started, summary };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `data.metrics[key].values`, or undefined. */
export function metricValues(summary: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  const metrics = summary?.metrics;
  const metric = isRecord(metrics) ? metrics[key] : undefined;
  return isRecord(metric) && isRecord(metric.values) ? metric.values : undefined;
}

/** Whether k6 judged `expression` on `key` as passed. */
export function thresholdOk(summary: Record<string, unknown> | undefined, key: string, expression: string): boolean | undefined {
  const metrics = summary?.metrics;
  const metric = isRecord(metrics) ? metrics[key] : undefined;
  const thresholds = isRecord(metric) ? metric.thresholds : undefined;
  const threshold = isRecord(thresholds) ? thresholds[expression] : undefined;
  return isRecord(threshold) && typeof threshold.ok === 'boolean' ? threshold.ok : undefined;
}

/** Pass and fail counts of each check in the root group, by check name. */
export function checkCounts(summary: Record<string, unknown> | undefined): Map<string, { passes: number; fails: number }> {
  const counts = new Map<string, { passes: number; fails: number }>();
  const root = summary?.root_group;
  const checks = isRecord(root) && Array.isArray(root.checks) ? root.checks : [];
  for (const c of checks) {
    if (isRecord(c) && typeof c.name === 'string' && typeof c.passes === 'number' && typeof c.fails === 'number') {
      counts.set(c.name, { passes: c.passes, fails: c.fails });
    }
  }
  return counts;
}

/** Replaces every group's executor by a fixed number of iterations per user, for exact counts in tests. */
export function withIterations(compiled: CompiledTest, perGroup: Record<string, { vus: number; iterations: number }>): CompiledTest {
  for (const [id, load] of Object.entries(perGroup)) {
    compiled.options.scenarios[id] = { executor: 'per-vu-iterations', vus: load.vus, iterations: load.iterations, maxDuration: '20s' };
  }
  return compiled;
}

/** `k6 inspect --execution-requirements script.js`: k6 validates the options without running anything. */
export async function inspectK6(dir: string, timeoutMs = 20_000): Promise<{ exitCode: number | null; output: string }> {
  const child = spawn(k6Binary(), ['inspect', '--execution-requirements', 'script.js'], {
    cwd: dir,
    env: { ...process.env, K6_NO_USAGE_REPORT: 'true', K6_AUTO_EXTENSION_RESOLUTION: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  return { exitCode, output };
}
