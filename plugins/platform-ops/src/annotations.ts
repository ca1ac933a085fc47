import { Entity } from '@backstage/catalog-model';
import { hasPlatformOpsAnnotations } from '@platform-ops/plugin-platform-ops-common';

export {
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_ALERT_MATCHERS,
  ANNOTATION_AUDITS,
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_BACKUP_PROTECTION,
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_SOURCE,
  ANNOTATION_ENVIRONMENTS,
  ANNOTATION_ESCALATION,
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_PREFIX,
  ANNOTATION_RELEASE,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
} from '@platform-ops/plugin-platform-ops-common';

/**
 * Whether an entity carries any `platform-ops/` annotation, for use in an
 * `EntitySwitch.Case` around the Platform Ops cards.
 *
 * @public
 */
export function isPlatformOpsAvailable(entity: Entity): boolean {
  return hasPlatformOpsAnnotations(entity);
}
