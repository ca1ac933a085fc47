import {
  ChangeClass,
  ComponentChange,
  MaintenanceSection,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { Field } from '../shared/Field';
import { StatusLine } from '../shared/StatusLine';
import { SummarySection } from '../shared/SummarySection';
import { shortNoticeText } from './describeChange';
import { DrainReadinessSummary } from './DrainReadiness';
import { EnvironmentWindows } from './EnvironmentWindows';
import { ReleaseStatus } from './MaintenanceDetails';

/** Each class in the singular and plural, the biggest first. */
const COUNTED: Array<[ChangeClass, string, string]> = [
  ['major', 'major update', 'major updates'],
  ['minor', 'minor update', 'minor updates'],
  ['security-patch', 'security patch', 'security patches'],
];

/**
 * "3 upcoming: 2 major updates, 1 security patch", the biggest class
 * first.
 */
export function changeCountText(changes: ComponentChange[]): string {
  const parts = COUNTED.flatMap(([changeClass, one, many]) => {
    const count = changes.filter(change => change.class === changeClass).length;
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
  return `${changes.length} upcoming: ${parts.join(', ')}`;
}

/**
 * The maintenance section of the overview card: the next window per
 * environment with its countdown, drain readiness per environment, how many
 * changes are coming (major first), and the release's end of life.
 */
export function MaintenanceSummary(props: {
  maintenance: MaintenanceSection;
  problems: Problem[];
  now?: DateTime;
}) {
  const { maintenance, problems, now } = props;
  const changes = maintenance.changes ?? [];
  const short = changes.filter(change => change.shortNotice);
  return (
    <SummarySection title="Maintenance">
      <EnvironmentWindows
        maintenance={maintenance}
        problems={problems}
        now={now}
        compact
      />
      <DrainReadinessSummary maintenance={maintenance} now={now} />
      <Field label="Changes">
        {changes.length === 0 ? 'none announced' : changeCountText(changes)}
        {short.length > 0 && (
          <StatusLine status="warning">
            {short.length === 1
              ? `${short[0].title}: ${shortNoticeText(short[0])}`
              : `${short.length} at short notice`}
          </StatusLine>
        )}
      </Field>
      <ReleaseStatus maintenance={maintenance} problems={problems} now={now} />
    </SummarySection>
  );
}
