// A small TextMate interpreter for one line, enough for the injection grammar (match, captures, begin/end,
// `#name` includes): no tokenizer package is installed, and the grammar's regexes are meant to run in plain
// RegExp too. As in TextMate, the earliest match wins and, at the same position, the end pattern, then the
// pattern listed first.

export interface GrammarRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  endCaptures?: Record<string, { name: string }>;
  patterns?: GrammarRule[];
  include?: string;
}

export interface InjectionGrammar {
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

/** A piece of the line with the scopes the grammar gives it (outermost first). */
export interface Token {
  text: string;
  start: number;
  scopes: string[];
}

interface Candidate {
  index: number;
  match: RegExpExecArray;
  rule: GrammarRule | 'end';
}

function resolve(rules: readonly GrammarRule[], grammar: InjectionGrammar): GrammarRule[] {
  return rules.flatMap((rule) => {
    if (rule.include) {
      const target = grammar.repository[rule.include.replace(/^#/, '')];
      if (!target) throw new Error(`unknown include ${rule.include}`);
      return resolve([target], grammar);
    }
    if (!rule.match && !rule.begin && rule.patterns) return resolve(rule.patterns, grammar);
    return [rule];
  });
}

function firstMatch(source: string, line: string, from: number): RegExpExecArray | null {
  const regex = new RegExp(source, 'gd');
  regex.lastIndex = from;
  return regex.exec(line);
}

/** Tokens of `line`, tokenized with `grammar`'s top-level patterns inside a surrounding `baseScope`. */
export function tokenizeLine(grammar: InjectionGrammar, line: string, baseScope = 'string.unquoted.plain.out.yaml'): Token[] {
  const tokens: Token[] = [];
  const stack: { rule: GrammarRule; scopes: string[] }[] = [];
  let position = 0;
  const emit = (start: number, end: number, scopes: string[]): void => {
    if (end > start) tokens.push({ text: line.slice(start, end), start, scopes });
  };
  const emitWithCaptures = (match: RegExpExecArray, scopes: string[], captures: GrammarRule['captures']): void => {
    const start = match.index;
    const end = start + match[0].length;
    const indices = match.indices ?? [];
    // Split the match at each capture, innermost scope last; captures here do not nest.
    const cuts = Object.entries(captures ?? {})
      .filter(([group]) => group !== '0' && indices[Number(group)] !== undefined)
      .map(([group, capture]) => ({ range: indices[Number(group)] as [number, number], name: capture.name }))
      .sort((a, b) => a.range[0] - b.range[0]);
    const whole = captures?.['0']?.name;
    const outer = whole ? [...scopes, whole] : scopes;
    let at = start;
    for (const cut of cuts) {
      emit(at, cut.range[0], outer);
      emit(cut.range[0], cut.range[1], [...outer, cut.name]);
      at = cut.range[1];
    }
    emit(at, end, outer);
  };

  while (position < line.length) {
    const top = stack[stack.length - 1];
    const scopes = top ? top.scopes : [baseScope];
    const rules = resolve(top ? (top.rule.patterns ?? []) : grammar.patterns, grammar);
    const candidates: Candidate[] = [];
    if (top?.rule.end) {
      const match = firstMatch(top.rule.end, line, position);
      if (match) candidates.push({ index: match.index, match, rule: 'end' });
    }
    for (const rule of rules) {
      const match = firstMatch(rule.match ?? rule.begin ?? '(?!)', line, position);
      if (match) candidates.push({ index: match.index, match, rule });
    }
    const best = candidates.reduce<Candidate | undefined>((chosen, candidate) => (chosen === undefined || candidate.index < chosen.index ? candidate : chosen), undefined);
    if (!best) {
      emit(position, line.length, scopes);
      break;
    }
    emit(position, best.index, scopes);
    if (best.rule === 'end') {
      emitWithCaptures(best.match, scopes, top?.rule.endCaptures);
      stack.pop();
    } else if (best.rule.begin) {
      const inner = best.rule.name ? [...scopes, best.rule.name] : scopes;
      emitWithCaptures(best.match, inner, best.rule.beginCaptures);
      stack.push({ rule: best.rule, scopes: inner });
    } else {
      const named = best.rule.name ? [...scopes, best.rule.name] : scopes;
      emitWithCaptures(best.match, named, best.rule.captures);
    }
    const matchEnd = best.index + best.match[0].length;
    // An empty match of an ordinary pattern would stop the scan where it is; an empty end pops a rule instead.
    position = best.match[0].length === 0 && best.rule !== 'end' ? best.index + 1 : matchEnd;
  }
  return tokens;
}

/** The scopes of the first token whose text is exactly `text`. */
export function scopesOf(tokens: readonly Token[], text: string): string[] {
  const token = tokens.find((candidate) => candidate.text === text);
  if (!token) throw new Error(`no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}
