import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { platformOpsApiRef } from '../../api';
import { AlertHistoryChart } from './AlertHistoryChart';

/** How far back the noise review looks. */
const DAYS = 30;

/** The entity's alerts per day and level over the last 30 days. */
export function AlertHistoryCard() {
  const { entity } = useEntity();
  const api = useApi(platformOpsApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getAlertHistory(ref, DAYS),
    [api, ref.kind, ref.namespace, ref.name],
  );
  return (
    <InfoCard title={`Alert history, last ${DAYS} days`}>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && <AlertHistoryChart days={value.days} since={value.since} count={DAYS} />}
    </InfoCard>
  );
}
