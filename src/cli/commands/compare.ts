import path from 'node:path';
import { compareRuns } from '../../core/compare/compare-runs';
import { renderComparisonJson } from '../../core/compare/comparison-json';
import { renderComparisonMarkdown } from '../../core/compare/comparison-markdown';
import { readRunResult } from '../../core/compare/read-run';
import { displayPath } from '../../core/load-test';
import { writeFileAtomic } from '../../core/report/atomic-write';
import { parseCommandArgs, UsageError } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';

function parsePercent(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = match?.[1] === undefined ? Number.NaN : Number(match[1]) / 100;
  if (!Number.isFinite(value) || value <= 0 || value >= 10) throw new UsageError(`--min-change must be a percentage such as 5% or 10, got "${text}"`);
  return value;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare two runs: what got worse or better beyond noise',
  help: `Usage: loadscope compare RUN_A RUN_B [--json] [--out FILE] [--min-change PERCENT]

Compares run B with run A (each RUN is a report folder or its summary.json): per request and for all requests,
p50, p95, p99, error rate and requests/s, each with the change and a verdict (worse, better, unchanged) that
ignores run-to-run noise. Prints Markdown fit for a pull request comment, or JSON. How the verdicts are decided:
docs/comparison.md.

Options:
      --json                print the comparison as JSON instead of Markdown
      --out FILE            write it to FILE instead of printing it; print the one-line summary
      --min-change PERCENT  smallest relative change that counts (default 5%)
  -h, --help                show this help

Exit codes: 0 nothing worse, 1 at least one figure worse, 2 a run unreadable or without data, or a wrong command line.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, out: { type: 'string' }, 'min-change': { type: 'string' } });
    if (positionals.length !== 2) throw new UsageError('give two runs: RUN_A (the reference) and RUN_B');
    const minRelativeChange = parsePercent(values['min-change']);
    const runs = positionals.map((run) => ({ given: run, read: readRunResult(path.resolve(io.cwd, run)) }));
    let unreadable = false;
    for (const { given, read } of runs) {
      if (!read.ok) {
        io.err(`loadscope compare: ${given}: ${read.message}\n`);
        unreadable = true;
      }
    }
    const [a, b] = runs.map(({ read }) => (read.ok ? read : undefined));
    if (unreadable || a === undefined || b === undefined) return ExitCode.invalidInput;

    const comparison = compareRuns(a.result, b.result, minRelativeChange === undefined ? {} : { minRelativeChange });
    const text = values.json
      ? renderComparisonJson(comparison)
      : renderComparisonMarkdown(comparison, { labelA: displayPath(a.folder, io.cwd), labelB: displayPath(b.folder, io.cwd) });
    if (values.out !== undefined) {
      const out = path.resolve(io.cwd, values.out);
      await writeFileAtomic(out, text);
      io.out(`${comparison.summary.headline}\nWrote ${displayPath(out, io.cwd)}\n`);
    } else {
      io.out(text);
    }
    if (!comparison.comparable) {
      io.err(`loadscope compare: ${comparison.summary.headline}\n`);
      return ExitCode.invalidInput;
    }
    return comparison.summary.worse > 0 ? ExitCode.targetsFailed : ExitCode.pass;
  },
};
