// Where things are in a scenario's text, for CodeLenses and prompts: the `scenario:` line, each user group's line
// and the declared environments. Read from the YAML tree alone, so it works while the file has other errors.

import { LineIndex } from '../../core/scenario/line-index';
import { parseYaml, valueOf, type YNode } from '../../core/scenario/yaml-tree';

export interface ScenarioOutline {
  /** 1-based line of the `scenario:` key. */
  scenarioLine: number;
  /** The scenario's name, when it is plain text. */
  name?: string;
  /** Top-level keys, in file order. */
  keys: string[];
  /** Each item of `groups:` with a name, and the line it starts on. */
  groups: { name: string; line: number }[];
  /** Names under `environments:`. */
  environments: string[];
}

/** The outline of a scenario's text, or undefined when it has no top-level `scenario:` key. */
export function scenarioOutline(text: string): ScenarioOutline | undefined {
  const root = parseYaml(text).root;
  if (root?.kind !== 'map') return undefined;
  const scenarioEntry = root.entries.find((entry) => entry.key === 'scenario');
  if (scenarioEntry === undefined) return undefined;
  const lines = new LineIndex(text);
  const name = textOf(scenarioEntry.value);
  const groupsNode = valueOf(root, 'groups');
  const groups = groupsNode?.kind === 'seq' ? groupsNode.items.flatMap((item) => namedGroup(item, lines)) : [];
  const environmentsNode = valueOf(root, 'environments');
  return {
    scenarioLine: lines.position(scenarioEntry.keyRange.start).line,
    ...(name === undefined ? {} : { name }),
    keys: root.entries.map((entry) => entry.key),
    groups,
    environments: environmentsNode?.kind === 'map' ? environmentsNode.entries.map((entry) => entry.key) : [],
  };
}

function namedGroup(item: YNode, lines: LineIndex): { name: string; line: number }[] {
  const name = textOf(valueOf(item, 'name'));
  return name === undefined ? [] : [{ name, line: lines.position(item.start).line }];
}

function textOf(node: YNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  const text = String(node.value).trim();
  return text === '' ? undefined : text;
}

/** `wanted` when the scenario's text declares that environment, else undefined (a default must not break others). */
export function declaredEnvironment(text: string, wanted: string | undefined): string | undefined {
  if (wanted === undefined) return undefined;
  return scenarioOutline(text)?.environments.includes(wanted) === true ? wanted : undefined;
}
