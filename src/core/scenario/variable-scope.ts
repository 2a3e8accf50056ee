// Checks every `{{ name }}` against what exists where it is used. Built-in names, constants and data columns exist
// everywhere. A captured value exists only after the request that captures it has run for this user:
// - in onStart, after an earlier onStart request;
// - in a mix item, after onStart (a capture by another item of the mix is only a warning: it may not have run yet);
// - in a flow step, after onStart or an earlier step of the same flow.
import { closestMatch } from './did-you-mean';
import type { LocatedName } from './decode-scalar';
import type { DiagnosticSink } from './diagnostic-sink';
import { BUILTIN_NAMES, isBuiltinFunction } from './spec';
import type { OffsetRange } from './yaml-tree';

/** Where a name is used (or a value captured), in run order terms. */
export type UsePlace =
  | { kind: 'onStart'; group: number; index: number }
  | { kind: 'mix'; group: number; item: number }
  | { kind: 'step'; group: number; item: number; step: number }
  /** Group headers: sent with every request of the group. */
  | { kind: 'groupHeaders'; group: number }
  /** Scenario and environment headers: sent with every request of every group. */
  | { kind: 'sharedHeaders' }
  /** Values of `variables:` */
  | { kind: 'constant' };

export type CapturePlace = Extract<UsePlace, { kind: 'onStart' | 'mix' | 'step' }>;

export interface CaptureSite {
  variable: string;
  requestName: string;
  place: CapturePlace;
  range: OffsetRange;
}

export interface NameUse {
  name: LocatedName;
  place: UsePlace;
}

/** A name the file declares (a variable, a data source), with where it is declared. */
export interface Declaration {
  name: string;
  kind: 'variable' | 'data source';
  range: OffsetRange;
}

export interface ScopeFacts {
  declarations: readonly Declaration[];
  constants: ReadonlySet<string>;
  /** Data sources and their columns (undefined when the file could not be read: columns are not checked). */
  dataSources: ReadonlyMap<string, readonly string[] | undefined>;
  captures: readonly CaptureSite[];
  groupNames: readonly string[];
}

type Verdict = { severity: 'error' | 'warning'; code: string; message: string; fix?: { title: string; replacement: string } } | undefined;

const BUILTINS = new Set(BUILTIN_NAMES.map((builtin) => builtin.name));

/** Reports names that do not exist where they are used, and captures that clash with other names. */
export function checkNameUses(uses: readonly NameUse[], facts: ScopeFacts, sink: DiagnosticSink): void {
  reportClashes(facts, sink);
  for (const use of uses) {
    const verdict = nameVerdict(use, facts);
    if (verdict) sink.report(verdict.severity, verdict.code, verdict.message, use.name.range, verdict.fix);
  }
}

/** One name, one meaning: a variable, data source or capture may not reuse a built-in name or each other's. */
function reportClashes(facts: ScopeFacts, sink: DiagnosticSink): void {
  const named = [
    ...facts.declarations,
    ...facts.captures.map((capture): Declaration => ({ name: capture.variable, kind: 'variable', range: capture.range })),
  ];
  const meaning = new Map<string, string>(BUILTIN_NAMES.map((builtin) => [builtin.name, 'a built-in name']));
  const captured = new Set(facts.captures.map((capture) => capture.range));
  for (const declaration of named) {
    const what = captured.has(declaration.range) ? 'a captured value' : `a ${declaration.kind}`;
    const earlier = meaning.get(declaration.name);
    // The same capture in several requests is one variable filled by each of them.
    if (earlier === undefined || (earlier === what && what === 'a captured value')) {
      meaning.set(declaration.name, what);
      continue;
    }
    sink.error('name-clash', `'${declaration.name}' is already ${earlier}; give ${what.replace(/^an? /, 'this ')} another name.`, declaration.range);
  }
}

/** What is wrong with one use of a name, if anything. */
export function nameVerdict(use: NameUse, facts: ScopeFacts): Verdict {
  const [head = '', ...rest] = use.name.path;
  const dotted = use.name.path.join('.');
  if (BUILTINS.has(head)) return rest.length > 0 ? error('bad-variable', `\`${head}\` is a number and has no fields.`) : undefined;
  if (facts.constants.has(head)) {
    if (use.place.kind === 'constant') return error('bad-variable', `Variables cannot use other variables; write the value of \`${head}\` here.`);
    return rest.length > 0 ? error('bad-variable', `\`${head}\` is a variable, not a data source: write {{ ${head} }}.`) : undefined;
  }
  const columns = facts.dataSources.get(head);
  if (facts.dataSources.has(head)) return columnVerdict(head, rest, columns);
  const sites = facts.captures.filter((site) => site.variable === head);
  if (sites.length > 0) {
    if (rest.length > 0) return error('bad-variable', `\`${head}\` is a captured value, not a data source: capture \`${dotted}\`'s own value with a JSON path instead.`);
    return captureVerdict(head, use.place, sites, facts.groupNames);
  }
  return unknownVerdict(head, dotted, facts);
}

