import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
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
import { describeRpo } from './describeRpo';

/** The worst environment's RPO sentence, named after the environment. */
function WorstRpo(props: { backups: BackupsSection; now?: DateTime }) {
  const { backups, now } = props;
  const worst = backups.environments.find(status => status.rpo === backups.rpo);
  if (!worst) return null;
  const rpo = describeRpo(worst, backups.policy.rpo.value, now);
  return (
    <Field label="Backups">
      <StatusLine status={rpo.status} inline>
        {worst.environment}: {rpo.text}
      </StatusLine>
    </Field>
  );
}

function Drills(props: { backups: BackupsSection }) {
  const { backups } = props;
  const rto = describeRto(backups);
  const { drill } = backups;
  if (!drill || !rto) return null;
  const due = describeDrillState(drill.state, drill.nextDue);
  return (
    <Field label="Drills">
      <StatusLine status={due.status} inline>
        {due.text}
      </StatusLine>{' '}
      <StatusLine status={rto.status} inline>
        {rto.text}
      </StatusLine>
    </Field>
  );
}

/**
 * The backups section of the overview card: the objectives, where the
 * status comes from, the worst environment's last good backup, the drills
 * and the protection gaps.
 */
export function BackupsSummary(props: {
  backups: BackupsSection;
  problems: Problem[];
  now?: DateTime;
}) {
  const { backups, problems, now } = props;
  const nothingBackedUp = backups.source?.type === 'none';
  return (
    <SummarySection title="Backups">
      <Field label="Policy">
        <BackupPolicy policy={backups.policy} />
      </Field>
      <Field label="Source">
        {backups.source ? (
          describeBackupSource(backups.source)
        ) : (
          <NotSet annotation={ANNOTATION_BACKUP_SOURCE} problems={problems} />
        )}
      </Field>
      <WorstRpo backups={backups} now={now} />
      <Drills backups={backups} />
      {!nothingBackedUp && (
        <Field label="Backed up">
          {backups.scope.length > 0 ? (
            backups.scope.map(item => `${item.kind} ${item.target}`).join(', ')
          ) : (
            <NotSet
              annotation={ANNOTATION_BACKUP_SCOPE}
              problems={problems}
              text="not declared"
            />
          )}
        </Field>
      )}
      {!nothingBackedUp && (
        <Field label="Protection">
          {backups.protection.length > 0
            ? backups.protection.join(', ')
            : 'none'}
        </Field>
      )}
      {backups.protectionGaps.length > 0 && (
        <Field label="Protection gaps">
          <Typography component="span" variant="body2">
            <WarningIcon
              fontSize="inherit"
              aria-hidden
              style={{ verticalAlign: 'text-bottom' }}
            />{' '}
            {backups.protectionGaps.join(', ')}
          </Typography>
        </Field>
      )}
    </SummarySection>
  );
}
