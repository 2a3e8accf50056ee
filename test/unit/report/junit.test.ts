import { describe, expect, it } from 'vitest';
import { renderJunitXml } from '../../../src/core/report/junit';
import { escapeXmlAttribute, escapeXmlText, stripInvalidXmlChars } from '../../../src/core/report/xml';
import { ALL_RUNS, burstRun, HOSTILE_NAMES, hostileRun, k6CrashedRun, k6MissingRun, passingRun, refusedRun, stoppedRun } from './fixtures';
import { findAll, parseXml } from './parse-xml';
import type { XmlElement } from './parse-xml';

function suiteOf(xml: string): XmlElement {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const suites = findAll(root, 'testsuite');
  expect(suites).toHaveLength(1);
  const suite = suites[0];
  if (suite === undefined) throw new Error('no suite');
  return suite;
}

function cases(suite: XmlElement): XmlElement[] {
  return suite.children.filter((child) => child.name === 'testcase');
}

function outcomeOf(testCase: XmlElement): string {
  return testCase.children[0]?.name ?? 'passed';
}

describe('renderJunitXml', () => {
  it('names the suite after the scenario and has a passing case per met target', () => {
    const suite = suiteOf(renderJunitXml(passingRun()));
    expect(suite.attributes).toMatchObject({ name: 'Concurrent deployments', tests: '6', failures: '0', errors: '0', skipped: '0', time: '300.000', timestamp: '2026-01-22T10:15:03' });
    expect(cases(suite).map((testCase) => testCase.attributes.name)).toEqual([
      'k6 run completed',
      'median < 200ms',
      'p99 < 500ms',
      'errors < 0.1%',
      'rps >= 50/s',
      'create deployment: p95 < 300ms',
    ]);
    expect(cases(suite).every((testCase) => outcomeOf(testCase) === 'passed')).toBe(true);
    const properties = findAll(suite, 'property').map((property) => [property.attributes.name, property.attributes.value]);
    expect(properties).toContainEqual(['verdict', 'pass']);
    expect(properties).toContainEqual(['environment', 'staging']);
  });

  it('reports each missed target as a failure whose message gives the margin', () => {
    const suite = suiteOf(renderJunitXml(burstRun()));
    expect(suite.attributes).toMatchObject({ tests: '6', failures: '4', errors: '0' });
    const p99 = cases(suite).find((testCase) => testCase.attributes.name === 'p99 < 1000ms');
    expect(p99?.children[0]?.name).toBe('failure');
    expect(p99?.children[0]?.attributes.message).toBe('27,000 ms p99 against < 1000ms: 27x over');
    const abort = cases(suite).find((testCase) => testCase.attributes.name === 'create deployment: errors < 1%');
    expect(abort?.children[0]?.text).toContain('stops the run when it fails');
    expect(outcomeOf(cases(suite).find((testCase) => testCase.attributes.name === 'health: p95 < 300ms') ?? suite)).toBe('passed');
  });

  it('turns a stopped run into an error case and still judges what was measured', () => {
    const suite = suiteOf(renderJunitXml(stoppedRun()));
    expect(suite.attributes).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '0' });
    const run = cases(suite)[0];
    expect(run?.attributes.name).toBe('k6 run completed');
    expect(run?.children[0]?.name).toBe('error');
    expect(run?.children[0]?.attributes).toMatchObject({ type: 'stopped' });
    expect(run?.children[0]?.attributes.message).toMatch(/^stopped by the user \(exit code 103\): Stopped from the editor/);
  });

  it('fails the run case when the run failed with no missed target (every request refused)', () => {
    const suite = suiteOf(renderJunitXml(refusedRun()));
    expect(suite.attributes).toMatchObject({ tests: '1', failures: '1', errors: '0' });
    const failure = cases(suite)[0]?.children[0];
    expect(failure?.attributes).toMatchObject({ message: 'All 50 requests failed.', type: 'run-failed' });
    expect(failure?.text).toContain('connection refused at http://127.0.0.1:9/');
  });

  it('explains a run with no data as an error and skips the targets it could not measure', () => {
    const suite = suiteOf(renderJunitXml(k6MissingRun()));
    expect(suite.attributes).toMatchObject({ tests: '4', failures: '0', errors: '1', skipped: '3' });
    expect(cases(suite).map(outcomeOf)).toEqual(['error', 'skipped', 'skipped', 'skipped']);
    expect(cases(suite)[0]?.children[0]?.attributes.message).toContain('no usable k6 (no exit code): k6 could not be started: spawn k6 ENOENT');
    expect(cases(suite)[1]?.children[0]?.attributes).toEqual({ message: 'not measured: no usable k6' });
  });

  it('keeps a multi-line crash message intact in the error text', () => {
    const suite = suiteOf(renderJunitXml(k6CrashedRun()));
    const error = cases(suite)[0]?.children[0];
    expect(error?.attributes.type).toBe('k6-crashed');
    expect(error?.text).toContain('panic: runtime error: invalid memory address\n```\ngoroutine 1 [running]:');
    expect(error?.attributes.message).toContain('\n\tcmd/run.go:42');
  });

  it('escapes hostile names so they parse back as written, minus characters XML forbids', () => {
    const run = hostileRun();
    const xml = renderJunitXml(run);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const suite = suiteOf(xml);
    expect(suite.attributes.name).toBe(run.scenario);
    const names = cases(suite).map((testCase) => testCase.attributes.name);
    for (const name of Object.values(HOSTILE_NAMES)) expect(names).toContain(`${stripInvalidXmlChars(name)}: p95 < 300ms`);
    expect(names).toContain('bell nul sep\u2028para\u2029: p95 < 300ms');
  });

  it('is well-formed for every fixture', () => {
    for (const [name, run] of ALL_RUNS) expect(() => parseXml(renderJunitXml(run())), name).not.toThrow();
  });
});

describe('XML escaping', () => {
  it('escapes markup and keeps line breaks in attributes', () => {
    expect(escapeXmlText('a < b && c > d ]]>')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt;');
    expect(escapeXmlAttribute(`"q" 'a'\n\t\r`)).toBe('&quot;q&quot; &apos;a&apos;&#10;&#9;&#13;');
  });

  it('drops characters XML 1.0 forbids, lone surrogates included', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0007c\u001bd\uFFFEe\uD800f😀')).toBe('abcdef😀');
  });
});
