// The observer's own cost: CPU and peak memory while k6 runs flat out, and whether its memory depends on how long
// a run lasts.
//
//   node bench/observer-memory.mjs [--duration 20s] [--vus 50] [--replay-rate 0] [--skip-live] [--skip-k6-memory]
//
// 1. Live: k6 against the local server at the highest rate this machine reaches, observed through the CSV stream
//    (the runner's mechanism); prints the observer's CPU, peak RSS and heap.
// 2. Replay: a synthetic k6 CSV stream at the same request rate (12 rows per request, as k6 writes them: the
//    same metric names, tags and row layout), fed through the same observer for 1 minute and for 5 minutes of
//    simulated time, as fast as it can go. Synthetic, not recorded: 5 real minutes would mostly measure waiting.
//    Prints the retained heap after each (after a full GC) and the rows per CPU second.
// 3. k6 memory: plain k6, the CSV stream and the web dashboard for a longer live run, since k6's own memory is
//    what grows (its summary keeps every trend value; the dashboard keeps them again per tag).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { findK6, formatBytes, observeOnce, option, startTargetServer, table } from './lib/bench-util.mjs';
import { loadObserver, resultsDir } from './lib/observer-bundle.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const duration = option('--duration', '20s');
const vus = Number(option('--vus', '50'));
const k6MemoryDuration = option('--k6-memory-duration', '30s');
const skipLive = process.argv.includes('--skip-live');
const skipK6Memory = process.argv.includes('--skip-k6-memory');
let replayRate = Number(option('--replay-rate', '0'));

const observer = await loadObserver();
mkdirSync(resultsDir, { recursive: true });
const k6 = findK6();
const sections = [`# Observer memory and CPU (${new Date().toISOString()})`, ''];

if (!skipLive) {
  const server = await startTargetServer();
  const live = await observeOnce({ mode: 'csv', k6, target: server.url, vus, duration, outDir: resultsDir });
  server.stop();
  const seconds = parseFloat(duration);
  replayRate ||= Math.round(live.k6Rps ?? 5000);
  sections.push(
    `## Live, ${vus} VUs for ${duration} (CSV stream)`,
    '',
    table(
      ['k6 req/s', 'requests', 'observer CPU (cores)', 'observer µs/req', 'observer peak RSS', 'observer peak heap', 'k6 CPU (cores)', 'k6 peak RSS'],
      [
        [
          Math.round(live.k6Rps ?? 0).toLocaleString('en-US'),
          (live.k6Requests ?? 0).toLocaleString('en-US'),
          (live.observerCpuSeconds / seconds).toFixed(3),
          ((live.observerCpuSeconds / Math.max(1, live.k6Requests ?? 0)) * 1e6).toFixed(1),
          formatBytes(live.observerPeakRssBytes),
          formatBytes(live.observerPeakHeapBytes),
          ((live.k6CpuSeconds ?? 0) / seconds).toFixed(2),
          formatBytes(live.k6PeakRssBytes),
        ],
      ],
    ),
    '',
  );
  console.log(sections.slice(-3).join('\n'));
}

replayRate ||= 5000;
const replays = [60, 300].map((seconds) => replay(seconds, replayRate));
sections.push(
  `## Replay: synthetic CSV stream at ${replayRate.toLocaleString('en-US')} req/s, 3 request names (simulated time)`,
  '',
  table(
    ['simulated run', 'requests', 'CSV rows', 'rows per CPU second', 'max sustainable req/s (1 core)', 'observer CPU per simulated second', 'retained heap after GC', 'peak heap'],
    replays.map((r) => [
      `${r.seconds / 60} min`,
      r.requests.toLocaleString('en-US'),
      r.rows.toLocaleString('en-US'),
      Math.round(r.rows / r.cpuSeconds).toLocaleString('en-US'),
      Math.round(r.requests / r.cpuSeconds).toLocaleString('en-US'),
      `${((r.cpuSeconds / r.seconds) * 1000).toFixed(0)} ms`,
      formatBytes(r.retainedBytes),
      formatBytes(r.peakHeapBytes),
    ]),
  ),
  '',
);
console.log(sections.slice(-3).join('\n'));

