import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { isHttpUrl, LiveAlert } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { LevelChip } from './LevelChip';

const useStyles = makeStyles(theme => ({
  suppressed: { opacity: 0.6 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  meta: { color: theme.palette.text.secondary },
  // Alertmanager descriptions often span lines; keep their breaks.
  description: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
}));

function suppression(alert: LiveAlert): string | undefined {
  if (alert.silencedBy.length > 0) {
    return `Silenced (silence ${alert.silencedBy.join(', ')})`;
  }
  if (alert.inhibitedBy.length > 0) {
    return `Inhibited by ${alert.inhibitedBy.length} other alert${
      alert.inhibitedBy.length === 1 ? '' : 's'
    }`;
  }
  return alert.state === 'suppressed' ? 'Suppressed' : undefined;
}

function since(startsAt: string): string {
  const start = DateTime.fromISO(startsAt);
  if (!start.isValid) return startsAt;
  return `since ${start
    .toLocal()
    .toFormat('yyyy-MM-dd HH:mm')} (${start.toRelative()})`;
}

/**
 * Live alerts, most urgent first, each with its summary and description;
 * silenced and inhibited ones greyed with the reason.
 */
export function AlertList(props: {
  alerts: LiveAlert[];
  trustworthy: boolean;
}) {
  const classes = useStyles();
  if (props.alerts.length === 0) {
    return (
      <Typography variant="body2">
        {props.trustworthy
          ? 'No alerts are firing.'
          : 'No alerts in the data, which proves nothing until every heartbeat is back (see above).'}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Live alerts">
      {props.alerts.map(alert => {
        const reason = suppression(alert);
        return (
          <ListItem
            key={`${alert.environment}-${alert.fingerprint}`}
            disableGutters
            className={reason ? classes.suppressed : undefined}
          >
            <Box width="100%">
              <Box className={classes.header}>
                {alert.level ? (
                  <LevelChip level={alert.level} />
                ) : (
                  <Typography variant="caption">no level</Typography>
                )}
                <Typography variant="subtitle2" component="span">
                  {alert.alertname}
                </Typography>
                <Typography variant="caption" className={classes.meta}>
                  {alert.environment} · {since(alert.startsAt)}
                </Typography>
              </Box>
              {alert.summary && (
                <Typography variant="body2">{alert.summary}</Typography>
              )}
              {alert.description && (
                // Text only: it comes from whoever wrote the alert rule, so
                // it is never read as HTML or turned into links.
                <Typography
                  variant="body2"
                  color="textSecondary"
                  className={classes.description}
                >
                  {alert.description}
                </Typography>
              )}
              {reason && (
                <Typography variant="caption" className={classes.meta}>
                  {reason}
                </Typography>
              )}
              {isHttpUrl(alert.generatorURL) && (
                <Typography variant="caption" component="div">
                  <Link to={alert.generatorURL}>Open in the alert source</Link>
                </Typography>
              )}
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
}
