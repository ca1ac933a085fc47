import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import {
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_SOURCE,
  BackupsSection,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DefaultMark } from '../shared/DefaultMark';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { SummarySection } from '../shared/SummarySection';
import { describeBackupSource } from './describeBackupSource';

/**
 * The backups section of the overview card: recovery objectives, what is
 * backed up and how it is protected.
 */
export function BackupsSummary(props: {
  backups: BackupsSection;
  problems: Problem[];
}) {
  const { backups, problems } = props;
  const { rpo, retention, rto } = backups.policy;
  const nothingBackedUp = backups.source?.type === 'none';
  return (
    <SummarySection title="Backups">
      <Field label="Policy">
        RPO {rpo.value}
        <DefaultMark source={rpo.source} />, retention {retention.value}
        <DefaultMark source={retention.source} />, RTO {rto.value}
        <DefaultMark source={rto.source} />
      </Field>
      <Field label="Source">
        {backups.source ? (
          describeBackupSource(backups.source)
        ) : (
          <NotSet annotation={ANNOTATION_BACKUP_SOURCE} problems={problems} />
        )}
      </Field>
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
