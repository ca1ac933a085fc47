import { DateTime } from 'luxon';
import { occurrenceTimes, rangeText } from '../describeWindow';
import { CalendarEntry, CalendarOccurrence } from './calendarEntries';

/**
 * When an entry runs in the viewer's zone, "Tue 1 Dec 2026, 09:00–13:00
 * Europe/Berlin", and in its own: the window's zone, or for a change the
 * zone of the window it was announced in (UTC when it has none shown).
 */
export function entryTimes(
  entry: CalendarEntry,
  occurrences: CalendarOccurrence[],
): { local: string; own: string } {
  const { start, end, zone } =
    entry.kind === 'window'
      ? {
          start: entry.occurrence.start,
          end: entry.occurrence.end,
          zone: entry.occurrence.timezone,
        }
      : {
          start: entry.change.start,
          end: entry.change.end,
          zone:
            occurrences.find(
              occurrence => occurrence.window === entry.change.window,
            )?.timezone ?? 'UTC',
        };
  const localStart = DateTime.fromISO(start).toLocal();
  const localEnd = DateTime.fromISO(end).toLocal();
  const ownStart = DateTime.fromISO(start, { zone });
  const ownEnd = DateTime.fromISO(end, { zone });
  return {
    local: `${rangeText(localStart, localEnd, { year: true })} ${
      localStart.zoneName
    }`,
    own: `${rangeText(ownStart, ownEnd, { year: true })} ${zone}`,
  };
}

/**
 * An occurrence's times for a tooltip: the window's own zone, then the
 * viewer's when it differs.
 */
export function occurrenceTitle(occurrence: CalendarOccurrence): string {
  const times = occurrenceTimes(occurrence);
  return times.local
    ? `${occurrence.window}: ${times.own} (your time ${times.local})`
    : `${occurrence.window}: ${times.own}`;
}

/** The local clock time an entry starts, "09:00". */
export function startClock(iso: string): string {
  return DateTime.fromISO(iso).toLocal().toFormat('HH:mm');
}
