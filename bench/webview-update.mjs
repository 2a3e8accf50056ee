// What one live update of the results panel costs with a long run behind it: the real page (dist/webview.js and
// dist/webview.css under the panel's own CSP) in Chromium, fed a snapshot of 10 or 60 minutes of one-second data
// for 10 request names (all charted), then one tick a frame. The cases alternate for a few rounds after a warm-up
// round, so JIT warm-up and background load fall on all of them. Prints the median update time per case and its
// ratio to the first case, and saves the table under bench/results/.
//
//   node scripts/build.mjs && node bench/webview-update.mjs [--ticks 120] [--minutes 10,60] [--rounds 3]
//
// Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH). The data is synthetic and goes through the host's own
// RunFeed, so the snapshot is decimated exactly as in the extension.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { median, option, table } from './lib/bench-util.mjs';
import { bundleSources, resultsDir, root } from './lib/observer-bundle.mjs';

const TICKS = Number(option('--ticks', '120'));
const ROUNDS = Number(option('--rounds', '3'));
const MINUTES = option('--minutes', '10,60').split(',').map(Number);
const NAMES = ['login', 'dashboard', 'search', 'product', 'add to cart', 'cart', 'checkout', 'pay', 'orders', 'logout'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function loadPanelCode() {
  return bundleSources('results-panel.mjs', ['src/extension/results-panel/run-feed', 'src/extension/results-panel/panel-html']);
}

function runInfo(seconds) {
  return {
    scenario: 'Shop under load',
    scenarioFile: path.join(root, 'scenarios', 'bench.scenario.yaml'),
    plannedSeconds: seconds + TICKS,
    load: [{ group: 'shoppers', description: '200 users for 1h', model: 'closed' }],
    requests: NAMES.map((name, index) => ({ name, method: index % 3 === 0 ? 'POST' : 'GET', group: 'shoppers' })),
    targets: [
      { metric: 'p95', comparison: '<', threshold: 400, expression: '< 400ms', line: 30 },
      { metric: 'p99', comparison: '<', threshold: 900, expression: '< 900ms', line: 31 },
      { metric: 'errors', comparison: '<', threshold: 0.01, expression: '< 1%', line: 32 },
      { metric: 'p95', request: 'checkout', comparison: '<', threshold: 600, expression: '< 600ms', line: 34 },
    ],
  };
}

/** A plausible second: a few hundred requests over 10 names, 429s and 503s now and then, latency waves. */
function second(t, cumulative) {
  const wave = 1 + 0.4 * Math.sin(t / 90);
  const requests = {};
  let rps = 0;
  let failures = 0;
  NAMES.forEach((name, index) => {
    const count = 20 + ((t * (index + 3)) % 17);
    const failed = (t + index) % 97 === 0 ? 3 : 0;
    const p95 = (60 + index * 25) * wave + ((t * 7 + index) % 23);
    requests[name] = { rps: count, failuresPerSecond: failed, p50: p95 / 2.5, p95, p99: p95 * 1.6 };
    rps += count;
    failures += failed;
  });
  const limited = t % 45 === 0 ? 12 : 0;
  cumulative.requests += rps;
  cumulative.failures += failures + limited;
  const statuses = { 200: rps - failures - limited, 201: 0, ...(limited > 0 ? { 429: limited } : {}), ...(failures > 0 ? { 503: failures } : {}) };
  const p95 = 180 * wave + (t % 31);
  const point = {
    t,
    time: 1_800_000_000 + t,
    users: Math.min(200, 10 + t),
    rps,
    failuresPerSecond: failures + limited,
    p50: p95 / 2.4,
    p90: p95 * 0.9,
    p95,
    p99: p95 * 1.7,
    max: p95 * 3,
    avg: p95 / 2,
    statuses,
    errors: {},
    droppedIterations: 0,
    requests,
    cumulative: { requests: cumulative.requests, failures: cumulative.failures, p50: null, avg: null, min: null, max: null, avgSize: null },
  };
  const seconds = t + 1;
  const totals = {
    p50: 70, p66: 90, p75: 110, p80: 120, p90: 160, p95: 190, p98: 240, p99: 300, p999: 500, p9999: 700, max: 900, min: 2, avg: 85,
    requests: cumulative.requests,
    failures: cumulative.failures,
    errorRate: cumulative.failures / cumulative.requests,
    rps: cumulative.requests / seconds,
    failuresPerSecond: cumulative.failures / seconds,
    avgSize: 800,
    iterations: cumulative.requests / 2,
    droppedIterations: 0,
    maxUsers: Math.min(200, 10 + t),
    dataReceivedBytes: cumulative.requests * 800,
    dataSentBytes: cumulative.requests * 200,
    checks: { passes: cumulative.requests, fails: cumulative.failures },
  };
  return { type: 'tick', point, totals };
}

/** The snapshot after `seconds` of data and the tick messages of the seconds after it. */
function feedFor(code, seconds) {
  const feed = new code.RunFeed(runInfo(seconds));
  const cumulative = { requests: 0, failures: 0 };
  feed.apply({ type: 'started', startedAt: new Date(0).toISOString(), pid: 1, k6Version: 'v2.2.0', scriptPath: 'x.js', args: [] });
  for (let t = 0; t < seconds; t++) feed.apply(second(t, cumulative));
  feed.selectRequests(NAMES);
  const snapshot = feed.snapshot();
  const ticks = [];
  for (let t = seconds; t < seconds + TICKS; t++) ticks.push(...feed.apply(second(t, cumulative)));
  return { snapshot, ticks };
}

// Runs in the page before dist/webview.js: VS Code's API, a dark theme's variables, and a record of what happens.
const STUB = `
window.__posted = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__posted.push(message), getState: () => undefined, setState: (state) => { window.__saved = state; } });
document.body.className = 'vscode-dark';
for (const [name, value] of Object.entries({
  '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px',
  '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c', '--vscode-charts-green': '#89d185', '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616', '--vscode-charts-purple': '#b180d7', '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
})) document.documentElement.style.setProperty(name, value);
`;

function serve(code) {
  const nonce = randomBytes(18).toString('base64');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${server.address().port}`;
    const send = (type, body) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (url.pathname === '/') {
      const html = code.panelHtml({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/dist/webview.js`,
        styleUri: `${origin}/dist/webview.css`,
        title: 'bench',
        initialData: null,
      });
      send('text/html', html.replace('<script src=', `<script src="${origin}/stub.js" nonce="${nonce}"></script>\n<script src=`));
    } else if (url.pathname === '/stub.js') send('text/javascript', STUB);
    else if (url.pathname === '/dist/webview.js') send('text/javascript', readFileSync(path.join(root, 'dist', 'webview.js')));
    else if (url.pathname === '/dist/webview.css') send('text/css', readFileSync(path.join(root, 'dist', 'webview.css')));
    else response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function measure(page, url, { snapshot, ticks }) {
  await page.goto(url);
  await page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
  return page.evaluate(
    async ({ snapshot, ticks }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const deliver = (data) => {
        const start = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data }));
        // Style and layout of what changed belong to the update too.
        void document.body.getBoundingClientRect();
        return performance.now() - start;
      };
      const snapshotMs = deliver({ type: 'snapshot', snapshot });
      await frame();
      const updates = [];
      for (const tick of ticks) {
        updates.push(deliver(tick));
        await frame();
      }
      const canvases = [...document.querySelectorAll('canvas')];
      const drawn = canvases.filter((canvas) => {
        const context = canvas.getContext('2d');
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
        return false;
      }).length;
      return { snapshotMs, updates, canvases: canvases.length, drawn, violations: window.__violations, savedBytes: JSON.stringify(window.__saved ?? null).length };
    },
    { snapshot, ticks },
  );
}

