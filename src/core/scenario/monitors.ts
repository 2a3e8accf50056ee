// Reads `monitors:` into the model: Prometheus endpoints with the series to keep, and local processes.
import type { DiagnosticSink } from './diagnostic-sink';
import type { Monitor, MonitoredSeries } from './model';
import type { AcceptedValues } from './values';
import { valueOf, type YNode } from './yaml-tree';

/** The monitors that were accepted; a name used twice is reported, since charts and reports tell them apart by it. */
export function buildMonitors(node: YNode | undefined, values: AcceptedValues, sink: DiagnosticSink): Monitor[] {
  if (node?.kind !== 'seq') return [];
  const monitors: Monitor[] = [];
  const names = new Set<string>();
  for (const item of node.items) {
    const nameNode = valueOf(item, 'name');
    const name = values.text(nameNode);
    if (name === undefined) continue;
    if (names.has(name) && nameNode) sink.error('duplicate-name', `Another monitor is already named '${name}'.`, { start: nameNode.start, end: nameNode.end });
    names.add(name);
    const monitor = buildMonitor(item, name, values, sink);
    if (monitor) monitors.push(monitor);
  }
  return monitors;
}

function buildMonitor(node: YNode, name: string, values: AcceptedValues, sink: DiagnosticSink): Monitor | undefined {
  const pid = values.template(valueOf(node, 'process'));
  if (pid) return { kind: 'process', name, pid: pid.template };
  const url = values.template(valueOf(node, 'prometheus'));
  const seriesNode = valueOf(node, 'series');
  if (!url || seriesNode?.kind !== 'seq') return undefined;
  const series: MonitoredSeries[] = [];
  const labels = new Set<string>();
  for (const item of seriesNode.items) {
    const one = readSeries(item, values);
    if (!one) continue;
    if (labels.has(one.label)) sink.error('duplicate-name', `'${one.label}' is already a series of this monitor: give one of them a different label.`, { start: item.start, end: item.end });
    labels.add(one.label);
    series.push(one);
  }
  return series.length === seriesNode.items.length ? { kind: 'prometheus', name, url: url.template, series } : undefined;
}

function readSeries(node: YNode, values: AcceptedValues): MonitoredSeries | undefined {
  if (node.kind === 'scalar') {
    const selector = values.text(node);
    return selector === undefined ? undefined : { selector, label: selector };
  }
  const selector = values.text(valueOf(node, 'name'));
  if (selector === undefined) return undefined;
  const series: MonitoredSeries = { selector, label: values.text(valueOf(node, 'label')) ?? selector };
  const capacityNode = valueOf(node, 'capacity');
  const capacity = values.number(capacityNode) ?? values.text(capacityNode);
  if (capacity !== undefined) series.capacity = capacity;
  return series;
}
