// The `{{ }}` expression language: names, dotted names, literals and calls of built-in functions. There are
// no operators on purpose: a scenario is data, and nothing in it is ever evaluated as code.
import { closestMatch } from './did-you-mean';
import type { Expr } from './model';
import { BUILTIN_FUNCTIONS, FUNCTION_NAMES, isBuiltinFunction } from './spec';
import type { ValueProblem } from './value-problem';

/** A name used in an expression, with its offsets in the text that holds the expression. */
export interface NameReference {
  path: readonly string[];
  start: number;
  end: number;
}

export interface CallReference {
  fn: string;
  start: number;
  end: number;
}

export interface ParsedExpression {
  /** Undefined when the expression could not be read; `problems` says why. */
  expr?: Expr;
  names: NameReference[];
  calls: CallReference[];
  problems: ValueProblem[];
  /** Offset just after the closing `}}`, or the end of the text when it is missing. */
  end: number;
  closed: boolean;
}

type Token =
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number; closed: boolean }
  | { kind: 'punctuation'; text: '(' | ')' | ',' | '.' | '}}'; start: number; end: number }
  | { kind: 'other'; text: string; start: number; end: number }
  | { kind: 'end'; start: number; end: number };

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const OPERATOR_CHARS = '+-*/%=<>!&|?:^~';

function tokenAt(text: string, position: number): Token {
  let start = position;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  if (start >= text.length) return { kind: 'end', start, end: start };
  const char = text.charAt(start);
  if (text.startsWith('}}', start)) return { kind: 'punctuation', text: '}}', start, end: start + 2 };
  if (char === '(' || char === ')' || char === ',' || char === '.') {
    const numeric = char === '.' && /\d/.test(text.charAt(start + 1));
    if (!numeric) return { kind: 'punctuation', text: char, start, end: start + 1 };
  }
  if (NAME_START.test(char)) {
    let end = start + 1;
    while (end < text.length && NAME_PART.test(text.charAt(end))) end++;
    return { kind: 'name', text: text.slice(start, end), start, end };
  }
  const number = /^-?(?:\d+(?:\.\d+)?|\.\d+)/.exec(text.slice(start, start + 64));
  if (number) return { kind: 'number', value: Number(number[0]), start, end: start + number[0].length };
  if (char === "'" || char === '"') return stringToken(text, start, char);
  return { kind: 'other', text: char, start, end: start + 1 };
}

function stringToken(text: string, start: number, quote: string): Token {
  let value = '';
  let position = start + 1;
  while (position < text.length) {
    const char = text.charAt(position);
    if (char === '\\' && position + 1 < text.length) {
      value += text.charAt(position + 1);
      position += 2;
      continue;
    }
    if (char === quote) return { kind: 'string', value, start, end: position + 1, closed: true };
    value += char;
    position++;
  }
  return { kind: 'string', value, start, end: position, closed: false };
}

