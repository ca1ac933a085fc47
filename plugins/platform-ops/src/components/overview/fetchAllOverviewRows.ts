import {
  OVERVIEW_MAX_LIMIT,
  OverviewQuery,
  OverviewResponse,
  OverviewRow,
} from '@platform-ops/plugin-platform-ops-common';

/** At most this many pages are read for one export: 40,000 rows. */
export const EXPORT_MAX_PAGES = 200;

/** Every row of a filter, or as many as one export reads. */
export type AllOverviewRows = {
  rows: OverviewRow[];
  /** Rows matching the filter, as the backend last counted them. */
  total: number;
  /** Whether rows were left out because the export stopped at its bound. */
  truncated: boolean;
};

/**
 * Every row matching `query` (its paging ignored), read page by page at
 * the largest page size, for at most {@link EXPORT_MAX_PAGES} pages. Rows
 * may shift between pages when the backend refreshes meanwhile; a row
 * read twice is kept once.
 */
export async function fetchAllOverviewRows(
  getOverview: (query: Partial<OverviewQuery>) => Promise<OverviewResponse>,
  query: Partial<OverviewQuery>,
): Promise<AllOverviewRows> {
  const byRef = new Map<string, OverviewRow>();
  let offset = 0;
  let total = 0;
  for (let page = 0; page < EXPORT_MAX_PAGES; page++) {
    const response = await getOverview({
      ...query,
      offset,
      limit: OVERVIEW_MAX_LIMIT,
    });
    total = response.total;
    for (const row of response.rows) {
      if (!byRef.has(row.entity.ref)) byRef.set(row.entity.ref, row);
    }
    offset += response.rows.length;
    if (response.rows.length === 0 || offset >= total) {
      return { rows: [...byRef.values()], total, truncated: false };
    }
  }
  return { rows: [...byRef.values()], total, truncated: offset < total };
}
