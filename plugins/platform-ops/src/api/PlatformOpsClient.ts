import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { PlatformOpsApi } from './PlatformOpsApi';

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
    const path = [
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.namespace,
      entityRef.name,
    ]
      .map(part => encodeURIComponent(part))
      .join('/');
    return this.get<OpsSummary>(`/summary/${path}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-ops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
