import { ResponseErrorPanel, StatusError, StatusOK, StatusWarning, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SourceStatus } from '@platform-ops/plugin-platform-ops-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformOpsApiRef } from '../../api';
import { Freshness } from './Freshness';

function Health(props: { source: SourceStatus }) {
  const { source } = props;
  if (source.lastError) return <StatusError>unreachable: {source.lastError}</StatusError>;
  if (source.heartbeat && source.heartbeat !== 'ok') {
    return <StatusWarning>heartbeat {source.heartbeat}</StatusWarning>;
  }
  return <StatusOK>ok</StatusOK>;
}

const columns: TableColumn<SourceStatus>[] = [
  { title: 'Source', field: 'id' },
  { title: 'Environment', field: 'environment' },
  { title: 'Health', render: source => <Health source={source} /> },
  { title: 'Last good fetch', render: source => <Freshness fetchedAt={source.fetchedAt} /> },
  { title: 'Items', field: 'items', type: 'numeric' },
];

/** Every data source with its health, so a quiet page can be checked. */
export function SourcesTable() {
  const api = useApi(platformOpsApiRef);
  const { value, loading, error } = useAsyncRetry(() => api.getSources(), [api]);
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Table
      title="Data sources"
      isLoading={loading}
      options={{ paging: false, search: false }}
      columns={columns}
      data={value ?? []}
      emptyContent={<p>No sources: add alertmanager.baseUrl to an environment in platformOps.environments.</p>}
    />
  );
}
