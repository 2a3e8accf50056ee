// A run's figures on the scenario's lines: matched by request name and target identity, so they follow edits and
// go when what they belong to goes.
import { describe, expect, it } from 'vitest';
import { annotateRun, lineAnnotations, requestAt, targetsOfRequest } from '../../../src/extension/results-in-editor/run-annotations';
import { CHECKOUT, checkoutTargets, lineOf, requestStats, scenarioOf, withCursor } from './fixtures';

const requests = [
  requestStats({ name: 'login', method: 'POST', count: 2, p50: 40, p95: 80, p99: 90 }),
  requestStats({ name: 'list products', method: 'GET', count: 200, failures: 2, p50: 12, p95: 34, p99: 56 }),
  requestStats({ name: 'add to cart', count: 100, p50: 20, p95: 30, p99: 40 }),
  requestStats({ name: 'pay', count: 100, p50: 60, p95: 120, p99: 300 }),
];
const run = { requests, targets: checkoutTargets() };

function shown(text: string) {
  return lineAnnotations(annotateRun(scenarioOf(text), run)).map(({ line, text: after, tone }) => ({ line, text: after, tone }));
}

describe('run annotations', () => {
  it('puts each request’s percentiles and error rate on the line that starts it', () => {
    const lines = shown(CHECKOUT);
    expect(lines.find((line) => line.line === lineOf(CHECKOUT, '- name: list products'))).toEqual({
      line: lineOf(CHECKOUT, '- name: list products'),
      text: 'p50 12 ms · p95 34 ms · p99 56 ms · 1% errors',
      tone: 'figures',
    });
    expect(lines.find((line) => line.line === lineOf(CHECKOUT, '- name: login'))?.text).toBe('p50 40 ms · p95 80 ms · p99 90 ms · 0% errors');
    expect(lines.find((line) => line.line === lineOf(CHECKOUT, 'name: add to cart'))?.text).toMatch(/^p50 20 ms/);
    expect(lines.find((line) => line.line === lineOf(CHECKOUT, 'name: pay'))?.text).toMatch(/^p50 60 ms/);
  });

  it('puts each target’s verdict, value and margin on its line, coloured by the verdict', () => {
    const lines = shown(CHECKOUT);
    expect(lines.find((line) => line.line === lineOf(CHECKOUT, 'p99: < 500ms'))).toMatchObject({ text: '✗ failed: 612 ms, 1.22x over', tone: 'failed' });
    expect(lines.find((line) => line.line === lineOf(CHECKOUT, 'errors: < 1%'))).toMatchObject({ text: '✓ passed: 0.2%, 0.8 points under the limit', tone: 'passed' });
  });

  it('joins two targets written on one line, and a failure colours the whole line', () => {
    const line = shown(CHECKOUT).find((candidate) => candidate.line === lineOf(CHECKOUT, 'pay: { p95'));
    expect(line).toEqual({ line: lineOf(CHECKOUT, 'pay: { p95'), text: '✓ passed: 120 ms, 2.5x better  |  ✗ failed: 2,400 ms, 1.2x over', tone: 'failed' });
  });

  it('gives one annotation per line, in line order', () => {
    const lines = shown(CHECKOUT).map((line) => line.line);
    expect(lines).toEqual([...new Set(lines)].sort((a, b) => a - b));
    expect(lines).toHaveLength(4 + 3);
  });

  it('follows the requests and targets to their new lines when lines are added above them', () => {
    const edited = CHECKOUT.replace('requests:\n', '# Products first.\nthinkTime: 100ms\nrequests:\n');
    const lines = shown(edited);
    expect(lines.find((line) => line.text.startsWith('p50 12 ms'))?.line).toBe(lineOf(edited, '- name: list products'));
    expect(lines.find((line) => line.text.startsWith('✗ failed: 612 ms'))?.line).toBe(lineOf(edited, 'p99: < 500ms'));
    expect(lines).toHaveLength(7);
  });

  it('drops the figures of a request that was renamed, and keeps the others', () => {
    const edited = CHECKOUT.replace('- name: list products', '- name: browse products');
    const lines = shown(edited);
    expect(lines.some((line) => line.text.startsWith('p50 12 ms'))).toBe(false);
    expect(lines.find((line) => line.text.startsWith('p50 40 ms'))?.line).toBe(lineOf(edited, '- name: login'));
  });

  it('drops the verdict of a target whose threshold changed: the run did not judge that target', () => {
    const edited = CHECKOUT.replace('p99: < 500ms', 'p99: < 300ms');
    const lines = shown(edited);
    expect(lines.some((line) => line.line === lineOf(edited, 'p99: < 300ms'))).toBe(false);
    expect(lines.some((line) => line.line === lineOf(edited, 'errors: < 1%'))).toBe(true);
  });

  it('keeps the verdict of a target written another way with the same meaning', () => {
    const edited = CHECKOUT.replace('p99: < 500ms', 'p99: < 0.5s');
    expect(shown(edited).find((line) => line.line === lineOf(edited, 'p99: < 0.5s'))?.text).toBe('✗ failed: 612 ms, 1.22x over');
  });

  it('drops a per-request target whose request it no longer names', () => {
    const edited = CHECKOUT.replace('    pay: { p95: < 300ms, max: < 2s }', '    add to cart: { p95: < 300ms, max: < 2s }');
    expect(shown(edited).some((line) => line.line === lineOf(edited, 'add to cart: { p95'))).toBe(false);
  });

  it('shows nothing for a run of other requests', () => {
    expect(lineAnnotations(annotateRun(scenarioOf(CHECKOUT), { requests: [requestStats({ name: 'elsewhere' })], targets: [] }))).toEqual([]);
  });

  it('says when a request got no responses', () => {
    const lines = lineAnnotations(annotateRun(scenarioOf(CHECKOUT), { requests: [requestStats({ name: 'pay', count: 0 })], targets: [] }));
    expect(lines).toEqual([{ line: lineOf(CHECKOUT, 'name: pay'), text: 'no responses in the last run', tone: 'figures' }]);
  });
});

