// junit.xml: one test case per target plus one for the run itself, so CI shows a load test like any test suite.

import type { RunResult, TargetResult } from '../results';
import { isOutcomeWithoutData, outcomeLabel, targetLabel, targetSentence } from './format';
import { verdictHeadline } from './headline';
import { escapeXmlAttribute, escapeXmlText } from './xml';

const RUN_TESTCASE_NAME = 'k6 run completed';

type CaseResult = { kind: 'passed' } | { kind: 'failure' | 'error'; message: string; type: string; details: string } | { kind: 'skipped'; message: string; details: string };

interface TestCase {
  name: string;
  result: CaseResult;
}

function ranToTheEnd(result: RunResult): boolean {
  return result.outcome === 'completed' || result.outcome === 'thresholds-failed';
}

function targetCase(result: RunResult, target: TargetResult): TestCase {
  const name = targetLabel(target);
  if (target.actual === null && !ranToTheEnd(result)) {
    return { name, result: { kind: 'skipped', message: `not measured: ${outcomeLabel(result.outcome)}`, details: '' } };
  }
  if (target.passed) return { name, result: { kind: 'passed' } };
  const sentence = targetSentence(target);
  const details = `${name}\n${sentence}${target.abortOnFail ? '\nThis target stops the run when it fails (abort).' : ''}`;
  return { name, result: { kind: 'failure', message: sentence, type: 'target-missed', details } };
}

function runCase(result: RunResult): TestCase {
  if (ranToTheEnd(result)) {
    // A run can fail with every target met (every request failed, or none was made): CI must still see red.
    const failedWithoutTarget = result.verdict === 'fail' && result.targets.every((target) => target.passed);
    if (!failedWithoutTarget) return { name: RUN_TESTCASE_NAME, result: { kind: 'passed' } };
    const message = verdictHeadline(result);
    return { name: RUN_TESTCASE_NAME, result: { kind: 'failure', message, type: 'run-failed', details: result.outcomeMessage } };
  }
  const exit = result.k6.exitCode === null ? 'no exit code' : `exit code ${result.k6.exitCode}`;
  const message = `${outcomeLabel(result.outcome)} (${exit})${result.outcomeMessage === '' ? '' : `: ${result.outcomeMessage}`}`;
  const details = isOutcomeWithoutData(result.outcome) ? 'No figures were measured.' : 'The figures cover only the part of the run that took place.';
  return { name: RUN_TESTCASE_NAME, result: { kind: 'error', message, type: result.outcome, details: `${result.outcomeMessage}\n${details}` } };
}

function renderCase(classname: string, testCase: TestCase): string {
  const open = `    <testcase name="${escapeXmlAttribute(testCase.name)}" classname="${escapeXmlAttribute(classname)}" time="0"`;
  const outcome = testCase.result;
  if (outcome.kind === 'passed') return `${open}/>\n`;
  const body = outcome.details === '' ? '/>' : `>${escapeXmlText(outcome.details)}</${outcome.kind}>`;
  // The JUnit schema gives <skipped> a message only; <failure> and <error> also carry a type.
  const type = outcome.kind === 'skipped' ? '' : ` type="${escapeXmlAttribute(outcome.type)}"`;
  return `${open}>\n      <${outcome.kind} message="${escapeXmlAttribute(outcome.message)}"${type}${body}\n    </testcase>\n`;
}

function property(name: string, value: string): string {
  return `      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value)}"/>\n`;
}

// The JUnit schema's timestamp has no zone and no fraction; ours is UTC.
function junitTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d+Z$/, '').replace(/Z$/, '');
}

/** junit.xml for a run: a suite named after the scenario, a case per target, and a case for how the run ended. */
export function renderJunitXml(result: RunResult): string {
  const cases = [runCase(result), ...result.targets.map((target) => targetCase(result, target))];
  const count = (kind: CaseResult['kind']) => cases.filter((testCase) => testCase.result.kind === kind).length;
  const stats = `tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}"`;
  const time = Number.isFinite(result.durationSeconds) ? result.durationSeconds.toFixed(3) : '0';
  const scenario = escapeXmlAttribute(result.scenario);
  const timestamp = junitTimestamp(result.startedAt);
  const properties =
    property('verdict', result.verdict) +
    property('outcome', result.outcome) +
    property('scenarioFile', result.scenarioFile) +
    (result.environment === undefined ? '' : property('environment', result.environment)) +
    property('k6.version', result.k6.version) +
    property('k6.exitCode', result.k6.exitCode === null ? '' : String(result.k6.exitCode));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="loadscope" ${stats} time="${time}">\n` +
    `  <testsuite name="${scenario}" ${stats} time="${time}"${timestamp === '' ? '' : ` timestamp="${timestamp}"`}>\n` +
    `    <properties>\n${properties}    </properties>\n` +
    cases.map((testCase) => renderCase(result.scenario, testCase)).join('') +
    `    <system-out>${escapeXmlText(verdictHeadline(result))}</system-out>\n` +
    '  </testsuite>\n' +
    '</testsuites>\n'
  );
}
