import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AlertingSection } from '@platform-ops/plugin-platform-ops-common';
import { AlertList } from './AlertList';
import { Freshness } from '../shared/Freshness';
import { HeartbeatBanner } from './HeartbeatBanner';
import { LevelChip } from './LevelChip';

/**
 * The alerting aspect in full, as the alerts card shows it: the level per
 * environment, the heartbeat banners, live alerts and how old they are.
 */
export function AlertingDetails(props: { alerting: AlertingSection }) {
  const { alerting } = props;
  return (
    <>
      <HeartbeatBanner status={alerting.status} />
      <Box
        display="flex"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
        aria-label="Levels per environment"
      >
        {alerting.environments.map(environment => (
          <Box key={environment} display="flex" alignItems="center" gridGap={4}>
            <Typography variant="body2" component="span">
              <strong>{environment}:</strong>
            </Typography>
            {alerting.levels[environment] ? (
              <LevelChip level={alerting.levels[environment].value} />
            ) : (
              <Typography variant="body2" component="span">
                no level
              </Typography>
            )}
          </Box>
        ))}
      </Box>
      <AlertList alerts={alerting.alerts} trustworthy={alerting.trustworthy} />
      <Box mt={1}>
        {alerting.status.map(status => (
          <Typography
            key={status.environment}
            variant="caption"
            component="div"
            color="textSecondary"
          >
            {status.environment}: <Freshness fetchedAt={status.fetchedAt} />
          </Typography>
        ))}
      </Box>
    </>
  );
}
