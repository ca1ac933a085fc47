import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  OpsSummary,
  parsePlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { EntityIndex } from './EntityIndex';
import { LiveLayers } from './liveLayers';
import { ContactResolver } from './scope/ContactResolver';
import { SummaryCache } from './SummaryCache';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: name.toUpperCase(),
      annotations: { 'platform-ops/scope': 'platform' },
    },
    spec: { type: 'service', owner: 'group:default/platform-team' },
  };
}

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-team' },
  spec: {
    type: 'team',
    profile: { email: 'platform@example.com' },
    children: [],
  },
};

/** A cache over a real index and contacts; the live layers count their fills and mark each summary. */
function setup(options: { maxAgeMs?: number } = {}) {
  let now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
  const clock = () => now;
  const catalog = catalogServiceMock({
    entities: [component('alpha'), component('beta'), team],
  });
  const { config } = parsePlatformOpsConfig({});
  const index = EntityIndex.create({
    catalog,
    auth: mockServices.auth(),
    config: config!,
    logger: mockServices.logger.mock(),
    clock,
  });
  let fills = 0;
  let failNext = false;
  const layers = {
    fill: jest.fn(async (summaries: OpsSummary[]) => {
      fills += 1;
      if (failNext) {
        failNext = false;
        throw new Error('database restarting');
      }
      const fill = fills;
      return summaries.map(summary => ({ ...summary, problems: [], fill }));
    }),
    fillOne: jest.fn(),
  } as unknown as LiveLayers;
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const cache = SummaryCache.create({
    index,
    contacts: ContactResolver.create({ catalog }),
    auth: mockServices.auth(),
    layers,
    logger: mockServices.logger.mock(),
    maxAgeMs: options.maxAgeMs ?? 5_000,
    clock,
  });
  const fillOf = async (ref: string) =>
    ((await cache.get(ref)) as (OpsSummary & { fill: number }) | undefined)
      ?.fill;
  return {
    cache,
    fillOf,
    fills: () => fills,
    catalogCalls: () => getEntitiesByRefs.mock.calls.length,
    advance: (ms: number) => {
      now = now.plus({ milliseconds: ms });
    },
    failNextFill: () => {
      failNext = true;
    },
  };
}

/** Lets a background rebuild finish. */
const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('SummaryCache', () => {
  it('builds every summary once, with contacts, and serves later reads from memory', async () => {
    const { cache, fills, catalogCalls } = setup();
    const alpha = await cache.get('component:default/alpha');
    expect(alpha?.scope.contacts['group:default/platform-team']).toMatchObject({
      found: true,
      email: 'platform@example.com',
    });
    const calls = catalogCalls();
    for (let i = 0; i < 20; i++) {
      await cache.get(
        i % 2 ? 'component:default/alpha' : 'Component:default/BETA',
      );
    }
    expect(fills()).toBe(1);
    expect(catalogCalls()).toBe(calls);
    expect(await cache.get('component:default/unknown')).toBeUndefined();
  });

  it('sorts the overview rows once, worst first, and dates the copy', async () => {
    const { cache } = setup();
    const built = await cache.current();
    expect(built.rows.map(row => row.entity.name)).toEqual(['alpha', 'beta']);
    expect(built.builtAt.toISO()).toBe('2026-11-28T12:00:00.000Z');
    expect((await cache.get('component:default/alpha'))?.generatedAt).toBe(
      '2026-11-28T12:00:00.000Z',
    );
  });

  it('waits for a rebuild after a write, so the writer reads it', async () => {
    const { cache, fillOf, fills } = setup();
    expect(await fillOf('component:default/alpha')).toBe(1);
    cache.invalidate();
    expect(await fillOf('component:default/alpha')).toBe(2);
    expect(fills()).toBe(2);
  });

  it('serves an old copy while rebuilding it in the background', async () => {
    const { fillOf, advance } = setup({ maxAgeMs: 1_000 });
    expect(await fillOf('component:default/alpha')).toBe(1);
    advance(500);
    expect(await fillOf('component:default/alpha')).toBe(1);
    advance(1_000);
    // Old, so a rebuild starts; this read still gets the old copy.
    expect(await fillOf('component:default/alpha')).toBe(1);
    await settle();
    expect(await fillOf('component:default/alpha')).toBe(2);
  });

  it('keeps the old copy when a rebuild fails', async () => {
    const { fillOf, advance, failNextFill } = setup({ maxAgeMs: 1_000 });
    expect(await fillOf('component:default/alpha')).toBe(1);
    advance(2_000);
    failNextFill();
    expect(await fillOf('component:default/alpha')).toBe(1);
    await settle();
    expect(await fillOf('component:default/alpha')).toBe(1);
  });
});
