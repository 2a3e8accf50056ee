// The scenario JSON Schema (draft-07), derived from spec.ts. scripts/build.mjs writes it to
// schemas/scenario.schema.json, where YAML editors pick it up for validation, hovers and completion.
import { DURATION_PATTERN } from './duration';
import { RATE_PATTERN } from './rate';
import { metricSpec, SCENARIO_SPEC, type ChoiceSpec, type Grammar, type KeySpec, type ObjectSpec, type ValueSpec } from './spec';
import { keyMarkdown } from './spec-docs';
import { TARGET_PATTERNS } from './target-expression';
import { THINK_TIME_PATTERN } from './think-time';

type Schema = Record<string, unknown>;

/** The JSON Schema of a scenario file. */
export function scenarioJsonSchema(): object {
  const definitions: Record<string, Schema> = {};
  const builder = new SchemaBuilder(definitions, sharedObjects());
  const root = builder.object(SCENARIO_SPEC);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Loadscope scenario',
    ...root,
    definitions,
  };
}

/** Object specs reached more than once from the root get a definition (named here) and are referenced with `$ref`. */
function sharedObjects(): ReadonlyMap<ValueSpec, string> {
  const names = new Map<ValueSpec, string>();
  const counts = new Map<ObjectSpec, number>();
  const visit = (spec: ValueSpec): void => {
    if (spec.kind === 'object') {
      const count = (counts.get(spec) ?? 0) + 1;
      counts.set(spec, count);
      if (count > 1) return;
      for (const key of spec.keys) visit(key.value);
    } else if (spec.kind === 'map') visit(spec.value);
    else if (spec.kind === 'list') visit(spec.items);
    else if (spec.kind === 'choice') spec.options.forEach(visit);
  };
  visit(SCENARIO_SPEC);
  const used = new Set<string>();
  for (const [spec, count] of counts) {
    if (count < 2) continue;
    const base = (spec.schemaName ?? spec.name).replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase());
    let name = base;
    for (let suffix = 2; used.has(name); suffix++) name = `${base}${suffix}`;
    used.add(name);
    names.set(spec, name);
  }
  return names;
}

class SchemaBuilder {
  constructor(
    private readonly definitions: Record<string, Schema>,
    private readonly shared: ReadonlyMap<ValueSpec, string>,
  ) {}

  value(spec: ValueSpec): Schema {
    switch (spec.kind) {
      case 'object': {
        const name = this.shared.get(spec);
        if (name === undefined) return this.object(spec);
        if (!(name in this.definitions)) this.definitions[name] = this.object(spec);
        return { $ref: `#/definitions/${name}` };
      }
      case 'map':
        return {
          type: 'object',
          ...(spec.entry.pattern === undefined ? {} : { propertyNames: { pattern: spec.entry.pattern } }),
          additionalProperties: this.value(spec.value),
        };
      case 'list':
        return { type: 'array', items: this.value(spec.items), ...(spec.minItems ? { minItems: spec.minItems } : {}) };
      case 'choice':
        return this.choice(spec);
      case 'json':
        return {};
      case 'scalar':
        return grammarSchema(spec.grammar);
    }
  }

  object(spec: ObjectSpec): Schema {
    const properties: Record<string, Schema> = {};
    const allOf: Schema[] = [];
    const dependencies: Record<string, string[]> = {};
    for (const key of spec.keys) {
      properties[key.key] = this.property(key);
      if (key.requiredUnless !== undefined) allOf.push({ anyOf: [{ required: [key.key] }, { required: [key.requiredUnless] }] });
      for (const other of key.conflicts ?? []) allOf.push(forbidTogether(key.key, other));
      if (key.requires) dependencies[key.key] = [...key.requires];
    }
    for (const group of spec.exactlyOne ?? []) allOf.push({ oneOf: group.keys.map((key) => ({ required: [key] })) });
    for (const group of spec.atMostOne ?? []) {
      group.keys.forEach((key, index) => group.keys.slice(index + 1).forEach((other) => allOf.push(forbidTogether(key, other))));
    }
    const required = spec.keys.filter((key) => key.required).map((key) => key.key);
    return {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
      ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
      ...(allOf.length > 0 ? { allOf } : {}),
    };
  }

