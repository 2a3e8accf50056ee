// Small helpers shared by the benchmarks: finding k6, the target server, /proc readings, formatting.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './observer-bundle.mjs';

/** k6 from LOADSCOPE_K6, else the project's .tools/bin, else `k6` on PATH. */
export function findK6() {
  if (process.env.LOADSCOPE_K6) return process.env.LOADSCOPE_K6;
  const local = path.join(root, '.tools', 'bin', process.platform === 'win32' ? 'k6.exe' : 'k6');
  return existsSync(local) ? local : 'k6';
}

/** Value after a command-line flag, or the fallback. */
export function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function formatBytes(bytes) {
  if (!bytes) return '-';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

/** A Markdown table, columns padded so it also reads well in a terminal. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; 100 ticks a second). */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Starts the target server in its own process on 127.0.0.1; resolves when it listens. */
export function startTargetServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', 'lib', 'target-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout.once('data', (chunk) => {
      const { port } = JSON.parse(chunk.toString());
      resolve({ url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
  });
}

/** Runs bench/lib/observe-once.mjs in its own process and resolves to its measurements. */
export function observeOnce(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', 'lib', 'observe-once.mjs'), JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? ''));
      } catch {
        reject(new Error(`observe-once (${config.mode}) exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}
