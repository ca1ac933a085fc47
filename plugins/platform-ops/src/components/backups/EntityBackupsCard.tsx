import {
  ANNOTATION_BACKUP_SOURCE,
  problemsOfAspect,
} from '@platform-ops/plugin-platform-ops-common';
import { EntitySummaryCardFrame } from '../shared/EntitySummaryCardFrame';
import { ProblemsPanel } from '../shared/ProblemsPanel';
import { BackupsDetails } from './BackupsDetails';

/**
 * The entity's backups: the last good backup against the RPO per
 * environment, retention, failures, schedule and storage health, the last
 * proven restore, scope mismatches, drills against the RTO and the
 * protection checklist.
 */
export function EntityBackupsCard() {
  return (
    <EntitySummaryCardFrame
      title="Backups"
      annotation={ANNOTATION_BACKUP_SOURCE}
      render={summary => {
        // Only the backups' own problems: the other aspects have their cards.
        const problems = problemsOfAspect(summary.problems, 'backups');
        return (
          <>
            <ProblemsPanel problems={problems} />
            <BackupsDetails backups={summary.backups} problems={problems} />
          </>
        );
      }}
    />
  );
}
