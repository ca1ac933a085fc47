import { Parsed, problem } from '../problems';

const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Expectation text for names of environments, parties and windows.
 *
 * @public
 */
export const NAME_EXPECTATION =
  'a lowercase name of letters, digits and dashes, such as "production"';

/**
 * Whether a text is a valid name for an environment, party or window:
 * lowercase letters, digits and inner dashes, at most 63 characters.
 *
 * @public
 */
export function isValidName(text: string): boolean {
  return NAME_PATTERN.test(text);
}

/**
 * Parses a single name, such as a party or an environment.
 *
 * @public
 */
export function parseName(key: string, text: string): Parsed<string> {
  const trimmed = text.trim();
  if (!isValidName(trimmed)) {
    return {
      value: undefined,
      problems: [problem(key, text, NAME_EXPECTATION)],
    };
  }
  return { value: trimmed, problems: [] };
}
