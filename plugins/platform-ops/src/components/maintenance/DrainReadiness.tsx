import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { MaintenanceSection } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { Field } from '../shared/Field';
import { Freshness } from '../shared/Freshness';
import { StatusLine } from '../shared/StatusLine';
import {
  describeDrain,
  describeDrainBriefly,
  describeHeadroom,
  NO_WORKLOADS_NAMED,
  urgentDrains,
} from './describeDrain';

/**
 * One warning per environment whose window is in progress or less than
 * seven days away while the component is not drain-ready, for the top of
 * the card.
 */
export function DrainReadinessAlerts(props: {
  maintenance: MaintenanceSection;
  now?: DateTime;
}) {
  const urgent = urgentDrains(props.maintenance, props.now ?? DateTime.now());
  return (
    <>
      {urgent.map(({ environment, text }) => (
        <Box key={environment} mb={1}>
          <Alert severity="warning" data-drain-alert={environment}>
            {text}
          </Alert>
        </Box>
      ))}
    </>
  );
}

/**
 * Whether draining a node takes the component down, per environment: each
 * failed check with its fix and the workload it is about, weaker passes,
 * what passed, the cluster's headroom and how old the data is.
 */
export function DrainReadinessDetails(props: {
  maintenance: MaintenanceSection;
  now?: DateTime;
}) {
  const { maintenance } = props;
  const now = props.now ?? DateTime.now();
  const all = maintenance.drainReadiness ?? [];
  if (all.length === 0) return null;
  const selection = maintenance.workloadSelection;
  return (
    <section aria-label="Drain readiness">
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Drain readiness
      </Typography>
      {/* Without a selection every environment says the same: say it once. */}
      {!selection && (
        <StatusLine status="warning">{NO_WORKLOADS_NAMED}</StatusLine>
      )}
      {(selection ? all : []).map(readiness => {
        const { headline, lines } = describeDrain(readiness, selection, now);
        const headroom = describeHeadroom(readiness);
        return (
          <Box
            component="section"
            key={readiness.environment}
            aria-label={`Drain readiness in ${readiness.environment}`}
            data-drain-state={readiness.state}
            mb={1}
          >
            <Field label={readiness.environment}>
              <StatusLine status={headline.status} inline>
                {headline.text}
              </StatusLine>
            </Field>
            {lines.map(line => (
              <StatusLine key={line.text} status={line.status}>
                {line.text}
              </StatusLine>
            ))}
            {headroom && (
              <StatusLine status={headroom.status}>{headroom.text}</StatusLine>
            )}
            {readiness.fresh && (
              <Typography variant="caption" color="textSecondary">
                Cluster data <Freshness fetchedAt={readiness.fetchedAt} />
              </Typography>
            )}
          </Box>
        );
      })}
    </section>
  );
}

/**
 * Drain readiness in the overview card: one line per environment, the
 * clusters short of headroom, and the urgent windows.
 */
export function DrainReadinessSummary(props: {
  maintenance: MaintenanceSection;
  now?: DateTime;
}) {
  const { maintenance } = props;
  const now = props.now ?? DateTime.now();
  const all = maintenance.drainReadiness ?? [];
  if (all.length === 0) return null;
  const selection = maintenance.workloadSelection;
  const urgent = urgentDrains(maintenance, now);
  const short = all
    .map(describeHeadroom)
    .filter(headroom => headroom?.status === 'warning');
  return (
    <Field label="Drain">
      {urgent.map(({ environment, text }) => (
        <StatusLine key={environment} status="error">
          {text}
        </StatusLine>
      ))}
      {selection ? (
        all.map(readiness => {
          const line = describeDrainBriefly(readiness, selection, now);
          return (
            <StatusLine key={readiness.environment} status={line.status}>
              {line.text}
            </StatusLine>
          );
        })
      ) : (
        <StatusLine status="warning">{NO_WORKLOADS_NAMED}</StatusLine>
      )}
      {short.map(headroom => (
        <StatusLine key={headroom!.text} status="warning">
          {headroom!.text}
        </StatusLine>
      ))}
    </Field>
  );
}
