import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  LookupResponse,
  OpsSummary,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { AlertHistory, PlatformOpsApi } from './PlatformOpsApi';

function entityPath(entityRef: CompoundEntityRef): string {
  return [entityRef.kind.toLocaleLowerCase('en-US'), entityRef.namespace, entityRef.name]
    .map(part => encodeURIComponent(part))
    .join('/');
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

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getSummary(entityRef: CompoundEntityRef): Promise<OpsSummary> {
    return this.get<OpsSummary>(`/summary/${entityPath(entityRef)}`);
  }

  async lookup(query: string, options: { signal?: AbortSignal } = {}): Promise<LookupResponse> {
    const search = new URLSearchParams({ q: query });
    return this.get<LookupResponse>(`/lookup?${search}`, options.signal);
  }

  async getSources(): Promise<SourceStatus[]> {
    return (await this.get<{ sources: SourceStatus[] }>('/sources')).sources;
  }

  async getAlertHistory(entityRef: CompoundEntityRef, days: number): Promise<AlertHistory> {
    const search = new URLSearchParams({ days: String(days) });
    return this.get<AlertHistory>(`/alerts/history/${entityPath(entityRef)}?${search}`);
  }

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-ops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
      signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