  private property(key: KeySpec): Schema {
    const value = this.value(key.value);
    const docs: Schema = { description: key.doc, markdownDescription: keyMarkdown(key) };
    const fallback = defaultValue(key);
    if (fallback !== undefined) docs.default = fallback;
    if (key.value.kind === 'scalar' && key.value.grammar.type === 'enum') docs.markdownEnumDescriptions = key.value.grammar.values.map((value) => value.doc);
    // Keywords next to `$ref` are ignored in draft-07, so a referenced shape is wrapped.
    return '$ref' in value ? { allOf: [value], ...docs } : { ...value, ...docs };
  }

  /** Scalars and lists by type; objects told apart by their discriminator key, so errors name the right shape. */
  private choice(spec: ChoiceSpec): Schema {
    const objects = spec.options.filter((option): option is ObjectSpec => option.kind === 'object');
    const others = spec.options.filter((option) => option.kind !== 'object').map((option) => this.value(option));
    const chain = objects.reduceRight<Schema | undefined>((otherwise, option) => {
      const schema = this.value(option);
      if (otherwise === undefined) return schema;
      if (option.discriminator === undefined) return { anyOf: [schema, otherwise] };
      return { if: { type: 'object', required: [option.discriminator] }, then: schema, else: otherwise };
    }, undefined);
    const all = chain === undefined ? others : [...others, chain];
    return all.length === 1 && all[0] !== undefined ? all[0] : { anyOf: all };
  }
}

function forbidTogether(key: string, other: string): Schema {
  return { not: { required: [key, other] } };
}

function defaultValue(key: KeySpec): unknown {
  if (key.default === undefined || key.value.kind !== 'scalar') return undefined;
  switch (key.value.grammar.type) {
    case 'integer':
    case 'number':
      return Number(key.default);
    case 'boolean':
      return key.default === 'true';
    default:
      return key.default;
  }
}

function anchored(pattern: string): string {
  return `^\\s*${pattern}\\s*$`;
}

function grammarSchema(grammar: Grammar): Schema {
  switch (grammar.type) {
    case 'text':
    case 'path':
      return { type: 'string' };
    case 'template':
      return grammar.anyScalar ? { type: ['string', 'number', 'boolean'] } : { type: 'string' };
    case 'url':
      return { type: 'string', pattern: grammar.orPath === true ? '^(https?://|\\$\\{env:|/)' : '^(https?://|\\$\\{env:)' };
    case 'seriesSelector':
      return grammar.orNumber === true ? { type: ['number', 'string'] } : { type: 'string' };
    case 'processId':
      return { type: ['integer', 'string'] };
    case 'duration':
      return { type: 'string', pattern: anchored(DURATION_PATTERN) };
    case 'rate':
      return { type: 'string', pattern: anchored(RATE_PATTERN) };
    case 'thinkTime':
      return { type: 'string', pattern: anchored(THINK_TIME_PATTERN) };
    case 'target': {
      const kind = metricSpec(grammar.metric)?.kind ?? 'latency';
      return { type: 'string', pattern: TARGET_PATTERNS[kind] };
    }
    case 'integer':
      return { type: 'integer', minimum: grammar.min, ...(grammar.max === undefined ? {} : { maximum: grammar.max }) };
    case 'number':
      return { type: 'number', exclusiveMinimum: grammar.exclusiveMin };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: grammar.values.map((value) => value.value) };
    case 'jsonPath':
      return { type: 'string', pattern: '^\\$' };
    case 'regex':
      return { type: 'string', format: 'regex' };
  }
}
