// The one walker: checks a YAML tree against the spec (keys, kinds, required and exclusive keys) and reads every
// scalar with its grammar. What it accepted is kept per node, so the normaliser reads values without checking again.
import { closestMatch } from './did-you-mean';
import { decodeJson, decodeScalar, type DecodeContext, type Decoded, type DecodedValues } from './decode-scalar';
import type { DiagnosticSink } from './diagnostic-sink';
import { keySpec, SCENARIO_SPEC, type ChoiceSpec, type KeySpec, type ListSpec, type MapSpec, type ObjectSpec, type ValueSpec } from './spec';
import { excerpt } from './value-problem';
import type { OffsetRange, YEntry, YMap, YNode } from './yaml-tree';

/** Where a value sits: the name used in messages and the range to point at when the value itself is missing. */
interface Place {
  label: string;
  owner: OffsetRange;
}

/** Checks the whole file against the spec; returns what every accepted scalar means. */
export function walkScenario(root: YNode, ctx: DecodeContext): DecodedValues {
  const decoded = new Map<YNode, Decoded>();
  const walker = new Walker(ctx, decoded);
  if (root.kind !== 'map') {
    ctx.sink.error('not-a-mapping', 'A scenario is a YAML mapping of keys, starting with `scenario: NAME`.', { start: root.start, end: Math.max(root.end, root.start + 1) });
    return decoded;
  }
  const firstKey = root.entries[0]?.keyRange ?? { start: root.start, end: root.start + 1 };
  walker.walk(root, SCENARIO_SPEC, { label: 'scenario', owner: firstKey });
  return decoded;
}

class Walker {
  constructor(
    private readonly ctx: DecodeContext,
    private readonly decoded: Map<YNode, Decoded>,
  ) {}

  private get sink(): DiagnosticSink {
    return this.ctx.sink;
  }

  walk(node: YNode, spec: ValueSpec, place: Place): void {
    if (node.kind === 'scalar' && node.value === null && spec.kind !== 'json') {
      this.sink.error('missing-value', `\`${place.label}\` needs a value: ${expectedValue(spec)}.`, place.owner);
      return;
    }
    switch (spec.kind) {
      case 'scalar': {
        if (node.kind !== 'scalar') return this.wrongKind(node, spec, place);
        const value = decodeScalar(node, spec.grammar, place.label, this.ctx);
        if (value) this.decoded.set(node, value);
        return;
      }
      case 'object':
        if (node.kind !== 'map') return this.wrongKind(node, spec, place);
        return this.walkObject(node, spec, place);
      case 'map':
        if (node.kind !== 'map') return this.wrongKind(node, spec, place);
        return this.walkMap(node, spec);
      case 'list':
        return this.walkList(node, spec, place);
      case 'choice': {
        const option = chooseOption(node, spec);
        if (!option) return this.wrongKind(node, spec, place);
        return this.walk(node, option, place);
      }
      case 'json':
        this.decoded.set(node, decodeJson(node, this.ctx));
        return;
    }
  }

  private wrongKind(node: YNode, spec: ValueSpec, place: Place): void {
    const found = node.kind === 'map' ? 'a mapping' : node.kind === 'seq' ? 'a list' : `'${excerpt(node.text)}'`;
    this.sink.error('wrong-type', `\`${place.label}\` must be ${expectedValue(spec)}, not ${found}.`, { start: node.start, end: Math.max(node.end, node.start + 1) });
  }

  private walkObject(node: YMap, spec: ObjectSpec, place: Place): void {
    const present = new Map<string, YEntry>(node.entries.map((entry) => [entry.key, entry]));
    // A misspelt key stands for the key it was meant to be: saying that key is missing too would be noise.
    const meant = new Set<string>();
    for (const entry of node.entries) {
      const key = keySpec(spec, entry.key);
      if (key) this.walk(entry.value, key.value, { label: entry.key, owner: entry.keyRange });
      else {
        const suggestion = this.unknownKey(entry, spec, present);
        if (suggestion) meant.add(suggestion);
      }
    }
    const reportedPairs = new Set<string>();
    for (const key of spec.keys) {
      const entry = present.get(key.key);
      if (!entry) {
        if (!meant.has(key.key)) this.checkRequired(key, spec, present, place);
        continue;
      }
      for (const other of key.conflicts ?? []) {
        const otherEntry = present.get(other);
        const pair = [key.key, other].sort().join('+');
        if (!otherEntry || reportedPairs.has(pair)) continue;
        reportedPairs.add(pair);
        const later = otherEntry.keyRange.start > entry.keyRange.start ? otherEntry : entry;
        this.sink.error('conflicting-keys', `\`${key.key}\` and \`${other}\` cannot be used together: keep one.`, later.keyRange);
      }
      for (const needed of key.requires ?? []) {
        if (!present.has(needed)) this.sink.error('missing-key', `\`${key.key}\` needs \`${needed}\` next to it.`, entry.keyRange);
      }
    }
    for (const group of spec.exactlyOne ?? []) {
      const found = group.keys.filter((key) => present.has(key));
      if (found.length === 0 && !group.keys.some((key) => meant.has(key))) {
        this.sink.error('missing-key', `${article(spec.name)} needs one ${group.noun}: ${listWithOr(group.keys)}.`, place.owner);
      }
      this.reportExtras(found, present, spec, group.noun);
    }
    for (const group of spec.atMostOne ?? []) {
      this.reportExtras(group.keys.filter((key) => present.has(key)), present, spec, group.noun);
    }
  }

