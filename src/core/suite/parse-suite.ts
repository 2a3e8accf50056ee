// Reads a suite file (`*.suite.yaml`) into a Suite, with diagnostics placed like a scenario's: it goes through the
// same located YAML tree (yaml-tree.ts), diagnostic sink and value grammars (durations, rates) as scenarios do.
//
//   suite: Phase report
//   scenarios:
//     - file: deployments.scenario.yaml          # relative to the suite file
//     - file: burst.scenario.yaml
//       env: staging                             # the scenario's environment
//       users: 500                               # and the overrides `loadscope run` takes
//       rate: 200/s
//       duration: 1m
//     - cab-approvals.scenario.yaml              # a bare path is a file with no overrides

import path from 'node:path';
import type { LoadOverrides } from '../compile/load-overrides';
import { reportProblem } from '../scenario/decode-scalar';
import { DiagnosticSink } from '../scenario/diagnostic-sink';
import { hasErrors, type Diagnostic } from '../scenario/diagnostics';
import { closestMatch } from '../scenario/did-you-mean';
import { parseDuration } from '../scenario/duration';
import { LineIndex } from '../scenario/line-index';
import { parseRate } from '../scenario/rate';
import { excerpt, type Parsed } from '../scenario/value-problem';
import { parseYaml, type YEntry, type YMap, type YNode, type YScalar } from '../scenario/yaml-tree';
import type { Suite, SuiteEntry } from './suite-model';

const SUITE_KEYS = ['suite', 'scenarios'] as const;
const ENTRY_KEYS = ['file', 'env', 'users', 'rate', 'duration'] as const;

export interface SuiteHost {
  /** True when a file exists at the absolute path. */
  fileExists(absolutePath: string): boolean;
}

export interface ParsedSuite {
  /** Present only when no diagnostic is an error. */
  suite?: Suite;
  diagnostics: Diagnostic[];
}

class SuiteReader {
  constructor(
    private readonly sink: DiagnosticSink,
    private readonly file: string,
    private readonly host: SuiteHost,
  ) {}

  private unknownKeys(map: YMap, known: readonly string[], where: string): void {
    for (const entry of map.entries) {
      if (known.includes(entry.key)) continue;
      const near = closestMatch(entry.key, known);
      const hint = near === undefined ? `${where} takes ${known.join(', ')}.` : `did you mean \`${near}\`?`;
      this.sink.error('unknown-key', `Unknown key '${excerpt(entry.key)}': ${hint}`, entry.keyRange, near === undefined ? undefined : { title: `Change to ${near}`, replacement: near });
    }
  }

  private text(entry: YEntry, label: string): string | undefined {
    const value = entry.value;
    if (value.kind !== 'scalar' || value.value === null || typeof value.value === 'boolean' || value.text.trim() === '') {
      this.sink.error('bad-value', `\`${label}\` takes a text value.`, value.kind === 'scalar' && value.end > value.start ? value : entry.keyRange);
      return undefined;
    }
    return value.text.trim();
  }

  read(root: YNode | undefined): Suite | undefined {
    if (root === undefined) {
      this.sink.error('empty-file', 'This suite is empty: start with `suite: NAME` and a list of `scenarios:`.', { start: 0, end: 0 });
      return undefined;
    }
    if (root.kind !== 'map') {
      this.sink.error('suite-not-a-map', 'A suite file is a mapping with `suite:` and `scenarios:`.', root);
      return undefined;
    }
    this.unknownKeys(root, SUITE_KEYS, 'A suite');
    const nameEntry = root.entries.find((entry) => entry.key === 'suite');
    const name = nameEntry === undefined ? undefined : this.text(nameEntry, 'suite');
    if (nameEntry === undefined) this.sink.error('missing-key', 'Name the suite: add `suite: NAME` (the report folder is named after it).', { start: root.start, end: root.start });
    const scenariosEntry = root.entries.find((entry) => entry.key === 'scenarios');
    if (scenariosEntry === undefined) {
      this.sink.error('missing-key', 'List the scenarios to run: add `scenarios:` with one `- file: NAME.scenario.yaml` per line.', { start: root.start, end: root.start });
      return undefined;
    }
    const list = scenariosEntry.value;
    if (list.kind !== 'seq' || list.items.length === 0) {
      this.sink.error('bad-value', '`scenarios` is a list with at least one scenario: `- file: NAME.scenario.yaml`.', list.kind === 'seq' || list.end > list.start ? list : scenariosEntry.keyRange);
      return undefined;
    }
    const entries = list.items.map((item) => this.entry(item));
    if (name === undefined || entries.some((entry) => entry === undefined)) return undefined;
    return { name, file: this.file, entries: entries.filter((entry): entry is SuiteEntry => entry !== undefined) };
  }

