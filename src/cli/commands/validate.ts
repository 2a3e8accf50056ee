import path from 'node:path';
import { loadScenarioFile } from '../../core/scenario-file';
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { printDiagnostics } from '../print-diagnostics';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check scenario files and print problems as file:line:column',
  help: `Usage: loadscope validate FILE... [--env NAME]

Checks each scenario file (structure, values, targets, templates, data files) without running anything.
Problems print as file:line:column: severity: message. Exits with 0 when no file has an error, 2 otherwise.

Options:
  -e, --env NAME   also check that environment NAME exists and apply it
  -h, --help       show this help`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { env: { type: 'string', short: 'e' } });
    if (positionals.length === 0) throw new UsageError('give at least one scenario file');
    let errors = 0;
    let warnings = 0;
    for (const file of positionals) {
      const { diagnostics } = loadScenarioFile(path.resolve(io.cwd, file), { environment: values.env, env: io.env });
      const shown = diagnostics.map((d) => ({ ...d, file }));
      errors += printDiagnostics(shown, io.err);
      warnings += diagnostics.filter((d) => d.severity === 'warning').length;
    }
    const files = positionals.length === 1 ? '1 file' : `${positionals.length} files`;
    io.out(`${files} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    return errors > 0 ? ExitCode.invalidInput : ExitCode.pass;
  },
};
