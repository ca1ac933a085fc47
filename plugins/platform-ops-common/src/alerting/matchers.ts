import { RE2JS } from 're2js';
import { ANNOTATION_ALERT_MATCHERS } from '../annotations';
import { Parsed, problem } from '../problems';

/**
 * Alertmanager matcher operators: equal, not equal, regex match and regex
 * non-match.
 *
 * @public
 */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

/**
 * One label matcher, as in Alertmanager's `{name="value"}` syntax.
 *
 * @public
 */
export type AlertMatcher = {
  name: string;
  operator: MatchOperator;
  value: string;
};

const OPERATORS: readonly MatchOperator[] = ['=~', '!~', '!=', '='];
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const EXPECTED =
  'Alertmanager matchers such as {namespace="ingress-nginx", app=~"ingress.*"} (operators =, !=, =~, !~)';

class MatcherSyntaxError extends Error {}

/**
 * A compiled matcher regex. Only `test` is needed, and it runs in time
 * linear in the label's length.
 *
 * @public
 */
export type MatcherRegex = { test(value: string): boolean };

/**
 * Compiles a matcher's regex the way Alertmanager does: RE2 syntax, anchored
 * at both ends as `^(?:pattern)$`. RE2 runs in linear time, so no
 * annotation can stall the backend with a backtracking pattern; lookahead
 * and backreferences are rejected, as Alertmanager rejects them. Throws on
 * an invalid pattern.
 *
 * @public
 */
export function compileMatcherRegex(pattern: string): MatcherRegex {
  // Compiled alone first, so that a pattern such as `x)|(.*` cannot escape
  // the anchors added around it.
  RE2JS.compile(pattern);
  return RE2JS.compile(`^(?:${pattern})$`);
}

/**
 * Whether a matcher accepts a label value; a missing label counts as the
 * empty string, as in Alertmanager.
 *
 * @public
 */
export function matcherAccepts(
  matcher: AlertMatcher,
  value: string | undefined,
  regex?: MatcherRegex,
): boolean {
  const actual = value ?? '';
  switch (matcher.operator) {
    case '=':
      return actual === matcher.value;
    case '!=':
      return actual !== matcher.value;
    case '=~':
      return (regex ?? compileMatcherRegex(matcher.value)).test(actual);
    case '!~':
      return !(regex ?? compileMatcherRegex(matcher.value)).test(actual);
    default:
      return false;
  }
}

/**
 * Writes matchers back in Alertmanager's own syntax, quoting every value,
 * so that {@link parseAlertMatchers} reads the same matchers back.
 *
 * @public
 */
export function formatMatchers(matchers: AlertMatcher[]): string {
  const parts = matchers.map(
    matcher =>
      `${labelName(matcher.name)}${matcher.operator}${quote(matcher.value)}`,
  );
  return `{${parts.join(', ')}}`;
}

/** A label name as written: bare when it is a plain one, else quoted. */
function labelName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quote(name);
}

/** A double-quoted value with only the escapes the parser knows. */
function quote(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
  return `"${escaped}"`;
}

class MatcherReader {
  private position = 0;

  constructor(private readonly input: string) {}

  readAll(): AlertMatcher[] {
    const matchers: AlertMatcher[] = [];
    this.skipSpace();
    while (this.position < this.input.length) {
      matchers.push(this.readMatcher());
      this.skipSpace();
      if (this.position >= this.input.length) break;
      this.expect(',');
      this.skipSpace();
    }
    return matchers;
  }

  private readMatcher(): AlertMatcher {
    const name = this.peek() === '"' ? this.readQuoted() : this.readLabelName();
    if (name === '') this.fail('a non-empty label name');
    this.skipSpace();
    const operator = OPERATORS.find(op =>
      this.input.startsWith(op, this.position),
    );
    if (!operator) this.fail('an operator (=, !=, =~, !~)');
    this.position += operator!.length;
    this.skipSpace();
    const value =
      this.peek() === '"' ? this.readQuoted() : this.readBareValue();
    return { name, operator: operator!, value };
  }

