import { OverviewQuery } from './query';
import {
  OVERVIEW_FLAGS,
  OverviewFlag,
  OverviewResponse,
  OverviewRow,
} from './types';

function matchesText(row: OverviewRow, text: string): boolean {
  const needle = text.toLocaleLowerCase('en-US');
  return [row.entity.ref, row.entity.name, row.entity.title ?? '']
    .map(value => value.toLocaleLowerCase('en-US'))
    .some(value => value.includes(needle));
}

/** Whether a row passes every filter but the status one. */
function matchesFilters(row: OverviewRow, query: OverviewQuery): boolean {
  if (query.party && row.party !== query.party) return false;
  if (query.owner) {
    // Entity refs compare without regard to case, as the catalog does.
    const owner = query.owner.toLocaleLowerCase('en-US');
    const owners = [row.accountable, row.owner].map(ref =>
      ref?.toLocaleLowerCase('en-US'),
    );
    if (!owners.includes(owner)) return false;
  }
  if (query.environment && !row.environments.includes(query.environment)) {
    return false;
  }
  if (query.q && !matchesText(row, query.q)) return false;
  return true;
}

/**
 * One page of the overview: the rows passing the filters (a row passes the
 * status filter when it carries any of the flags asked for), worst first,
 * with the total over all pages and the count of each flag before the
 * status filter, so a filter bar can say how many rows each flag would
 * show. `rows` are the rows the caller may read, already in overview order
 * ({@link sortOverviewRows}): sorting is done once per refresh, not per
 * request.
 *
 * @public
 */
export function selectOverview(
  rows: readonly OverviewRow[],
  query: OverviewQuery,
): Pick<
  OverviewResponse,
  'rows' | 'total' | 'offset' | 'limit' | 'flagCounts'
> {
  const filtered = rows.filter(row => matchesFilters(row, query));
  const flagCounts: Partial<Record<OverviewFlag, number>> = {};
  for (const row of filtered) {
    for (const flag of row.flags)
      flagCounts[flag] = (flagCounts[flag] ?? 0) + 1;
  }
  const wanted = query.status?.length ? new Set(query.status) : undefined;
  const matching = wanted
    ? filtered.filter(row => row.flags.some(flag => wanted.has(flag)))
    : filtered;
  return {
    rows: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    offset: query.offset,
    limit: query.limit,
    flagCounts: Object.fromEntries(
      OVERVIEW_FLAGS.filter(flag => flagCounts[flag]).map(flag => [
        flag,
        flagCounts[flag],
      ]),
    ),
  };
}
