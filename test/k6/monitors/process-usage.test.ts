// Reads the CPU and memory of real processes: this test's own and a child it keeps busy for about a second.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { readProcessUsage, type ProcessUsage } from '../../../src/core/monitors/process-usage';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function usage(result: Awaited<ReturnType<typeof readProcessUsage>>): ProcessUsage {
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  children.push(child);
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe.runIf(process.platform === 'linux')('readProcessUsage on Linux', () => {
  it('reads this process: CPU time so far and resident memory near what Node reports', async () => {
    const own = usage(await readProcessUsage(process.pid));
    expect(own.cpuSeconds).toBeGreaterThan(0);
    const rss = process.memoryUsage.rss();
    expect(own.rssBytes).toBeGreaterThan(rss * 0.5);
    expect(own.rssBytes).toBeLessThan(rss * 2);
  });

  it('sees a busy child use CPU, then says it is not running once it has ended', async () => {
    // The loop is bounded: the child ends by itself after a second.
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 1000; while (Date.now() < end) {}'], { stdio: 'ignore' });
    children.push(child);
    const exited = once(child, 'exit');
    const pid = child.pid;
    if (pid === undefined) throw new Error('the child did not start');
    const first = usage(await readProcessUsage(pid));
    let latest = first;
    const started = performance.now();
    while (latest.cpuSeconds - first.cpuSeconds < 0.3 && performance.now() - started < 5000 && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const reading = await readProcessUsage(pid);
      if ('problem' in reading) break;
      latest = reading;
    }
    expect(latest.cpuSeconds - first.cpuSeconds).toBeGreaterThan(0.2);
    expect(latest.rssBytes).toBeGreaterThan(1024 * 1024);
    await exited;
    expect(await readProcessUsage(pid)).toEqual({ problem: `process ${pid} is not running` });
  });

  it('reads through ps as on macOS', async () => {
    const own = usage(await readProcessUsage(process.pid, 'darwin'));
    expect(own.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(own.cpuSeconds).toBeGreaterThanOrEqual(0);
    const gone = await exitedPid();
    expect(await readProcessUsage(gone, 'darwin')).toEqual({ problem: `process ${gone} is not running` });
  });
});
