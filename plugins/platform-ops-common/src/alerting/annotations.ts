import { ANNOTATION_ALERT_LEVELS, ANNOTATION_ENVIRONMENTS } from '../annotations';
import { Parsed, problem, Problem } from '../problems';
import { parseEnvironmentMap } from '../values/environmentMap';
import { AlertLevel, parseAlertLevel } from '../values/level';
import { parseList } from '../values/list';
import { isValidName, NAME_EXPECTATION } from '../values/names';

/**
 * Parses `platform-ops/environments` (`staging, production`).
 *
 * @public
 */
export function parseEnvironmentsAnnotation(text: string): Parsed<string[]> {
  const list = parseList(ANNOTATION_ENVIRONMENTS, text);
  const problems: Problem[] = [...list.problems];
  if (!list.value) return { value: undefined, problems };
  const environments: string[] = [];
  for (const item of list.value) {
    if (!isValidName(item)) {
      problems.push(problem(ANNOTATION_ENVIRONMENTS, item, NAME_EXPECTATION));
    } else if (environments.includes(item)) {
      problems.push(problem(ANNOTATION_ENVIRONMENTS, item, `"${item}" only once`));
    } else {
      environments.push(item);
    }
  }
  return { value: environments, problems };
}

/**
 * Parses `platform-ops/alert-levels` (`production=P1, staging=P2`).
 *
 * @public
 */
export function parseAlertLevelsAnnotation(
  text: string,
): Parsed<Record<string, AlertLevel>> {
  return parseEnvironmentMap(ANNOTATION_ALERT_LEVELS, text, parseAlertLevel);
}