describe('the request under the cursor', () => {
  function requestUnder(marked: string): string | undefined {
    const { text, cursor } = withCursor(marked);
    return requestAt(annotateRun(scenarioOf(text), run), cursor)?.name;
  }

  it('is the request whose text holds the cursor, on any of its lines', () => {
    expect(requestUnder(CHECKOUT.replace('- name: list products', '- name: list pro|ducts'))).toBe('list products');
    expect(requestUnder(CHECKOUT.replace('GET: /api/products', 'GET: /api/prod|ucts'))).toBe('list products');
    expect(requestUnder(CHECKOUT.replace('POST: /api/login', 'POST: /api/log|in'))).toBe('login');
  });

  it('tells apart two requests written on neighbouring lines of a flow', () => {
    expect(requestUnder(CHECKOUT.replace('POST: /api/pay', 'POST: /api/p|ay'))).toBe('pay');
    expect(requestUnder(CHECKOUT.replace('name: add to cart', 'name: add| to cart'))).toBe('add to cart');
  });

  it('is the request starting on the line when the cursor is past its text (on the figures)', () => {
    expect(requestUnder(CHECKOUT.replace('POST: /api/cart }', 'POST: /api/cart }   |'))).toBe('add to cart');
  });

  it('is none outside requests', () => {
    expect(requestUnder(CHECKOUT.replace('p99: < 500ms', 'p99: < 5|00ms'))).toBeUndefined();
    expect(requestUnder(CHECKOUT.replace('scenario: Checkout', 'scenario: Check|out'))).toBeUndefined();
  });

  it('lists the verdicts of the targets on a request, for its hover', () => {
    const annotations = annotateRun(scenarioOf(CHECKOUT), run);
    expect(targetsOfRequest(annotations, 'pay').map((target) => target.result.metric)).toEqual(['p95', 'max']);
    expect(targetsOfRequest(annotations, 'login')).toEqual([]);
  });
});