function error(code: string, message: string, fix?: { title: string; replacement: string }): Verdict {
  return fix ? { severity: 'error', code, message, fix } : { severity: 'error', code, message };
}

function columnVerdict(source: string, rest: readonly string[], columns: readonly string[] | undefined): Verdict {
  const [column] = rest;
  if (column === undefined) {
    const example = columns?.[0];
    return error('bad-variable', `\`${source}\` is a data source: pick a column${example ? `, e.g. {{ ${source}.${example} }}` : ''}.`, example ? { title: `Use ${source}.${example}`, replacement: `${source}.${example}` } : undefined);
  }
  if (rest.length > 1) return error('bad-variable', `A data column has no fields: write {{ ${source}.${column} }}.`);
  if (!columns || columns.includes(column)) return undefined;
  const suggestion = closestMatch(column, columns);
  const listed = columns.map((name) => `'${name}'`).join(', ');
  return error(
    'unknown-column',
    suggestion ? `The data source \`${source}\` has no column '${column}': did you mean '${suggestion}'?` : `The data source \`${source}\` has no column '${column}'. Its columns are ${listed}.`,
    suggestion ? { title: `Change to ${source}.${suggestion}`, replacement: `${source}.${suggestion}` } : undefined,
  );
}

function unknownVerdict(head: string, dotted: string, facts: ScopeFacts): Verdict {
  if (isBuiltinFunction(head)) return error('unknown-variable', `\`${head}\` is a function: call it as ${head}(...).`, { title: `Change to ${head}()`, replacement: `${head}()` });
  const known = [...BUILTINS, ...facts.constants, ...facts.dataSources.keys(), ...facts.captures.map((site) => site.variable)];
  const suggestion = closestMatch(head, known);
  if (suggestion) {
    const replacement = [suggestion, ...dotted.split('.').slice(1)].join('.');
    return error('unknown-variable', `Unknown name \`${head}\`: did you mean \`${suggestion}\`?`, { title: `Change to ${replacement}`, replacement });
  }
  return error('unknown-variable', `Unknown name \`${head}\`: capture it from a response (capture:), declare it under variables:, or read a data column (source.column). Built-in: user, iteration, group.`);
}

function captureVerdict(variable: string, place: UsePlace, sites: readonly CaptureSite[], groupNames: readonly string[]): Verdict {
  if (place.kind === 'constant') return error('capture-order', `\`${variable}\` is captured from a response; variables are constants and cannot use it.`);
  if (place.kind === 'sharedHeaders') {
    const verdicts = groupNames.map((_, group) => captureVerdict(variable, { kind: 'groupHeaders', group }, sites, groupNames));
    return verdicts.find((verdict) => verdict?.severity === 'error') ?? verdicts.find((verdict) => verdict !== undefined);
  }
  const inGroup = sites.filter((site) => site.place.group === place.group);
  if (inGroup.some((site) => runsBefore(site.place, place))) return undefined;
  const quote = (site: CaptureSite): string => `'${site.requestName}'`;
  if (inGroup.length === 0) {
    const elsewhere = [...new Set(sites.map((site) => groupNames[site.place.group] ?? ''))].map((name) => `'${name}'`).join(', ');
    return error('capture-order', `\`${variable}\` is captured only in group ${elsewhere}; each group's users keep their own values.`);
  }
  const otherItem = inGroup.find((site) => site.place.kind !== 'onStart' && place.kind !== 'onStart' && !(place.kind !== 'groupHeaders' && site.place.item === place.item));
  if (otherItem) {
    return {
      severity: 'warning',
      code: 'capture-order',
      message: `\`${variable}\` is captured by ${quote(otherItem)}, another item of the mix: until a user has run it, \`${variable}\` is empty. Capture it in onStart if every iteration needs it.`,
    };
  }
  const [first] = inGroup;
  if (!first) return undefined;
  if (samePlace(first.place, place)) return error('capture-order', `\`${variable}\` is captured from this request's own response, so it cannot be used to send it.`);
  return error('capture-order', `\`${variable}\` is captured by ${quote(first)}, which runs after this request${place.kind === 'onStart' ? ': onStart requests run in order, before the mix' : ''}.`);
}

/** True when the capture at `site` always runs before a request at `place` of the same user. */
function runsBefore(site: CapturePlace, place: UsePlace): boolean {
  if (site.kind === 'onStart') return place.kind !== 'onStart' || (place.kind === 'onStart' && site.index < place.index);
  return site.kind === 'step' && place.kind === 'step' && site.item === place.item && site.step < place.step;
}

function samePlace(site: CapturePlace, place: UsePlace): boolean {
  if (site.kind === 'onStart') return place.kind === 'onStart' && place.index === site.index;
  if (site.kind === 'mix') return place.kind === 'mix' && place.item === site.item;
  return place.kind === 'step' && place.item === site.item && place.step === site.step;
}
