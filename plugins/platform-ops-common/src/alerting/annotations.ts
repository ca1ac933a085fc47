import {
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_ALERT_MATCHERS,
  ANNOTATION_ENVIRONMENTS,
} from '../annotations';
import { Parsed, problem, Problem } from '../problems';
import { AlertMatcher } from './matchers';
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
      problems.push(
        problem(ANNOTATION_ENVIRONMENTS, item, `"${item}" only once`),
      );
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

/**
 * The annotations of the alerting aspect. `platform-ops/environments` is
 * here because the levels per environment are where it shows first.
 *
 * @public
 */
export const ALERTING_ANNOTATIONS: readonly string[] = [
  ANNOTATION_ENVIRONMENTS,
  ANNOTATION_ALERT_MATCHERS,
  ANNOTATION_ALERT_LEVELS,
];

/**
 * The parsed annotations of the alerting aspect.
 *
 * @public
 */
export type AlertingAnnotations = {
  environments?: string[];
  alertMatchers?: AlertMatcher[];
  alertLevels?: Record<string, AlertLevel>;
};
