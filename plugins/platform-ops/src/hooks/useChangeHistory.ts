import { useApi } from '@backstage/core-plugin-api';
import { ComponentChange } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformOpsApiRef } from '../api';

/** How far back the history of a component's changes goes. */
const HISTORY = { years: 1 };

/**
 * A component's changes, newest first: those still to come or under way,
 * its own and its dependencies' (each with `via`), and its own of the past
 * year, done and cancelled ones included.
 */
export function useChangeHistory(entityRef: string) {
  const platformOpsApi = useApi(platformOpsApiRef);
  return useAsyncRetry(async () => {
    const [upcoming, recent] = await Promise.all([
      platformOpsApi.getChanges({ entityRef }),
      platformOpsApi.getChanges({
        from: DateTime.now().minus(HISTORY).toUTC().toISO()!,
      }),
    ]);
    const byId = new Map<string, ComponentChange>();
    for (const change of recent) {
      if (change.entityRefs.includes(entityRef)) byId.set(change.id, change);
    }
    // The upcoming list says through which dependency a change comes.
    for (const change of upcoming) byId.set(change.id, change);
    return [...byId.values()].sort(
      (a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id),
    );
  }, [platformOpsApi, entityRef]);
}