if (!skipK6Memory) {
  const server = await startTargetServer();
  const rows = [];
  for (const mode of ['plain', 'csv', 'dashboard']) {
    const run = await observeOnce({ mode, k6, target: server.url, vus: 20, duration: k6MemoryDuration, outDir: resultsDir });
    rows.push([mode, Math.round(run.k6Rps ?? 0).toLocaleString('en-US'), (run.k6Requests ?? 0).toLocaleString('en-US'), formatBytes(run.k6PeakRssBytes), formatBytes(run.observerPeakRssBytes)]);
    console.log(`k6 memory: ${mode} done`);
  }
  server.stop();
  sections.push(`## k6's own memory over a ${k6MemoryDuration} run, 20 VUs`, '', table(['mechanism', 'req/s', 'requests', 'k6 peak RSS', 'observer peak RSS'], rows), '');
  console.log(sections.slice(-3).join('\n'));
}

const text = sections.join('\n');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(path.join(resultsDir, `observer-memory-${stamp}.md`), text);
console.log(`\nSaved to bench/results/observer-memory-${stamp}.md`);

/** Feeds `seconds` of a synthetic k6 CSV stream at `rate` requests a second through the real observer. */
function replay(seconds, rate) {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const aggregator = new observer.MetricsAggregator({
    requests: [
      { key: 'r0', name: 'get item', method: 'GET', group: 'g0' },
      { key: 'r1', name: 'list items', method: 'GET', group: 'g0' },
      { key: 'r2', name: 'create item', method: 'POST', group: 'g0' },
    ],
  });
  const csv = new observer.K6CsvObserver(aggregator);
  csv.push('metric_name,timestamp,metric_value,check,error_code,expected_response,method,name,scenario,status,extra_tags,metadata\n');
  const start = 1_800_000_000_000;
  let rows = 0;
  let requests = 0;
  let peakHeap = 0;
  let state = 7;
  const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  // Only the observer's work is timed, not the generation of the synthetic text.
  let observerMicros = 0;
  for (let second = 0; second < seconds; second++) {
    // One chunk per 100 ms, as k6's buffered writer hands them over.
    for (let slice = 0; slice < 10; slice++) {
      const lines = [];
      const perSlice = Math.round(rate / 10);
      for (let i = 0; i < perSlice; i++) {
        const time = start + second * 1000 + slice * 100 + Math.floor((i / perSlice) * 100);
        const r = requests % 3;
        const names = ['get item', 'list items', 'create item'];
        const method = r === 2 ? 'POST' : 'GET';
        const failed = random() < 0.01;
        const status = failed ? '503' : '200';
        const code = failed ? '1503' : '';
        const tags = `,${code},${!failed},${method},${names[r]},g0,${status},rid=r${r},`;
        const duration = (1 + random() * 29).toFixed(6);
        for (const metric of ['http_reqs', 'http_req_duration', 'http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending', 'http_req_waiting', 'http_req_receiving', 'http_req_failed']) {
          lines.push(`${metric},${time},${metric === 'http_req_duration' ? duration : '0.120000'},${tags}`);
        }
        lines.push(`checks,${time},${failed ? '0.000000' : '1.000000'},${names[r]}: status is 200,,,,,g0,,rid=r${r}&name=${names[r]},`);
        lines.push(`iterations,${time},1.000000,,,,,,g0,,,`, `data_received,${time},263.000000,,,,,,g0,,,`);
        rows += 12;
        requests++;
      }
      if (slice === 0) lines.push(`vus,${start + second * 1000},20.000000,,,,,,,,,`);
      const text = lines.join('\n') + '\n';
      const before = process.cpuUsage();
      csv.push(text);
      aggregator.advance(start + second * 1000 + slice * 100);
      const spent = process.cpuUsage(before);
      observerMicros += spent.user + spent.system;
    }
    if (second % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - baseline);
  }
  csv.end();
  // Everything the observer keeps for the report: retained heap once the run's garbage is gone.
  gc();
  const retained = process.memoryUsage().heapUsed - baseline;
  const result = aggregator.finish();
  if (result.totals.requests !== requests) throw new Error(`replay lost requests: ${result.totals.requests} of ${requests}`);
  return { seconds, requests, rows, cpuSeconds: observerMicros / 1e6, retainedBytes: retained, peakHeapBytes: peakHeap };
}
