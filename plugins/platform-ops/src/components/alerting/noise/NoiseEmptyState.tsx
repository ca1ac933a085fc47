import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * What an empty review means: no alert fired in the period, and how the
 * history it reads is recorded, so "nothing" is not mistaken for "not
 * looked".
 */
export function NoiseEmptyState(props: { days: number; environment?: string }) {
  const { days, environment } = props;
  return (
    <Box p={2} role="status">
      <Typography variant="body1" gutterBottom>
        No alert fired in the last {days} days
        {environment ? ` in ${environment}` : ''}.
      </Typography>
      <Typography variant="body2" color="textSecondary">
        The history is recorded at every Alertmanager poll: each alert that
        fires or is silenced for a component (by its{' '}
        <code>platform-ops/alert-matchers</code> annotation) is counted once a
        day, with its level. Components without matchers, and the heartbeat, are
        never counted. The history is kept 90 days.
      </Typography>
    </Box>
  );
}
