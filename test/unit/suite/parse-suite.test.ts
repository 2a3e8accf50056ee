import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSuite, type SuiteHost } from '../../../src/core/suite/parse-suite';
import { loadSuiteFile } from '../../../src/core/suite/suite-file';

const root = path.resolve(__dirname, '..', '..', '..');
const suiteFile = path.resolve('/project/load/smoke.suite.yaml');
const existing = new Set(['a.scenario.yaml', 'b.scenario.yaml', 'sub/c.scenario.yaml'].map((f) => path.resolve('/project/load', f)));
const host: SuiteHost = { fileExists: (file) => existing.has(file) };

function parse(text: string) {
  return parseSuite(text, suiteFile, host);
}

/** `line:column code message` of each diagnostic, compact for assertions. */
function problems(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
}

describe('suite files', () => {
  it('reads the name, the files relative to the suite, and every override', () => {
    const parsed = parse(`suite: Smoke
scenarios:
  - file: a.scenario.yaml
  - file: sub/c.scenario.yaml
    env: staging
    users: 50
    rate: 600/m
    duration: 1m30s
  - b.scenario.yaml
`);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.suite?.name).toBe('Smoke');
    expect(parsed.suite?.file).toBe(suiteFile);
    expect(parsed.suite?.entries.map((e) => ({ file: e.file, written: e.written, environment: e.environment, overrides: e.overrides }))).toEqual([
      { file: path.resolve('/project/load/a.scenario.yaml'), written: 'a.scenario.yaml', environment: undefined, overrides: {} },
      { file: path.resolve('/project/load/sub/c.scenario.yaml'), written: 'sub/c.scenario.yaml', environment: 'staging', overrides: { users: 50, ratePerSecond: 10, durationSeconds: 90 } },
      { file: path.resolve('/project/load/b.scenario.yaml'), written: 'b.scenario.yaml', environment: undefined, overrides: {} },
    ]);
    expect(parsed.suite?.entries[1]?.range).toMatchObject({ line: 4, column: 5 });
  });

  it('places each problem on its value, with the fixes scenarios get', () => {
    expect(
      problems(`suite: Smoke
scenarios:
  - file: a.scenario.yaml
    users: 0
    duration: 90
    rate: fast
    enviroment: staging
  - file: missing.scenario.yaml
  - file: b.scenario.yaml
    durration: 10s
`),
    ).toEqual([
      '4:12 error bad-value: `users` is a whole number of at least 1: the total concurrent users, as with --users.',
      "5:15 error bad-duration: `duration`: '90' has no unit: write a number with a unit: 500ms, 10s, 5m, 1h or 1m30s.",
      "6:11 error bad-rate: `rate`: 'fast' is not a rate: write a count per time unit: 10/s, 600/m or 100/h.",
      "7:5 error unknown-key: Unknown key 'enviroment': A suite scenario takes file, env, users, rate, duration.",
      `8:11 error file-not-found: No scenario file 'missing.scenario.yaml' next to this suite (looked for ${path.resolve('/project/load/missing.scenario.yaml')}).`,
      "10:5 error unknown-key: Unknown key 'durration': did you mean `duration`?",
    ]);
    const fix = parse('suite: S\nscenarios:\n  - file: a.scenario.yaml\n    duration: 90\n').diagnostics[0]?.fix;
    expect(fix).toEqual({ title: 'Add a unit: 90s', replacement: '90s' });
    expect(parse('suite: S\nsenarios: []\n').diagnostics.map((d) => d.fix?.replacement)).toContain('scenarios');
  });

  it('asks for the name and the list, and refuses an empty list or a list of the wrong things', () => {
    expect(problems('scenarios:\n  - a.scenario.yaml\n')).toEqual(['1:1 error missing-key: Name the suite: add `suite: NAME` (the report folder is named after it).']);
    expect(problems('suite: S\n')).toEqual(['1:1 error missing-key: List the scenarios to run: add `scenarios:` with one `- file: NAME.scenario.yaml` per line.']);
    expect(problems('suite: S\nscenarios: []\n')[0]).toMatch(/^2:12 error bad-value: `scenarios` is a list with at least one scenario/);
    expect(problems('suite: S\nscenarios:\n  - [a, b]\n')[0]).toMatch(/^3:5 error bad-value: Each scenario is `- file: NAME.scenario.yaml`/);
    expect(problems('suite: S\nscenarios:\n  - env: staging\n')[0]).toMatch(/^3:5 error missing-key: Name the scenario file/);
    expect(problems('suite:\nscenarios:\n  - a.scenario.yaml\n')[0]).toMatch(/^1:1 error bad-value: `suite` takes a text value/);
    expect(parse('suite: S\nscenarios:\n  - a.scenario.yaml\n  - file: nope.yaml\n').suite).toBeUndefined();
  });

  it('reports YAML trouble through the scenario parser: syntax, duplicates, not a mapping, empty', () => {
    expect(problems('suite: S\nsuite: T\nscenarios:\n  - a.scenario.yaml\n')).toEqual(["2:1 error duplicate-key: The key 'suite' appears twice in this mapping; keep one."]);
    expect(problems('- a\n- b\n')).toEqual(['1:1 error suite-not-a-map: A suite file is a mapping with `suite:` and `scenarios:`.']);
    expect(problems('')[0]).toMatch(/^1:1 error empty-file/);
    expect(problems('suite: "S\nscenarios: [\n')[0]).toMatch(/error yaml-syntax: YAML:/);
  });

  it('loads the example suites of the repository against the real files', () => {
    for (const name of ['quick.suite.yaml', 'phase.suite.yaml']) {
      const loaded = loadSuiteFile(path.join(root, 'scenarios', name));
      expect(loaded.diagnostics, name).toEqual([]);
      expect(loaded.suite?.entries.length).toBe(name === 'quick.suite.yaml' ? 5 : 4);
    }
  });

  it('turns a missing file or a folder into one diagnostic', () => {
    expect(loadSuiteFile(path.join(root, 'scenarios', 'none.suite.yaml')).diagnostics[0]?.code).toBe('file-not-found');
    expect(loadSuiteFile(path.join(root, 'scenarios')).diagnostics[0]?.code).toBe('not-a-file');
  });
});
