// One benchmark run in its own process: spawns k6 with one live-metrics mechanism, observes it the way the runner
// would, and prints one JSON line of measurements. Being a separate process, its CPU and memory are the observer's
// alone (plus Node's baseline, which the `plain` mode shows).
//
//   node bench/lib/observe-once.mjs '{"mode":"csv","k6":"...","target":"http://127.0.0.1:N",...}'
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { observerBundlePath } from './observer-bundle.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
const { mode, k6, target, vus = 20, duration = '10s', outDir, urlPath = '/fast', systemTags } = config;
const script = path.join(import.meta.dirname, 'bench-script.js');
const observerModule = await import(pathToFileURL(observerBundlePath).href);

const summaryPath = path.join(outDir, `summary-${mode}-${process.pid}.json`);
const csvPath = path.join(outDir, `samples-${process.pid}.csv`);
const jsonPath = path.join(outDir, `samples-${process.pid}.json`);

const env = {
  ...process.env,
  K6_NO_USAGE_REPORT: 'true',
  K6_AUTO_EXTENSION_RESOLUTION: 'false',
  LOADSCOPE_SUMMARY: summaryPath,
  BENCH_TARGET: target,
  BENCH_PATH: urlPath,
  BENCH_VUS: String(vus),
  BENCH_DURATION: duration,
  ...(systemTags ? { BENCH_SYSTEM_TAGS: systemTags } : {}),
};
const args = ['run', '--quiet', '--no-color'];
let dashboardPort;
switch (mode) {
  case 'plain':
    break;
  case 'csv':
    args.push('--out', observerModule.K6_CSV_OUTPUT_ARGUMENT);
    break;
  case 'csv-lean':
    // Only the tags the observer reads: rid and name arrive as custom tags anyway.
    env.BENCH_SYSTEM_TAGS = 'status,error_code,expected_response,check';
    args.push('--out', observerModule.K6_CSV_OUTPUT_ARGUMENT);
    break;
  case 'csv-file':
    args.push('--out', `csv=fileName=${csvPath},saveInterval=1s,timeFormat=unix_milli`);
    break;
  case 'json':
    args.push('--out', 'json=-');
    break;
  case 'json-file':
    args.push('--out', `json=${jsonPath}`);
    break;
  case 'dashboard':
    dashboardPort = await freePort();
    Object.assign(env, {
      K6_WEB_DASHBOARD: 'true',
      K6_WEB_DASHBOARD_HOST: '127.0.0.1',
      K6_WEB_DASHBOARD_PORT: String(dashboardPort),
      K6_WEB_DASHBOARD_PERIOD: '1s',
      K6_WEB_DASHBOARD_TAGS: 'rid,status,error_code',
    });
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
args.push(script);

const aggregator = new observerModule.MetricsAggregator({
  requests: [
    { key: 'r0', name: 'get item', method: 'GET', group: 'g0' },
    { key: 'r1', name: 'list items', method: 'GET', group: 'g0' },
  ],
});
let ticks = 0;
let peakRss = 0;
let peakHeap = 0;
let k6PeakRss = 0;
const cpuStart = process.cpuUsage();
const started = Date.now();

const child = spawn(k6, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
let stderrTail = '';
child.stderr.on('data', (chunk) => {
  stderrTail = (stderrTail + chunk.toString()).slice(-2000);
});

const sampler = setInterval(() => {
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed + memory.arrayBuffers);
  k6PeakRss = Math.max(k6PeakRss, vmHwmBytes(child.pid));
  ticks += aggregator.advance(Date.now()).length;
}, 200);

const stdoutDone = new Promise((resolve) => child.stdout.on('end', resolve));
let finishObserving = () => {};
if (mode === 'csv' || mode === 'csv-lean') {
  const observer = new observerModule.K6CsvObserver(aggregator);
  child.stdout.on('data', (chunk) => observer.push(chunk));
  finishObserving = () => observer.end();
} else if (mode === 'json') {
  const decoder = jsonLineDecoder(aggregator);
  child.stdout.on('data', (chunk) => decoder.push(chunk));
  finishObserving = () => decoder.end();
} else if (mode === 'csv-file') {
  const observer = new observerModule.K6CsvObserver(aggregator);
  const tail = fileTail(csvPath, (chunk) => observer.push(chunk));
  finishObserving = () => {
    tail.stop();
    observer.end();
  };
} else if (mode === 'json-file') {
  const decoder = jsonLineDecoder(aggregator);
  const tail = fileTail(jsonPath, (chunk) => decoder.push(chunk));
  finishObserving = () => {
    tail.stop();
    decoder.end();
  };
} else {
  child.stdout.resume();
}
let dashboard;
if (mode === 'dashboard') dashboard = watchDashboard(dashboardPort);

const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
await stdoutDone;
clearInterval(sampler);
finishObserving();
const result = aggregator.finish();
const cpu = process.cpuUsage(cpuStart);
const memory = process.memoryUsage();
peakRss = Math.max(peakRss, memory.rss);
peakHeap = Math.max(peakHeap, memory.heapUsed + memory.arrayBuffers);

const summary = existsSync(summaryPath) ? JSON.parse(readFileSync(summaryPath, 'utf8')) : undefined;
const fileBytes = [csvPath, jsonPath].filter(existsSync).reduce((sum, file) => sum + statSync(file).size, 0);
for (const file of [summaryPath, csvPath, jsonPath]) rmSync(file, { force: true });

process.stdout.write(
  JSON.stringify({
    mode,
    exitCode,
    wallSeconds: (Date.now() - started) / 1000,
    k6Requests: summary?.metrics?.http_reqs?.values?.count ?? null,
    k6Rps: summary?.metrics?.http_reqs?.values?.rate ?? null,
    k6P95: summary?.metrics?.http_req_duration?.values?.['p(95)'] ?? null,
    observedRequests: result.totals.requests,
    observedP95: result.totals.p95,
    timelinePoints: ticks,
    dashboardSnapshots: dashboard?.snapshots ?? null,
    k6CpuSeconds: childCpuSeconds(),
    k6PeakRssBytes: k6PeakRss,
    observerCpuSeconds: (cpu.user + cpu.system) / 1e6,
    observerPeakRssBytes: peakRss,
    observerPeakHeapBytes: peakHeap,
    outputFileBytes: fileBytes,
    stderrTail: exitCode === 0 ? '' : stderrTail,
  }) + '\n',
);
process.exit(0);

/** Peak resident memory of a running process (Linux), 0 when unknown. */
function vmHwmBytes(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU of waited-for children (k6 is the only one): cutime + cstime of this process (Linux, 100 ticks/s). */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Reads what k6 appends to a file, every 100 ms, the way a tailing observer must. */
function fileTail(file, onChunk) {
  let fd;
  let position = 0;
  const buffer = Buffer.alloc(1 << 20);
  const drain = () => {
    if (fd === undefined) {
      if (!existsSync(file)) return;
      fd = openSync(file, 'r');
    }
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read <= 0) return;
      position += read;
      onChunk(Buffer.from(buffer.subarray(0, read)));
    }
  };
  const timer = setInterval(drain, 100);
  return {
    stop() {
      clearInterval(timer);
      drain();
      if (fd !== undefined) closeSync(fd);
    },
  };
}

