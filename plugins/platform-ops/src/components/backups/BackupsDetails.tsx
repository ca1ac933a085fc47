import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_SOURCE,
  BackupsSection,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { StatusLine } from '../shared/StatusLine';
import { SummarySection } from '../shared/SummarySection';
import { BackupPolicy } from './BackupPolicy';
import { describeBackupSource } from './describeBackupSource';
import { describeDrillState, describeRto } from './describeDrill';
import { EnvironmentBackups } from './EnvironmentBackups';
import { ProtectionChecklist } from './ProtectionChecklist';

function Drills(props: { backups: BackupsSection }) {
  const { backups } = props;
  const rto = describeRto(backups);
  const drill =
    backups.drill &&
    describeDrillState(
      backups.drill.state,
      backups.drill.nextDue,
      backups.drill.interval,
    );
  return (
    <SummarySection title="Recovery drills">
      {rto && <StatusLine status={rto.status}>{rto.text}</StatusLine>}
      {drill && <StatusLine status={drill.status}>{drill.text}</StatusLine>}
    </SummarySection>
  );
}

function Undeclared(props: { problems: Problem[] }) {
  // An invalid annotation is already named in the Source field.
  if (props.problems.some(item => item.key === ANNOTATION_BACKUP_SOURCE)) {
    return null;
  }
  return (
    <Typography variant="body2" paragraph>
      Whether this component is backed up is not declared. Add{' '}
      <code>{ANNOTATION_BACKUP_SOURCE}</code>: <code>velero:schedule=NAME</code>
      , <code>velero:selector=LABEL=VALUE</code>, <code>push</code>, or{' '}
      <code>none</code> when nothing needs backing up.
    </Typography>
  );
}

/**
 * The backups aspect in full, as the backups card shows it: the policy and
 * source, each environment's backups against the policy, the drills with
 * the RTO they measured, and the protection checklist.
 */
export function BackupsDetails(props: {
  backups: BackupsSection;
  /** Problems of the entity's annotations; those of backup keys are named. */
  problems: Problem[];
  now?: DateTime;
}) {
  const { backups, problems, now } = props;
  const { source } = backups;
  return (
    <>
      <Field label="Policy">
        <BackupPolicy policy={backups.policy} />
      </Field>
      <Field label="Source">
        {source ? (
          describeBackupSource(source)
        ) : (
          <NotSet
            annotation={ANNOTATION_BACKUP_SOURCE}
            problems={problems}
            text="not declared"
          />
        )}
      </Field>
      {!source && <Undeclared problems={problems} />}
      {source?.type === 'none' && (
        <Typography variant="h6" component="p">
          Not backed up, on purpose
        </Typography>
      )}
      {source && source.type !== 'none' && (
        <>
          <Field label="Declared scope">
            {backups.scope.length > 0 ? (
              backups.scope
                .map(item => `${item.kind} ${item.target}`)
                .join(', ')
            ) : (
              <NotSet
                annotation={ANNOTATION_BACKUP_SCOPE}
                problems={problems}
                text="not declared, so nobody can check what is covered"
              />
            )}
          </Field>
          {backups.environments.length === 0 && (
            <Typography variant="body2" paragraph>
              No environment has reported backups yet.
            </Typography>
          )}
          {backups.environments.map(status => (
            <EnvironmentBackups
              key={status.environment}
              status={status}
              backups={backups}
              now={now}
            />
          ))}
          <Drills backups={backups} />
          <SummarySection title="Protection">
            <ProtectionChecklist backups={backups} />
          </SummarySection>
        </>
      )}
    </>
  );
}
