import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  AlertHistoryDay,
  Drill,
  DrillInput,
  DrillsResponse,
  LookupResponse,
  OpsSummary,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';

/**
 * Alert occurrences of one entity for the noise review.
 *
 * @public
 */
export type AlertHistory = { since: string; days: AlertHistoryDay[] };

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

  /**
   * The incident lookup: components matching a name, title, tag, Kubernetes
   * id or alert label value (also `label=value`), best first.
   */
  lookup(
    query: string,
    options?: { signal?: AbortSignal },
  ): Promise<LookupResponse>;

  /** Health of every data source. */
  getSources(): Promise<SourceStatus[]>;

  /** Alerts per day, environment and level over the last `days` days. */
  getAlertHistory(
    entityRef: CompoundEntityRef,
    days: number,
  ): Promise<AlertHistory>;

  /**
   * Disaster-recovery drills, newest first, and where each backed-up
   * component stands with them (overdue and missing first).
   *
   * @param options - `entityRef` (such as `component:default/orders-db`)
   *   limits both to one component.
   */
  getDrills(options?: { entityRef?: string }): Promise<DrillsResponse>;

  /**
   * Records a drill and its retrospective. Without an `id`, the client
   * picks one; recording the same `id` again stores nothing new, so a
   * retried submit records one drill.
   */
  recordDrill(input: DrillInput): Promise<Drill>;
}

/**
 * Reference to the {@link PlatformOpsApi}.
 *
 * @public
 */
export const platformOpsApiRef = createApiRef<PlatformOpsApi>({
  id: 'plugin.platform-ops.service',
});
