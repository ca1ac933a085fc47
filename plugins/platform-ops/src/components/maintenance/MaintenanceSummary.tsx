import {
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_RELEASE,
  MaintenanceSection,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DefaultMark } from '../shared/DefaultMark';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { SummarySection } from '../shared/SummarySection';

/**
 * The maintenance section of the overview card: the maintenance window per
 * environment and the running release.
 */
export function MaintenanceSummary(props: {
  maintenance: MaintenanceSection;
  problems: Problem[];
}) {
  const { maintenance, problems } = props;
  const windows = Object.entries(maintenance.windows);
  const { release } = maintenance;
  return (
    <SummarySection title="Maintenance">
      {windows.length === 0 && (
        <Field label="Window">
          <NotSet
            annotation={ANNOTATION_MAINTENANCE_WINDOW}
            problems={problems}
          />
        </Field>
      )}
      {windows.map(([environment, assigned]) => (
        <Field key={environment} label={environment}>
          {assigned.value}
          <DefaultMark source={assigned.source} />
        </Field>
      ))}
      <Field label="Release">
        {release ? (
          `${release.product}@${release.cycle}`
        ) : (
          <NotSet annotation={ANNOTATION_RELEASE} problems={problems} />
        )}
      </Field>
    </SummarySection>
  );
}
