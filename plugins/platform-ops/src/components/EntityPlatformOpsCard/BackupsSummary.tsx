import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import {
  ANNOTATION_BACKUP_SCOPE,
  ANNOTATION_BACKUP_SOURCE,
  BackupsSection,
  BackupSourceSpec,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DefaultMark } from './DefaultMark';
import { Field } from './Field';
import { NotSet } from './NotSet';
import { SummarySection } from './SummarySection';

/** Where the backup status comes from, in words. */
export function describeBackupSource(source: BackupSourceSpec): string {
  switch (source.type) {
    case 'none':
      return 'none: nothing is backed up, on purpose';
    case 'push':
      return 'reports pushed by the backup tool';
    default:
      return 'schedule' in source
        ? `Velero schedule ${source.schedule}`
        : `Velero backups of ${source.selector.label}=${source.selector.value}`;
  }
}

/** Recovery objectives, what is backed up and how it is protected. */
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
