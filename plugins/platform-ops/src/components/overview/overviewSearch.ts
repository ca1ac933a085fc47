import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  OverviewFlag,
  OverviewQuery,
} from '@platform-ops/plugin-platform-ops-common';

/** Rows per page unless the URL asks for another `limit`. */
export const OVERVIEW_PAGE_SIZE = 50;

/** The overview's filters, each kept in the URL under the backend's name. */
export const OVERVIEW_FILTERS = [
  'party',
  'owner',
  'environment',
  'q',
  'status',
] as const;

/** One of {@link OVERVIEW_FILTERS}. */
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number];

/** A whole number from the URL, or nothing when it is not one. */
function wholeNumberOf(text: string | null): number | undefined {
  return text !== null && /^\d+$/.test(text.trim())
    ? Number(text.trim())
    : undefined;
}

function textOf(search: URLSearchParams, name: string): string | undefined {
  return search.get(name)?.trim() || undefined;
}

/**
 * A full entity ref for the owner filter, so `platform-team` finds
 * `group:default/platform-team` as the backend compares whole refs. Text
 * that is no ref is sent as written, for the backend to judge.
 */
export function ownerRefOf(text: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(text, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return text;
  }
}

/** The status flags of the URL's comma-separated `status`, as written. */
export function statusOf(search: URLSearchParams): string[] {
  return (search.get('status') ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(Boolean);
}

/**
 * The overview query a URL's search parameters ask for, under the
 * backend's own names: `offset`, `limit`, `party`, `owner`, `environment`,
 * `q` and `status` (comma-separated flags). Paging that is no whole number
 * falls back to the first page of {@link OVERVIEW_PAGE_SIZE}; anything else
 * goes to the backend as written, so a bad value in a shared link comes
 * back as a 400 naming it rather than being dropped without a word.
 */
export function overviewQueryOf(search: URLSearchParams): OverviewQuery {
  const owner = textOf(search, 'owner');
  const status = statusOf(search);
  return {
    offset: wholeNumberOf(search.get('offset')) ?? 0,
    limit: wholeNumberOf(search.get('limit')) ?? OVERVIEW_PAGE_SIZE,
    party: textOf(search, 'party'),
    owner: owner && ownerRefOf(owner),
    environment: textOf(search, 'environment'),
    q: textOf(search, 'q'),
    // Unknown flags included, on purpose (see above).
    status: status.length > 0 ? (status as OverviewFlag[]) : undefined,
  };
}

/** Whether the URL sets any filter (paging aside). */
export function hasFilters(search: URLSearchParams): boolean {
  return OVERVIEW_FILTERS.some(name => Boolean(search.get(name)?.trim()));
}

/**
 * The URL's search parameters with some set (empty or undefined removes
 * them). A filter change goes back to the first page, since the old
 * offset may lie past the new total.
 */
export function withOverviewParams(
  search: URLSearchParams,
  changes: Partial<Record<OverviewFilter | 'offset' | 'limit', string>>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  if (!('offset' in changes)) next.delete('offset');
  return next;
}

/** The URL's search parameters without any filter, paging kept but reset. */
export function withoutFilters(search: URLSearchParams): URLSearchParams {
  return withOverviewParams(
    search,
    Object.fromEntries(OVERVIEW_FILTERS.map(name => [name, undefined])),
  );
}
