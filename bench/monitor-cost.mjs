// What server-side monitors cost the process that runs the test: parsing a Prometheus text body, and a sampler
// reading an endpoint once a second for a while, against the same process doing nothing.
//
//   node bench/monitor-cost.mjs [--rounds 3] [--seconds 10] [--series 30,1000,10000]
//
// 1. Parse: the runner's own parser (src/core/monitors) on bodies of 30 series (what the demo target serves),
//    1,000 and 10,000 series (about 1 MB), each parsed many times; the median time per parse.
// 2. Sampling: a MonitorSampler reading 5 series from an endpoint of each size once a second for --seconds,
//    alternating with an idle stretch of the same length (the baseline) in each round; the CPU this process used
//    (process.cpuUsage) per second of sampling and its RSS at the end, medians over the rounds. The endpoint is a
//    small HTTP server in a child process on 127.0.0.1, so its own work is not counted.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatBytes, median, option, table } from './lib/bench-util.mjs';
import { bundleSources, resultsDir } from './lib/observer-bundle.mjs';

const rounds = Number(option('--rounds', '3'));
const seconds = Number(option('--seconds', '10'));
const sizes = option('--series', '30,1000,10000').split(',').map(Number);

const monitors = await bundleSources('monitors.mjs', ['src/core/monitors/prometheus-text', 'src/core/monitors/monitor-sampler', 'src/core/monitors/resolve-monitors']);
mkdirSync(resultsDir, { recursive: true });

/** A body of `count` series in the shape real exporters write: HELP and TYPE per family, labels on every sample. */
function exposition(count) {
  const lines = [];
  const families = Math.max(1, Math.ceil(count / 10));
  for (let family = 0; family < families; family += 1) {
    const name = family === 0 ? 'app_pool_connections_in_use' : `app_metric_${family}_total`;
    lines.push(`# HELP ${name} A metric of the benchmark.`, `# TYPE ${name} ${family === 0 ? 'gauge' : 'counter'}`);
    for (let sample = 0; sample < 10 && family * 10 + sample < count; sample += 1) {
      lines.push(`${name}{route="/api/items/:id",method="GET",status="${200 + sample}"} ${(family * 7919 + sample * 104729) % 100000}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// --- 1. Parse -------------------------------------------------------------------------------------------------
const parseRows = sizes.map((count) => {
  const body = exposition(count);
  const iterations = Math.max(20, Math.round(200000 / count));
  const times = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = process.hrtime.bigint();
    monitors.parsePrometheusText(body);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const ms = median(times);
  return [count.toLocaleString('en-US'), formatBytes(Buffer.byteLength(body)), String(iterations), `${ms.toFixed(3)} ms`, `${((ms / 1000) * 100).toFixed(2)} %`];
});

// --- 2. Sampling ----------------------------------------------------------------------------------------------
const serverSource = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const server = http.createServer((request, response) => { response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }); response.end(body); });
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
setTimeout(() => process.exit(0), ${(rounds * sizes.length * 2 * seconds + 60) * 1000}).unref();
process.on('disconnect', () => process.exit(0));
`;

// The body goes through a file: 10,000 series are more than a command line may carry.
function startEndpoint(count) {
  const bodyFile = path.join(resultsDir, '.build', `exposition-${count}.txt`);
  writeFileSync(bodyFile, exposition(count));
  const child = spawn(process.execPath, ['-e', serverSource, bodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve({ url: `http://127.0.0.1:${String(chunk).trim()}/metrics`, stop: () => child.kill() }));
    child.once('error', reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function cpuOver(work) {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / seconds;
}

const endpoints = [];
for (const count of sizes) endpoints.push({ count, endpoint: await startEndpoint(count) });
const idle = [];
const sampled = new Map(sizes.map((count) => [count, { cpu: [], rss: [] }]));
for (let round = 0; round < rounds; round += 1) {
  idle.push(await cpuOver(() => sleep(seconds * 1000)));
  for (const { count, endpoint } of endpoints) {
    const series = ['app_pool_connections_in_use', 'app_metric_1_total', 'app_metric_2_total{status="200"}', 'app_metric_3_total', 'app_metric_4_total'];
    const template = (text) => [{ kind: 'text', text }];
    const model = [{ kind: 'prometheus', name: 'bench', url: template(endpoint.url), series: series.map((selector) => ({ selector, label: selector })) }];
    const resolved = monitors.resolveMonitors(model, undefined, {});
    const sampler = new monitors.MonitorSampler(resolved.monitors);
    const cpu = await cpuOver(async () => {
      sampler.start();
      await sleep(seconds * 1000);
      await sampler.stop();
    });
    sampled.get(count).cpu.push(cpu);
    sampled.get(count).rss.push(process.memoryUsage().rss);
  }
}
for (const { endpoint } of endpoints) endpoint.stop();

const idleMs = median(idle);
const sampleRows = [['idle (baseline)', '–', `${idleMs.toFixed(2)} ms`, '–', '–']];
for (const count of sizes) {
  const { cpu, rss } = sampled.get(count);
  const ms = median(cpu);
  sampleRows.push([`sampler, ${count.toLocaleString('en-US')} series served`, '5', `${ms.toFixed(2)} ms`, `${(ms - idleMs).toFixed(2)} ms (${(((ms - idleMs) / 1000) * 100).toFixed(2)} % of a core)`, formatBytes(median(rss))]);
}

const report = [
  `# Monitor cost (${new Date().toISOString()}, Node ${process.version}, ${rounds} rounds of ${seconds} s)`,
  '',
  '## Parsing a Prometheus text body (median per parse; share of one core at one scrape a second)',
  '',
  table(['series in the body', 'size', 'parses', 'median time', 'of one core at 1/s'], parseRows),
  '',
  '## Sampling once a second (this process\'s CPU per second, medians over rounds)',
  '',
  table(['mode', 'series kept', 'CPU per second', 'above idle', 'RSS at the end'], sampleRows),
  '',
].join('\n');
console.log(report);
writeFileSync(path.join(resultsDir, 'monitor-cost.md'), report);