async function main() {
  for (const file of ['webview.js', 'webview.css']) {
    if (!existsSync(path.join(root, 'dist', file))) throw new Error(`dist/${file} is missing: run node scripts/build.mjs first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}; set CHROMIUM_PATH.`);
  const code = await loadPanelCode();
  const { server, url } = await serve(code);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cases = MINUTES.map((minutes) => ({ minutes, data: feedFor(code, minutes * 60), updates: [], snapshotMs: [], savedBytes: 0 }));
    // Round 0 warms the page and the JIT up and is not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      for (const one of cases) {
        const result = await measure(page, url, one.data);
        if (errors.length > 0) throw new Error(`The page failed: ${errors.join('; ')}`);
        if (result.violations.length > 0) throw new Error(`CSP violations: ${result.violations.join('; ')}`);
        if (result.drawn !== result.canvases) throw new Error(`Only ${result.drawn} of ${result.canvases} charts drew anything.`);
        if (round === 0) continue;
        one.updates.push(...result.updates);
        one.snapshotMs.push(result.snapshotMs);
        one.savedBytes = result.savedBytes;
      }
    }
    let baseline;
    for (const one of cases) {
      const sorted = [...one.updates].sort((a, b) => a - b);
      const mid = median(one.updates);
      baseline ??= mid;
      rows.push([
        `${one.minutes} min`,
        String(one.data.snapshot.points.length),
        mid.toFixed(2),
        (sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(2),
        (sorted[sorted.length - 1] ?? 0).toFixed(2),
        median(one.snapshotMs).toFixed(1),
        (mid / baseline).toFixed(2),
        `${Math.round(one.savedBytes / 1024)} KiB`,
      ]);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const header = ['data behind', 'points per series', 'median update ms', 'p95 ms', 'max ms', 'full redraw ms', 'median vs first', 'saved state'];
  const text = [
    `Results panel update cost: ${NAMES.length} request names (all charted), ${TICKS} ticks per case and round, ${ROUNDS} rounds, Chromium ${CHROMIUM}, 1280×1000.`,
    '',
    table(header, rows),
    '',
    'An update is one tick message handled synchronously (charts, tiles, targets, table) plus style and layout;',
    'the max includes the ticks where the timeline is re-decimated and every series is rebuilt (once a minute).',
    'Full redraw: the snapshot a reloaded panel draws. Saved state: what the page keeps for a window reload.',
  ].join('\n');
  console.log(text);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `webview-update-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  writeFileSync(file, text + '\n');
  console.log(`\nSaved ${path.relative(root, file)}`);
}

await main();
