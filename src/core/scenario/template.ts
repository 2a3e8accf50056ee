// Strings with `{{ expression }}` and `${env:NAME}` / `${env:NAME:-default}` parts, read once at load time into
// the Template AST. Offsets of every name, call and environment variable are kept for diagnostics and hovers.
import { parseExpression, type CallReference, type NameReference } from './expression';
import type { Template, TemplatePart } from './model';
import type { ValueProblem } from './value-problem';

export interface EnvReference {
  name: string;
  fallback?: string;
  start: number;
  end: number;
}

export interface ParsedTemplate {
  template: Template;
  names: NameReference[];
  calls: CallReference[];
  env: EnvReference[];
  problems: ValueProblem[];
}

const ENV_NAME = '[A-Za-z_][A-Za-z0-9_]*';
const ENV_REFERENCE = new RegExp(`^\\$\\{env:(${ENV_NAME})(?::-([^}]*))?\\}`);
const PLAIN_DOLLAR_REFERENCE = new RegExp(`^\\$\\{(${ENV_NAME})(?::-([^}]*))?\\}`);

/** Reads a template; problems are reported with offsets into `text`, and the template is still built around them. */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const result: ParsedTemplate = { template: parts, names: [], calls: [], env: [], problems: [] };
  let literal = '';
  const flushText = (): void => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };

  let position = 0;
  while (position < text.length) {
    if (text.startsWith('{{', position)) {
      const parsed = parseExpression(text, position + 2);
      result.names.push(...parsed.names);
      result.calls.push(...parsed.calls);
      result.problems.push(...parsed.problems);
      flushText();
      if (parsed.expr) parts.push({ kind: 'expr', expr: parsed.expr });
      position = parsed.end;
      continue;
    }
    if (text.startsWith('${', position)) {
      const rest = text.slice(position, position + 512);
      const env = ENV_REFERENCE.exec(rest);
      if (env?.[1] !== undefined) {
        const end = position + env[0].length;
        const fallback = env[2];
        result.env.push(fallback === undefined ? { name: env[1], start: position, end } : { name: env[1], fallback, start: position, end });
        flushText();
        parts.push(fallback === undefined ? { kind: 'env', name: env[1] } : { kind: 'env', name: env[1], fallback });
        position = end;
        continue;
      }
      if (rest.startsWith('${env:')) {
        const close = rest.indexOf('}');
        result.problems.push({
          code: 'bad-env-reference',
          message: 'Write an environment variable as ${env:NAME} or ${env:NAME:-default} (NAME: letters, digits and _).',
          start: position,
          end: position + (close < 0 ? rest.length : close + 1),
        });
      } else {
        const plain = PLAIN_DOLLAR_REFERENCE.exec(rest);
        if (plain?.[1] !== undefined) {
          const replacement = `\${env:${plain[0].slice(2)}`;
          result.problems.push({
            code: 'env-syntax',
            severity: 'warning',
            message: `'${plain[0]}' is sent as is. To read the environment variable, write ${replacement}.`,
            start: position,
            end: position + plain[0].length,
            fix: { title: `Change to ${replacement}`, replacement },
          });
        }
      }
    }
    literal += text.charAt(position);
    position++;
  }
  flushText();
  return result;
}

/** True when the template has no `{{ }}` and no `${env:}` parts. */
export function isPlainText(template: Template): boolean {
  return template.every((part) => part.kind === 'text');
}

/** The template's text when it is plain, for values that are only allowed to be plain. */
export function templateText(template: Template): string {
  return template.map((part) => (part.kind === 'text' ? part.text : '')).join('');
}
