import { useApi } from '@backstage/core-plugin-api';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { platformOpsApiRef } from '../../../api';

/** How far back a linked change is looked for. */
export const LOOKUP_DAYS = 400;

/**
 * One change by its id, looked for among the changes of the past
 * {@link LOOKUP_DAYS} days and all to come (`GET /changes` has no lookup
 * by id). Asked only when `enabled`, as when a link names a change the
 * calendar has not loaded. Resolves to `null` when there is none the
 * viewer may see.
 */
export function useChangeLookup(id: string | undefined, enabled: boolean) {
  const platformOpsApi = useApi(platformOpsApiRef);
  return useAsync(async () => {
    if (!id || !enabled) return undefined;
    const changes = await platformOpsApi.getChanges({
      from: DateTime.now().minus({ days: LOOKUP_DAYS }).toUTC().toISO()!,
    });
    return changes.find(change => change.id === id) ?? null;
  }, [platformOpsApi, id, enabled]);
}
