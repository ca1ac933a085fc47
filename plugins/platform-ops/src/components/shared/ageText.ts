import { DateTime } from 'luxon';

/** A stretch of time in the largest unit that keeps it readable: "5 h". */
export function spanText(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

function parse(time: string | undefined): DateTime | undefined {
  const parsed = time ? DateTime.fromISO(time) : undefined;
  return parsed?.isValid ? parsed : undefined;
}

/**
 * How long ago an ISO time was: "40 min ago", "5 h ago", "3 d ago"; the
 * text as written when it is not a time.
 */
export function ageText(time: string, now: DateTime = DateTime.now()): string {
  const parsed = parse(time);
  if (!parsed) return time;
  return `${spanText(now.diff(parsed).as('milliseconds'))} ago`;
}

/**
 * The local clock time of an ISO time, "14:05", with the date when it is
 * not today: "2026-11-21 14:05".
 */
export function clockText(
  time: string,
  now: DateTime = DateTime.now(),
): string {
  const parsed = parse(time);
  if (!parsed) return time;
  const local = parsed.toLocal();
  return local.toFormat(
    local.hasSame(now.toLocal(), 'day') ? 'HH:mm' : 'yyyy-MM-dd HH:mm',
  );
}

/** The local day of an ISO time, "2026-11-21". */
export function dayText(time: string): string {
  const parsed = parse(time);
  return parsed ? parsed.toLocal().toFormat('yyyy-MM-dd') : time;
}
