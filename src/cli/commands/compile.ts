import path from 'node:path';
import { compileScenario } from '../../core/compile/compile';
import { SCRIPT_FILE, writeK6Test } from '../../core/compile/write-test';
import { loadScenarioFile } from '../../core/scenario-file';
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { loadOptionSpecs, loadOptionsHelp, parseLoadOverrides } from '../overrides';
import { printDiagnostics } from '../print-diagnostics';

export const compileCommand: Command = {
  name: 'compile',
  summary: 'write a standalone k6 test (eject) that plain `k6 run` runs',
  help: `Usage: loadscope compile FILE -o DIR [--env NAME] [--users N] [--rate RATE] [--duration TIME]

Writes DIR/script.js (Loadscope's fixed k6 runtime), DIR/plan.json (the scenario as data) and the scenario's
CSV data files. Run the result with: k6 run DIR/script.js
Environment references such as \${env:LOAD_PASSWORD} are read by k6 when it runs, so secrets never land in DIR.

Options:
  -o, --out DIR          folder to write (created if missing; files in it are replaced)
${loadOptionsHelp}
  -h, --help             show this help`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...loadOptionSpecs, out: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError('give exactly one scenario file');
    if (values.out === undefined) throw new UsageError('give the output folder with -o DIR');
    const overrides = parseLoadOverrides(values);
    const file = positionals[0] ?? '';
    const { scenario, diagnostics } = loadScenarioFile(path.resolve(io.cwd, file), { environment: values.env, env: io.env });
    printDiagnostics(diagnostics.map((d) => ({ ...d, file })), io.err);
    if (!scenario) return ExitCode.invalidInput;
    const outDir = path.resolve(io.cwd, values.out);
    writeK6Test(outDir, compileScenario(scenario, overrides));
    io.out(`Wrote a k6 test to ${outDir}\nRun it with: k6 run ${path.join(outDir, SCRIPT_FILE)}\n`);
    return ExitCode.pass;
  },
};
