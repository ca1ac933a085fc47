import {
  Change,
  ChangeStatus,
  WindowOccurrence,
} from '@platform-ops/plugin-platform-ops-common';
import ical, {
  ICalEventData,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { DateTime } from 'luxon';

/** The domain part of every UID, so they never collide with other feeds. */
const UID_DOMAIN = 'platform-ops';

/**
 * How a change's status reads in a calendar: a postponed change may still
 * move, a cancelled one is struck out by clients that know `STATUS`.
 */
const EVENT_STATUS: Record<ChangeStatus, ICalEventStatus> = {
  planned: ICalEventStatus.CONFIRMED,
  'in-progress': ICalEventStatus.CONFIRMED,
  done: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/** What the summary adds for a change no longer going ahead as planned. */
const STATUS_SUFFIX: Partial<Record<ChangeStatus, string>> = {
  postponed: ' (postponed)',
  cancelled: ' (cancelled)',
};

/**
 * An ISO 8601 instant as a luxon DateTime in UTC. ical-generator then
 * writes it with `Z`, so no VTIMEZONE is needed and no client can read it
 * in the wrong zone.
 */
function utc(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' });
}

/** A start instant in iCalendar's UTC basic format, for UIDs. */
function basicUtc(iso: string): string {
  return utc(iso).toFormat("yyyyLLdd'T'HHmmss'Z'");
}

/**
 * The UID of a window occurrence: the same window and start always give
 * the same UID, so clients update the event instead of adding another.
 *
 * @public
 */
export function windowUid(window: string, start: string): string {
  return `window-${window}-${basicUtc(start)}@${UID_DOMAIN}`;
}

/**
 * The UID of a change, stable however often it moves; its `SEQUENCE`
 * tells clients which version is newer.
 *
 * @public
 */
export function changeUid(id: string): string {
  return `change-${id}@${UID_DOMAIN}`;
}

/** An occurrence of a window, with every environment it serves. */
type SharedOccurrence = WindowOccurrence & { environments: string[] };

/**
 * One event per window occurrence: environments sharing a window share its
 * events, since one UID may only stand for one event in a feed.
 */
function mergeOccurrences(
  occurrences: Array<WindowOccurrence & { environment: string }>,
): SharedOccurrence[] {
  const byUid = new Map<string, SharedOccurrence>();
  for (const { environment, ...occurrence } of occurrences) {
    const uid = windowUid(occurrence.window, occurrence.start);
    const known = byUid.get(uid);
    if (!known) byUid.set(uid, { ...occurrence, environments: [environment] });
    else if (!known.environments.includes(environment)) {
      known.environments.push(environment);
    }
  }
  return [...byUid.values()];
}

function windowEvent(occurrence: SharedOccurrence, now: DateTime) {
  const start = utc(occurrence.start);
  const end = utc(occurrence.end);
  // Shown in the window's own zone, as it was agreed with the teams.
  const local = (time: DateTime) =>
    time.setZone(occurrence.timezone).setLocale('en');
  const environments = occurrence.environments.join(', ');
  return {
    id: windowUid(occurrence.window, occurrence.start),
    start,
    end,
    stamp: now,
    summary: `Maintenance window ${occurrence.window} (${environments})`,
    description:
      `Recurring maintenance window ${occurrence.window} for ${environments}: ` +
      `${local(start).toFormat('ccc d LLL yyyy, HH:mm')} to ` +
      `${local(end).toFormat('HH:mm')} ${occurrence.timezone}.`,
    sequence: 0,
    // Informational: a subscriber is not busy because a window exists.
    transparency: ICalEventTransparency.TRANSPARENT,
  } satisfies ICalEventData;
}

function changeDescription(change: Change, url: string): string {
  const lines = [
    `Class: ${change.class}. Status: ${change.status}.`,
    `Components: ${change.entityRefs.join(', ')}`,
    `Environments: ${change.environments.join(', ')}`,
    `Updates: ${change.updates.join(', ')}`,
  ];
  if (change.shortNotice) {
    lines.push(
      `Short notice: ${change.noticeGiven} given, ${change.noticeRequired} required.`,
    );
  }
  if (change.description) lines.push('', change.description);
  lines.push('', 'Contingency plan:', change.contingencyPlan);
  lines.push('', `Change: ${url}`);
  if (change.link) lines.push(`More: ${change.link}`);
  return lines.join('\n');
}

function changeEvent(
  change: Change,
  changeUrl: (id: string) => string,
  now: DateTime,
) {
  const url = changeUrl(change.id);
  return {
    id: changeUid(change.id),
    start: utc(change.start),
    end: utc(change.end),
    stamp: now,
    created: utc(change.announcedAt),
    lastModified: utc(change.updatedAt),
    summary: `[${change.class}] ${change.title}${
      STATUS_SUFFIX[change.status] ?? ''
    }`,
    description: changeDescription(change, url),
    url,
    sequence: change.sequence,
    status: EVENT_STATUS[change.status],
    transparency: ICalEventTransparency.TRANSPARENT,
  } satisfies ICalEventData;
}

/**
 * The maintenance calendar as RFC 5545 text: one event per window
 * occurrence and one per change, with stable UIDs (see {@link windowUid}
 * and {@link changeUid}), times in UTC, each change's `SEQUENCE` and
 * `STATUS:CANCELLED` for a cancelled change. The same input gives the same
 * text, `now` being the `DTSTAMP` of every event.
 *
 * @public
 */
export function buildCalendar(options: {
  name: string;
  occurrences: Array<WindowOccurrence & { environment: string }>;
  changes: Change[];
  changeUrl: (id: string) => string;
  now: DateTime;
}): string {
  const now = options.now.toUTC();
  const changes = [
    ...new Map(options.changes.map(change => [change.id, change])).values(),
  ];
  const events = [
    ...mergeOccurrences(options.occurrences).map(occurrence =>
      windowEvent(occurrence, now),
    ),
    ...changes.map(change => changeEvent(change, options.changeUrl, now)),
  ].sort(
    (a, b) =>
      a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id),
  );
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Platform Ops', product: 'Maintenance calendar' },
    // Calendar clients that honour it refresh hourly rather than daily.
    ttl: 60 * 60,
  });
  for (const event of events) calendar.createEvent(event);
  return calendar.toString();
}
