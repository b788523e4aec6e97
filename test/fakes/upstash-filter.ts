/**
 * Upstash Vector's metadata filter language, as documented
 * (https://upstash.com/docs/vector/features/filtering), for the fake REST server: `=`, `!=`,
 * `<`, `<=`, `>`, `>=` (the last four on numbers only), `GLOB`, `IN`, `CONTAINS` (arrays),
 * their `NOT` forms, `HAS FIELD` / `HAS NOT FIELD`, `AND` binding tighter than `OR`,
 * parentheses, dotted keys, single- or double-quoted strings, and 1/0 for booleans.
 * Operators are case-insensitive. A key the metadata lacks makes its comparison false.
 */
export type Metadata = Record<string, unknown>;
export type FilterPredicate = (metadata: Metadata | undefined) => boolean;

export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';
}

type Token = { kind: 'ident' | 'string' | 'number' | 'op' | 'word' | 'punct'; text: string };

const TOKEN =
  /\s*(?:(?<string>'[^']*'|"[^"]*")|(?<number>-?\d+(?:\.\d+)?)(?![A-Za-z_])|(?<op><=|>=|!=|=|<|>)|(?<punct>[(),])|(?<ident>[A-Za-z_][A-Za-z_0-9.[\]#-]*))/y;
const WORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'CONTAINS', 'GLOB', 'HAS', 'FIELD']);

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    if (/^\s*$/.test(filter.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(filter);
    if (!match?.groups) throw new FilterSyntaxError(`unexpected character at ${at}: ${filter.slice(at, at + 10)}`);
    const g = match.groups;
    if (g.string !== undefined) tokens.push({ kind: 'string', text: g.string.slice(1, -1) });
    else if (g.number !== undefined) tokens.push({ kind: 'number', text: g.number });
    else if (g.op !== undefined) tokens.push({ kind: 'op', text: g.op });
    else if (g.punct !== undefined) tokens.push({ kind: 'punct', text: g.punct });
    else if (WORDS.has(g.ident!.toUpperCase())) tokens.push({ kind: 'word', text: g.ident!.toUpperCase() });
    else tokens.push({ kind: 'ident', text: g.ident! });
  }
  return tokens;
}

function lookup(metadata: Metadata | undefined, path: string): unknown {
  if (/[[\]#]/.test(path)) throw new FilterSyntaxError(`array accessors are not supported by the fake: ${path}`);
  let value: unknown = metadata;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in (value as Metadata))) return undefined;
    value = (value as Metadata)[key];
  }
  return value;
}

/** Booleans compare with the literals 1 and 0. */
const same = (value: unknown, literal: string | number) =>
  typeof value === 'boolean' ? (value ? 1 : 0) === literal : value === literal;

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) throw new FilterSyntaxError(`unclosed [ in glob ${glob}`);
      const body = glob.slice(i + 1, end);
      source += `[${body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterPredicate {
    const predicate = this.or();
    if (this.at < this.tokens.length) throw new FilterSyntaxError(`unexpected ${this.tokens[this.at]!.text}`);
    return predicate;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new FilterSyntaxError('the filter ends early');
    return token;
  }

  private accept(kind: Token['kind'], text?: string): boolean {
    const token = this.peek();
    if (token && token.kind === kind && (text === undefined || token.text === text)) {
      this.at++;
      return true;
    }
    return false;
  }

  private expect(kind: Token['kind'], text?: string): Token {
    const token = this.next();
    if (token.kind !== kind || (text !== undefined && token.text !== text)) {
      throw new FilterSyntaxError(`expected ${text ?? kind}, got ${token.text}`);
    }
    return token;
  }

  private or(): FilterPredicate {
    const parts = [this.and()];
    while (this.accept('word', 'OR')) parts.push(this.and());
    return parts.length === 1 ? parts[0]! : (m) => parts.some((p) => p(m));
  }

  private and(): FilterPredicate {
    const parts = [this.term()];
    while (this.accept('word', 'AND')) parts.push(this.term());
    return parts.length === 1 ? parts[0]! : (m) => parts.every((p) => p(m));
  }

  private value(): string | number {
    const token = this.next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    throw new FilterSyntaxError(`expected a literal, got ${token.text}`);
  }

  private term(): FilterPredicate {
    if (this.accept('punct', '(')) {
      const inner = this.or();
      this.expect('punct', ')');
      return inner;
    }
    if (this.accept('word', 'HAS')) {
      const negated = this.accept('word', 'NOT');
      this.expect('word', 'FIELD');
      const path = this.expect('ident').text;
      return (m) => (lookup(m, path) !== undefined) !== negated;
    }
    const path = this.expect('ident').text;
    const negated = this.accept('word', 'NOT');
    const token = this.next();
    if (token.kind === 'word' && token.text === 'IN') {
      this.expect('punct', '(');
      const values = [this.value()];
      while (this.accept('punct', ',')) values.push(this.value());
      this.expect('punct', ')');
      return (m) => {
        const v = lookup(m, path);
        return v !== undefined && values.some((x) => same(v, x)) !== negated;
      };
    }
    if (token.kind === 'word' && token.text === 'CONTAINS') {
      const wanted = this.value();
      return (m) => {
        const v = lookup(m, path);
        return Array.isArray(v) && v.some((x) => same(x, wanted)) !== negated;
      };
    }
    if (token.kind === 'word' && token.text === 'GLOB') {
      const pattern = globToRegExp(String(this.value()));
      return (m) => {
        const v = lookup(m, path);
        return typeof v === 'string' && pattern.test(v) !== negated;
      };
    }
    if (negated || token.kind !== 'op') throw new FilterSyntaxError(`unexpected ${token.text} after ${path}`);
    const wanted = this.value();
    const op = token.text;
    return (m) => {
      const v = lookup(m, path);
      if (v === undefined) return false;
      if (op === '=') return same(v, wanted);
      if (op === '!=') return !same(v, wanted);
      if (typeof v !== 'number' || typeof wanted !== 'number') return false;
      return op === '<' ? v < wanted : op === '<=' ? v <= wanted : op === '>' ? v > wanted : v >= wanted;
    };
  }
}

/** @throws FilterSyntaxError (the server answers 400). */
export function compileFilter(filter: string): FilterPredicate {
  if (!filter.trim()) return () => true;
  return new Parser(tokenize(filter)).parse();
}
