import { DateTime } from 'luxon';

/**
 * How old a fetch is: "as of 14:05 (3 min ago)", with the date when it is
 * not from today.
 */
export function Freshness(props: { fetchedAt?: string; now?: DateTime }) {
  if (!props.fetchedAt) {
    return <span>never fetched</span>;
  }
  const time = DateTime.fromISO(props.fetchedAt);
  if (!time.isValid) return null;
  const now = props.now ?? DateTime.local();
  const local = time.toLocal();
  const shown = local.toFormat(local.hasSame(now, 'day') ? 'HH:mm' : 'yyyy-MM-dd HH:mm');
  const minutes = Math.max(0, Math.floor(now.diff(time, 'minutes').minutes));
  return (
    <span>
      as of{' '}
      <time dateTime={props.fetchedAt} title={local.toLocaleString(DateTime.DATETIME_FULL)}>
        {shown}
      </time>{' '}
      ({minutes} min ago)
    </span>
  );
}
