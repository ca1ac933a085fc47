import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OpsSummary,
  PlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { LiveLayers } from './liveLayers';
import { ContactResolver } from './scope/ContactResolver';
import { contactRefsOf, withContacts } from './scope/contacts';
import { SummaryCache } from './SummaryCache';

/**
 * Builds one {@link @platform-ops/plugin-platform-ops-common#OpsSummary} per
 * entity.
 *
 * @public
 */
export interface SummaryService {
  /** Returns the summary, or undefined when the catalog has no such entity. */
  getSummary(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<OpsSummary | undefined>;
}

/**
 * The default {@link SummaryService}. A request costs one authorization of
 * the caller for the entity (the catalog's read permission, so catalog
 * permissions apply) and a lookup in the {@link SummaryCache}, built once
 * per refresh. An entity outside the cache (no `platform-ops/`
 * annotations, or newer than the entity index) is read from the catalog
 * with the caller's credentials and summarized on the spot.
 */
export class CatalogSummaryService implements SummaryService {
  private constructor(
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
    private readonly contacts: ContactResolver,
    private readonly cache: Pick<SummaryCache, 'get'>,
    private readonly layers: Pick<LiveLayers, 'fillOne'>,
    private readonly config: PlatformOpsConfig,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    catalog: CatalogService;
    permissions: PermissionsService;
    contacts: ContactResolver;
    cache: Pick<SummaryCache, 'get'>;
    layers: Pick<LiveLayers, 'fillOne'>;
    config: PlatformOpsConfig;
    clock?: () => DateTime;
  }): CatalogSummaryService {
    return new CatalogSummaryService(
      options.catalog,
      options.permissions,
      options.contacts,
      options.cache,
      options.layers,
      options.config,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  async getSummary(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<OpsSummary | undefined> {
    const entityRef = stringifyEntityRef(ref);
    const [decision] = await this.permissions.authorize(
      [{ permission: catalogEntityReadPermission, resourceRef: entityRef }],
      options,
    );
    // As the catalog does: an entity the caller may not read does not exist.
    if (decision.result !== AuthorizeResult.ALLOW) return undefined;
    return (await this.cache.get(entityRef)) ?? this.fromCatalog(ref, options);
  }

  private async fromCatalog(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<OpsSummary | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, options);
    if (!entity) return undefined;
    const base = summarizeEntity(entity, this.config, this.clock());
    const contacts = await this.contacts.resolve(
      contactRefsOf(base.scope),
      options,
    );
    return this.layers.fillOne(withContacts(base, contacts));
  }
}
