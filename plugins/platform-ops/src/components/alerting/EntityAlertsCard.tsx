import {
  ANNOTATION_ALERT_MATCHERS,
  problemsOfAspect,
} from '@platform-ops/plugin-platform-ops-common';
import { EntitySummaryCardFrame } from '../shared/EntitySummaryCardFrame';
import { ProblemsPanel } from '../shared/ProblemsPanel';
import { AlertingDetails } from './AlertingDetails';

/**
 * The entity's level per environment, its live alerts and whether they can
 * be trusted (the heartbeat of each environment).
 */
export function EntityAlertsCard() {
  return (
    <EntitySummaryCardFrame
      title="Alerts"
      annotation={ANNOTATION_ALERT_MATCHERS}
      render={summary => (
        <>
          <ProblemsPanel
            problems={problemsOfAspect(summary.problems, 'alerting')}
          />
          <AlertingDetails alerting={summary.alerting} />
        </>
      )}
    />
  );
}
