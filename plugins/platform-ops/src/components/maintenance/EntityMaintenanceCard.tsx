import {
  ANNOTATION_MAINTENANCE_WINDOW,
  problemsOfAspect,
} from '@platform-ops/plugin-platform-ops-common';
import { EntitySummaryCardFrame } from '../shared/EntitySummaryCardFrame';
import { ProblemsPanel } from '../shared/ProblemsPanel';
import { MaintenanceDetails } from './MaintenanceDetails';

/**
 * The entity's maintenance: the next window per environment in the
 * window's zone and the viewer's, with a countdown; skew warnings; the
 * release's end of life; and the changes coming up, own and through the
 * components it depends on.
 */
export function EntityMaintenanceCard() {
  return (
    <EntitySummaryCardFrame
      title="Maintenance"
      annotation={ANNOTATION_MAINTENANCE_WINDOW}
      render={summary => {
        // Only the maintenance problems: the other aspects have their cards.
        const problems = problemsOfAspect(summary.problems, 'maintenance');
        return (
          <>
            <ProblemsPanel problems={problems} />
            <MaintenanceDetails
              maintenance={summary.maintenance}
              problems={problems}
            />
          </>
        );
      }}
    />
  );
}
