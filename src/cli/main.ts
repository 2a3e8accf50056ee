// `loadscope`: the command-line shell over the core. Dispatches to one module per subcommand.

import { UsageError } from './args';
import type { CliIo, Command } from './command';
import { baselineCommand } from './commands/baseline';
import { compareCommand } from './commands/compare';
import { compileCommand } from './commands/compile';
import { demoTargetCommand } from './commands/demo-target';
import { runCommand } from './commands/run';
import { suiteCommand } from './commands/suite';
import { validateCommand } from './commands/validate';
import { ExitCode } from './exit-codes';

declare const LOADSCOPE_VERSION: string | undefined;

const commands: readonly Command[] = [runCommand, validateCommand, compileCommand, compareCommand, baselineCommand, suiteCommand, demoTargetCommand];

const usage = `Usage: loadscope COMMAND [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join('\n')}

Run \`loadscope COMMAND --help\` for a command's options.

Exit codes:
  ${ExitCode.pass}  pass: every target met (validate: no errors)
  ${ExitCode.targetsFailed}  the run finished and at least one target failed (compare: a figure got worse)
  ${ExitCode.invalidInput}  invalid scenario, missing file, or wrong command line
  ${ExitCode.stopped}  the run was stopped before its end (reports are marked as stopped)
  ${ExitCode.k6Failed}  k6 is missing, crashed or could not run the test (reports are marked as an error)`;

/** Runs one command line; never throws (a usage mistake prints help, a bug prints one line). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage}\n`);
    return name === undefined ? ExitCode.invalidInput : ExitCode.pass;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${typeof LOADSCOPE_VERSION === 'string' ? LOADSCOPE_VERSION : 'dev'}\n`);
    return ExitCode.pass;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`loadscope: unknown command "${name}"\n\n${usage}\n`);
    return ExitCode.invalidInput;
  }
  if (command.help !== '' && (args.includes('--help') || args.includes('-h'))) {
    io.out(`${command.help}\n`);
    return ExitCode.pass;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`loadscope ${command.name}: ${error.message}\n\n${command.help}\n`);
      return ExitCode.invalidInput;
    }
    io.err(`loadscope ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.k6Failed;
  }
}

function processIo(): CliIo {
  const stop = new AbortController();
  const hardStop = new AbortController();
  // First Ctrl+C: stop gracefully and still write reports. Second: stop at once.
  const onSignal = (): void => (stop.signal.aborted ? hardStop.abort() : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: process.stdout.isTTY === true && process.env.CI === undefined,
    env: process.env,
    cwd: process.cwd(),
    stop: stop.signal,
    hardStop: hardStop.signal,
  };
}

if (require.main === module) {
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
