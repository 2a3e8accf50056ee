// Pairs the nodes of a YAML tree with the spec that describes them: what is under a cursor, and a visitor for
// collecting names (requests, captures) from a file that may be half written.
import { keySpec, SCENARIO_SPEC, type EntryNameSpec, type KeySpec, type ObjectSpec, type ValueSpec } from './spec';
import { chooseOption } from './walk';
import type { YEntry, YMap, YNode } from './yaml-tree';

/** The spec of a node, with choices settled by the node's kind and keys. */
export function settle(spec: ValueSpec | undefined, node: YNode): ValueSpec | undefined {
  let current = spec;
  for (let guard = 0; current?.kind === 'choice' && guard < 8; guard++) current = chooseOption(node, current);
  return current?.kind === 'choice' ? undefined : current;
}

/** How a map entry is described: by its key's spec (fixed keys) or by its map's entry-name spec (free names). */
export interface EntrySpec {
  key?: KeySpec;
  entryName?: EntryNameSpec;
  value?: ValueSpec;
}

/** The spec of one entry of a mapping, from the mapping's spec. */
export function entrySpec(mapSpec: ValueSpec | undefined, key: string): EntrySpec {
  if (mapSpec?.kind === 'object') {
    const found = keySpec(mapSpec, key);
    return found ? { key: found, value: found.value } : {};
  }
  if (mapSpec?.kind === 'map') return { entryName: mapSpec.entry, value: mapSpec.value };
  return {};
}

export type Spot =
  /** On a key of a mapping; `alternatives` are the other shapes the mapping could take (a flow instead of a request). */
  | { kind: 'key'; entry: YEntry; map: YMap; mapSpec?: ValueSpec; alternatives: readonly ObjectSpec[]; describedBy: EntrySpec; parents: readonly string[] }
  /** On a value (a scalar, or inside a mapping or list but on none of its entries). */
  | { kind: 'value'; node: YNode; spec?: ValueSpec; describedBy: EntrySpec; parents: readonly string[] };

const within = (start: number, end: number, offset: number): boolean => start <= offset && offset <= end;

/** What the offset points at, from the root of the file down. */
export function locate(root: YNode, offset: number): Spot {
  let node = root;
  let spec: ValueSpec | undefined = SCENARIO_SPEC;
  let describedBy: EntrySpec = {};
  const parents: string[] = [];
  for (let depth = 0; depth < 100; depth++) {
    const options = spec?.kind === 'choice' ? spec.options : [];
    spec = settle(spec, node);
    if (node.kind === 'map') {
      const map: YMap = node;
      const onKey = map.entries.find((entry) => within(entry.keyRange.start, entry.keyRange.end, offset));
      if (onKey) {
        const alternatives = options.filter((option): option is ObjectSpec => option.kind === 'object' && option !== spec);
        return { kind: 'key', entry: onKey, map, mapSpec: spec, alternatives, describedBy: entrySpec(spec, onKey.key), parents };
      }
      const inside = map.entries.find((entry) => entry.value.end > entry.value.start && within(entry.value.start, entry.value.end, offset));
      if (!inside) return { kind: 'value', node, spec, describedBy, parents };
      describedBy = entrySpec(spec, inside.key);
      parents.push(inside.key);
      node = inside.value;
      spec = describedBy.value;
      continue;
    }
    if (node.kind === 'seq') {
      const item = node.items.find((candidate) => within(candidate.start, candidate.end, offset));
      if (!item) return { kind: 'value', node, spec, describedBy, parents };
      node = item;
      spec = spec?.kind === 'list' ? spec.items : undefined;
      continue;
    }
    return { kind: 'value', node, spec, describedBy, parents };
  }
  return { kind: 'value', node, spec, describedBy, parents };
}

/** Calls `visit` for every mapping of the tree together with its (settled) object spec. */
export function visitObjects(root: YNode, visit: (map: YMap, spec: ObjectSpec) => void): void {
  const walk = (node: YNode, spec: ValueSpec | undefined, depth: number): void => {
    if (depth > 64) return;
    const settled = settle(spec, node);
    if (node.kind === 'map') {
      if (settled?.kind === 'object') visit(node, settled);
      for (const entry of node.entries) walk(entry.value, entrySpec(settled, entry.key).value, depth + 1);
    } else if (node.kind === 'seq' && settled?.kind === 'list') {
      for (const item of node.items) walk(item, settled.items, depth + 1);
    }
  };
  walk(root, SCENARIO_SPEC, 0);
}
