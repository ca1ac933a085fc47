import { ComponentChange } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { WindowsResponse } from '../../../api';

/** A window occurrence with the environments whose default window it is. */
export type CalendarOccurrence = WindowsResponse['occurrences'][number];

/** One thing on the calendar: a window occurrence or an announced change. */
export type CalendarEntry =
  | { kind: 'window'; key: string; occurrence: CalendarOccurrence }
  | { kind: 'change'; key: string; change: ComponentChange };

/** A window comes before the changes that start with it. */
const KIND_ORDER: Array<CalendarEntry['kind']> = ['window', 'change'];

function startOf(entry: CalendarEntry): string {
  return entry.kind === 'window' ? entry.occurrence.start : entry.change.start;
}

function endOf(entry: CalendarEntry): string {
  return entry.kind === 'window' ? entry.occurrence.end : entry.change.end;
}

function nameOf(entry: CalendarEntry): string {
  return entry.kind === 'window' ? entry.occurrence.window : entry.change.title;
}

/** Instants compared as instants: the backend writes UTC, fixtures may not. */
function millis(iso: string): number {
  return DateTime.fromISO(iso).toMillis();
}

/**
 * Window occurrences and changes in date order: by start, a window before
 * the changes that start with it, then by name.
 */
export function entriesOf(
  occurrences: CalendarOccurrence[],
  changes: ComponentChange[],
): CalendarEntry[] {
  const entries: CalendarEntry[] = [
    ...occurrences.map(occurrence => ({
      kind: 'window' as const,
      key: `window:${occurrence.window}:${occurrence.start}`,
      occurrence,
    })),
    ...changes.map(change => ({
      kind: 'change' as const,
      key: `change:${change.id}`,
      change,
    })),
  ];
  return entries.sort(
    (a, b) =>
      millis(startOf(a)) - millis(startOf(b)) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      nameOf(a).localeCompare(nameOf(b)),
  );
}

/** The entries that overlap `[from, to)`, such as one day of the month. */
export function entriesBetween(
  entries: CalendarEntry[],
  from: DateTime,
  to: DateTime,
): CalendarEntry[] {
  const start = from.toMillis();
  const end = to.toMillis();
  return entries.filter(
    entry => millis(startOf(entry)) < end && millis(endOf(entry)) > start,
  );
}

/**
 * The changes that touch a component owned by `owner`, by the owners the
 * catalog gives (`ownedBy`), as the calendar feed's `owner=` selects them.
 * Refs compare without regard to case, as the catalog compares them.
 */
export function changesOwnedBy(
  changes: ComponentChange[],
  owners: Map<string, string>,
  owner: string,
): ComponentChange[] {
  const wanted = owner.toLocaleLowerCase('en-US');
  return changes.filter(change =>
    change.entityRefs.some(
      ref => owners.get(ref)?.toLocaleLowerCase('en-US') === wanted,
    ),
  );
}

/** The environments named by occurrences and changes, sorted. */
export function environmentsOf(
  occurrences: CalendarOccurrence[],
  changes: ComponentChange[],
): string[] {
  return [
    ...new Set([
      ...occurrences.flatMap(occurrence => occurrence.environments),
      ...changes.flatMap(change => change.environments),
    ]),
  ].sort();
}
