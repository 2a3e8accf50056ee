// A scenario written the way people write them (onStart, a single request, a flow, overall and per-request
// targets), and builders for the parts of a run that the editor shows.
import path from 'node:path';
import type { Finding, TargetResult } from '../../../src/core/results';
import { loadScenario } from '../../../src/core/scenario/load';
import type { Scenario } from '../../../src/core/scenario/model';
import type { EditorPosition } from '../../../src/extension/authoring/editor-range';

export { requestStats } from '../run/fixtures';

export const FILE = path.resolve('results-in-editor-tests', 'checkout.scenario.yaml');

export const CHECKOUT = `scenario: Checkout
target: http://127.0.0.1:8080
load: { users: 2, duration: 5s }
onStart:
  - name: login
    POST: /api/login
requests:
  - name: list products
    GET: /api/products
  - flow: buy
    steps:
      - { name: add to cart, POST: /api/cart }
      - { name: pay, POST: /api/pay }
targets:
  p99: < 500ms
  errors: < 1%
  requests:
    pay: { p95: < 300ms, max: < 2s }
`;

/** The scenario a text loads to; fails the test when it does not load. */
export function scenarioOf(text: string): Scenario {
  const loaded = loadScenario(text, FILE, { env: {} });
  if (loaded.scenario === undefined) throw new Error(`the test scenario does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.scenario;
}

/** Zero-based line of the first line holding `snippet`. */
export function lineOf(text: string, snippet: string): number {
  const line = text.split('\n').findIndex((candidate) => candidate.includes(snippet));
  if (line < 0) throw new Error(`no line holds ${JSON.stringify(snippet)}`);
  return line;
}

/** A text with one `|` marking the cursor: the text without it, and the cursor's position. */
export function withCursor(marked: string): { text: string; cursor: EditorPosition } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('mark the cursor with |');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), cursor: { line: before.length - 1, character: before.at(-1)?.length ?? 0 } };
}

/** A judged target, passing unless told otherwise. */
export function judged(overrides: Partial<TargetResult> & Pick<TargetResult, 'metric' | 'comparison' | 'threshold' | 'expression'>): TargetResult {
  return { actual: 0, passed: true, margin: '', abortOnFail: false, ...overrides };
}

/** The targets of CHECKOUT as a run judged them: p99 failed, the rest passed. */
export function checkoutTargets(): TargetResult[] {
  return [
    judged({ metric: 'p99', comparison: '<', threshold: 500, expression: '< 500ms', actual: 612, passed: false, margin: '1.22x over' }),
    judged({ metric: 'errors', comparison: '<', threshold: 0.01, expression: '< 1%', actual: 0.002, margin: '0.2%, 0.8 points under the limit' }),
    judged({ metric: 'p95', request: 'pay', comparison: '<', threshold: 300, expression: '< 300ms', actual: 120, margin: '2.5x better' }),
    judged({ metric: 'max', request: 'pay', comparison: '<', threshold: 2000, expression: '< 2s', actual: 2400, passed: false, margin: '1.2x over' }),
  ];
}

/** A finding with plain defaults. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'kind' | 'message'>): Finding {
  return { severity: 'warning', atSeconds: null, atUsers: null, atRps: null, evidence: { fromSeconds: 0, toSeconds: 1 }, suggestion: 'Look closer.', ...overrides };
}
