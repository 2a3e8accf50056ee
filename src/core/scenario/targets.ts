// Reads `targets:` into the model: overall targets and per-request ones, whose names must match a request.
import { closestMatch } from './did-you-mean';
import type { DiagnosticSink } from './diagnostic-sink';
import type { Target, TargetMetric } from './model';
import { TARGET_METRICS } from './spec';
import type { AcceptedValues } from './values';
import { valueOf, type YEntry, type YNode } from './yaml-tree';

/** Every target that was accepted; per-request targets naming an unknown request are reported. */
export function buildTargets(node: YNode | undefined, values: AcceptedValues, sink: DiagnosticSink, requestNames: ReadonlySet<string>): Target[] {
  if (node?.kind !== 'map') return [];
  const targets = metricTargets(node, values, sink);
  const perRequest = valueOf(node, 'requests');
  if (perRequest?.kind !== 'map') return targets;
  for (const entry of perRequest.entries) {
    if (!requestNames.has(entry.key)) {
      reportUnknownRequest(entry, requestNames, sink);
      continue;
    }
    if (entry.value.kind === 'map') targets.push(...metricTargets(entry.value, values, sink, entry.key));
  }
  return targets;
}

function metricTargets(node: YNode, values: AcceptedValues, sink: DiagnosticSink, request?: string): Target[] {
  if (node.kind !== 'map') return [];
  const targets: Target[] = [];
  for (const entry of node.entries) {
    const metric = TARGET_METRICS.find((spec) => spec.metric === entry.key)?.metric;
    if (!metric) continue;
    const target = readTarget(entry, metric, values, sink, request);
    if (target) targets.push(target);
  }
  return targets;
}

function readTarget(entry: YEntry, metric: TargetMetric, values: AcceptedValues, sink: DiagnosticSink, request?: string): Target | undefined {
  const longForm = entry.value.kind === 'map';
  const expression = values.target(longForm ? valueOf(entry.value, 'threshold') : entry.value);
  if (!expression) return undefined;
  const target: Target = {
    metric,
    comparison: expression.target.comparison,
    value: expression.target.value,
    expression: expression.expression,
    abortOnFail: longForm ? (values.boolean(valueOf(entry.value, 'abort')) ?? false) : false,
    range: sink.lines.range(entry.keyRange.start, Math.max(entry.keyRange.end, entry.value.end)),
  };
  if (request !== undefined) target.request = request;
  const grace = longForm ? values.duration(valueOf(entry.value, 'abortAfter')) : undefined;
  if (grace !== undefined) target.abortGraceSeconds = grace;
  return target;
}

function reportUnknownRequest(entry: YEntry, requestNames: ReadonlySet<string>, sink: DiagnosticSink): void {
  const suggestion = closestMatch(entry.key, requestNames);
  if (suggestion) {
    sink.error('unknown-request', `No request is named '${entry.key}': did you mean '${suggestion}'?`, entry.keyRange, { title: `Change to '${suggestion}'`, replacement: suggestion });
    return;
  }
  const known = [...requestNames].map((name) => `'${name}'`).join(', ');
  sink.error('unknown-request', `No request is named '${entry.key}'.${known ? ` The requests are ${known}.` : ''}`, entry.keyRange);
}
