import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parsePlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import { EntityIndex } from '../EntityIndex';
import { ContactResolver } from '../scope/ContactResolver';
import { LOOKUP_LIMIT, LookupService } from './LookupService';

/** More hidden matches than the old code ranked (twice the limit), and over one batch. */
const HIDDEN = 450;

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: {
      type: 'service',
      owner: 'group:default/orders-team',
      lifecycle: 'production',
    },
  };
}

const annotated = (name: string) =>
  component(name, { 'platform-ops/scope': 'application' });

// Same score for every "orders-" name; ties are ranked by name, so all the
// hidden ones ("orders-hidden-…") come before "orders-visible".
const entities: Entity[] = [
  ...Array.from({ length: HIDDEN }, (_, i) =>
    annotated(`orders-hidden-${String(i).padStart(3, '0')}`),
  ),
  annotated('orders-visible'),
  annotated('payments'),
  component('orders-unannotated', {}),
];

const jane = mockCredentials.user('user:default/jane');

/**
 * The catalog as a permission policy would shape it: the index (service
 * credentials) sees everything, a user does not see the "hidden" entities.
 */
function catalogHidingFromUsers() {
  const catalog = catalogServiceMock({ entities });
  const answer = catalog.getEntitiesByRefs.bind(catalog);
  const requests: string[][] = [];
  catalog.getEntitiesByRefs = async (request, options) => {
    requests.push(request.entityRefs);
    const { items } = await answer(request, options);
    const credentials = (options as { credentials: BackstageCredentials })
      .credentials;
    const isUser =
      (credentials.principal as BackstageUserPrincipal).type === 'user';
    return {
      items: items.map(entity =>
        isUser && entity?.metadata.name.includes('hidden') ? undefined : entity,
      ),
    };
  };
  return { catalog: catalog as CatalogService, requests };
}

function createLookup() {
  const { catalog, requests } = catalogHidingFromUsers();
  const { config } = parsePlatformOpsConfig({});
  const index = EntityIndex.create({
    catalog,
    auth: mockServices.auth(),
    config: config!,
    logger: mockServices.logger.mock(),
  });
  const lookup = LookupService.create({
    index,
    catalog,
    contacts: ContactResolver.create({ catalog }),
    alerts: {
      countsFor: async summaries =>
        summaries.map(() => ({
          counts: { P1: 0, P2: 0, P3: 0 },
          trustworthy: true,
        })),
    },
  });
  return { lookup, requests };
}

describe('LookupService', () => {
  it('finds a visible match ranked behind more hidden matches than the limit', async () => {
    const { lookup } = createLookup();
    const response = await lookup.lookup('orders', { credentials: jane });
    expect(response.results.map(result => result.entity.ref)).toEqual([
      'component:default/orders-visible',
    ]);
    expect(response.results[0].match).toEqual({
      field: 'name',
      matched: 'orders-visible',
      score: 80,
    });
  });

  it('counts only the indexed entities the caller may see', async () => {
    const { lookup } = createLookup();
    const response = await lookup.lookup('payments', { credentials: jane });
    expect(response.indexedEntities).toBe(2);
    expect(response.results.map(result => result.entity.ref)).toEqual([
      'component:default/payments',
    ]);
  });

  it('shows a caller that may see everything the whole index, capped at the limit', async () => {
    const { lookup } = createLookup();
    const response = await lookup.lookup('orders', {
      credentials: mockCredentials.service(),
    });
    expect(response.indexedEntities).toBe(HIDDEN + 2);
    expect(response.results).toHaveLength(LOOKUP_LIMIT);
    expect(response.results[0].entity.ref).toBe(
      'component:default/orders-hidden-000',
    );
  });

  it('asks the catalog about the index in bounded batches', async () => {
    const { lookup, requests } = createLookup();
    await lookup.lookup('orders', { credentials: jane });
    const visibility = requests.filter(refs =>
      refs.some(ref => ref.includes('orders-hidden')),
    );
    expect(visibility.length).toBeGreaterThan(1);
    expect(
      Math.max(...visibility.map(refs => refs.length)),
    ).toBeLessThanOrEqual(200);
    expect(new Set(visibility.flat()).size).toBe(HIDDEN + 2);
  });
});
