// The Testing view's items: which files are scenarios to list, and each target as a child with its label and line.
import { describe, expect, it } from 'vitest';
import { isInIgnoredFolder } from '../../../src/extension/testing/scenario-test-files';
import { targetItemSpecs } from '../../../src/extension/testing/scenario-test-items';
import { CHECKOUT, lineOf, scenarioOf } from './fixtures';

describe('target items', () => {
  it('labels targets as the reports do and places each on its line', () => {
    const specs = targetItemSpecs(scenarioOf(CHECKOUT));
    expect(specs.map(({ label, range }) => ({ label, line: range.start.line }))).toEqual([
      { label: 'p99 < 500ms', line: lineOf(CHECKOUT, 'p99: < 500ms') },
      { label: 'errors < 1%', line: lineOf(CHECKOUT, 'errors: < 1%') },
      { label: 'pay: p95 < 300ms', line: lineOf(CHECKOUT, 'pay: { p95') },
      { label: 'pay: max < 2s', line: lineOf(CHECKOUT, 'pay: { p95') },
    ]);
  });

  it('gives ids unique within the scenario and stable across edits that keep each target', () => {
    const before = targetItemSpecs(scenarioOf(CHECKOUT)).map((spec) => spec.id);
    expect(new Set(before).size).toBe(before.length);
    const moved = targetItemSpecs(scenarioOf(CHECKOUT.replace('targets:\n', '# Agreed with the platform team.\ntargets:\n'))).map((spec) => spec.id);
    expect(moved).toEqual(before);
  });

  it('gives a target whose threshold changed a new id: the old result does not apply to it', () => {
    const before = targetItemSpecs(scenarioOf(CHECKOUT));
    const after = targetItemSpecs(scenarioOf(CHECKOUT.replace('p99: < 500ms', 'p99: < 300ms')));
    expect(after[0]?.id).not.toBe(before[0]?.id);
    expect(after.slice(1).map((spec) => spec.id)).toEqual(before.slice(1).map((spec) => spec.id));
  });

  it('has no children for a scenario without targets', () => {
    expect(targetItemSpecs(scenarioOf(CHECKOUT.slice(0, CHECKOUT.indexOf('targets:'))))).toEqual([]);
  });
});

describe('listed scenario files', () => {
  it('skips installed packages and report folders, at any depth', () => {
    expect(isInIgnoredFolder('node_modules/some-package/smoke.scenario.yaml')).toBe(true);
    expect(isInIgnoredFolder('load-reports/checkout/2026-01-22T10-15-03Z/checkout.scenario.yaml')).toBe(true);
    expect(isInIgnoredFolder('services/api/node_modules/x/a.scenario.yml')).toBe(true);
    expect(isInIgnoredFolder('C:\\work\\load-reports\\a.scenario.yaml')).toBe(true);
  });

  it('keeps scenarios elsewhere, including files merely named like those folders', () => {
    expect(isInIgnoredFolder('checkout.scenario.yaml')).toBe(false);
    expect(isInIgnoredFolder('scenarios/quick/burst.scenario.yaml')).toBe(false);
    expect(isInIgnoredFolder('scenarios/load-reports.scenario.yaml')).toBe(false);
  });
});
