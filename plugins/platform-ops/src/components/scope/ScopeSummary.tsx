import {
  Problem,
  ScopeSection,
} from '@platform-ops/plugin-platform-ops-common';
import { SummarySection } from '../shared/SummarySection';
import { ScopeDetails } from './ScopeDetails';

/**
 * The scope section of the overview card: the scope card's view, kept short
 * (the escalation path and the audits on one line each).
 */
export function ScopeSummary(props: {
  scope: ScopeSection;
  problems: Problem[];
}) {
  return (
    <SummarySection title="Scope">
      <ScopeDetails
        scope={props.scope}
        problems={props.problems}
        variant="compact"
      />
    </SummarySection>
  );
}
