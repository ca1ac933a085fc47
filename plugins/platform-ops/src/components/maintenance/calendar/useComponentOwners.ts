import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/**
 * The owner of each component, from the catalog's `ownedBy` relation, as
 * the backend reads it for the calendar feed's `owner=`. `GET /changes`
 * takes no owner, so the calendar filters changes by owner in the browser
 * with these.
 */
export function useComponentOwners(entityRefs: string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = [...new Set(entityRefs)].sort().join('\n');
  return useAsync(async () => {
    const refs = key ? key.split('\n') : [];
    const owners = new Map<string, string>();
    if (refs.length === 0) return owners;
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
    });
    items.forEach((entity, index) => {
      const owner = entity?.relations?.find(
        relation => relation.type === RELATION_OWNED_BY,
      )?.targetRef;
      if (owner) owners.set(refs[index], owner);
    });
    return owners;
  }, [catalogApi, key]);
}
