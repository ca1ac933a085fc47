import Typography from '@material-ui/core/Typography';
import { OverviewRow } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';

/**
 * A row's next maintenance window in the viewer's time, with its
 * environment: "Tue 2026-12-01 09:00 (staging)", or "In progress until
 * 13:00" while it runs.
 */
export function NextWindow(props: { window: OverviewRow['nextWindow'] }) {
  const { window } = props;
  if (!window) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        none planned
      </Typography>
    );
  }
  const start = DateTime.fromISO(window.start).toLocal();
  const end = DateTime.fromISO(window.end).toLocal();
  if (!start.isValid || !end.isValid) return <span>{window.start}</span>;
  const now = DateTime.local();
  const text =
    start <= now && now < end
      ? `In progress until ${end.toFormat('HH:mm')}`
      : start.toFormat('ccc yyyy-MM-dd HH:mm');
  return (
    <span>
      <time
        dateTime={window.start}
        title={start.toLocaleString(DateTime.DATETIME_FULL)}
      >
        {text}
      </time>{' '}
      ({window.environment})
    </span>
  );
}
