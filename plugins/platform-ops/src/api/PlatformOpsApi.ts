import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';

/**
 * Reads Platform Ops data from the `platform-ops` backend.
 *
 * @public
 */
export interface PlatformOpsApi {
  /**
   * Scope, alerting, backups and maintenance of one entity, with the
   * problems found in its annotations.
   *
   * @param entityRef - The entity to summarize.
   */
  getSummary(entityRef: CompoundEntityRef): Promise<OpsSummary>;
}

/**
 * Reference to the {@link PlatformOpsApi}.
 *
 * @public
 */
export const platformOpsApiRef = createApiRef<PlatformOpsApi>({
  id: 'plugin.platform-ops.service',
});
