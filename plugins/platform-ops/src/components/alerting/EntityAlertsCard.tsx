import {
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_ALERT_MATCHERS,
} from '@platform-ops/plugin-platform-ops-common';
import { ProblemsPanel } from '../EntityPlatformOpsCard/ProblemsPanel';
import { SummaryCard } from '../SummaryCard';
import { AlertsSummary } from './AlertsSummary';

const ALERTING_KEYS = [ANNOTATION_ALERT_LEVELS, ANNOTATION_ALERT_MATCHERS];

/**
 * The entity's level per environment, its live alerts and whether they can
 * be trusted (the heartbeat of each environment).
 */
export function EntityAlertsCard() {
  return (
    <SummaryCard
      title="Alerts"
      annotation={ANNOTATION_ALERT_MATCHERS}
      render={summary => (
        <>
          <ProblemsPanel
            problems={summary.problems.filter(problem => ALERTING_KEYS.includes(problem.key))}
          />
          <AlertsSummary alerting={summary.alerting} />
        </>
      )}
    />
  );
}
