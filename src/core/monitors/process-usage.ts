// CPU time and resident memory of a local process, read the way the platform exposes them: /proc on Linux,
// `ps` on macOS. No native module, so it runs wherever Node does.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ProcessUsage {
  /** User plus system CPU time since the process started. */
  cpuSeconds: number;
  /** Resident set size. */
  rssBytes: number;
}

export type ProcessUsageResult = ProcessUsage | { problem: string };

// /proc reports CPU time in USER_HZ ticks, which the kernel fixes at 100 per second for user space on every
// mainstream architecture whatever its internal tick rate (`getconf CLK_TCK` prints 100).
const clockTicksPerSecond = 100;
const psTimeoutMs = 2000;

/** Reads a process's CPU time and memory; a problem in plain words when it cannot (not running, unsupported platform). */
export async function readProcessUsage(pid: number, platform: NodeJS.Platform = process.platform): Promise<ProcessUsageResult> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return { problem: `${String(pid)} is not a process id` };
  if (platform === 'linux') return readFromProc(pid);
  if (platform === 'darwin') return readFromPs(pid);
  return { problem: `reading a process's CPU and memory is not supported on ${platform} (only Linux and macOS)` };
}

async function readFromProc(pid: number): Promise<ProcessUsageResult> {
  let stat: string;
  let status: string;
  try {
    [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]);
  } catch (error) {
    return { problem: procReadProblem(pid, error) };
  }
  const parsed = parseProcStat(stat);
  if (parsed === undefined) return { problem: `could not read /proc/${pid}/stat` };
  if (parsed.state === 'Z' || parsed.state === 'X') return { problem: `process ${pid} has exited` };
  const rssBytes = parseVmRssBytes(status);
  if (rssBytes === undefined) return { problem: `could not read the memory of process ${pid} from /proc/${pid}/status` };
  return { cpuSeconds: parsed.cpuTicks / clockTicksPerSecond, rssBytes };
}

function procReadProblem(pid: number, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT' || code === 'ESRCH') return `process ${pid} is not running`;
  if (code === 'EACCES' || code === 'EPERM') return `not allowed to read process ${pid}`;
  return `could not read process ${pid}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The state letter and utime + stime (in clock ticks) of a /proc/<pid>/stat line. */
export function parseProcStat(text: string): { state: string; cpuTicks: number } | undefined {
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses: count from the last ')'.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 1).trim().split(/\s+/);
  // After the name: state is field 3, utime field 14, stime field 15.
  const state = fields[0];
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (state === undefined || !Number.isFinite(utime) || !Number.isFinite(stime) || fields[12] === undefined) return undefined;
  return { state, cpuTicks: utime + stime };
}

/** VmRSS of /proc/<pid>/status in bytes. */
export function parseVmRssBytes(text: string): number | undefined {
  const match = /^VmRSS:\s*(\d+)\s*kB\s*$/m.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
}

function readFromPs(pid: number): Promise<ProcessUsageResult> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'cputime=,rss=', '-p', String(pid)], { timeout: psTimeoutMs, windowsHide: true }, (error, stdout) => {
      const usage = parsePsLine(stdout);
      if (usage !== undefined) resolve(usage);
      else if (error === null) resolve({ problem: `could not make sense of what ps printed for process ${pid}: ${stdout.trim()}` });
      // ps exits 1 with no line when the process does not exist.
      else if (error.code === 1 && stdout.trim() === '') resolve({ problem: `process ${pid} is not running` });
      else resolve({ problem: `could not run ps for process ${pid}: ${error.message}` });
    });
  });
}

/** `ps -o cputime=,rss=` output: CPU time as [[dd-]hh:]mm:ss[.cc] and RSS in KiB. */
export function parsePsLine(text: string): ProcessUsage | undefined {
  const [time, rss, extra] = text.trim().split(/\s+/);
  if (time === undefined || rss === undefined || extra !== undefined || !/^\d+$/.test(rss)) return undefined;
  const cpuSeconds = parseCpuTime(time);
  return cpuSeconds === undefined ? undefined : { cpuSeconds, rssBytes: Number(rss) * 1024 };
}

function parseCpuTime(text: string): number | undefined {
  const match = /^(?:(\d+)-)?(\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){0,2})$/.exec(text);
  if (match === null) return undefined;
  const days = Number(match[1] ?? '0');
  let seconds = 0;
  for (const part of (match[2] ?? '').split(':')) seconds = seconds * 60 + Number(part);
  return days * 86_400 + seconds;
}
