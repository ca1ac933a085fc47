import {
  ANNOTATION_SCOPE,
  problemsOfAspect,
} from '@platform-ops/plugin-platform-ops-common';
import { EntitySummaryCardFrame } from '../shared/EntitySummaryCardFrame';
import { ProblemsPanel } from '../shared/ProblemsPanel';
import { ScopeDetails } from './ScopeDetails';

/**
 * Which side of the platform team's fence the entity is on, who is
 * accountable, whom to escalate to, its audits and its runbook.
 */
export function EntityScopeCard() {
  return (
    <EntitySummaryCardFrame
      title="Scope"
      annotation={ANNOTATION_SCOPE}
      render={summary => {
        // Only the scope's own problems: the other aspects have their cards.
        const problems = problemsOfAspect(summary.problems, 'scope');
        return (
          <>
            <ProblemsPanel problems={problems} />
            <ScopeDetails
              scope={summary.scope}
              problems={problems}
              variant="full"
            />
          </>
        );
      }}
    />
  );
}
