// A secret handed to a run (the editor's secret storage) never shows in the run's events or its reports, even when
// k6 itself echoes it: here in the URL of every refused request, which k6 logs and the outcome message quotes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadTest } from '../../../src/core/load-test';
import { REDACTED } from '../../../src/core/run/redact-secrets';
import type { RunEvent } from '../../../src/core/run/run-events';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SECRET = 'tok-7f3a9c-secret';

/** A port on 127.0.0.1 that nothing listens on any more: every request to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

let folder = '';
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'loadscope-secrets-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('secrets in a run', () => {
  it('are replaced with *** in log lines, the outcome message and every report file', async () => {
    const port = await closedPort();
    const file = path.join(folder, 'secret.scenario.yaml');
    writeFileSync(
      file,
      `scenario: Secret in the URL
target: http://127.0.0.1:${port}
load: { users: 1, duration: 2s }
thinkTime: 200ms
requests:
  - { name: status, GET: "/status?token=\${env:API_TOKEN}" }
`,
    );
    const events: RunEvent[] = [];
    const outcome = await runLoadTest({
      file,
      reportDir: path.join(folder, 'reports'),
      displayRoot: folder,
      toolDir: path.join(REPO_ROOT, '.tools', 'bin'),
      env: { ...process.env, API_TOKEN: SECRET },
      secrets: [SECRET],
      onEvent: (event) => events.push(event),
    });
    expect(outcome.kind).toBe('finished');
    if (outcome.kind !== 'finished') return;
    const logLines = events.flatMap((event) => (event.type === 'log' ? [event.line] : []));
    expect(logLines.some((line) => line.includes(`token=${REDACTED}`)), logLines.join('\n')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(outcome.result.totals.failures).toBeGreaterThan(0);
    expect(JSON.stringify(outcome.result)).not.toContain(SECRET);
    for (const name of readdirSync(outcome.folder)) expect(readFileSync(path.join(outcome.folder, name), 'utf8'), name).not.toContain(SECRET);
  });
});
