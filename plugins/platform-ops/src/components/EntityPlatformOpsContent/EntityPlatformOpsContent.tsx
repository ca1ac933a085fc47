import Grid from '@material-ui/core/Grid';
import { AlertHistoryCard } from '../alerting/AlertHistoryCard';
import { EntityAlertsCard } from '../alerting/EntityAlertsCard';
import { EntityBackupsCard } from '../backups/EntityBackupsCard';
import { EntityDrillsCard } from '../backups/EntityDrillsCard';
import { EntityPlatformOpsCard } from '../EntityPlatformOpsCard';
import { EntityScopeCard } from '../scope/EntityScopeCard';

/**
 * The entity's Platform Ops tab: every aspect in full, with the alert
 * history for the noise review and the drill history with the form to
 * record a drill.
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
        <EntityPlatformOpsCard />
      </Grid>
      <Grid item xs={12}>
        <EntityDrillsCard />
      </Grid>
    </Grid>
  );
}