  private checkRequired(key: KeySpec, spec: ObjectSpec, present: ReadonlyMap<string, YEntry>, place: Place): void {
    const required = key.required === true || (key.requiredUnless !== undefined && !present.has(key.requiredUnless));
    if (!required) return;
    const alternative = key.requiredUnless === undefined ? '' : ` (or \`${key.requiredUnless}\`)`;
    this.sink.error('missing-key', `${article(spec.name)} needs \`${key.key}\`${alternative}: ${firstSentence(key.doc)}`, place.owner);
  }

  private reportExtras(found: readonly string[], present: ReadonlyMap<string, YEntry>, spec: ObjectSpec, noun: string): void {
    const position = (key: string): number => present.get(key)?.keyRange.start ?? 0;
    const [first, ...extras] = [...found].sort((a, b) => position(a) - position(b));
    for (const extra of extras) {
      const entry = present.get(extra);
      if (entry) this.sink.error('one-of', `${article(spec.name)} has one ${noun}: \`${first}\` is already there, so remove \`${extra}\` (or \`${first}\`).`, entry.keyRange);
    }
  }

  /** Reports an unknown key; returns the key it was probably meant to be. */
  private unknownKey(entry: YEntry, spec: ObjectSpec, present: ReadonlyMap<string, YEntry>): string | undefined {
    const code = spec.unknownKey?.code ?? 'unknown-key';
    const noun = spec.unknownKey?.noun ?? 'key';
    const candidates = spec.keys.map((key) => key.key).filter((key) => !present.has(key));
    const suggestion = closestMatch(entry.key, candidates);
    if (suggestion) {
      this.sink.error(code, `Unknown ${noun} \`${excerpt(entry.key)}\` in ${spec.name}: did you mean \`${suggestion}\`?`, entry.keyRange, { title: `Change to '${suggestion}'`, replacement: suggestion });
      return suggestion;
    }
    const home = KEY_HOMES.get(entry.key);
    const hint = home && home.spec !== spec ? ` It belongs ${home.where}.` : ` Known: ${spec.keys.map((key) => key.key).join(', ')}.`;
    this.sink.error(code, `Unknown ${noun} \`${excerpt(entry.key)}\` in ${spec.name}.${hint}`, entry.keyRange);
    return undefined;
  }

  private walkMap(node: YMap, spec: MapSpec): void {
    const pattern = spec.entry.pattern === undefined ? undefined : new RegExp(spec.entry.pattern);
    for (const entry of node.entries) {
      if (pattern && !pattern.test(entry.key)) {
        this.sink.error('bad-name', `'${entry.key}' is not a valid ${spec.entry.noun} name: ${spec.entry.patternHint ?? 'see the docs'}.`, entry.keyRange);
        continue;
      }
      if (entry.key.trim() === '') {
        this.sink.error('bad-name', `Empty ${spec.entry.noun} name.`, entry.keyRange);
        continue;
      }
      this.walk(entry.value, spec.value, { label: entry.key, owner: entry.keyRange });
    }
  }

  private walkList(node: YNode, spec: ListSpec, place: Place): void {
    if (node.kind !== 'seq') return this.wrongKind(node, spec, place);
    if (node.items.length < (spec.minItems ?? 0)) {
      this.sink.error('empty-list', `\`${place.label}\` needs at least ${spec.minItems === 1 ? 'one item' : `${spec.minItems} items`}.`, place.owner);
    }
    for (const item of node.items) {
      this.walk(item, spec.items, { label: `${place.label} item`, owner: { start: item.start, end: Math.max(item.start + 1, firstLineEnd(item)) } });
    }
  }
}

