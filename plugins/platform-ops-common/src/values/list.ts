import { Parsed, problem, Problem } from '../problems';

/**
 * Splits a comma-separated annotation value into trimmed items. Empty items
 * (`a,,b` or a trailing comma) are reported, not silently dropped.
 *
 * @public
 */
export function parseList(key: string, text: string): Parsed<string[]> {
  const problems: Problem[] = [];
  if (text.trim() === '') {
    return {
      value: undefined,
      problems: [
        problem(key, text, 'a comma-separated list with at least one item'),
      ],
    };
  }
  const items = text.split(',').map(item => item.trim());
  if (items.some(item => item === '')) {
    problems.push(
      problem(key, text, 'a comma-separated list without empty items'),
    );
  }
  return { value: items.filter(item => item !== ''), problems };
}

/**
 * Parses `key=value, key=value` lists. Each item is split on its first `=`,
 * so values may themselves contain `=`. Duplicate keys are reported and the
 * first one wins.
 *
 * @public
 */
export function parseKeyValueList(
  key: string,
  text: string,
): Parsed<Array<[string, string]>> {
  const list = parseList(key, text);
  const problems = [...list.problems];
  if (!list.value) return { value: undefined, problems };
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const item of list.value) {
    const separator = item.indexOf('=');
    const name = separator === -1 ? '' : item.slice(0, separator).trim();
    const value = separator === -1 ? '' : item.slice(separator + 1).trim();
    if (!name || !value) {
      problems.push(problem(key, item, 'an item of the form name=value'));
      continue;
    }
    if (seen.has(name)) {
      problems.push(problem(key, item, `"${name}" only once`));
      continue;
    }
    seen.add(name);
    pairs.push([name, value]);
  }
  return { value: pairs, problems };
}
