import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  AlertHistoryDay,
  AlertNoiseResponse,
  Change,
  ChangeInput,
  ChangeUpdate,
  ComponentChange,
  Drill,
  DrillInput,
  DrillsResponse,
  LookupResponse,
  OpsSummary,
  OverviewQuery,
  OverviewResponse,
  SourceStatus,
  WindowOccurrence,
} from '@platform-ops/plugin-platform-ops-common';

/**
 * Alert occurrences of one entity for the noise review.
 *
 * @public
 */
export type AlertHistory = { since: string; days: AlertHistoryDay[] };

/**
 * Which alert-noise review to fetch: the last `days` days (30 or 90, the
 * backend's default 30), of one `environment` or of all of them. Values
 * go to the backend as given, so a bad one comes back as a 400 naming it.
 *
 * @public
 */
export type AlertNoiseFilter = { days?: number; environment?: string };

/**
 * A change as stored after an announcement or a status update, with what
 * the backend could not do or wants the user to know ("Short notice: ...",
 * "Owners were not notified: ...").
 *
 * @public
 */
export type ChangeResult = { change: Change; warnings: string[] };

/**
 * Which changes to list. With `entityRef`, the backend lists that
 * component's changes still to come or under way, and those of the
 * components it depends on (each with `via`); `from` and `to` (ISO 8601)
 * otherwise bound the changes that overlap them.
 *
 * @public
 */
export type ChangesQuery = {
  entityRef?: string;
  environment?: string;
  from?: string;
  to?: string;
};

/**
 * Occurrences of the configured maintenance windows, each with the
 * environments that use its window. `truncated` when the range held more
 * than the backend returns at once (400).
 *
 * @public
 */
export type WindowsResponse = {
  occurrences: Array<WindowOccurrence & { environments: string[] }>;
  truncated: boolean;
};

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

  /**
   * One page of the overview: every component the user may read, worst
   * status first, filtered as asked, with the total over all pages and the
   * count of each status flag before the status filter. A parameter left
   * out takes the backend's default (`offset` 0, `limit` 50).
   */
  getOverview(
    query?: Partial<OverviewQuery>,
    options?: { signal?: AbortSignal },
  ): Promise<OverviewResponse>;

  /** Alerts per day, environment and level over the last `days` days. */
  getAlertHistory(
    entityRef: CompoundEntityRef,
    days: number,
  ): Promise<AlertHistory>;

  /**
   * The alert-noise review: alerts fired per component, level and
   * environment over the last 30 or 90 days, the P1s that fired most
   * often first, and the components whose alerts were mostly silenced.
   */
  getAlertNoise(
    filter?: AlertNoiseFilter,
    options?: { signal?: AbortSignal },
  ): Promise<AlertNoiseResponse>;

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

  /** Announced maintenance changes, by start, oldest first. */
  getChanges(query?: ChangesQuery): Promise<ComponentChange[]>;

  /**
   * Announces a maintenance change. Without an `id`, the client picks one;
   * announcing the same `id` again stores nothing new, so a retried submit
   * announces one change.
   */
  announceChange(input: ChangeInput): Promise<ChangeResult>;

  /**
   * Sets a change's status: starts, finishes (with its retrospective),
   * postpones (with a new time) or cancels it.
   */
  updateChange(id: string, update: ChangeUpdate): Promise<ChangeResult>;

  /**
   * The occurrences of the maintenance windows overlapping `from` to `to`
   * (ISO 8601, at most 800 days apart), of one environment's window when
   * `environment` is given.
   */
  getWindows(query: {
    from: string;
    to: string;
    environment?: string;
  }): Promise<WindowsResponse>;

  /**
   * Creates the user's personal calendar subscription URL. It carries a
   * secret token so a calendar client can fetch the feed without a
   * session; creating a new one makes the previous one stop working.
   */
  createCalendarToken(): Promise<{ url: string }>;

  /** Revokes the user's calendar subscription URL. */
  revokeCalendarToken(): Promise<void>;
}

/**
 * Reference to the {@link PlatformOpsApi}.
 *
 * @public
 */
export const platformOpsApiRef = createApiRef<PlatformOpsApi>({
  id: 'plugin.platform-ops.service',
});
