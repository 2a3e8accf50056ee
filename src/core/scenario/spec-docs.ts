// Markdown for keys and values, shared by the JSON Schema and the editor's hover so both say the same thing.
import type { EnumValue, KeySpec } from './spec';

/** A key's documentation: its sentences, its default and a few examples written as in a file. */
export function keyMarkdown(key: KeySpec): string {
  const parts = [key.doc];
  const values = allowedValues(key);
  if (values) parts.push(values.map((value) => `- \`${value.value}\`: ${value.doc}`).join('\n'));
  if (key.default !== undefined) parts.push(`Default: \`${key.default}\``);
  if (key.examples && key.examples.length > 0) parts.push(`Example${key.examples.length > 1 ? 's' : ''}: ${key.examples.map((example) => `\`${key.key}: ${example}\``).join(', ')}`);
  return parts.join('\n\n');
}

/** The documented values of an enumerated key. */
export function allowedValues(key: KeySpec): readonly EnumValue[] | undefined {
  return key.value.kind === 'scalar' && key.value.grammar.type === 'enum' ? key.value.grammar.values : undefined;
}