  private readLabelName(): string {
    const match = LABEL_NAME.exec(this.input.slice(this.position));
    if (!match) this.fail('a label name');
    this.position += match![0].length;
    return match![0];
  }

  private readBareValue(): string {
    const start = this.position;
    while (
      this.position < this.input.length &&
      this.input[this.position] !== ','
    ) {
      const char = this.input[this.position];
      if ('"{}=~!'.includes(char)) this.fail('a value in double quotes');
      this.position += 1;
    }
    const value = this.input.slice(start, this.position).trim();
    if (value === '') this.fail('a value');
    // Alertmanager ends a bare value at the first space; taking the rest
    // silently would match something other than what was meant.
    if (/\s/.test(value)) {
      this.position = start + this.input.slice(start).search(/\S\s/) + 1;
      this.fail('a value in double quotes when it contains spaces');
    }
    return value;
  }

  private readQuoted(): string {
    this.position += 1;
    let value = '';
    while (this.position < this.input.length) {
      const char = this.input[this.position];
      if (char === '"') {
        this.position += 1;
        return value;
      }
      if (char === '\\') {
        const next = this.input[this.position + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else this.fail('an escape \\\\, \\" or \\n');
        this.position += 2;
        continue;
      }
      value += char;
      this.position += 1;
    }
    return this.fail('a closing double quote');
  }

  private expect(char: string) {
    if (this.peek() !== char) this.fail(`"${char}" between matchers`);
    this.position += 1;
  }

  private peek(): string | undefined {
    return this.input[this.position];
  }

  private skipSpace() {
    while (/\s/.test(this.input[this.position] ?? '')) this.position += 1;
  }

  private fail(what: string): never {
    const rest = this.input.slice(this.position) || 'the end';
    throw new MatcherSyntaxError(`${what} at "${rest}"`);
  }
}

/**
 * Parses Alertmanager matcher syntax, with or without braces:
 * `{namespace="ingress-nginx", app=~"ingress-.*"}`. A set with any problem
 * yields no matchers at all, so a typo never widens what a component claims.
 * At least one matcher must require a non-empty label value, the rule
 * Alertmanager applies to silences; otherwise the set would claim nearly
 * every alert.
 *
 * @public
 */
export function parseAlertMatchers(
  text: string,
  key: string = ANNOTATION_ALERT_MATCHERS,
): Parsed<AlertMatcher[]> {
  let body = text.trim();
  const opens = body.startsWith('{');
  const closes = body.endsWith('}');
  if (opens !== closes) {
    return {
      value: undefined,
      problems: [
        problem(key, text, `${EXPECTED}, with both braces or neither`),
      ],
    };
  }
  if (opens) body = body.slice(1, -1);
  let matchers: AlertMatcher[];
  try {
    matchers = new MatcherReader(body).readAll();
  } catch (error) {
    if (!(error instanceof MatcherSyntaxError)) throw error;
    return {
      value: undefined,
      problems: [problem(key, text, `${EXPECTED}; missing ${error.message}`)],
    };
  }
  if (matchers.length === 0) {
    return {
      value: undefined,
      problems: [problem(key, text, `at least one matcher: ${EXPECTED}`)],
    };
  }
  for (const matcher of matchers) {
    if (matcher.operator === '=~' || matcher.operator === '!~') {
      try {
        compileMatcherRegex(matcher.value);
      } catch (error) {
        const reason = (error as Error).message.replace(
          /^error parsing regexp: /,
          '',
        );
        return {
          value: undefined,
          problems: [
            problem(
              key,
              text,
              `a valid regular expression for ${matcher.name} in RE2 syntax, as Alertmanager uses (no lookahead or backreferences); "${matcher.value}" has ${reason}`,
            ),
          ],
        };
      }
    }
  }
  if (matchers.every(matcher => matcherAccepts(matcher, ''))) {
    return {
      value: undefined,
      problems: [
        problem(
          key,
          text,
          'at least one matcher that requires a non-empty label value, such as namespace="ingress-nginx"',
        ),
      ],
    };
  }
  return { value: matchers, problems: [] };
}
