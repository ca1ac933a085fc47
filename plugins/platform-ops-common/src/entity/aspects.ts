import { ALERTING_ANNOTATIONS } from '../alerting/annotations';
import { BACKUPS_ANNOTATIONS } from '../backups/annotations';
import { MAINTENANCE_ANNOTATIONS } from '../maintenance/annotations';
import { Problem } from '../problems';
import { SCOPE_ANNOTATIONS } from '../scope/annotations';
import {
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR,
  KUBERNETES_NAMESPACE,
} from '../maintenance/workloadSelection';

/**
 * The four aspects of a component that the suite shows.
 *
 * @public
 */
export type Aspect = 'scope' | 'alerting' | 'backups' | 'maintenance';

/**
 * The annotation keys of each aspect. A key belongs to exactly one aspect;
 * an unknown `platform-ops/` key belongs to none.
 *
 * @public
 */
export const ASPECT_ANNOTATIONS: Readonly<Record<Aspect, readonly string[]>> = {
  scope: SCOPE_ANNOTATIONS,
  alerting: ALERTING_ANNOTATIONS,
  backups: BACKUPS_ANNOTATIONS,
  maintenance: MAINTENANCE_ANNOTATIONS,
};

/**
 * Annotations of other plugins that an aspect reads: Backstage's own
 * Kubernetes annotations name the workloads whose drain readiness
 * maintenance shows.
 *
 * @public
 */
export const BORROWED_ANNOTATIONS: Readonly<Record<Aspect, readonly string[]>> =
  {
    scope: [],
    alerting: [],
    backups: [],
    maintenance: [
      KUBERNETES_ID,
      KUBERNETES_LABEL_SELECTOR,
      KUBERNETES_NAMESPACE,
    ],
  };

/**
 * The problems that belong to one aspect, for the card that shows it.
 *
 * @public
 */
export function problemsOfAspect(
  problems: Problem[],
  aspect: Aspect,
): Problem[] {
  const keys = [...ASPECT_ANNOTATIONS[aspect], ...BORROWED_ANNOTATIONS[aspect]];
  return problems.filter(item => keys.includes(item.key));
}
