// The built command line as a user runs it, for tests: dist/loadscope.js in a child process, with Ctrl+C on cue.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'loadscope.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails early with what to do when the CLI bundle is missing. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) throw new Error('dist/loadscope.js is missing: run `npm run build` first.');
}

/** Runs `loadscope ARGS` with CI=true; sends Ctrl+C once stdout matches `interruptWhen`; killed after 90 s. */
export function runLoadscope(args: readonly string[], options: { cwd: string; env?: Record<string, string>; interruptWhen?: RegExp }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CI: 'true', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!interrupted && options.interruptWhen?.test(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
