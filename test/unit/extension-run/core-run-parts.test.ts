// The two core additions the editor's run needs: one group of a scenario, and secrets kept out of what a run shows.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/command';
import { ExitCode } from '../../../src/cli/exit-codes';
import { main } from '../../../src/cli/main';
import { runLoadTest } from '../../../src/core/load-test';
import { redactRunEvent, redactRunResult, REDACTED, secretRedactor } from '../../../src/core/run/redact-secrets';
import { loadScenario } from '../../../src/core/scenario/load';
import { selectGroup } from '../../../src/core/scenario/select-group';
import { failedRunResult } from '../../../src/core/run/failed-result';

const GROUPS = `scenario: Mixed traffic
target: http://127.0.0.1:9
groups:
  - name: browsers
    load: { users: 5, duration: 10s }
    requests: [{ name: home, GET: / }]
  - name: api clients
    load: { rate: 2/s, duration: 20s, maxUsers: 5 }
    requests: [{ name: status, GET: /status }]
targets:
  p99: < 1s
  requests:
    home: { median: < 200ms }
    status: { p95: < 500ms }
`;

const folder = mkdtempSync(path.join(os.tmpdir(), 'loadscope-extension-run-'));
const groupsFile = path.join(folder, 'groups.scenario.yaml');
writeFileSync(groupsFile, GROUPS);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('selectGroup', () => {
  const scenario = loadScenario(GROUPS, groupsFile, { env: {} }).scenario!;

  it('keeps one group, the overall targets and the per-request targets of its requests', () => {
    const selected = selectGroup(scenario, 'api clients');
    expect(selected.ok).toBe(true);
    if (!selected.ok) return;
    expect(selected.scenario.groups.map((group) => group.name)).toEqual(['api clients']);
    expect(selected.scenario.targets.map((target) => `${target.request ?? '*'} ${target.metric}`)).toEqual(['* p99', 'status p95']);
    expect(selected.scenario.name).toBe(scenario.name);
  });

  it('names the groups there are when the one asked for is not', () => {
    const selected = selectGroup(scenario, 'mobile');
    expect(selected).toEqual({ ok: false, message: 'This scenario has no user group named "mobile"; its groups are "browsers", "api clients".' });
  });
});

describe('runLoadTest with a group', () => {
  it('is invalid, and writes nothing, for a group the scenario does not have', async () => {
    const reportDir = path.join(folder, 'reports');
    let announced = false;
    const outcome = await runLoadTest({ file: groupsFile, group: 'mobile', reportDir, displayRoot: folder, env: {}, onScenario: () => (announced = true) });
    expect(outcome.kind).toBe('invalid');
    expect(outcome.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['unknown-group']);
    expect(announced).toBe(false);
    expect(() => readdirSync(reportDir)).toThrow();
  });

  it('plans only the chosen group', async () => {
    let planned = -1;
    // No k6 on this PATH or tool folder: the run ends as k6-missing, after announcing the narrowed scenario.
    const outcome = await runLoadTest({
      file: groupsFile,
      group: 'browsers',
      reportDir: path.join(folder, 'reports-browsers'),
      displayRoot: folder,
      env: { PATH: '' },
      toolDir: path.join(folder, 'no-tools'),
      onScenario: (scenario, seconds) => {
        planned = seconds;
        expect(scenario.groups.map((group) => group.name)).toEqual(['browsers']);
      },
    });
    expect(planned).toBe(10);
    expect(outcome.kind === 'finished' && outcome.result.outcome).toBe('k6-missing');
    expect(outcome.kind === 'finished' && outcome.result.load.map((load) => load.group)).toEqual(['browsers']);
  });
});

describe('loadscope run --group', () => {
  it('refuses an unknown group with exit code 2 and the groups there are', async () => {
    let err = '';
    const io: CliIo = {
      out: () => undefined,
      err: (text) => (err += text),
      interactive: false,
      env: {},
      cwd: folder,
      stop: new AbortController().signal,
      hardStop: new AbortController().signal,
    };
    expect(await main(['run', 'groups.scenario.yaml', '--group', 'mobile'], io)).toBe(ExitCode.invalidInput);
    expect(err).toContain('groups.scenario.yaml:1:1: error: This scenario has no user group named "mobile"; its groups are "browsers", "api clients".');
  });

  it('lists --group in its help', async () => {
    let out = '';
    const io: CliIo = { out: (text) => (out += text), err: () => undefined, interactive: false, env: {}, cwd: folder, stop: new AbortController().signal, hardStop: new AbortController().signal };
    expect(await main(['run', '--help'], io)).toBe(ExitCode.pass);
    expect(out).toMatch(/-g, --group NAME +run only this user group/);
  });
});

describe('secret redaction', () => {
  const redact = secretRedactor(['s3cr3t value', 'tok', '']);

  it('replaces values as written and URL-encoded, longest first', () => {
    expect(redact('GET https://x.test/?key=s3cr3t%20value&t=tok failed')).toBe(`GET https://x.test/?key=${REDACTED}&t=${REDACTED} failed`);
    expect(redact('password "s3cr3t value"')).toBe(`password "${REDACTED}"`);
    expect(secretRedactor([])('tok')).toBe('tok');
    expect(secretRedactor(['a.b*'])('xa.b*y aXbb')).toBe(`x${REDACTED}y aXbb`);
  });

  it('redacts log lines, stop reasons and the result texts that reach reports', () => {
    expect(redactRunEvent({ type: 'log', line: 'key=tok', stream: 'stderr' }, redact)).toEqual({ type: 'log', line: `key=${REDACTED}`, stream: 'stderr' });
    const scenario = loadScenario(GROUPS, groupsFile, { env: {} }).scenario!;
    const result = { ...failedRunResult(scenario, new Date(0), 'k6-missing', ''), outcomeMessage: 'k6 said: Get "http://h/?k=tok": refused', errors: [{ method: 'GET', name: 'home', error: 'check failed: tok', occurrences: 1, firstSeen: '', lastSeen: '' }] };
    const redacted = redactRunResult(result, redact);
    expect(redacted.outcomeMessage).toBe(`k6 said: Get "http://h/?k=${REDACTED}": refused`);
    expect(redacted.errors[0]?.error).toBe(`check failed: ${REDACTED}`);
    expect(JSON.stringify(redactRunEvent({ type: 'finished', result }, redact))).not.toContain('tok"');
  });
});
