import { WindowOccurrence } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';

// Day and month names stay English, as the rest of the plugin's text.
const LOCALE = 'en-GB';

/**
 * A stretch of time on one line: "Tue 8 Dec, 02:00–06:00", with the end's
 * day when it ends on another: "Mon 7 Dec, 22:00–Tue 02:00". Both ends are
 * shown in the zone `start` is in.
 */
export function rangeText(
  start: DateTime,
  end: DateTime,
  options: { year?: boolean } = {},
): string {
  const from = start.setLocale(LOCALE);
  const to = end.setZone(start.zone).setLocale(LOCALE);
  const day = from.toFormat(options.year ? 'ccc d LLL yyyy' : 'ccc d LLL');
  const until = to.hasSame(from, 'day')
    ? to.toFormat('HH:mm')
    : to.toFormat('ccc HH:mm');
  return `${day}, ${from.toFormat('HH:mm')}–${until}`;
}

/**
 * An occurrence in the window's own zone and, when the viewer is in
 * another, in the viewer's: "Tue 8 Dec, 02:00–06:00 Europe/Stockholm" and
 * "01:00–05:00 UTC" (with the day when the viewer's day differs).
 */
export function occurrenceTimes(occurrence: WindowOccurrence): {
  own: string;
  local?: string;
} {
  const start = DateTime.fromISO(occurrence.start, {
    zone: occurrence.timezone,
  });
  const end = DateTime.fromISO(occurrence.end, { zone: occurrence.timezone });
  const own = `${rangeText(start, end)} ${occurrence.timezone}`;
  const localStart = start.toLocal();
  if (!start.isValid || localStart.zoneName === occurrence.timezone) {
    return { own };
  }
  const localEnd = end.toLocal().setLocale(LOCALE);
  // The viewer's day, when their calendar says another day than the window's.
  const local =
    localStart.toISODate() === start.toISODate()
      ? `${localStart.toFormat('HH:mm')}–${
          localEnd.hasSame(localStart, 'day')
            ? localEnd.toFormat('HH:mm')
            : localEnd.toFormat('ccc HH:mm')
        }`
      : rangeText(localStart, localEnd);
  return { own, local: `${local} ${localStart.zoneName}` };
}

/** "9 days", "5 hours", "40 minutes": the largest whole unit. */
export function durationWords(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const plural = (count: number, unit: string) =>
    `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

/**
 * Where an occurrence stands now: "in 9 days", "in progress until 06:00"
 * (the end in the window's own zone, as the occurrence is written), or
 * "over" for one that has ended since the summary was made.
 */
export function countdownText(
  occurrence: WindowOccurrence,
  now: DateTime = DateTime.now(),
): { text: string; inProgress: boolean } {
  const start = DateTime.fromISO(occurrence.start);
  const end = DateTime.fromISO(occurrence.end, { zone: occurrence.timezone });
  if (now < start) {
    return {
      text: `in ${durationWords(start.diff(now).as('milliseconds'))}`,
      inProgress: false,
    };
  }
  if (now < end) {
    return {
      text: `in progress until ${end.toFormat('HH:mm')}`,
      inProgress: true,
    };
  }
  return { text: 'over', inProgress: false };
}
