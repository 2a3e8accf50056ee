// Hostile text in a scenario must reach the server byte for byte and never become code: the script is
// the same bytes for every scenario, and everything else travels as data in plan.json.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/core/compile/compile';
import { runtimeModulePath, writeK6Test } from '../../../src/core/compile/write-test';
import { closed, env, flow, group, json, mixRequest, request, scenario, target, tpl, v } from '../../unit/compile/scenario-builder';
import { assertRuntimeBuilt, metricValues, runK6, startRecordingServer, tempDir, thresholdOk, withIterations, type K6Run, type RecordingServer } from './harness';

const PIECES = [
  `quote " apostrophe ' backtick \` end`,
  '${process.exit(1)} ${env:HOME}',
  '</script><script>alert(1)</script>',
  "require('child_process').execSync('touch pwned')",
  '{{ token }} {{ uuid() }} {{',
  '"}]}); globalThis.x = 1; //',
  'back\\slash \\u0041 \\n',
];
/** For names and bodies: every piece plus line breaks and non-ASCII text. */
const EVIL = [...PIECES, 'line1\nline2\r\nline3\ttab', 'unicode é 漢字 🚀 \u2028'].join(' | ');
/** For header values: HTTP forbids line breaks there, and Node reads non-ASCII header bytes as Latin-1. */
const EVIL_HEADER = PIECES.join(' | ');
/** For paths: no line breaks (invalid in URLs) and no `?`, `#` or `%`, which have a meaning there. */
const EVIL_PATH = `/p/quote"apos'back\`\${x}</script>{{ t }}require('child_process')é`;

const SECRET = 'secret-value-never-in-files';

const names = Array.from({ length: 7 }, (_, i) => `${EVIL} #${i}`);

function hostileScenario(baseUrl: string) {
  return scenario({
    name: EVIL,
    target: tpl(baseUrl),
    headers: [{ name: 'X-Scenario', value: tpl(EVIL_HEADER) }],
    variables: [['evil', json(EVIL)]],
    groups: [
      group(
        EVIL,
        closed(1, 1),
        [
          flow(EVIL, [
            request(names[1] ?? '', 'GET', tpl(EVIL_PATH)),
            request(names[2] ?? '', 'GET', '/query', { query: [[EVIL, tpl(EVIL)], ['k', tpl(EVIL)]] }),
            request(names[3] ?? '', 'POST', '/form', { body: { kind: 'form', fields: [[EVIL, tpl(EVIL)], ['empty', tpl('')]] } }),
            request(names[4] ?? '', 'PUT', '/raw', { body: { kind: 'raw', text: tpl(EVIL), contentType: 'text/plain; charset=utf-8' } }),
            request(names[5] ?? '', 'POST', '/json', {
              headers: [
                { name: 'X-Request', value: tpl(EVIL_HEADER) },
                { name: 'X-Secret', value: tpl(env('LS_SECRET')) },
              ],
              body: {
                kind: 'json',
                value: json({ [EVIL]: EVIL, list: [EVIL, 1, null, true], nested: { fromVariable: tpl(v('evil')), fromEnv: tpl(env('LS_EVIL')) } }),
              },
            }),
          ]),
        ],
        {
          headers: [{ name: 'X-Group', value: tpl(EVIL_HEADER) }],
          onStart: [request(names[0] ?? '', 'POST', '/login', { body: { kind: 'json', value: json({ user: EVIL }) } })],
        },
      ),
    ],
    targets: [target('p95', '<', 60_000, { request: names[5] }), target('errors', '<', 0.5)],
  });
}

