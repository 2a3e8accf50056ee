import { describe, expect, it } from 'vitest';
import { parseProcStat, parsePsLine, parseVmRssBytes, readProcessUsage } from '../../../src/core/monitors/process-usage';

describe('parsing process usage', () => {
  it('reads utime + stime from /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 2300 0 0 0 250 75 0 0 20 0 11 0 12345 1000000 5000 18446744073709551615';
    expect(parseProcStat(stat)).toEqual({ state: 'S', cpuTicks: 325 });
    expect(parseProcStat('garbage')).toBeUndefined();
    expect(parseProcStat('1 (x) S 1 2')).toBeUndefined();
  });

  it('reads VmRSS in bytes', () => {
    expect(parseVmRssBytes('Name:\tnode\nVmHWM:\t  90000 kB\nVmRSS:\t   81234 kB\nRssAnon:\t 1 kB\n')).toBe(81234 * 1024);
    expect(parseVmRssBytes('Name:\tzombie\n')).toBeUndefined();
  });

  it.each([
    ['   0:01.25  81234\n', 1.25],
    ['12:03.50 10', 723.5],
    ['00:00:07 10', 7],
    ['1:00:00 10', 3600],
    ['2-01:00:00 10', 2 * 86_400 + 3600],
  ])('reads ps output %j', (line, cpuSeconds) => {
    expect(parsePsLine(line)).toEqual({ cpuSeconds, rssBytes: Number(line.trim().split(/\s+/)[1]) * 1024 });
  });

  it.each(['', '0:01.25', 'x 10', '0:01 10 extra', '0:01 -5'])('refuses ps output %j', (line) => {
    expect(parsePsLine(line)).toBeUndefined();
  });

  it('says when the platform is not supported or the pid is not one', async () => {
    expect(await readProcessUsage(1, 'win32')).toEqual({ problem: "reading a process's CPU and memory is not supported on win32 (only Linux and macOS)" });
    expect(await readProcessUsage(0)).toEqual({ problem: '0 is not a process id' });
  });
});
