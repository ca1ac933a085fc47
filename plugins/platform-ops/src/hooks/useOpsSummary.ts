import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformOpsApiRef } from '../api';

/** The current entity's summary, with loading, error and retry. */
export function useOpsSummary() {
  const { entity } = useEntity();
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const platformOpsApi = useApi(platformOpsApiRef);
  return useAsyncRetry(
    () => platformOpsApi.getSummary({ kind, namespace, name }),
    [platformOpsApi, kind, namespace, name],
  );
}
