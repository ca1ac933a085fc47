import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import {
  OverviewResponse,
  OverviewRow,
} from '@platform-ops/plugin-platform-ops-common';
import { useSearchParams } from 'react-router-dom';
import { Freshness } from '../shared/Freshness';
import { overviewColumns } from './overviewColumns';
import { OverviewEmptyState } from './OverviewEmptyState';
import { OverviewExportButton } from './OverviewExportButton';
import { OverviewFilters } from './OverviewFilters';
import {
  hasFilters,
  OVERVIEW_PAGE_SIZE,
  OverviewFilter,
  overviewQueryOf,
  statusOf,
  withOverviewParams,
  withoutFilters,
} from './overviewSearch';
import { useOverview } from './useOverview';

const PAGE_SIZES = [25, 50, 100, 200];

/** A rejected query names the parameter to fix in the panel's title. */
function errorTitle(error: Error): string {
  if (error instanceof ResponseError && error.statusCode === 400) {
    return `The overview filters were rejected: ${error.cause.message}`;
  }
  return 'Could not load the overview';
}

function DataAge(props: { response: OverviewResponse }) {
  const { generatedAt, indexedAt } = props.response;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      Rows computed <Freshness fetchedAt={generatedAt} />
      {indexedAt && (
        <>
          ; catalog read <Freshness fetchedAt={indexedAt} />
        </>
      )}
    </Typography>
  );
}

/**
 * The Overview tab: every annotated component the user may read, worst
 * status first, paged on the server. Filters and the page live in the URL
 * under the backend's parameter names, so a view can be shared; the CSV
 * export takes every page of the current filter.
 */
export function PlatformOpsOverview() {
  const [search, setSearch] = useSearchParams();
  const query = overviewQueryOf(search);
  const { response, error, loading, retry } = useOverview(query);
  const filtered = hasFilters(search);

  const change = (
    changes: Parameters<typeof withOverviewParams>[1],
    replace = false,
  ) => setSearch(current => withOverviewParams(current, changes), { replace });
  const changeFilter = (name: OverviewFilter, value: string) =>
    // Typing replaces the entry rather than filling the history.
    change({ [name]: value }, name !== 'status');
  const clearFilters = () => setSearch(current => withoutFilters(current));
  const changePage = (page: number, pageSize: number) =>
    change({
      offset: page > 0 ? String(page * pageSize) : undefined,
      limit: pageSize === OVERVIEW_PAGE_SIZE ? undefined : String(pageSize),
    });

  // Copies: the table writes its own state into the rows it is given.
  const rows: OverviewRow[] = (response?.rows ?? []).map(row => ({ ...row }));
  const { offset, limit, ...filters } = query;

  return (
    <Box>
      <OverviewFilters
        values={{
          party: search.get('party') ?? '',
          owner: search.get('owner') ?? '',
          environment: search.get('environment') ?? '',
          q: search.get('q') ?? '',
        }}
        status={statusOf(search)}
        flagCounts={response?.flagCounts ?? {}}
        onChange={changeFilter}
        onClear={filtered ? clearFilters : undefined}
      />
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        flexWrap="wrap"
        gridGap={8}
        mb={1}
      >
        <Box>{response && !error && <DataAge response={response} />}</Box>
        <OverviewExportButton
          query={filters}
          disabled={Boolean(error) || !response || response.total === 0}
        />
      </Box>
      {error ? (
        <>
          <ResponseErrorPanel error={error} title={errorTitle(error)} />
          <Box display="flex" gridGap={8} mt={1}>
            <Button variant="outlined" onClick={retry}>
              Try again
            </Button>
            {filtered && (
              <Button variant="outlined" onClick={clearFilters}>
                Clear filters
              </Button>
            )}
          </Box>
        </>
      ) : (
        <Table<OverviewRow>
          // Remounted for a new page size, which the table reads once.
          key={limit}
          title="Components"
          subtitle={
            response
              ? `${response.total} matching, worst status first`
              : undefined
          }
          isLoading={loading}
          columns={overviewColumns}
          data={rows}
          page={Math.floor(offset / limit)}
          totalCount={response?.total ?? 0}
          onPageChange={changePage}
          options={{
            paging: true,
            pageSize: limit,
            pageSizeOptions: [...new Set([...PAGE_SIZES, limit])].sort(
              (a, b) => a - b,
            ),
            emptyRowsWhenPaging: false,
            search: false,
            sorting: false,
            draggable: false,
            padding: 'dense',
          }}
          emptyContent={
            <OverviewEmptyState filtered={filtered} onClear={clearFilters} />
          }
        />
      )}
    </Box>
  );
}
