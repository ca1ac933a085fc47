import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AlertNoiseResponse,
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
} from '@platform-ops/plugin-platform-ops-common';
import { newClientId } from './newClientId';
import {
  AlertHistory,
  AlertNoiseFilter,
  ChangeResult,
  ChangesQuery,
  PlatformOpsApi,
  WindowsResponse,
} from './PlatformOpsApi';

/** How long one summary answer serves every card of a page. */
const SUMMARY_SHARE_MS = 5_000;

function entityPath(entityRef: CompoundEntityRef): string {
  return [
    entityRef.kind.toLocaleLowerCase('en-US'),
    entityRef.namespace,
    entityRef.name,
  ]
    .map(part => encodeURIComponent(part))
    .join('/');
}

/** A query string of the parameters that are set, or nothing. */
function searchOf(parameters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Default {@link PlatformOpsApi}: calls the `platform-ops` backend through
 * the app's fetch API, so requests carry the user's credentials.
 *
 * @public
 */
export class PlatformOpsClient implements PlatformOpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly summaries = new Map<
    string,
    { at: number; summary: Promise<OpsSummary> }
  >();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /**
   * Cards on one entity page share a single request: a summary requested
   * again within a few seconds reuses the same answer.
   */
  async getSummary(entityRef: CompoundEntityRef): Promise<OpsSummary> {
    const path = `/summary/${entityPath(entityRef)}`;
    const now = Date.now();
    const shared = this.summaries.get(path);
    if (shared && now - shared.at < SUMMARY_SHARE_MS) return shared.summary;
    const summary = this.get<OpsSummary>(path);
    this.summaries.set(path, { at: now, summary });
    // A failure is not shared: the next card or a retry asks again.
    summary.catch(() => this.summaries.delete(path));
    return summary;
  }

  async lookup(
    query: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<LookupResponse> {
    const search = new URLSearchParams({ q: query });
    return this.get<LookupResponse>(`/lookup?${search}`, options.signal);
  }

  async getSources(): Promise<SourceStatus[]> {
    return (await this.get<{ sources: SourceStatus[] }>('/sources')).sources;
  }

  async getOverview(
    query: Partial<OverviewQuery> = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<OverviewResponse> {
    const search = searchOf({
      offset: query.offset?.toString(),
      limit: query.limit?.toString(),
      party: query.party,
      owner: query.owner,
      environment: query.environment,
      q: query.q,
      status: query.status?.join(','),
    });
    return this.get<OverviewResponse>(`/overview${search}`, options.signal);
  }

  async getAlertHistory(
    entityRef: CompoundEntityRef,
    days: number,
  ): Promise<AlertHistory> {
    const search = new URLSearchParams({ days: String(days) });
    return this.get<AlertHistory>(
      `/alerts/history/${entityPath(entityRef)}?${search}`,
    );
  }

  async getAlertNoise(
    filter: AlertNoiseFilter = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<AlertNoiseResponse> {
    const search = searchOf({
      days: filter.days?.toString(),
      environment: filter.environment,
    });
    return this.get<AlertNoiseResponse>(
      `/alerts/noise${search}`,
      options.signal,
    );
  }

  async getDrills(
    options: { entityRef?: string } = {},
  ): Promise<DrillsResponse> {
    const search = options.entityRef
      ? `?${new URLSearchParams({ entity: options.entityRef })}`
      : '';
    return this.get<DrillsResponse>(`/drills${search}`);
  }

  async recordDrill(input: DrillInput): Promise<Drill> {
    const body: DrillInput = { ...input, id: input.id ?? newClientId() };
    return (await this.send<{ drill: Drill }>('POST', '/drills', body)).drill;
  }

  async getChanges(query: ChangesQuery = {}): Promise<ComponentChange[]> {
    const search = searchOf({
      entity: query.entityRef,
      environment: query.environment,
      from: query.from,
      to: query.to,
    });
    return (await this.get<{ changes: ComponentChange[] }>(`/changes${search}`))
      .changes;
  }

  async announceChange(input: ChangeInput): Promise<ChangeResult> {
    const body: ChangeInput = { ...input, id: input.id ?? newClientId() };
    return this.send<ChangeResult>('POST', '/changes', body);
  }

  async updateChange(id: string, update: ChangeUpdate): Promise<ChangeResult> {
    return this.send<ChangeResult>(
      'PATCH',
      `/changes/${encodeURIComponent(id)}`,
      update,
    );
  }

  async getWindows(query: {
    from: string;
    to: string;
    environment?: string;
  }): Promise<WindowsResponse> {
    return this.get<WindowsResponse>(`/windows${searchOf(query)}`);
  }

  async createCalendarToken(): Promise<{ url: string }> {
    return this.send<{ url: string }>('POST', '/calendar-token');
  }

  async revokeCalendarToken(): Promise<void> {
    await this.request('/calendar-token', { method: 'DELETE' });
  }

  private async send<T>(
    method: 'POST' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.request(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await this.request(path, {
      headers: { Accept: 'application/json' },
      signal,
    });
    return (await response.json()) as T;
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-ops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
