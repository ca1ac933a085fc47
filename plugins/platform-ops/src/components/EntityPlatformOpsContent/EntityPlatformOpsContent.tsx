import Grid from '@material-ui/core/Grid';
import { AlertHistoryCard } from '../alerting/AlertHistoryCard';
import { EntityAlertsCard } from '../alerting/EntityAlertsCard';
import { EntityBackupsCard } from '../backups/EntityBackupsCard';
import { EntityDrillsCard } from '../backups/EntityDrillsCard';
import { EntityPlatformOpsCard } from '../EntityPlatformOpsCard';
import { EntityChangesCard } from '../maintenance/EntityChangesCard';
import { EntityMaintenanceCard } from '../maintenance/EntityMaintenanceCard';
import { EntityScopeCard } from '../scope/EntityScopeCard';

/**
 * The entity's Platform Ops tab: every aspect in full, with the alert
 * history for the noise review, the drill history with the form to record
 * a drill, and the change history with the form to announce a change.
 */
export function EntityPlatformOpsContent() {
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <EntityScopeCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityAlertsCard />
      </Grid>
      <Grid item xs={12}>
        <AlertHistoryCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityBackupsCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityMaintenanceCard />
      </Grid>
      <Grid item xs={12}>
        <EntityPlatformOpsCard />
      </Grid>
      <Grid item xs={12}>
        <EntityDrillsCard />
      </Grid>
      <Grid item xs={12}>
        <EntityChangesCard />
      </Grid>
    </Grid>
  );
}
