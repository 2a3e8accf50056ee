import path from 'node:path';
import { displayPath, runLoadTest } from '../../core/load-test';
import type { RunResult } from '../../core/results';
import { parseCommandArgs, UsageError } from '../args';
import type { CliIo, Command } from '../command';
import { ExitCode } from '../exit-codes';
import { loadOptionSpecs, loadOptionsHelp, parseLoadOverrides } from '../overrides';
import { printDiagnostics } from '../print-diagnostics';
import { RunEventPrinter } from '../run-event-printer';
import { formatCount, formatMs, formatPercent, formatRate, targetLabel, targetSentence } from '../../core/report/format';
import { runSettings, runSettingSpecs } from '../run-settings';

export const runCommand: Command = {
  name: 'run',
  summary: 'run a scenario with k6, show live progress, write reports',
  help: `Usage: loadscope run FILE [--env NAME] [--group NAME] [--report-dir DIR] [--k6 PATH] [--users N] [--rate RATE] [--duration TIME]

Runs the scenario with k6 and writes a new report folder <report-dir>/<scenario>/<time>/ with report.md,
report.html, summary.json, stats.csv, stats_history.csv, failures.csv, exceptions.csv and junit.xml
(and monitors.csv when the scenario has monitors).
On a terminal a live line shows elapsed and remaining time, users, requests/s, p95 and errors.
Ctrl+C stops gracefully (reports are still written, marked as stopped); a second Ctrl+C stops at once.

Options:
${loadOptionsHelp}
  -g, --group NAME       run only this user group of a scenario with several
      --report-dir DIR   base folder for reports (default: load-reports)
      --k6 PATH          k6 binary to use (default: LOADSCOPE_K6, then PATH, then the project's .tools/bin)
  -h, --help             show this help

Exit codes: 0 pass, 1 targets failed, 2 invalid scenario, 3 stopped, 4 k6 missing or failed.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...loadOptionSpecs,
      group: { type: 'string', short: 'g' },
      ...runSettingSpecs,
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one scenario file');
    const file = positionals[0] ?? '';
    const overrides = parseLoadOverrides(values);
    const printer = new RunEventPrinter(io, 'Stopping gracefully; reports will be marked as stopped.');

    const outcome = await runLoadTest({
      file: path.resolve(io.cwd, file),
      environment: values.env,
      group: values.group,
      overrides,
      ...runSettings(values, io),
      onScenario: (scenario, seconds) => {
        printer.begin(seconds);
        io.out(`Running "${scenario.name}" (${scenario.groups.length === 1 ? '1 group' : `${scenario.groups.length} groups`}, ${Math.round(seconds)} s planned)${io.interactive ? ': Ctrl+C stops and still writes the reports' : ''}\n`);
      },
      onEvent: printer.handle,
    });

    const shownFile = file;
    printDiagnostics(outcome.diagnostics.map((d) => ({ ...d, file: shownFile })), io.err);
    if (outcome.kind === 'invalid') return ExitCode.invalidInput;
    printResult(outcome.result, io);
    if (outcome.result.comparison !== undefined) io.out(`  Baseline: ${outcome.result.comparison.summary.headline}${outcome.comparison ? ' (comparison.md)' : ''}\n`);
    io.out(`Report:  ${displayPath(outcome.files.html, io.cwd)}\nFolder:  ${displayPath(outcome.folder, io.cwd)}/ (report.md, summary.json, stats.csv, junit.xml, …)\n`);
    return exitCodeFor(outcome.result);
  },
};

function exitCodeFor(result: RunResult): ExitCode {
  switch (result.verdict) {
    case 'pass':
      return ExitCode.pass;
    case 'fail':
      return ExitCode.targetsFailed;
    case 'stopped':
      return ExitCode.stopped;
    case 'error':
      return ExitCode.k6Failed;
  }
}

function printResult(result: RunResult, io: CliIo): void {
  const t = result.totals;
  io.out(`\n${result.verdict.toUpperCase()}  ${result.scenario}\n`);
  if (result.verdict !== 'pass') io.out(`  ${result.outcomeMessage}\n`);
  if (t.requests > 0) {
    io.out(
      `  ${formatCount(t.requests)} requests in ${Math.round(result.durationSeconds)} s (${formatRate(t.rps)}), ` +
        `${formatPercent(t.errorRate)} errors, median ${formatMs(t.p50)}, p95 ${formatMs(t.p95)}, p99 ${formatMs(t.p99)}\n`,
    );
  }
  for (const target of result.targets) io.out(`  ${target.passed ? 'pass' : 'FAIL'}  ${targetLabel(target)}: ${targetSentence(target)}\n`);
  printFindings(result, io);
}

// Enough for the story of a bad run; the rest, with suggestions and evidence, is in the reports.
const FINDINGS_SHOWN = 6;

/** The findings most worth a glance, most pressing first. */
function printFindings(result: RunResult, io: CliIo): void {
  if (result.findings.length === 0) return;
  io.out('\nFindings (suggestions and evidence in the report):\n');
  for (const finding of result.findings.slice(0, FINDINGS_SHOWN)) io.out(`  ${finding.severity.padEnd(8)}  ${finding.message}\n`);
  const more = result.findings.length - FINDINGS_SHOWN;
  if (more > 0) io.out(`  … and ${more} more in the report\n`);
}
