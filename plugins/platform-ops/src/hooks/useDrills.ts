import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformOpsApiRef } from '../api';

/**
 * Drills and drill status, of one component when `entityRef` is given,
 * with loading, error and retry (to refresh after recording one).
 */
export function useDrills(entityRef?: string) {
  const platformOpsApi = useApi(platformOpsApiRef);
  return useAsyncRetry(
    () => platformOpsApi.getDrills(entityRef ? { entityRef } : undefined),
    [platformOpsApi, entityRef],
  );
}