describe('hostile scenario text', () => {
  let server: RecordingServer;
  let run: K6Run;
  let dir: string;
  const dirs: string[] = [];
  let compiled: ReturnType<typeof compileScenario>;

  beforeAll(async () => {
    assertRuntimeBuilt();
    server = await startRecordingServer();
    compiled = withIterations(compileScenario(hostileScenario(server.baseUrl)), { g0: { vus: 1, iterations: 1 } });
    dir = tempDir('injection');
    dirs.push(dir);
    writeK6Test(dir, compiled);
    run = await runK6(dir, { LS_EVIL: EVIL, LS_SECRET: SECRET });
  });

  afterAll(async () => {
    await server?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const received = (pathname: string) => {
    const found = server.requests.filter((r) => new URL(r.url, 'http://x').pathname === pathname);
    expect(found, `requests to ${pathname}`).toHaveLength(1);
    const first = found[0];
    if (first === undefined) throw new Error(`no request to ${pathname}`);
    return first;
  };

  it('runs to the end with every threshold passed', () => {
    expect(run.exitCode, run.stderr).toBe(0);
    expect(server.requests).toHaveLength(6);
  });

  it('sends the path as written (percent-encoded only where URLs require it)', () => {
    const paths = server.requests.map((r) => decodeURIComponent(new URL(r.url, 'http://x').pathname));
    expect(paths).toContain(EVIL_PATH);
  });

  it('sends query names and values byte for byte', () => {
    const params = new URL(received('/query').url, 'http://x').searchParams;
    expect([...params]).toEqual([
      [EVIL, EVIL],
      ['k', EVIL],
    ]);
  });

  it('sends form fields byte for byte', () => {
    const r = received('/form');
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(r.body.toString('utf8'))]).toEqual([
      [EVIL, EVIL],
      ['empty', ''],
    ]);
  });

  it('sends raw bodies byte for byte', () => {
    const r = received('/raw');
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body.equals(Buffer.from(EVIL, 'utf8'))).toBe(true);
  });

  it('sends JSON bodies, variables and env values byte for byte', () => {
    const r = received('/json');
    expect(JSON.parse(r.body.toString('utf8'))).toEqual({
      [EVIL]: EVIL,
      list: [EVIL, 1, null, true],
      nested: { fromVariable: EVIL, fromEnv: EVIL },
    });
    expect(JSON.parse(received('/login').body.toString('utf8'))).toEqual({ user: EVIL });
  });

  it('sends header values from every layer byte for byte', () => {
    const r = received('/json');
    expect(r.headers['x-scenario']).toBe(EVIL_HEADER);
    expect(r.headers['x-group']).toBe(EVIL_HEADER);
    expect(r.headers['x-request']).toBe(EVIL_HEADER);
  });

  it('reports per-request results under safe ids, whatever the names', () => {
    for (let i = 0; i < 6; i++) expect(metricValues(run.summary, `http_reqs{rid:r${i}}`)?.count).toBe(1);
    const perRequest = compiled.targets[0];
    expect(perRequest?.metricKey).toBe('http_req_duration{rid:r5}');
    expect(thresholdOk(run.summary, perRequest?.metricKey ?? '', perRequest?.k6Expression ?? '')).toBe(true);
  });

  it('reads env values when the test runs and never writes them into plan.json', () => {
    expect(received('/json').headers['x-secret']).toBe(SECRET);
    const plan = readFileSync(path.join(dir, 'plan.json'), 'utf8');
    expect(plan).toContain('"LS_SECRET"');
    expect(plan).not.toContain(SECRET);
  });

  it('writes the same script bytes for every scenario', () => {
    const other = compileScenario(scenario({ groups: [group('plain', closed(2, 5), [mixRequest(request('home', 'GET', '/'))])] }));
    const otherDir = tempDir('injection-other');
    dirs.push(otherDir);
    writeK6Test(otherDir, other);
    const runtime = readFileSync(runtimeModulePath());
    expect(readFileSync(path.join(dir, 'script.js')).equals(runtime)).toBe(true);
    expect(readFileSync(path.join(otherDir, 'script.js')).equals(runtime)).toBe(true);
    expect(readFileSync(path.join(otherDir, 'README.txt'), 'utf8')).toContain('run with: k6 run script.js');
  });
});
