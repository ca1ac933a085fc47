import { ANNOTATION_MAINTENANCE_WINDOW } from '../annotations';
import { problem, Problem } from '../problems';
import { SectionInput, SectionResult } from '../types';
import { unknownEnvironmentProblems } from '../values/environmentMap';
import { sourced, Sourced } from '../values/sourced';
import { MaintenanceAnnotations } from './annotations';
import { MaintenanceSection } from './types';

/**
 * Builds the maintenance section: the window of each environment (the
 * annotation's, else the environment's default from config) and the
 * running release.
 *
 * @public
 */
export function maintenanceSection(
  input: SectionInput<MaintenanceAnnotations>,
): SectionResult<MaintenanceSection> {
  const { annotations, environments, config } = input;
  const problems: Problem[] = unknownEnvironmentProblems(
    ANNOTATION_MAINTENANCE_WINDOW,
    annotations.maintenanceWindow,
    environments,
  );
  const known = Object.keys(config.maintenance.windows);
  const windows: Record<string, Sourced<string>> = {};
  for (const environment of environments) {
    let annotated = annotations.maintenanceWindow?.[environment];
    const fallback = config.environments.find(
      entry => entry.name === environment,
    )?.maintenanceWindow;
    if (annotated && !config.maintenance.windows[annotated]) {
      problems.push(
        problem(
          ANNOTATION_MAINTENANCE_WINDOW,
          `${environment}=${annotated}`,
          `a window from config (${known.join(', ') || 'none configured'})`,
        ),
      );
      // The environment's configured window still applies.
      annotated = undefined;
    }
    if (annotated ?? fallback) {
      windows[environment] = sourced(annotated, fallback as string);
    }
  }
  return {
    section: { windows, release: annotations.release },
    problems,
  };
}
