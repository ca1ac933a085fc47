import { ANNOTATION_MAINTENANCE_WINDOW } from '../annotations';
import { problem, Problem } from '../problems';
import { SectionInput, SectionResult } from '../types';
import { unknownEnvironmentProblems } from '../values/environmentMap';
import { sourced, Sourced } from '../values/sourced';
import { MaintenanceAnnotations } from './annotations';
import { endOfLifeOf } from './endOfLife';
import { workloadSelectionOf } from './workloadSelection';
import { MaintenanceSection } from './types';
import {
  currentAndNextWindow,
  environmentWindows,
  skewWarnings,
} from './windows';

/** How many months ahead the skew of the windows is checked. */
const SKEW_MONTHS = 3;

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
    // Own keys only: a window named `constructor` is not configured.
    if (annotated && !known.includes(annotated)) {
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
  const { now, config: settings, windows: shared } = input;
  const selection = workloadSelectionOf(input.entity);
  problems.push(...selection.problems);
  const ordered = environmentWindows(
    settings,
    Object.fromEntries(
      Object.entries(windows).map(([environment, { value }]) => [
        environment,
        value,
      ]),
    ),
  );
  return {
    section: {
      windows,
      release: annotations.release,
      occurrences: Object.fromEntries(
        ordered.map(({ environment, name, window }) => [
          environment,
          shared
            ? shared.currentAndNext(name, window, now)
            : currentAndNextWindow(name, window, now),
        ]),
      ),
      endOfLife: annotations.release
        ? endOfLifeOf(annotations.release, settings, now)
        : undefined,
      skew: shared
        ? shared.skew(ordered, { from: now, months: SKEW_MONTHS })
        : skewWarnings(ordered, { from: now, months: SKEW_MONTHS }),
      // The live part is filled by the backend from the announced changes
      // and the clusters.
      changes: [],
      workloadSelection: selection.value,
      drainReadiness: [],
    },
    problems,
  };
}
