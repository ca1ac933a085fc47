import Box from '@material-ui/core/Box';
import { Alert } from '@material-ui/lab';
import { EnvironmentAlertingStatus } from '@platform-ops/plugin-platform-ops-common';
import { Freshness } from '../shared/Freshness';

function message(status: EnvironmentAlertingStatus) {
  const { environment, heartbeatAlertname } = status;
  switch (status.heartbeat) {
    case 'missing':
      return (
        <>
          <strong>
            No {heartbeatAlertname} heartbeat in {environment}.
          </strong>{' '}
          Alertmanager answers, but the always-firing {heartbeatAlertname} alert
          is missing, so alerts may not reach it: the alert counts for{' '}
          {environment} cannot be trusted.
        </>
      );
    case 'unreachable':
      return status.lastError ? (
        <>
          <strong>Alertmanager for {environment} is unreachable.</strong>{' '}
          {status.lastError}. Showing the last known alerts,{' '}
          <Freshness fetchedAt={status.fetchedAt} />: they cannot be trusted.
        </>
      ) : (
        <>
          <strong>No fresh data from Alertmanager for {environment}.</strong>{' '}
          The last poll that succeeded was{' '}
          <Freshness fetchedAt={status.fetchedAt} />; polling may have stopped,
          so these alerts cannot be trusted.
        </>
      );
    case 'unconfigured':
      return (
        <>
          <strong>No Alertmanager is configured for {environment}</strong>, so
          its live alerts are unknown. Add <code>alertmanager.baseUrl</code> to
          that environment in <code>platformOps.environments</code>.
        </>
      );
    default:
      return null;
  }
}

/**
 * One banner per environment whose heartbeat is not ok: without it, "no
 * alerts" means nothing.
 */
export function HeartbeatBanner(props: {
  status: EnvironmentAlertingStatus[];
}) {
  const untrusted = props.status.filter(entry => entry.heartbeat !== 'ok');
  if (untrusted.length === 0) return null;
  return (
    <Box display="flex" flexDirection="column" gridGap={8} mb={2}>
      {untrusted.map(status => (
        <Alert
          key={status.environment}
          severity={status.heartbeat === 'unreachable' ? 'error' : 'warning'}
          role="alert"
        >
          {message(status)}
        </Alert>
      ))}
    </Box>
  );
}
