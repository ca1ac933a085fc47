import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { AlertNoiseResponse } from '@platform-ops/plugin-platform-ops-common';
import { useSearchParams } from 'react-router-dom';
import { Freshness } from '../../shared/Freshness';
import {
  mostlySilencedColumns,
  noiseRowColumns,
  percent,
} from './noiseColumns';
import { NoiseEmptyState } from './NoiseEmptyState';
import { NoiseFilters } from './NoiseFilters';
import {
  hasNoiseFilters,
  NoiseFilter,
  noiseFilterOf,
  withNoiseParams,
} from './noiseSearch';
import { useAlertNoise } from './useAlertNoise';

/** A rejected filter names the parameter to fix in the panel's title. */
function errorTitle(error: Error): string {
  if (error instanceof ResponseError && error.statusCode === 400) {
    return `The noise filters were rejected: ${error.cause.message}`;
  }
  return 'Could not load the alert-noise review';
}

/** When the history was last recorded, and how far back it goes. */
function DataAge(props: { response: AlertNoiseResponse }) {
  const { recordedAt, historySince, since } = props.response;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {recordedAt ? (
        <>
          History last recorded <Freshness fetchedAt={recordedAt} />
        </>
      ) : (
        'No alert poll has succeeded yet: the history has nothing recent'
      )}
      {historySince && historySince > since && (
        <>; it only goes back to {historySince}</>
      )}
      .
    </Typography>
  );
}

function NoiseTable<T extends object>(props: {
  title: string;
  subtitle: string;
  columns: TableColumn<T>[];
  rows: T[];
  loading: boolean;
  empty: string;
}) {
  const { title, subtitle, columns, rows, loading, empty } = props;
  return (
    <Box mb={3}>
      <Table<T>
        title={title}
        subtitle={subtitle}
        isLoading={loading}
        columns={columns}
        // Copies: the table writes its own state into the rows it is given.
        data={rows.map(row => ({ ...row }))}
        options={{
          paging: rows.length > 20,
          pageSize: 20,
          emptyRowsWhenPaging: false,
          search: false,
          sorting: true,
          draggable: false,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">{empty}</Typography>
          </Box>
        }
      />
    </Box>
  );
}

/**
 * The Noise tab: alerts fired per component, level and environment over
 * the last 30 or 90 days, for tuning P1, P2 and P3. The P1s that fired
 * most often come first, flagged when they fire every week; then the
 * components whose alerts were mostly silenced; then every row. The period
 * and the environment live in the URL (`?days=90&environment=production`),
 * so a view can be shared; each component links to its history chart.
 */
export function AlertNoise() {
  const [search, setSearch] = useSearchParams();
  const filter = noiseFilterOf(search);
  const { response, error, loading, retry } = useAlertNoise(filter);
  const filtered = hasNoiseFilters(search);
  const days = filter.days!;

  const change = (name: NoiseFilter, value: string) =>
    setSearch(current => withNoiseParams(current, { [name]: value }));
  const clear = () =>
    setSearch(current =>
      withNoiseParams(current, { days: undefined, environment: undefined }),
    );

  const filters = (
    <NoiseFilters
      days={days}
      environment={filter.environment}
      environments={response?.environments ?? []}
      onChange={change}
      onClear={filtered ? clear : undefined}
    />
  );

  if (error) {
    return (
      <Box>
        {filters}
        <ResponseErrorPanel error={error} title={errorTitle(error)} />
        <Box display="flex" gridGap={8} mt={1}>
          <Button variant="outlined" onClick={retry}>
            Try again
          </Button>
          {filtered && (
            <Button variant="outlined" onClick={clear}>
              Clear filters
            </Button>
          )}
        </Box>
      </Box>
    );
  }
  if (!response) {
    return (
      <Box>
        {filters}
        <Progress />
      </Box>
    );
  }

  const { thresholds } = response;
  return (
    <Box>
      {filters}
      <DataAge response={response} />
      {response.rows.length === 0 ? (
        <NoiseEmptyState
          days={response.days}
          environment={response.environment}
        />
      ) : (
        <>
          <Typography variant="body2" paragraph>
            {response.since} to {response.until}. Each alert counts once per day
            it fired, whether it notified or was silenced.
          </Typography>
          <NoiseTable
            title="P1s that fired most often"
            subtitle={`On the most days first. A P1 firing in ${thresholds.everyWeek} or more weeks of the period fires every week: it is not a P1, or it is a problem to fix.`}
            columns={noiseRowColumns}
            rows={response.frequentP1s}
            loading={loading}
            empty={`No P1 fired in the last ${response.days} days.`}
          />
          <NoiseTable
            title="Mostly silenced"
            subtitle={`Components with more than ${percent(
              thresholds.mostlySilencedShare,
            )} of at least ${
              thresholds.mostlySilencedMinimum
            } alerts silenced in an environment: tune or remove those alerts.`}
            columns={mostlySilencedColumns}
            rows={response.mostlySilenced}
            loading={loading}
            empty="No component had most of its alerts silenced."
          />
          <NoiseTable
            title="All alerts by component and level"
            subtitle="P1 first, then P2 and P3; most often first within a level."
            columns={noiseRowColumns}
            rows={response.rows}
            loading={loading}
            empty="No alert fired."
          />
        </>
      )}
    </Box>
  );
}