/** Decodes k6's JSON output lines, parsing only the metrics the runner needs. */
function jsonLineDecoder(sink) {
  let pending = '';
  const wanted = ['http_req_duration', 'checks', 'vus', 'dropped_iterations', 'iterations', 'data_received', 'data_sent'].map((metric) => [
    `{"metric":"${metric}","type":"Point"`,
    metric,
  ]);
  const handle = (line) => {
    const match = wanted.find(([prefix]) => line.startsWith(prefix));
    if (!match) return;
    const { data } = JSON.parse(line);
    const timeMs = Date.parse(data.time);
    const tags = data.tags ?? {};
    switch (match[1]) {
      case 'http_req_duration': {
        const status = Number(tags.status) || 0;
        sink.request(timeMs, tags.rid ?? tags.name ?? '', data.value, status, tags.error_code ? Number(tags.error_code) : undefined, tags.expected_response === 'false');
        return;
      }
      case 'checks':
        sink.check(timeMs, tags.rid, tags.check ?? '', data.value === 1);
        return;
      case 'vus':
        sink.users(timeMs, data.value);
        return;
      case 'dropped_iterations':
        sink.droppedIterations(timeMs, data.value);
        return;
      case 'iterations':
        sink.iteration(timeMs);
        return;
      case 'data_received':
        sink.dataReceived(timeMs, data.value);
        return;
      case 'data_sent':
        sink.dataSent(timeMs, data.value);
    }
  };
  return {
    push(chunk) {
      const text = pending + chunk.toString('utf8');
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        handle(text.slice(start, nl));
        start = nl + 1;
      }
      pending = text.slice(start);
    },
    end() {
      if (pending) handle(pending);
      pending = '';
    },
  };
}

/**
 * Follows the web dashboard's server-sent events and decodes each snapshot into per-metric aggregates (the
 * snapshot is an array in the byte order of all metric names announced so far). Closes on `stop`, since k6
 * waits for its clients before exiting.
 */
function watchDashboard(port) {
  const state = { snapshots: 0, names: new Set(), aggregates: {}, types: {}, lastRps: {} };
  const connect = () => {
    const request = http.get({ host: '127.0.0.1', port, path: '/events', headers: { accept: 'text/event-stream' } }, (response) => {
      let pending = '';
      response.setEncoding('utf8');
      response.on('data', (text) => {
        pending += text;
        let end;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          handleEvent(pending.slice(0, end));
          pending = pending.slice(end + 2);
        }
      });
    });
    request.on('error', () => setTimeout(connect, 100));
    const handleEvent = (block) => {
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      if (event === 'param') state.aggregates = JSON.parse(data).aggregates ?? {};
      else if (event === 'metric') {
        for (const [name, info] of Object.entries(JSON.parse(data))) {
          state.names.add(name);
          state.types[name] = info.type;
        }
      } else if (event === 'snapshot') {
        const values = JSON.parse(data);
        const names = [...state.names].sort();
        names.forEach((name, i) => {
          if (name.startsWith('http_reqs{rid:')) state.lastRps[name] = values[i]?.[1];
        });
        state.snapshots++;
      } else if (event === 'stop') {
        request.destroy();
      }
    };
  };
  connect();
  return state;
}
