import path from 'node:path';
import { displayPath } from '../../core/load-test';
import { formatCount, formatMs } from '../../core/report/format';
import { hasErrors } from '../../core/scenario/diagnostics';
import { checkSuiteScenarios } from '../../core/suite/check-suite-scenarios';
import { runSuite } from '../../core/suite/run-suite';
import { loadSuiteFile } from '../../core/suite/suite-file';
import { rowVerdictLabel } from '../../core/suite/suite-markdown';
import type { SuiteRow, SuiteRowVerdict } from '../../core/suite/suite-result';
import { suiteRow } from '../../core/suite/suite-row';
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { printDiagnostics } from '../print-diagnostics';
import { RunEventPrinter } from '../run-event-printer';
import { runSettings, runSettingSpecs } from '../run-settings';

const EXIT_CODES: Readonly<Record<SuiteRowVerdict, ExitCode>> = {
  pass: ExitCode.pass,
  fail: ExitCode.targetsFailed,
  invalid: ExitCode.invalidInput,
  stopped: ExitCode.stopped,
  skipped: ExitCode.stopped,
  error: ExitCode.k6Failed,
};

/** The suite's exit code: the worst (highest) of its scenarios'. */
export function suiteExitCode(rows: readonly Pick<SuiteRow, 'verdict'>[]): ExitCode {
  return rows.reduce<ExitCode>((worst, row) => (EXIT_CODES[row.verdict] > worst ? EXIT_CODES[row.verdict] : worst), ExitCode.pass);
}

function rowLine(row: SuiteRow): string {
  const figures = row.requests === null ? '' : `${formatCount(row.requests)} requests, median ${formatMs(row.p50.value)}, p99 ${formatMs(row.p99.value)}. `;
  return `  ${rowVerdictLabel(row.verdict)}  ${figures}${row.keyFinding}\n`;
}

export const suiteCommand: Command = {
  name: 'suite',
  summary: 'run the scenarios of a suite file one after another; one verdict matrix',
  help: `Usage: loadscope suite FILE [--report-dir DIR] [--k6 PATH]

Runs the scenarios a suite file (NAME.suite.yaml) lists, one after another, each with its overrides, each writing
its own report folder as \`loadscope run\` does. Then writes <report-dir>/suites/<suite>/<time>/ with suite.md (the
verdict matrix: scenario, load, verdict, key finding, requests, p50 and p99 against their targets, links to each
report) and suite.json. Every scenario is validated before the first one starts.
Ctrl+C stops the running scenario gracefully (its reports are written, marked as stopped) and skips the rest.

A suite file:
  suite: Phase report
  scenarios:
    - file: deployments.scenario.yaml      # relative to the suite file
    - file: burst.scenario.yaml
      users: 500                           # optional: env, users, rate, duration
      duration: 1m

Options:
      --report-dir DIR   base folder for reports (default: load-reports)
      --k6 PATH          k6 binary to use (default: LOADSCOPE_K6, then PATH, then the project's .tools/bin)
  -h, --help             show this help

Exit codes: the worst of the scenarios': 0 all passed, 1 a target failed, 2 invalid suite or scenario,
3 stopped, 4 k6 missing or failed.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, runSettingSpecs);
    if (positionals.length !== 1) throw new UsageError('give exactly one suite file');
    const given = positionals[0] ?? '';
    const file = path.resolve(io.cwd, given);
    const shown = (diagnosticFile: string) => displayPath(diagnosticFile, io.cwd);
    const loaded = loadSuiteFile(file);
    printDiagnostics(loaded.diagnostics.map((d) => ({ ...d, file: given })), io.err);
    const suite = loaded.suite;
    if (suite === undefined) return ExitCode.invalidInput;
    const scenarioDiagnostics = checkSuiteScenarios(suite, io.env);
    printDiagnostics(scenarioDiagnostics.map((d) => ({ ...d, file: shown(d.file) })), io.err);
    if (hasErrors(scenarioDiagnostics)) {
      io.err(`loadscope suite: fix the scenarios above; nothing was run.\n`);
      return ExitCode.invalidInput;
    }

    const total = suite.entries.length;
    io.out(`Suite "${suite.name}": ${total} scenario${total === 1 ? '' : 's'}${io.interactive ? '; Ctrl+C stops the running one and skips the rest' : ''}\n`);
    const printer = new RunEventPrinter(io, 'Stopping the current scenario gracefully and skipping the rest.');
    const run = await runSuite(suite, {
      ...runSettings(values, io),
      onScenarioStart: (entry, index, seconds) => {
        printer.begin(seconds);
        io.out(`\n[${index + 1}/${total}] ${entry.written} (${Math.round(seconds)} s planned)\n`);
      },
      onEvent: printer.handle,
      onScenarioEnd: (entry, index, happened) => {
        printer.finish();
        if (happened.kind === 'ran' && happened.outcome.kind === 'invalid') printDiagnostics(happened.outcome.diagnostics.map((d) => ({ ...d, file: shown(d.file) })), io.err);
        const row = suiteRow(entry, happened, io.cwd);
        if (happened.kind === 'skipped') io.out(`\n[${index + 1}/${total}] ${entry.written}: skipped\n`);
        else io.out(rowLine(row));
        if (happened.kind === 'ran' && happened.outcome.kind === 'finished') {
          const comparison = happened.outcome.result.comparison;
          if (comparison !== undefined) io.out(`  Baseline: ${comparison.summary.headline}\n`);
          io.out(`  Folder: ${displayPath(happened.outcome.folder, io.cwd)}/\n`);
        }
      },
    });

    const result = run.result;
    io.out(`\n${result.verdict.toUpperCase()}  suite ${result.suite}${result.stopped ? ' (stopped)' : ''}\n`);
    for (const row of result.rows) io.out(`  ${rowVerdictLabel(row.verdict).padEnd(8)}${row.scenario}\n`);
    io.out(`Suite report: ${displayPath(run.files.markdown, io.cwd)}\n`);
    return suiteExitCode(result.rows);
  },
};
