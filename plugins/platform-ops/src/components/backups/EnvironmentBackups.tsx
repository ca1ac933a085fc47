import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  BackupEnvironmentStatus,
  BackupRecord,
  BackupsSection,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { ageText, dayText } from '../shared/ageText';
import { Freshness } from '../shared/Freshness';
import { StatusLine } from '../shared/StatusLine';
import { describeRetention, describeRpo } from './describeRpo';

const PHASES: Record<string, string> = {
  Failed: 'Failed',
  PartiallyFailed: 'Partially failed',
  FailedValidation: 'Failed validation',
};

function Failure(props: { backup: BackupRecord }) {
  const { backup } = props;
  const at = backup.completedAt ?? backup.startedAt;
  return (
    <StatusLine status="error">
      {PHASES[backup.phase] ?? backup.phase}: backup {backup.name}
      {at && ` (${dayText(at)}, ${ageText(at)})`}:{' '}
      {backup.failureReason ?? 'no reason given'}
    </StatusLine>
  );
}

function Schedule(props: { status: BackupEnvironmentStatus; name?: string }) {
  const { status, name } = props;
  if (status.scheduleMissing) {
    return (
      <StatusLine status="error">
        Schedule {name} does not exist in {status.environment}: no backups are
        made for it
      </StatusLine>
    );
  }
  if (status.schedule?.paused) {
    return (
      <StatusLine status="warning">
        Schedule {status.schedule.name} is paused: it makes no backups
      </StatusLine>
    );
  }
  return null;
}

function Restore(props: { status: BackupEnvironmentStatus }) {
  const { lastRestore, sourceId } = props.status;
  if (lastRestore) {
    const at = lastRestore.completedAt;
    return (
      <StatusLine status="ok">
        Last proven restore{at && ` ${dayText(at)} (${ageText(at)})`}, from
        backup {lastRestore.backupName}
      </StatusLine>
    );
  }
  // Pushed reports carry backups only: a drill is what proves a restore.
  return (
    <StatusLine status="warning">
      No restore has been proven
      {sourceId === 'push' && ' (pushed reports do not carry restores)'}
    </StatusLine>
  );
}

function ScopeMismatch(props: { status: BackupEnvironmentStatus }) {
  const mismatch = props.status.scopeMismatch;
  if (!mismatch) return null;
  const { declaredNotCovered, coveredNotDeclared } = mismatch;
  if (declaredNotCovered.length === 0 && coveredNotDeclared.length === 0) {
    return (
      <StatusLine status="ok">
        What is declared is what the backups cover
      </StatusLine>
    );
  }
  return (
    <>
      {declaredNotCovered.length > 0 && (
        <StatusLine status="warning">
          Declared but not covered:{' '}
          {declaredNotCovered
            .map(item => `${item.kind} ${item.target}`)
            .join(', ')}
        </StatusLine>
      )}
      {coveredNotDeclared.length > 0 && (
        <StatusLine status="warning">
          Covered but not declared:{' '}
          {coveredNotDeclared
            .map(namespace => `namespace ${namespace}`)
            .join(', ')}
        </StatusLine>
      )}
    </>
  );
}

/**
 * A component's backups in one environment: the last good backup against
 * the RPO, the retention, failures with their reasons, the schedule and
 * storage locations, the last proven restore and the scope mismatches.
 */
export function EnvironmentBackups(props: {
  status: BackupEnvironmentStatus;
  backups: BackupsSection;
  now?: DateTime;
}) {
  const { status, backups } = props;
  const now = props.now ?? DateTime.now();
  const rpo = describeRpo(status, backups.policy.rpo.value, now);
  const retention = describeRetention(
    status,
    backups.policy.retention.value,
    now,
  );
  const scheduleName =
    backups.source?.type === 'velero' && 'schedule' in backups.source
      ? backups.source.schedule
      : undefined;
  return (
    <Box
      component="section"
      mb={2}
      aria-label={`Backups in ${status.environment}`}
    >
      <Typography variant="subtitle2" component="h4">
        {status.environment}
      </Typography>
      <StatusLine status={rpo.status}>{rpo.text}</StatusLine>
      <StatusLine status={retention.status}>{retention.text}</StatusLine>
      <Schedule status={status} name={scheduleName} />
      {status.storageLocations
        .filter(location => location.phase !== 'Available')
        .map(location => (
          <StatusLine key={location.name} status="error">
            Storage location {location.name} is{' '}
            {location.phase || 'not validated'}: every backup to it fails
            {location.message && ` (${location.message})`}
          </StatusLine>
        ))}
      {status.failures.map(backup => (
        <Failure key={backup.name} backup={backup} />
      ))}
      <Restore status={status} />
      <ScopeMismatch status={status} />
      <Typography variant="caption" component="div" color="textSecondary">
        {status.inProgress > 0 &&
          `${status.inProgress} in progress, not counted for the RPO · `}
        {status.sourceId},{' '}
        {status.fetchedAt || status.sourceId !== 'push' ? (
          <Freshness fetchedAt={status.fetchedAt} now={now} />
        ) : (
          'no report received yet'
        )}
      </Typography>
    </Box>
  );
}
