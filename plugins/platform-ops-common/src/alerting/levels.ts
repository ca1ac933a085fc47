import { AlertLevel, isAlertLevel } from '../values/level';

/**
 * Why a live alert got its level.
 *
 * @public
 */
export type LevelSource = 'priority-label' | 'component' | 'severity' | 'none';

/**
 * Decides the level of a live alert:
 *
 * 1. its own `priority` label (`P1`-`P3`), if present;
 * 2. else the component's level for the alert's environment;
 * 3. else `severityLevels` mapped from its `severity` label.
 *
 * An alert none of these apply to has no level (`source: 'none'`).
 *
 * @public
 */
export function levelOfAlert(options: {
  labels: Record<string, string>;
  /** The matched component's level in the alert's environment, if any. */
  componentLevel?: AlertLevel;
  severityLevels: Record<string, string>;
}): { level?: AlertLevel; source: LevelSource } {
  const priority = options.labels.priority?.trim().toUpperCase();
  if (priority && isAlertLevel(priority)) {
    return { level: priority, source: 'priority-label' };
  }
  if (options.componentLevel) {
    return { level: options.componentLevel, source: 'component' };
  }
  const severity = options.labels.severity;
  const mapped =
    severity === undefined ? undefined : options.severityLevels[severity];
  if (mapped && isAlertLevel(mapped)) {
    return { level: mapped, source: 'severity' };
  }
  return { source: 'none' };
}
