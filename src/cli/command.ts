// What every subcommand provides; main.ts only dispatches.

import type { ExitCode } from './exit-codes';

/** Where a command reads and writes: the real process for the CLI, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal (live progress line); false in CI and pipes. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl+C; `hardStop` on the second one. */
  stop: AbortSignal;
  hardStop: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text for `loadscope NAME --help`. */
  help: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}
