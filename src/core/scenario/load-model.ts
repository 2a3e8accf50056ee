// Turns `load:` into stages: closed (users, ramp, hold, optional ramp-down) or open (arrival rates), and fills
// the documented defaults. Checks that only make sense across keys live here (a ramp longer than the test).
import type { DiagnosticSink } from './diagnostic-sink';
import { formatDuration, roundToMilliseconds } from './duration';
import type { ClosedLoad, LoadModel, OpenLoad, ThinkTime } from './model';
import { formatRate } from './rate';
import { DEFAULTS } from './spec';
import type { AcceptedValues } from './values';
import { entryOf, valueOf, type OffsetRange, type YNode } from './yaml-tree';

/** The load model of a `load:` mapping, or undefined when a part of it was rejected. */
export function buildLoadModel(node: YNode | undefined, values: AcceptedValues, sink: DiagnosticSink, thinkTime?: ThinkTime): LoadModel | undefined {
  if (node?.kind !== 'map') return undefined;
  const read = {
    users: values.number(valueOf(node, 'users')),
    rate: values.rate(valueOf(node, 'rate'))?.perSecond,
    duration: values.duration(valueOf(node, 'duration')),
    rampDown: values.duration(valueOf(node, 'rampDown')),
    gracefulStop: values.duration(valueOf(node, 'gracefulStop')) ?? DEFAULTS.gracefulStopSeconds,
  };
  const keyRange = (key: string): OffsetRange => entryOf(node, key)?.keyRange ?? { start: node.start, end: node.start + 1 };
  const stagesNode = valueOf(node, 'stages');

  if (read.users !== undefined) {
    if (read.duration === undefined) return undefined;
    const ramp = closedRamp(node, values, read.users, read.duration, sink);
    if (ramp === undefined) return undefined;
    return closedLoad(read.users, ramp, read.duration, read.rampDown, read.gracefulStop);
  }
  if (read.rate !== undefined) {
    if (read.duration === undefined) return undefined;
    const rampUpNode = valueOf(node, 'rampUp');
    const rampUp = values.duration(rampUpNode) ?? 0;
    if (rampUpNode && rampUp > read.duration) {
      sink.error('ramp-too-long', `The ramp-up (${formatDuration(rampUp)}) is longer than the whole test (duration: ${formatDuration(read.duration)}); the ramp counts towards duration.`, rangeOf(rampUpNode));
      return undefined;
    }
    const stages = rampUp > 0 ? [{ durationSeconds: rampUp, ratePerSecond: read.rate }, { durationSeconds: read.duration - rampUp, ratePerSecond: read.rate }] : [{ durationSeconds: read.duration, ratePerSecond: read.rate }];
    if (read.rampDown) stages.push({ durationSeconds: read.rampDown, ratePerSecond: 0 });
    return openLoad(node, values, sink, rampUp > 0 ? 0 : read.rate, stages.filter((stage) => stage.durationSeconds > 0), read.gracefulStop, keyRange('rate'), thinkTime);
  }
  if (stagesNode?.kind === 'seq') return stagedLoad(node, stagesNode.items, values, sink, read.gracefulStop, keyRange('stages'), thinkTime);
  return undefined;
}

function closedRamp(node: YNode, values: AcceptedValues, users: number, duration: number, sink: DiagnosticSink): number | undefined {
  const spawnRateNode = valueOf(node, 'spawnRate');
  const rampUpNode = valueOf(node, 'rampUp');
  const spawnRate = values.rate(spawnRateNode);
  if (spawnRateNode && !spawnRate) return undefined;
  if (rampUpNode && values.duration(rampUpNode) === undefined) return undefined;
  const ramp = roundToMilliseconds(spawnRate ? users / spawnRate.perSecond : (values.duration(rampUpNode) ?? 0));
  if (ramp <= duration) return ramp;
  const message = spawnRate
    ? `Starting ${users} users at ${formatRate(spawnRate.perSecond)} takes ${formatDuration(ramp)}, longer than the whole test (duration: ${formatDuration(duration)}): raise spawnRate, lower users or lengthen duration.`
    : `The ramp-up (${formatDuration(ramp)}) is longer than the whole test (duration: ${formatDuration(duration)}); the ramp counts towards duration.`;
  sink.error('ramp-too-long', message, rangeOf(spawnRateNode ?? rampUpNode ?? node));
  return undefined;
}

