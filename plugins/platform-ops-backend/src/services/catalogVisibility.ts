import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Refs per visibility request, so a large index never makes one huge call. */
const BATCH = 200;

/**
 * The items whose entity the catalog answers for the caller's credentials,
 * so everything the plugin serves honours catalog permissions. One catalog
 * call per 200 refs, asking only for the fields that prove existence.
 */
export async function filterVisible<T>(
  catalog: Pick<CatalogService, 'getEntitiesByRefs'>,
  items: T[],
  refOf: (item: T) => string,
  options: { credentials: BackstageCredentials },
): Promise<T[]> {
  const visible: T[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    const { items: entities } = await catalog.getEntitiesByRefs(
      { entityRefs: batch.map(refOf), fields: ['kind', 'metadata.name'] },
      options,
    );
    batch.forEach((item, position) => {
      if (entities[position]) visible.push(item);
    });
  }
  return visible;
}
