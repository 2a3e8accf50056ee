// The one entry point from text to a validated Scenario: parse, walk the spec, normalise. It never throws:
// whatever the input, the answer is a list of diagnostics (and a scenario when none of them is an error).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioHost } from './data-sources';
import { DiagnosticSink } from './diagnostic-sink';
import { hasErrors, type Diagnostic } from './diagnostics';
import { LineIndex } from './line-index';
import type { Scenario } from './model';
import { normaliseScenario } from './normalise';
import { AcceptedValues } from './values';
import { walkScenario } from './walk';
import { parseYaml } from './yaml-tree';

export type { ScenarioHost } from './data-sources';

export interface LoadOptions {
  /** Environment chosen with `--env NAME`; must be declared under `environments:`. */
  environment?: string;
  /** Reads data files; defaults to the file system. */
  host?: ScenarioHost;
  /** The environment variables of the coming run; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface LoadResult {
  /** Present only when no diagnostic is an error. */
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

/** Reads files from disk; a file that cannot be read is undefined, not an exception. */
export const fileSystemHost: ScenarioHost = {
  readFile(absolutePath: string): string | undefined {
    try {
      return readFileSync(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Parses, validates and normalises a scenario file's text; `file` locates data files and labels diagnostics. */
export function loadScenario(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const absoluteFile = path.resolve(file);
  const sink = new DiagnosticSink(file, new LineIndex(typeof text === 'string' ? text : ''));
  try {
    const scenario = loadInto(sink, typeof text === 'string' ? text : '', absoluteFile, options);
    const diagnostics = sortDiagnostics(sink.diagnostics);
    return scenario && !hasErrors(diagnostics) ? { scenario, diagnostics } : { diagnostics };
  } catch (error) {
    // A bug of ours must not take the editor or the CLI down with it: report it where the user will see it.
    const detail = error instanceof Error ? error.message : String(error);
    sink.error('internal-error', `Loadscope could not check this file (${detail}). Please report this with the file attached.`, { start: 0, end: 1 });
    return { diagnostics: sortDiagnostics(sink.diagnostics) };
  }
}

function loadInto(sink: DiagnosticSink, text: string, file: string, options: LoadOptions): Scenario | undefined {
  const parsed = parseYaml(text);
  for (const problem of parsed.problems) sink.report(problem.severity, problem.code, problem.message, problem, problem.fix);
  // What follows a syntax error is a guess of the parser's; checking it would mostly report the guess.
  if (hasErrors(sink.diagnostics)) return undefined;
  if (!parsed.root) {
    if (parsed.problems.length === 0) sink.error('empty-file', 'This scenario is empty: start with `scenario: NAME`, a `target`, `load` and `requests`.', { start: 0, end: 0 });
    return undefined;
  }
  const env = options.env ?? process.env;
  const decoded = walkScenario(parsed.root, { sink, env: (name) => env[name] });
  if (parsed.root.kind !== 'map') return undefined;
  return normaliseScenario({
    root: parsed.root,
    values: new AcceptedValues(decoded),
    sink,
    file,
    host: options.host ?? fileSystemHost,
    ...(options.environment === undefined ? {} : { environment: options.environment }),
  });
}

function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}
