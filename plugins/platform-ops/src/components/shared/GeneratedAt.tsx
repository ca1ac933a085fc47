import { DateTime } from 'luxon';

/**
 * How old the data is: "as of 14:05", with the date when it is not from
 * today.
 */
export function GeneratedAt(props: { generatedAt: string }) {
  const time = DateTime.fromISO(props.generatedAt);
  if (!time.isValid) {
    return null;
  }
  const local = time.toLocal();
  const sameDay = local.hasSame(DateTime.local(), 'day');
  const shown = local.toFormat(sameDay ? 'HH:mm' : 'yyyy-MM-dd HH:mm');
  return (
    <span>
      as of{' '}
      <time
        dateTime={props.generatedAt}
        title={local.toLocaleString(DateTime.DATETIME_FULL)}
      >
        {shown}
      </time>
    </span>
  );
}
