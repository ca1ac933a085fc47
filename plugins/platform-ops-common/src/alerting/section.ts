import { ANNOTATION_ALERT_LEVELS } from '../annotations';
import { SectionInput, SectionResult } from '../types';
import { unknownEnvironmentProblems } from '../values/environmentMap';
import { AlertLevel } from '../values/level';
import { sourced, Sourced } from '../values/sourced';
import { AlertingAnnotations } from './annotations';
import { emptyCounts } from './liveAlerts';
import { AlertingSection } from './types';

/**
 * Builds the alerting section: the level a failure gets in each of the
 * component's environments and the matchers for its live alerts. The live
 * part (alerts, counts, heartbeats) starts empty and untrusted; the backend
 * fills it from its sources.
 *
 * @public
 */
export function alertingSection(
  input: SectionInput<AlertingAnnotations>,
): SectionResult<AlertingSection> {
  const { annotations, environments, config } = input;
  const levels: Record<string, Sourced<AlertLevel>> = {};
  for (const environment of environments) {
    const annotated = annotations.alertLevels?.[environment];
    const fallback = config.alerting.defaultLevels[environment] as
      | AlertLevel
      | undefined;
    if (annotated ?? fallback) {
      levels[environment] = sourced(annotated, fallback as AlertLevel);
    }
  }
  return {
    section: {
      environments,
      levels,
      matchers: annotations.alertMatchers ?? [],
      alerts: [],
      counts: emptyCounts(),
      status: [],
      trustworthy: false,
    },
    problems: unknownEnvironmentProblems(
      ANNOTATION_ALERT_LEVELS,
      annotations.alertLevels,
      environments,
    ),
  };
}
