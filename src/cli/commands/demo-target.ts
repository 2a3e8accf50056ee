import { runDemoTargetCli } from '../../demo-target/main';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';

export const demoTargetCommand: Command = {
  name: 'demo-target',
  summary: 'start the demo HTTP server the example scenarios run against',
  help: '', // the demo target prints its own usage for --help
  async run(args, io) {
    const code = await runDemoTargetCli(args, { out: (line) => io.out(`${line}\n`), err: (line) => io.err(`${line}\n`), stop: io.stop });
    return code === 0 ? ExitCode.pass : ExitCode.invalidInput;
  },
};
