import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_RELEASE,
  MaintenanceSection,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { StatusLine } from '../shared/StatusLine';
import { ChangeSummaryLine } from './ChangeSummaryLine';
import { describeEndOfLife } from './describeEndOfLife';
import { DrainReadinessAlerts, DrainReadinessDetails } from './DrainReadiness';
import { EnvironmentWindows } from './EnvironmentWindows';

function Heading(props: { children: string }) {
  return (
    <Typography variant="subtitle2" component="h3" gutterBottom>
      {props.children}
    </Typography>
  );
}

/** The release and where it stands against its end of life. */
export function ReleaseStatus(props: {
  maintenance: MaintenanceSection;
  problems: Problem[];
  now?: DateTime;
}) {
  const { maintenance, problems, now } = props;
  const { release } = maintenance;
  const judged = describeEndOfLife(release, maintenance.endOfLife, now);
  return (
    <Field label="Release">
      {release ? (
        <>
          {release.product}@{release.cycle}{' '}
          {judged && (
            <StatusLine status={judged.status} inline>
              {judged.text}
            </StatusLine>
          )}
        </>
      ) : (
        <NotSet annotation={ANNOTATION_RELEASE} problems={problems} />
      )}
    </Field>
  );
}

/**
 * The maintenance card's content: the window per environment with the next
 * occurrence, skew warnings, drain readiness (a warning on top when a
 * window is near and the component is not drain-ready), the release's end
 * of life and the changes coming up, own and through dependencies.
 */
export function MaintenanceDetails(props: {
  maintenance: MaintenanceSection;
  problems: Problem[];
  now?: DateTime;
}) {
  const { maintenance, problems, now } = props;
  const skew = maintenance.skew ?? [];
  const changes = maintenance.changes ?? [];
  return (
    <>
      <DrainReadinessAlerts maintenance={maintenance} now={now} />
      <section aria-label="Windows">
        <Heading>Windows</Heading>
        <EnvironmentWindows
          maintenance={maintenance}
          problems={problems}
          now={now}
        />
        {skew.map(warning => (
          <StatusLine key={warning} status="warning">
            Not skewed as agreed: {warning}
          </StatusLine>
        ))}
      </section>
      <DrainReadinessDetails maintenance={maintenance} now={now} />
      <section aria-label="End of life">
        <Heading>End of life</Heading>
        <ReleaseStatus
          maintenance={maintenance}
          problems={problems}
          now={now}
        />
      </section>
      <section aria-label="Upcoming changes">
        <Heading>Upcoming changes</Heading>
        {changes.length === 0 ? (
          <Typography variant="body2">No change is announced.</Typography>
        ) : (
          changes.map(change => (
            <ChangeSummaryLine key={change.id} change={change} />
          ))
        )}
      </section>
    </>
  );
}
