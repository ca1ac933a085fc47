import Typography from '@material-ui/core/Typography';
import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SourceStatus } from '@platform-ops/plugin-platform-ops-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformOpsApiRef } from '../../api';
import { Freshness } from './Freshness';
import { Judgement, StatusLine } from './StatusLine';

function describeState(source: SourceStatus): Judgement {
  switch (source.state) {
    case 'ok':
      return { status: 'ok', text: 'ok' };
    case 'stale':
      return {
        status: 'warning',
        text: 'stale: no recent good fetch, its data may be out of date',
      };
    default:
      return {
        status: 'error',
        text: 'failing: the last attempt failed, showing the last good data',
      };
  }
}

/** The cleaned last error, a heartbeat that is not ok, and each warning. */
function Details(props: { source: SourceStatus }) {
  const { source } = props;
  const heartbeat =
    source.heartbeat && source.heartbeat !== 'ok'
      ? `Heartbeat ${source.heartbeat}: "no alerts" from this source means nothing`
      : undefined;
  const warnings = [
    ...(heartbeat ? [heartbeat] : []),
    // The headroom has its own column.
    ...(source.warnings ?? []).filter(
      warning => warning !== source.headroom?.message,
    ),
  ];
  if (!source.lastError && warnings.length === 0) {
    return <Typography variant="body2">none</Typography>;
  }
  return (
    <>
      {source.lastError && (
        <StatusLine status="error">Last error: {source.lastError}</StatusLine>
      )}
      {warnings.map(warning => (
        <StatusLine key={warning} status="warning">
          {warning}
        </StatusLine>
      ))}
    </>
  );
}

/**
 * Whether a cluster can lose its largest node, for cluster sources: a
 * shortfall is a warning, and room is only ok from fresh data.
 */
function Headroom(props: { source: SourceStatus }) {
  const { headroom, state } = props.source;
  if (!headroom) return null;
  const known = state === 'ok' ? '' : 'Last known: ';
  return (
    <StatusLine status={headroom.state === 'short' || known ? 'warning' : 'ok'}>
      {known}
      {headroom.message}
    </StatusLine>
  );
}

const columns: TableColumn<SourceStatus>[] = [
  { title: 'Source', field: 'id' },
  { title: 'Environment', field: 'environment' },
  {
    title: 'State',
    render: source => {
      const judged = describeState(source);
      return <StatusLine status={judged.status}>{judged.text}</StatusLine>;
    },
  },
  {
    title: 'Last good fetch',
    render: source => <Freshness fetchedAt={source.fetchedAt} />,
  },
  { title: 'Items', field: 'items', type: 'numeric' },
  {
    title: 'Drain headroom',
    render: source => <Headroom source={source} />,
  },
  { title: 'Problems', render: source => <Details source={source} /> },
];

/**
 * Every data source (Alertmanager, Velero and the cluster per environment)
 * with its state, the age of its last good fetch, a cluster's drain
 * headroom, its last error and its warnings, so a quiet page can be
 * checked.
 */
export function SourcesTable() {
  const api = useApi(platformOpsApiRef);
  const { value, loading, error } = useAsyncRetry(
    () => api.getSources(),
    [api],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Table
      title="Data sources"
      isLoading={loading}
      options={{ paging: false, search: false }}
      columns={columns}
      // Copies: the table writes its own state into the rows it is given.
      data={(value ?? []).map(source => ({ ...source }))}
      emptyContent={
        <p style={{ padding: 16 }}>
          No sources: add alertmanager.baseUrl or kubernetes to an environment
          in platformOps.environments.
        </p>
      }
    />
  );
}
