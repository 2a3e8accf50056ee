// Shared by the runner tests that use the real k6: a target server on 127.0.0.1 with a spread of latencies,
// scenarios written as YAML and loaded the way users' files are, temporary work folders, and k6's summary data.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { locateK6 } from '../../../src/core/k6/locate';
import { decodeK6Summary, type K6Summary } from '../../../src/core/k6/summary';
import { SUMMARY_FILE } from '../../../src/core/run/run-scenario';
import { loadScenario } from '../../../src/core/scenario/load';
import type { Scenario } from '../../../src/core/scenario/model';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The k6 the tests use: LOADSCOPE_K6, PATH or the project's .tools/bin (built by `npm run setup`). */
export async function testK6(): Promise<{ path: string; version: string }> {
  const found = await locateK6({ toolDir: path.join(REPO_ROOT, '.tools', 'bin') });
  if (!found.ok) throw new Error(found.message);
  return found.k6;
}

export interface TargetServer {
  url: string;
  close(): Promise<void>;
  /** Requests answered so far. */
  count(): number;
}

/**
 * `/spread`: answers after a random 1–30 ms; `/limited`: 429; `/fast`: at once. JSON bodies throughout.
 * Listens on 127.0.0.1 only, port chosen by the system.
 */
export async function startTargetServer(): Promise<TargetServer> {
  let answered = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown): void => {
      answered++;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    if (req.url?.startsWith('/spread')) setTimeout(() => send(200, { ok: true, id: answered }), 1 + Math.random() * 29);
    else if (req.url?.startsWith('/limited')) send(429, { error: 'slow down' });
    else send(200, { ok: true });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Loads scenario YAML the way the CLI does; fails the test on any error diagnostic. */
export function scenarioFromYaml(yaml: string, dir: string): Scenario {
  const loaded = loadScenario(yaml, path.join(dir, 'test.scenario.yaml'), { env: {} });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!loaded.scenario) throw new Error('scenario did not load');
  return loaded.scenario;
}

export function tempWorkDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `loadscope-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** k6's own end-of-test summary of a run in `workDir`. */
export function readK6Summary(workDir: string): K6Summary | undefined {
  try {
    return decodeK6Summary(JSON.parse(readFileSync(path.join(workDir, SUMMARY_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

/** Asserts `actual` is within 1 % of k6's `expected` (10 µs for values near zero). */
export function expectClose(actual: number, expected: number | undefined, label: string): void {
  expect(expected, `${label}: k6 reported no value`).toBeTypeOf('number');
  const tolerance = Math.max(0.01, Math.abs(expected ?? 0) * 0.01);
  expect(Math.abs(actual - (expected ?? 0)), `${label}: ours ${actual}, k6 ${expected}`).toBeLessThanOrEqual(tolerance);
}
