import {
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_SCOPE,
} from '@platform-ops/plugin-platform-ops-common';
import { EntitySummaryCardFrame } from '../shared/EntitySummaryCardFrame';
import { OpsSummaryContent } from './OpsSummaryContent';

// The main key of each aspect, as a starting point for the platform team.
const MAIN_ANNOTATIONS = [
  ANNOTATION_SCOPE,
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_MAINTENANCE_WINDOW,
];

/**
 * Scope, alerting, backups and maintenance of the current entity at a
 * glance, with any problems found in its annotations.
 */
export function EntityPlatformOpsCard() {
  return (
    <EntitySummaryCardFrame
      title="Platform Ops"
      annotation={MAIN_ANNOTATIONS}
      render={summary => <OpsSummaryContent summary={summary} />}
    />
  );
}
