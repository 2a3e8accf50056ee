import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args';
import type { CliIo } from '../../../src/cli/command';
import { ExitCode } from '../../../src/cli/exit-codes';
import { main } from '../../../src/cli/main';
import { parseLoadOverrides } from '../../../src/cli/overrides';
import { formatProgress, ProgressPrinter } from '../../../src/cli/progress';

function bufferIo(cwd = process.cwd()): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => (out += t),
    err: (t) => (err += t),
    interactive: false,
    env: {},
    cwd,
    stop: new AbortController().signal,
    hardStop: new AbortController().signal,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('progress line', () => {
  it('shows elapsed, remaining, users, throughput, p95 and errors', () => {
    expect(formatProgress({ elapsedSeconds: 12, plannedSeconds: 30, users: 50, rps: 412.34, p95: 23.4, errorRate: 0.00123 })).toBe(
      '0:12 / 0:30 (0:18 left)  users 50  412.3 req/s  p95 23 ms  errors 0.12%',
    );
    expect(formatProgress({ elapsedSeconds: 40, plannedSeconds: 30, users: 0, rps: 0, p95: null, errorRate: 0 })).toContain('(0:00 left)');
  });

  it('rewrites one line on a terminal and prints every few seconds otherwise', () => {
    const figures = (s: number) => ({ elapsedSeconds: s, plannedSeconds: 30, users: 1, rps: 1, p95: 1, errorRate: 0 });
    let tty = '';
    const live = new ProgressPrinter((t) => (tty += t), true);
    live.update(figures(1));
    live.update(figures(2));
    live.finish();
    expect(tty.split('\r\x1b[2K')).toHaveLength(3);
    expect(tty.endsWith('\n')).toBe(true);
    let plain = '';
    const ci = new ProgressPrinter((t) => (plain += t), false, 5);
    for (let s = 1; s <= 12; s++) ci.update(figures(s));
    expect(plain.trim().split('\n')).toHaveLength(3); // at 1, 6 and 11 s
  });
});

describe('load overrides', () => {
  it('reads users, rates with or without a unit, and durations', () => {
    expect(parseLoadOverrides({ users: '50', rate: '120', duration: '1m30s' })).toEqual({ users: 50, ratePerSecond: 120, durationSeconds: 90 });
    expect(parseLoadOverrides({ rate: '600/m' })).toEqual({ ratePerSecond: 10 });
  });

  it('names the flag in its error', () => {
    expect(() => parseLoadOverrides({ users: '-3' })).toThrow(/--users must be a positive whole number/);
    expect(() => parseLoadOverrides({ duration: '90' })).toThrow(UsageError);
    expect(() => parseLoadOverrides({ rate: 'fast' })).toThrow(/--rate/);
  });
});

describe('loadscope command line', () => {
  it('prints usage with exit codes, and 2 for no command', async () => {
    const io = bufferIo();
    expect(await main([], io)).toBe(ExitCode.invalidInput);
    expect(io.stdout()).toMatch(/Exit codes:[\s\S]*4 {2}k6 is missing/);
    expect(await main(['--help'], bufferIo())).toBe(ExitCode.pass);
  });

  it('has help for every command', async () => {
    for (const command of ['run', 'validate', 'compile']) {
      const io = bufferIo();
      expect(await main([command, '--help'], io)).toBe(ExitCode.pass);
      expect(io.stdout()).toContain(`Usage: loadscope ${command}`);
    }
  });

  it('explains unknown commands and flags', async () => {
    const unknown = bufferIo();
    expect(await main(['runn'], unknown)).toBe(ExitCode.invalidInput);
    expect(unknown.stderr()).toContain('unknown command "runn"');
    const badFlag = bufferIo();
    expect(await main(['run', 'x.yaml', '--userz', '3'], badFlag)).toBe(ExitCode.invalidInput);
    expect(badFlag.stderr()).toMatch(/--userz/);
  });

  it('validates files and prints file:line:column diagnostics', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loadscope-cli-'));
    writeFileSync(path.join(dir, 'bad.scenario.yaml'), 'scenario: x\ntarget: http://127.0.0.1:1\nload: { users: 5, duration: 10 }\nrequests:\n  - { name: a, GET: / }\n');
    const io = bufferIo(dir);
    expect(await main(['validate', 'bad.scenario.yaml', 'missing.yaml'], io)).toBe(ExitCode.invalidInput);
    expect(io.stderr()).toContain('bad.scenario.yaml:3:29: error:');
    expect(io.stderr()).toContain('missing.yaml:1:1: error: No such file');
    expect(io.stdout()).toContain('2 files checked: 2 errors');
  });

  it('accepts every example scenario', async () => {
    const io = bufferIo(path.resolve(__dirname, '..', '..', '..'));
    const files = ['deployments', 'cab-approvals', 'connector-scaling', 'burst'].map((n) => `scenarios/${n}.scenario.yaml`);
    expect(await main(['validate', ...files], io)).toBe(ExitCode.pass);
    expect(io.stderr()).toBe('');
  });
});
