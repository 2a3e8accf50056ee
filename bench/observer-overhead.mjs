// What each way of watching k6 live costs: the same k6 script against the same local server, run with each
// mechanism in turn (alternating, several rounds, so background load spreads evenly), then one table of medians.
//
//   node bench/observer-overhead.mjs [--rounds 3] [--duration 10s] [--vus 20] [--modes plain,csv,json,dashboard]
//
// Writes the table to bench/results/observer-overhead-<timestamp>.md and the raw runs to a .json beside it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadObserver, resultsDir } from './lib/observer-bundle.mjs';
import { findK6, formatBytes, median, observeOnce, option, processCpuSeconds, startTargetServer, table } from './lib/bench-util.mjs';

const rounds = Number(option('--rounds', '3'));
const duration = option('--duration', '10s');
const vus = Number(option('--vus', '20'));
const modes = option('--modes', 'plain,csv,csv-lean,csv-file,json,json-file,dashboard').split(',');

const k6 = findK6();
await loadObserver();
mkdirSync(resultsDir, { recursive: true });
const server = await startTargetServer();
const k6Version = execFileSync(k6, ['version'], { encoding: 'utf8' }).trim();
console.log(`${k6Version}; target ${server.url}; ${rounds} rounds x ${modes.length} modes x ${duration}, ${vus} VUs; ${os.cpus().length} CPUs`);

const runs = [];
for (let round = 1; round <= rounds; round++) {
  // Rotate the order each round so no mechanism always runs first or last.
  const order = modes.map((_, i) => modes[(i + round - 1) % modes.length]);
  for (const mode of order) {
    const serverCpuBefore = processCpuSeconds(server.pid);
    const run = await observeOnce({ mode, k6, target: server.url, vus, duration, outDir: resultsDir });
    run.serverCpuSeconds = processCpuSeconds(server.pid) - serverCpuBefore;
    run.round = round;
    runs.push(run);
    console.log(
      `round ${round} ${mode.padEnd(10)} ${Math.round(run.k6Rps ?? 0)} req/s, k6 CPU ${run.k6CpuSeconds?.toFixed(1)} s, observer CPU ${run.observerCpuSeconds.toFixed(2)} s` +
        (run.exitCode === 0 ? '' : `  (k6 exit ${run.exitCode}: ${run.stderrTail.trim().split('\n').pop()})`),
    );
  }
}
server.stop();

const seconds = parseFloat(duration);
const plainRps = median(runs.filter((r) => r.mode === 'plain').map((r) => r.k6Rps ?? 0));
const rows = modes.map((mode) => {
  const of = runs.filter((r) => r.mode === mode);
  const m = (pick) => median(of.map(pick));
  const rps = m((r) => r.k6Rps ?? 0);
  const observed = m((r) => (r.k6Requests ? r.observedRequests / r.k6Requests : 0));
  return [
    mode,
    Math.round(rps).toLocaleString('en-US'),
    plainRps ? (rps / plainRps).toFixed(2) : '-',
    `${(m((r) => r.k6CpuSeconds ?? 0) / seconds).toFixed(2)}`,
    `${m((r) => ((r.k6CpuSeconds ?? 0) / Math.max(1, r.k6Requests ?? 0)) * 1e6).toFixed(1)}`,
    `${(m((r) => r.serverCpuSeconds) / seconds).toFixed(2)}`,
    `${(m((r) => r.observerCpuSeconds) / seconds).toFixed(3)}`,
    `${m((r) => (r.observerCpuSeconds / Math.max(1, r.k6Requests ?? 0)) * 1e6).toFixed(1)}`,
    formatBytes(m((r) => r.k6PeakRssBytes)),
    formatBytes(m((r) => r.observerPeakRssBytes)),
    formatBytes(m((r) => r.observerPeakHeapBytes)),
    formatBytes(m((r) => r.outputFileBytes)),
    mode === 'plain' || mode === 'dashboard' ? '-' : `${(observed * 100).toFixed(1)}%`,
  ];
});
const header = ['mechanism', 'median req/s', 'vs plain', 'k6 CPU (cores)', 'k6 µs/req', 'server CPU (cores)', 'observer CPU (cores)', 'observer µs/req', 'k6 peak RSS', 'observer peak RSS', 'observer peak heap', 'file on disk', 'requests seen'];
const text = [
  `# Observer overhead (${new Date().toISOString()})`,
  '',
  `${k6Version}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}); ${rounds} rounds x ${duration}, ${vus} VUs, alternating; medians.`,
  'CPU columns are cores busy on average over the test (CPU seconds / test seconds); k6, the target server and the',
  'observer share the same machine, so req/s moves with background load; µs/req (CPU time per request) does not.',
  '',
  table(header, rows),
  '',
].join('\n');
console.log('\n' + text);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(path.join(resultsDir, `observer-overhead-${stamp}.md`), text);
writeFileSync(path.join(resultsDir, `observer-overhead-${stamp}.json`), JSON.stringify(runs, null, 2));
