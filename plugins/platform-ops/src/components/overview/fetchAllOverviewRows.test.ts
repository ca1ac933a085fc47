import {
  OverviewQuery,
  OverviewRow,
  selectOverview,
} from '@platform-ops/plugin-platform-ops-common';
import { overviewResponse, overviewRows } from '../../testing/overview';
import { EXPORT_MAX_PAGES, fetchAllOverviewRows } from './fetchAllOverviewRows';

/** A backend holding `rows`, paging and filtering as the real one does. */
function backendOf(rows: OverviewRow[]) {
  return jest.fn(async (query: Partial<OverviewQuery>) =>
    overviewResponse(
      [],
      selectOverview(rows, { offset: 0, limit: 50, ...query }),
    ),
  );
}

function many(count: number): OverviewRow[] {
  return Array.from({ length: count }, (_, index) => ({
    ...overviewRows[0],
    entity: {
      ...overviewRows[0].entity,
      ref: `component:default/c-${String(index).padStart(5, '0')}`,
    },
  }));
}

describe('fetchAllOverviewRows', () => {
  it('reads every page of the filter at 200 rows a page', async () => {
    const rows = many(450);
    const getOverview = backendOf(rows);
    const result = await fetchAllOverviewRows(getOverview, {
      offset: 50,
      limit: 50,
      environment: 'production',
      status: ['has-p1'],
    });
    expect(getOverview.mock.calls.map(([query]) => query)).toEqual(
      [0, 200, 400].map(offset => ({
        offset,
        limit: 200,
        environment: 'production',
        status: ['has-p1'],
      })),
    );
    expect(result.rows.map(row => row.entity.ref)).toEqual(
      rows.map(row => row.entity.ref),
    );
    expect(result).toMatchObject({ total: 450, truncated: false });
  });

  it('asks once for an empty filter', async () => {
    const getOverview = backendOf([]);
    expect(await fetchAllOverviewRows(getOverview, {})).toEqual({
      rows: [],
      total: 0,
      truncated: false,
    });
    expect(getOverview).toHaveBeenCalledTimes(1);
  });

  it('stops at its bound and says so, even if the backend never runs out', async () => {
    const row = overviewRows[0];
    const getOverview = jest.fn(async (query: Partial<OverviewQuery>) =>
      overviewResponse(
        [{ ...row, entity: { ...row.entity, ref: `x:${query.offset}` } }],
        { total: 1_000_000 },
      ),
    );
    const result = await fetchAllOverviewRows(getOverview, {});
    expect(getOverview).toHaveBeenCalledTimes(EXPORT_MAX_PAGES);
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(EXPORT_MAX_PAGES);
  });

  it('keeps a row once when it shifts to the next page between requests', async () => {
    const [a, b, c] = many(3);
    const pages = [
      overviewResponse([a, b], { total: 3 }),
      overviewResponse([b, c], { total: 4 }),
      overviewResponse([], { total: 4 }),
    ];
    const getOverview = jest.fn(async () => pages.shift()!);
    const result = await fetchAllOverviewRows(getOverview, {});
    expect(result.rows).toEqual([a, b, c]);
  });

  it('lets a failure through', async () => {
    const getOverview = jest.fn().mockRejectedValue(new Error('down'));
    await expect(fetchAllOverviewRows(getOverview, {})).rejects.toThrow('down');
  });
});