function closedLoad(users: number, ramp: number, duration: number, rampDown: number | undefined, gracefulStopSeconds: number): ClosedLoad {
  const stages = ramp > 0 ? [{ durationSeconds: ramp, users }, { durationSeconds: roundToMilliseconds(duration - ramp), users }] : [{ durationSeconds: duration, users }];
  if (rampDown) stages.push({ durationSeconds: rampDown, users: 0 });
  return { kind: 'closed', startUsers: ramp > 0 ? 0 : users, stages: stages.filter((stage) => stage.durationSeconds > 0), gracefulStopSeconds };
}

function stagedLoad(node: YNode, items: readonly YNode[], values: AcceptedValues, sink: DiagnosticSink, gracefulStopSeconds: number, at: OffsetRange, thinkTime?: ThinkTime): LoadModel | undefined {
  const read = items.map((item) => ({
    item,
    durationSeconds: values.duration(valueOf(item, 'duration')),
    users: values.number(valueOf(item, 'users')),
    rate: values.rate(valueOf(item, 'rate'))?.perSecond,
  }));
  if (read.some((stage) => stage.durationSeconds === undefined || (stage.users === undefined && stage.rate === undefined))) return undefined;
  const [first] = read;
  const open = first?.rate !== undefined;
  const mixed = read.find((stage) => (stage.rate !== undefined) !== open);
  if (mixed) {
    sink.error('mixed-stages', `All stages use users (closed model) or all use rate (open model); this one differs from the first stage.`, rangeOf(mixed.item));
    return undefined;
  }
  if (!open) {
    for (const key of ['maxUsers', 'preAllocatedUsers']) {
      const entry = entryOf(node, key);
      if (entry) sink.error('open-model-only', `\`${key}\` applies to the open model (stages with rate), not to stages with users.`, entry.keyRange);
    }
    const stages = read.map((stage) => ({ durationSeconds: stage.durationSeconds ?? 0, users: stage.users ?? 0 }));
    if (stages.every((stage) => stage.users === 0)) {
      sink.error('no-load', 'Every stage has 0 users: nothing would run.', at);
      return undefined;
    }
    return { kind: 'closed', startUsers: 0, stages, gracefulStopSeconds };
  }
  const stages = read.map((stage) => ({ durationSeconds: stage.durationSeconds ?? 0, ratePerSecond: stage.rate ?? 0 }));
  if (stages.every((stage) => stage.ratePerSecond === 0)) {
    sink.error('no-load', 'Every stage has a rate of 0: nothing would run.', at);
    return undefined;
  }
  return openLoad(node, values, sink, 0, stages, gracefulStopSeconds, at, thinkTime);
}

function openLoad(
  node: YNode,
  values: AcceptedValues,
  sink: DiagnosticSink,
  startRate: number,
  stages: OpenLoad['stages'],
  gracefulStopSeconds: number,
  at: OffsetRange,
  thinkTime?: ThinkTime,
): OpenLoad | undefined {
  const peak = Math.max(startRate, ...stages.map((stage) => stage.ratePerSecond));
  const maxUsersNode = valueOf(node, 'maxUsers');
  let maxUsers = values.number(maxUsersNode);
  if (maxUsersNode && maxUsers === undefined) return undefined;
  if (maxUsers === undefined) {
    maxUsers = Math.max(DEFAULTS.maxUsersFloor, Math.ceil(peak * DEFAULTS.maxUsersSecondsOfArrivals));
    sink.info('default-max-users', `No maxUsers: at most ${maxUsers} concurrent users (${DEFAULTS.maxUsersSecondsOfArrivals} s of arrivals at ${formatRate(peak)}, at least ${DEFAULTS.maxUsersFloor}). When all are busy, arrivals are dropped; set maxUsers to choose the cap.`, at);
  }
  const preAllocatedNode = valueOf(node, 'preAllocatedUsers');
  const preAllocated = values.number(preAllocatedNode);
  if (preAllocatedNode && preAllocated === undefined) return undefined;
  if (preAllocated !== undefined && preAllocated > maxUsers) {
    sink.error('too-many-preallocated', `preAllocatedUsers (${preAllocated}) is more than maxUsers (${maxUsers}).`, rangeOf(preAllocatedNode ?? node));
    return undefined;
  }
  const meanThink = thinkTime ? (thinkTime.minSeconds + thinkTime.maxSeconds) / 2 : 0;
  const preAllocatedUsers = preAllocated ?? Math.min(maxUsers, Math.max(1, Math.ceil(peak * (DEFAULTS.preAllocatedIterationSeconds + meanThink))));
  return { kind: 'open', startRate, stages, preAllocatedUsers, maxUsers, gracefulStopSeconds };
}

function rangeOf(node: YNode): OffsetRange {
  return { start: node.start, end: Math.max(node.end, node.start + 1) };
}
