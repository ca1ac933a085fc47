import {
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_RELEASE,
} from '../annotations';
import { Parsed, problem } from '../problems';
import { parseEnvironmentMap } from '../values/environmentMap';
import { parseName } from '../values/names';

/**
 * Parses `platform-ops/maintenance-window`
 * (`production=prod-monthly, staging=staging-monthly`). Whether the windows
 * exist is checked against config.
 *
 * @public
 */
export function parseMaintenanceWindowAnnotation(text: string) {
  return parseEnvironmentMap(ANNOTATION_MAINTENANCE_WINDOW, text, parseName);
}

/**
 * A product and its release cycle, as used by end-of-life data.
 *
 * @public
 */
export type Release = { product: string; cycle: string };

/**
 * Parses `platform-ops/release` (`kubernetes@1.31`).
 *
 * @public
 */
export function parseReleaseAnnotation(text: string): Parsed<Release> {
  const match = /^([a-z0-9][a-z0-9._-]*)@([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(
    text.trim(),
  );
  if (!match) {
    return {
      value: undefined,
      problems: [
        problem(
          ANNOTATION_RELEASE,
          text,
          'PRODUCT@CYCLE such as kubernetes@1.31',
        ),
      ],
    };
  }
  return { value: { product: match[1], cycle: match[2] }, problems: [] };
}

/**
 * The annotations of the maintenance aspect.
 *
 * @public
 */
export const MAINTENANCE_ANNOTATIONS: readonly string[] = [
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_RELEASE,
];

/**
 * The parsed annotations of the maintenance aspect.
 *
 * @public
 */
export type MaintenanceAnnotations = {
  maintenanceWindow?: Record<string, string>;
  release?: Release;
};
