import { DateTime } from 'luxon';
import { PlatformOpsConfig } from '../config/readConfig';
import { ChangeInput } from './changes';
import { windowOccurrences } from './windows';

/**
 * When an announced change runs, in UTC: its explicit start and end, or the
 * occurrence of its window that starts at `windowStart`. A window that
 * config does not have, or a time that is not one of its occurrences, is a
 * problem naming the field (with the next occurrences, to choose from).
 *
 * @public
 */
export function changeTimeOf(
  input: Pick<ChangeInput, 'window' | 'windowStart' | 'start' | 'end'>,
  config: PlatformOpsConfig,
): { start: string; end: string } | { field: string; message: string } {
  if (!input.window) {
    return {
      start: DateTime.fromISO(input.start!).toUTC().toISO()!,
      end: DateTime.fromISO(input.end!).toUTC().toISO()!,
    };
  }
  // Own keys only: a window named `constructor` is not configured.
  const window = Object.prototype.hasOwnProperty.call(
    config.maintenance.windows,
    input.window,
  )
    ? config.maintenance.windows[input.window]
    : undefined;
  if (!window) {
    const names =
      Object.keys(config.maintenance.windows).join(', ') || 'none configured';
    return {
      field: 'window',
      message: `not a window from config (${names})`,
    };
  }
  const wanted = DateTime.fromISO(input.windowStart!).toUTC();
  const [occurrence] = windowOccurrences(input.window, window, {
    from: wanted,
    to: wanted.plus({ minutes: 1 }),
    limit: 1,
  });
  if (
    occurrence &&
    DateTime.fromISO(occurrence.start).toMillis() === wanted.toMillis()
  ) {
    return { start: occurrence.start, end: occurrence.end };
  }
  const next = windowOccurrences(input.window, window, {
    from: wanted,
    to: wanted.plus({ days: 400 }),
    limit: 2,
  })
    .map(entry => entry.start)
    .join(', ');
  return {
    field: 'windowStart',
    message: `not an occurrence of ${input.window}; the next ones start ${
      next || 'never'
    }`,
  };
}
