/**
 * A precise description of why a value could not be used: the key it came
 * from, the text as written and what was expected instead.
 *
 * @public
 */
export type Problem = {
  /** Annotation key or config path the bad value came from. */
  key: string;
  /** The offending text, as written. */
  value: string;
  /** What would have been accepted. */
  expected: string;
  /** One sentence for people, combining the three above. */
  message: string;
};

/**
 * The result of parsing one value: what could be understood, plus every
 * problem found. Parsers return this and never throw.
 *
 * @public
 */
export type Parsed<T> = {
  value: T | undefined;
  problems: Problem[];
};

/**
 * Builds a {@link Problem} with a message naming the key, the text and the
 * expectation.
 *
 * @public
 */
export function problem(key: string, value: string, expected: string): Problem {
  const shown = value.length > 120 ? `${value.slice(0, 117)}...` : value;
  return {
    key,
    value,
    expected,
    message: `${key}: "${shown}" is not valid; expected ${expected}.`,
  };
}