/** Reads one expression starting at `start` (just after `{{`) up to and including its `}}`. */
export function parseExpression(text: string, start: number): ParsedExpression {
  const names: NameReference[] = [];
  const calls: CallReference[] = [];
  const problems: ValueProblem[] = [];
  let position = start;
  let depth = 0;

  const peek = (): Token => tokenAt(text, position);
  const take = (): Token => {
    const token = peek();
    position = token.end;
    return token;
  };
  const problem = (message: string, from: number, to: number, fix?: ValueProblem['fix'], code = 'bad-expression'): undefined => {
    problems.push(fix ? { code, message, start: from, end: to, fix } : { code, message, start: from, end: to });
    return undefined;
  };

  const describe = (token: Token): string => (token.kind === 'end' ? 'the end of the text' : `'${text.slice(token.start, token.end)}'`);

  function unexpected(token: Token, expected: string): undefined {
    if (token.kind === 'other' && OPERATOR_CHARS.includes(token.text)) {
      return problem(`'${token.text}' is not allowed: {{ }} holds a name, a literal or a function call, never operators (nothing is evaluated as code).`, token.start, token.end);
    }
    return problem(`Expected ${expected} but found ${describe(token)}.`, token.start, Math.max(token.end, token.start + 1));
  }

  function parseValue(): Expr | undefined {
    // Deep nesting is never useful here and would only grow the stack.
    if (++depth > 32) return problem('This expression nests too deeply.', position, position + 1);
    try {
      const token = take();
      switch (token.kind) {
        case 'number':
          return { kind: 'literal', value: token.value };
        case 'string':
          if (!token.closed) return problem('This string has no closing quote.', token.start, token.end);
          return { kind: 'literal', value: token.value };
        case 'name':
          return parseNameOrCall(token);
        default:
          return unexpected(token, 'a name, a literal or a function call');
      }
    } finally {
      depth--;
    }
  }

  function parseNameOrCall(first: Extract<Token, { kind: 'name' }>): Expr | undefined {
    if (first.text === 'true' || first.text === 'false') return { kind: 'literal', value: first.text === 'true' };
    if (first.text === 'null') return { kind: 'literal', value: null };
    const next = peek();
    if (next.kind === 'punctuation' && next.text === '(') return parseCall(first);
    const path = [first.text];
    let end = first.end;
    for (let dot = peek(); dot.kind === 'punctuation' && dot.text === '.'; dot = peek()) {
      take();
      const part = take();
      if (part.kind !== 'name') return unexpected(part, 'a name after the dot');
      path.push(part.text);
      end = part.end;
    }
    names.push({ path, start: first.start, end });
    return { kind: 'var', path };
  }

  function parseCall(name: Extract<Token, { kind: 'name' }>): Expr | undefined {
    take();
    const args: Expr[] = [];
    const argStarts: number[] = [];
    const closing = peek();
    if (!(closing.kind === 'punctuation' && closing.text === ')')) {
      for (;;) {
        argStarts.push(peek().start);
        const arg = parseValue();
        if (!arg) return undefined;
        args.push(arg);
        const separator = take();
        if (separator.kind === 'punctuation' && separator.text === ')') break;
        if (!(separator.kind === 'punctuation' && separator.text === ',')) return unexpected(separator, "',' or ')'");
      }
    } else {
      take();
    }
    calls.push({ fn: name.text, start: name.start, end: name.end });
    if (!isBuiltinFunction(name.text)) {
      const suggestion = closestMatch(name.text, FUNCTION_NAMES);
      const known = FUNCTION_NAMES.join(', ');
      return suggestion
        ? problem(`Unknown function '${name.text}': did you mean '${suggestion}'?`, name.start, name.end, { title: `Change to '${suggestion}'`, replacement: suggestion }, 'unknown-function')
        : problem(`Unknown function '${name.text}'. The functions are ${known}.`, name.start, name.end, undefined, 'unknown-function');
    }
    const spec = BUILTIN_FUNCTIONS[name.text];
    const tooFew = args.length < spec.minArgs;
    const tooMany = spec.maxArgs !== undefined && args.length > spec.maxArgs;
    if (tooFew || tooMany) {
      return problem(`${spec.signature} takes ${describeArity(spec.minArgs, spec.maxArgs)}, not ${args.length}.`, name.start, name.end, undefined, 'bad-arguments');
    }
    if (spec.numericArgs) {
      for (const [index, arg] of args.entries()) {
        if (arg.kind === 'literal' && typeof arg.value !== 'number') {
          const from = argStarts[index] ?? name.start;
          return problem(`${spec.signature} takes numbers.`, from, from + 1, undefined, 'bad-arguments');
        }
      }
    }
    const [first, second] = args;
    if (first?.kind === 'literal' && second?.kind === 'literal' && typeof first.value === 'number' && typeof second.value === 'number' && first.value > second.value) {
      return problem(`${spec.signature}: min (${first.value}) is more than max (${second.value}).`, name.start, name.end, undefined, 'bad-arguments');
    }
    if (name.text === 'randomString' && first?.kind === 'literal' && typeof first.value === 'number' && (first.value < 1 || !Number.isInteger(first.value))) {
      return problem('randomString(length) takes a whole number of at least 1.', name.start, name.end, undefined, 'bad-arguments');
    }
    return { kind: 'call', fn: name.text, args };
  }

  const opening = peek();
  let expr: Expr | undefined;
  if (opening.kind === 'punctuation' && opening.text === '}}') {
    problem('Empty {{ }}: write a name (token), a data column (accounts.email) or a function call (uuid()).', start - 2, opening.end, undefined, 'empty-expression');
  } else if (opening.kind === 'end') {
    problem('{{ is never closed with }}.', start - 2, text.length, undefined, 'unclosed-expression');
    return { names, calls, problems, end: text.length, closed: false };
  } else {
    expr = parseValue();
  }
  // Skip to the closing braces, whatever went wrong before, so the rest of the text is still read.
  const closeAt = findClosing(text, position);
  if (closeAt < 0) {
    if (problems.length === 0) problem('{{ is never closed with }}.', start - 2, text.length, undefined, 'unclosed-expression');
    return { names, calls, problems, end: text.length, closed: false };
  }
  if (problems.length === 0) {
    const trailing = peek();
    if (!(trailing.kind === 'punctuation' && trailing.text === '}}')) {
      unexpected(trailing, "'}}'");
      expr = undefined;
    }
  }
  return problems.length === 0 && expr ? { expr, names, calls, problems, end: closeAt + 2, closed: true } : { names, calls, problems, end: closeAt + 2, closed: true };
}

function findClosing(text: string, from: number): number {
  let position = from;
  while (position < text.length) {
    const token = tokenAt(text, position);
    if (token.kind === 'end') return -1;
    if (token.kind === 'punctuation' && token.text === '}}') return token.start;
    position = token.end;
  }
  return -1;
}

function describeArity(min: number, max: number | undefined): string {
  if (max === undefined) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  if (min === max) return min === 0 ? 'no arguments' : `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}