function firstLineEnd(node: YNode): number {
  return node.kind === 'map' ? (node.entries[0]?.keyRange.end ?? node.end) : node.end;
}

/** The option of a choice that fits a node: by kind first, then by an object's discriminator key. */
export function chooseOption(node: YNode, choice: ChoiceSpec): ValueSpec | undefined {
  const fitting = choice.options.filter((option) => fitsKind(option, node));
  if (fitting.length <= 1) return fitting[0];
  const keys = node.kind === 'map' ? new Set(node.entries.map((entry) => entry.key)) : new Set<string>();
  const marked = fitting.find((option) => option.kind === 'object' && option.discriminator !== undefined && keys.has(option.discriminator));
  return marked ?? fitting.find((option) => option.kind !== 'object' || option.discriminator === undefined) ?? fitting[0];
}

function fitsKind(spec: ValueSpec, node: YNode): boolean {
  switch (spec.kind) {
    case 'scalar':
      return node.kind === 'scalar';
    case 'object':
    case 'map':
      return node.kind === 'map';
    case 'list':
      return node.kind === 'seq';
    case 'choice':
      return spec.options.some((option) => fitsKind(option, node));
    case 'json':
      return true;
  }
}

/** What a spec accepts, in words, for messages. */
export function expectedValue(spec: ValueSpec): string {
  switch (spec.kind) {
    case 'object':
      return `a mapping of keys (${spec.keys.slice(0, 4).map((key) => key.key).join(', ')}${spec.keys.length > 4 ? ', ...' : ''})`;
    case 'map':
      return `a mapping of ${spec.entry.noun} names to values`;
    case 'list':
      return 'a list (lines starting with -)';
    case 'choice':
      return spec.expected;
    case 'json':
      return 'any value';
    case 'scalar':
      switch (spec.grammar.type) {
        case 'text':
          return 'a text';
        case 'template':
          return 'a text (it may use {{ }})';
        case 'url':
          return spec.grammar.orPath === true ? 'a URL such as http://127.0.0.1:9100/metrics, or a path such as /metrics' : 'a URL such as http://127.0.0.1:8080';
        case 'seriesSelector':
          return spec.grammar.orNumber === true ? 'a number, or a series name such as db_pool_max' : 'a series name such as db_pool_in_use or http_requests_total{status="429"}';
        case 'processId':
          return 'a process id such as 4242, or ${env:APP_PID}';
        case 'path':
          return 'a path such as /api/items';
        case 'duration':
          return 'a duration such as 30s, 5m or 1m30s';
        case 'rate':
          return 'a rate such as 10/s';
        case 'thinkTime':
          return 'a think time such as 1s..3s or 500ms';
        case 'target':
          return 'a target expression such as < 200ms';
        case 'integer':
          return `a whole number of at least ${spec.grammar.min}`;
        case 'number':
          return 'a number';
        case 'boolean':
          return 'true or false';
        case 'enum':
          return `one of ${spec.grammar.values.map((value) => value.value).join(', ')}`;
        case 'jsonPath':
          return 'a JSON path such as $.id';
        case 'regex':
          return 'a regular expression';
      }
  }
}

function article(noun: string): string {
  const capitalised = /^[aeiou]/i.test(noun) ? `An ${noun}` : `A ${noun}`;
  return capitalised;
}

function firstSentence(doc: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(doc);
  return (match?.[0] ?? doc).trim();
}

/** Where each key is defined, for "it belongs under `load:`" hints when a key sits at the wrong level. */
const KEY_HOMES: ReadonlyMap<string, { spec: ObjectSpec; where: string }> = (() => {
  const homes = new Map<string, { spec: ObjectSpec; where: string }>();
  const seen = new Set<ValueSpec>();
  const visit = (spec: ValueSpec, where: string): void => {
    if (seen.has(spec)) return;
    seen.add(spec);
    if (spec.kind === 'object') {
      for (const child of spec.keys) {
        if (!homes.has(child.key)) homes.set(child.key, { spec, where });
        visit(child.value, `under \`${child.key}:\``);
      }
    } else if (spec.kind === 'map') visit(spec.value, where);
    else if (spec.kind === 'list') visit(spec.items, `in ${article(spec.items.kind === 'object' ? spec.items.name : 'item').toLowerCase()}`);
    else if (spec.kind === 'choice') spec.options.forEach((option) => visit(option, option.kind === 'object' ? `in ${article(option.name).toLowerCase()}` : where));
  };
  visit(SCENARIO_SPEC, 'at the top level');
  return homes;
})();

function listWithOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
