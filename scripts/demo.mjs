// `npm run demo`: starts the demo target on a free port, runs the quick scenarios against it with the real
// CLI (as a user would), prints where the reports are, and stops the target. Expects `npm run build` first.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'loadscope.js');
const scenarios = ['scenarios/quick/deployments.scenario.yaml', 'scenarios/quick/burst.scenario.yaml'];

// Its own process group, so a Ctrl+C stops the running load test gracefully while the target keeps answering.
const target = spawn(process.execPath, [cli, 'demo-target', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
process.on('exit', () => target.kill('SIGTERM'));
const url = await new Promise((resolve, reject) => {
  let seen = '';
  target.stdout.on('data', (chunk) => {
    seen += chunk;
    const match = /http:\/\/127\.0\.0\.1:\d+/.exec(seen);
    if (match) resolve(match[0]);
  });
  target.on('exit', (code) => reject(new Error(`the demo target exited early (code ${code})`)));
});
console.log(`Demo target running at ${url}\n`);

const results = [];
let interrupted = false;
process.on('SIGINT', () => (interrupted = true)); // the CLI child gets the same Ctrl+C and stops gracefully
try {
  for (const scenario of scenarios) {
    if (interrupted) break;
    console.log(`$ loadscope run ${scenario}`);
    const code = await new Promise((resolve) => {
      const run = spawn(process.execPath, [cli, 'run', scenario], { cwd: root, stdio: 'inherit', env: { ...process.env, TARGET_URL: url } });
      run.on('exit', (c) => resolve(c ?? 1));
    });
    results.push({ scenario, code });
    console.log('');
  }
} finally {
  target.kill('SIGTERM');
}

const words = { 0: 'PASS', 1: 'FAIL (targets missed, as the burst is meant to)', 2: 'invalid scenario', 3: 'stopped', 4: 'k6 error' };
console.log('Demo summary:');
for (const { scenario, code } of results) console.log(`  ${scenario}: ${words[code] ?? `exit ${code}`}`);
console.log('Reports are in load-reports/ (open report.html in a browser, or read report.md).');
// The demo succeeds when every scenario ran to its verdict; a failed target is the expected outcome of the burst.
process.exitCode = results.length === scenarios.length && results.every(({ code }) => code === 0 || code === 1) ? 0 : 1;
