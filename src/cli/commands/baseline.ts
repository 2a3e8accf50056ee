import path from 'node:path';
import { pinBaseline } from '../../core/compare/baseline';
import { displayPath } from '../../core/load-test';
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'pin a run as the baseline its scenario\'s later runs are compared with',
  help: `Usage: loadscope baseline RUN_FOLDER

Pins the run in RUN_FOLDER (a report folder written by \`loadscope run\`, or its summary.json) as the baseline of
its scenario: writes baseline.json into the scenario's report folder (<report-dir>/<scenario>/baseline.json).
From then on every run of that scenario into the same report folder is compared with it: the one-line result is
printed after the run, report.md gets a "Compared with the baseline" section, and comparison.md and
comparison.json are written beside the other reports. Pinning another run replaces the baseline.

Exit codes: 0 pinned, 2 not a readable run folder or a wrong command line.`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new UsageError('give exactly one run folder');
    const given = positionals[0] ?? '';
    const pinned = await pinBaseline(path.resolve(io.cwd, given));
    if (!pinned.ok) {
      io.err(`loadscope baseline: ${pinned.message}\n`);
      return ExitCode.invalidInput;
    }
    const runFolder = path.join(path.dirname(pinned.file), pinned.pin.runFolder);
    io.out(
      `Pinned ${displayPath(runFolder, io.cwd)} as the baseline of "${pinned.result.scenario}" (${displayPath(pinned.file, io.cwd)}).\n` +
        `Later runs of this scenario into ${displayPath(path.dirname(path.dirname(pinned.file)), io.cwd)} are compared with it.\n`,
    );
    return ExitCode.pass;
  },
};
