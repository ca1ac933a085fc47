import Typography from '@material-ui/core/Typography';
import { WindowOccurrence } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { StatusLine } from '../shared/StatusLine';
import { countdownText, occurrenceTimes } from './describeWindow';

/**
 * One window occurrence in the window's own zone and in the viewer's, with
 * its countdown: "Tue 8 Dec, 02:00–06:00 Europe/Stockholm (your time
 * 01:00–05:00 UTC), in 16 days". An occurrence in progress says until when,
 * with a status icon, since changes may be under way.
 */
export function OccurrenceTime(props: {
  occurrence: WindowOccurrence;
  now?: DateTime;
  /** Leaves out the viewer's time, for the overview card. */
  compact?: boolean;
}) {
  const { occurrence, now, compact } = props;
  const times = occurrenceTimes(occurrence);
  const countdown = countdownText(occurrence, now);
  const local = !compact && times.local ? ` (your time ${times.local})` : '';
  const when = (
    <time dateTime={occurrence.start} title={times.local}>
      {times.own}
      {local}
    </time>
  );
  if (countdown.inProgress) {
    return (
      <StatusLine status="warning" inline>
        {when}, {countdown.text}
      </StatusLine>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {when}, {countdown.text}
    </Typography>
  );
}