  private entry(item: YNode): SuiteEntry | undefined {
    if (item.kind === 'scalar') return this.fileEntry(item, item, {});
    if (item.kind !== 'map') {
      this.sink.error('bad-value', 'Each scenario is `- file: NAME.scenario.yaml` (with optional env, users, rate, duration).', item);
      return undefined;
    }
    this.unknownKeys(item, ENTRY_KEYS, 'A suite scenario');
    const fileEntry = item.entries.find((entry) => entry.key === 'file');
    if (fileEntry === undefined) {
      this.sink.error('missing-key', 'Name the scenario file: add `file: NAME.scenario.yaml` (relative to this suite file).', { start: item.start, end: item.start });
      return undefined;
    }
    const overrides: LoadOverrides = {};
    let environment: string | undefined;
    let valid = true;
    for (const entry of item.entries) {
      switch (entry.key) {
        case 'env':
          environment = this.text(entry, 'env');
          valid &&= environment !== undefined;
          break;
        case 'users': {
          const users = this.users(entry);
          if (users === undefined) valid = false;
          else overrides.users = users;
          break;
        }
        case 'rate': {
          const rate = this.parsed(entry, 'rate', (text) => parseRate(text));
          if (rate === undefined) valid = false;
          else overrides.ratePerSecond = rate.perSecond;
          break;
        }
        case 'duration': {
          const seconds = this.parsed(entry, 'duration', (text) => parseDuration(text));
          if (seconds === undefined) valid = false;
          else overrides.durationSeconds = seconds;
          break;
        }
      }
    }
    if (fileEntry.value.kind !== 'scalar') {
      this.sink.error('bad-value', '`file` is the path of a scenario file, relative to this suite file.', fileEntry.value);
      return undefined;
    }
    const entry = this.fileEntry(fileEntry.value, item, overrides, environment);
    return valid ? entry : undefined;
  }

  private fileEntry(node: YScalar, item: YNode, overrides: LoadOverrides, environment?: string): SuiteEntry | undefined {
    const written = node.value === null || typeof node.value === 'boolean' ? '' : node.text.trim();
    if (written === '') {
      this.sink.error('bad-value', '`file` is the path of a scenario file, relative to this suite file.', node.end > node.start ? node : { start: item.start, end: item.start + 1 });
      return undefined;
    }
    const file = path.resolve(path.dirname(this.file), written);
    if (!this.host.fileExists(file)) {
      this.sink.error('file-not-found', `No scenario file '${excerpt(written)}' next to this suite (looked for ${file}).`, node);
      return undefined;
    }
    return { file, written, ...(environment === undefined ? {} : { environment }), overrides, range: this.sink.lines.range(item.start, item.end) };
  }

  private users(entry: YEntry): number | undefined {
    const value = entry.value;
    if (value.kind === 'scalar' && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 1) return value.value;
    this.sink.error('bad-value', '`users` is a whole number of at least 1: the total concurrent users, as with --users.', value.end > value.start ? value : entry.keyRange);
    return undefined;
  }

  private parsed<T>(entry: YEntry, label: string, parse: (text: string) => Parsed<T>): T | undefined {
    const value = entry.value;
    if (value.kind !== 'scalar' || value.value === null) {
      this.sink.error('bad-value', `\`${label}\` takes a value such as ${label === 'rate' ? '200/s' : '30s'}.`, value.end > value.start ? value : entry.keyRange);
      return undefined;
    }
    const result = parse(value.text);
    if (result.ok) return result.value;
    reportProblem(value, this.sink, { ...result.problem, message: `\`${label}\`: ${result.problem.message}` });
    return undefined;
  }
}

/** Parses and validates a suite file's text; `file` (absolute) anchors the scenario paths and labels diagnostics. */
export function parseSuite(text: string, file: string, host: SuiteHost): ParsedSuite {
  const sink = new DiagnosticSink(file, new LineIndex(text));
  const parsed = parseYaml(text);
  for (const problem of parsed.problems) sink.report(problem.severity, problem.code, problem.message, problem, problem.fix);
  if (hasErrors(sink.diagnostics)) return { diagnostics: sink.diagnostics };
  const suite = new SuiteReader(sink, file, host).read(parsed.root);
  const diagnostics = [...sink.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return suite !== undefined && !hasErrors(diagnostics) ? { suite, diagnostics } : { diagnostics };
}
