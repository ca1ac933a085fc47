import { DateTime } from 'luxon';
import { ownerRefOf } from '../../overview/overviewSearch';

/** The two ways the calendar shows its period. */
export type CalendarView = 'month' | 'list';

/**
 * What the Maintenance calendar tab shows, as kept in its URL so that a
 * link can be shared: `view` (`month` or `list`), `month` (`2026-12`),
 * `environment`, `owner` (an entity ref; a bare name means a group in the
 * default namespace) and `change` (a change's id, shown open).
 */
export type CalendarParams = {
  view: CalendarView;
  /** The month asked for, as `yyyy-MM`; none means the current one. */
  month?: string;
  environment?: string;
  owner?: string;
  change?: string;
};

/** The names of {@link CalendarParams} in the URL. */
export type CalendarParam = keyof CalendarParams;

function textOf(search: URLSearchParams, name: string): string | undefined {
  return search.get(name)?.trim() || undefined;
}

/** `2026-12` when it names a real month, otherwise nothing. */
export function monthOf(text: string | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}$/.test(text)) return undefined;
  return DateTime.fromFormat(text, 'yyyy-MM').isValid ? text : undefined;
}

/**
 * The calendar's parameters from the URL. A month that is no `yyyy-MM` is
 * ignored (the current month is shown); an environment or owner goes to
 * the backend as written, so a bad value in a shared link comes back as an
 * error naming it rather than being dropped without a word.
 */
export function calendarParamsOf(search: URLSearchParams): CalendarParams {
  const owner = textOf(search, 'owner');
  return {
    view: search.get('view') === 'list' ? 'list' : 'month',
    month: monthOf(textOf(search, 'month')),
    environment: textOf(search, 'environment'),
    owner: owner && ownerRefOf(owner),
    change: textOf(search, 'change'),
  };
}

/**
 * The URL's search parameters with some set; an empty or undefined value
 * removes the parameter. Other parameters are kept.
 */
export function withCalendarParams(
  search: URLSearchParams,
  changes: Partial<Record<CalendarParam, string | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
