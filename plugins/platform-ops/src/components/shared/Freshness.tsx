import { DateTime } from 'luxon';
import { ageText, clockText } from './ageText';

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
  return (
    <span>
      as of{' '}
      <time
        dateTime={props.fetchedAt}
        title={time.toLocal().toLocaleString(DateTime.DATETIME_FULL)}
      >
        {clockText(props.fetchedAt, now)}
      </time>{' '}
      ({ageText(props.fetchedAt, now)})
    </span>
  );
}
