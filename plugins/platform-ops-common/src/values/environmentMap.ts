import { Parsed, problem, Problem } from '../problems';
import { parseKeyValueList } from './list';
import { isValidName, NAME_EXPECTATION } from './names';

/**
 * Parses `environment=value` lists such as `production=P1, staging=P2`,
 * checking each environment name and handing each value to `parseValue`.
 * Good entries are kept even when others are bad.
 *
 * @public
 */
export function parseEnvironmentMap<T>(
  key: string,
  text: string,
  parseValue: (key: string, text: string) => Parsed<T>,
): Parsed<Record<string, T>> {
  const pairs = parseKeyValueList(key, text);
  const problems: Problem[] = [...pairs.problems];
  if (!pairs.value) return { value: undefined, problems };
  const result: Record<string, T> = {};
  for (const [environment, rawValue] of pairs.value) {
    if (!isValidName(environment)) {
      problems.push(
        problem(
          key,
          `${environment}=${rawValue}`,
          `an environment that is ${NAME_EXPECTATION}`,
        ),
      );
      continue;
    }
    const parsed = parseValue(key, rawValue);
    problems.push(...parsed.problems);
    if (parsed.value !== undefined) result[environment] = parsed.value;
  }
  return { value: result, problems };
}

/**
 * One problem per environment in an `environment=value` annotation that the
 * component does not run in; such entries are ignored.
 *
 * @public
 */
export function unknownEnvironmentProblems(
  key: string,
  map: Record<string, unknown> | undefined,
  environments: string[],
): Problem[] {
  return Object.entries(map ?? {})
    .filter(([environment]) => !environments.includes(environment))
    .map(([environment, value]) =>
      problem(
        key,
        `${environment}=${value}`,
        `one of this component's environments (${environments.join(', ')})`,
      ),
    );
}
