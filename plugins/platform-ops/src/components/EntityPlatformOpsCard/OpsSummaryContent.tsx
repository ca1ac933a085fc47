import Grid from '@material-ui/core/Grid';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { AlertingSummary } from '../alerting/AlertingSummary';
import { BackupsSummary } from '../backups/BackupsSummary';
import { MaintenanceSummary } from '../maintenance/MaintenanceSummary';
import { ScopeSummary } from '../scope/ScopeSummary';
import { ProblemsPanel } from '../shared/ProblemsPanel';

/** The overview card's content once the summary has arrived. */
export function OpsSummaryContent(props: { summary: OpsSummary }) {
  const { summary } = props;
  const { problems } = summary;
  return (
    <Grid container spacing={2}>
      {problems.length > 0 && (
        // First, so annotation mistakes are seen before the values they affect.
        <Grid item xs={12}>
          <ProblemsPanel problems={problems} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <ScopeSummary scope={summary.scope} problems={problems} />
      </Grid>
      <Grid item xs={12} md={6}>
        <AlertingSummary alerting={summary.alerting} problems={problems} />
      </Grid>
      <Grid item xs={12} md={6}>
        <BackupsSummary backups={summary.backups} problems={problems} />
      </Grid>
      <Grid item xs={12} md={6}>
        <MaintenanceSummary
          maintenance={summary.maintenance}
          problems={problems}
        />
      </Grid>
    </Grid>
  );
}
