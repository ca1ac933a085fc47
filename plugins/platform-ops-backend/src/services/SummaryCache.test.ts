import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  OpsSummary,
  parsePlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { EntityIndex } from './EntityIndex';
import { LayerVersion, LIVE_LAYERS, LiveLayer, LiveLayers } from './liveLayers';
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

/** Each layer's part, marked with the fill that made it. */
type Marked = { fill: number };

/**
 * A cache over a real index and contacts. The live layers are stand-ins:
 * the test sets what their stores hold (a version per layer), and each
 * fill marks its parts with a number.
 */
function setup(options: { checkIntervalMs?: number; maxAgeMs?: number } = {}) {
  let now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
  const clock = () => now;
  const entities = [component('alpha'), component('beta'), team];
  const catalog = catalogServiceMock({ entities });
  const { config } = parsePlatformOpsConfig({});
  const index = EntityIndex.create({
    catalog,
    auth: mockServices.auth(),
    config: config!,
    logger: mockServices.logger.mock(),
    clock,
  });
  const versions = Object.fromEntries(
    LIVE_LAYERS.map(layer => [layer, { key: 'v1' }]),
  ) as Record<LiveLayer, LayerVersion>;
  let fills = 0;
  const filled: LiveLayer[] = [];
  let failNext = false;
  let versionsRead = 0;
  let beforeVersions = async () => {};
  const layers: Pick<LiveLayers, 'versions' | 'fill'> = {
    versions: async () => {
      versionsRead += 1;
      // Read now, answered once the test lets the check go on.
      const read = { ...versions };
      await beforeVersions();
      if (failNext) {
        failNext = false;
        throw new Error('database restarting');
      }
      return read;
    },
    fill: (async (layer: LiveLayer, summaries: OpsSummary[]) => {
      fills += 1;
      filled.push(layer);
      const fill = fills;
      return summaries.map(summary => {
        switch (layer) {
          case 'alerts':
            return { ...summary.alerting, fill };
          case 'backups':
            return { ...summary.backups, fill };
          default:
            return Object.assign([], { fill });
        }
      });
    }) as LiveLayers['fill'],
  };
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const cache = SummaryCache.create({
    index,
    contacts: ContactResolver.create({ catalog }),
    auth: mockServices.auth(),
    layers,
    logger: mockServices.logger.mock(),
    checkIntervalMs: options.checkIntervalMs ?? 5_000,
    maxAgeMs: options.maxAgeMs ?? 60_000,
    clock,
  });
  /** Which fill made each layer of a summary. */
  const fillsOf = async (ref = 'component:default/alpha') => {
    const summary = (await cache.get(ref))!;
    return {
      alerts: (summary.alerting as unknown as Marked).fill,
      backups: (summary.backups as unknown as Marked).fill,
      changes: (summary.maintenance.changes as unknown as Marked).fill,
      drain: (summary.maintenance.drainReadiness as unknown as Marked).fill,
    };
  };
  return {
    cache,
    index,
    entities,
    fillsOf,
    /** The layers filled since the last call. */
    takeFilled: () => filled.splice(0),
    versionsRead: () => versionsRead,
    catalogCalls: () => getEntitiesByRefs.mock.calls.length,
    setVersion: (layer: LiveLayer, version: LayerVersion) => {
      versions[layer] = version;
    },
    advance: (ms: number) => {
      now = now.plus({ milliseconds: ms });
    },
    now: () => now,
    failNextCheck: () => {
      failNext = true;
    },
    holdChecks: (until: Promise<void>) => {
      beforeVersions = () => until;
    },
  };
}

/** Lets a background check finish. */
const settle = () => new Promise(resolve => setTimeout(resolve, 10));

describe('SummaryCache', () => {
  it('builds every summary once, with contacts, and serves later reads from memory', async () => {
    const { cache, takeFilled, catalogCalls, versionsRead } = setup();
    const alpha = await cache.get('component:default/alpha');
    expect(alpha?.scope.contacts['group:default/platform-team']).toMatchObject({
      found: true,
      email: 'platform@example.com',
    });
    expect(takeFilled()).toEqual(['alerts', 'backups', 'changes', 'drain']);
    const calls = catalogCalls();
    for (let i = 0; i < 20; i++) {
      await cache.get(
        i % 2 ? 'component:default/alpha' : 'Component:default/BETA',
      );
    }
    expect(takeFilled()).toEqual([]);
    expect(catalogCalls()).toBe(calls);
    expect(versionsRead()).toBe(1);
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

  it('checks its inputs now and then, and rebuilds nothing while none changed', async () => {
    const { cache, fillsOf, takeFilled, versionsRead, advance } = setup();
    const first = await cache.current();
    takeFilled();
    advance(4_000);
    await cache.current();
    await settle();
    expect(versionsRead()).toBe(1);
    for (let i = 0; i < 3; i++) {
      advance(5_000);
      await cache.current();
      await settle();
    }
    expect(versionsRead()).toBe(4);
    expect(takeFilled()).toEqual([]);
    expect(await cache.current()).toBe(first);
    expect(await fillsOf()).toEqual({
      alerts: 1,
      backups: 2,
      changes: 3,
      drain: 4,
    });
  });

  it('fills only the layer whose inputs changed, and serves the old copy meanwhile', async () => {
    const { cache, fillsOf, takeFilled, setVersion, advance, catalogCalls } =
      setup();
    await cache.current();
    takeFilled();
    const calls = catalogCalls();
    // Another replica polled the alert sources.
    setVersion('alerts', { key: 'v2' });
    advance(5_000);
    expect((await fillsOf()).alerts).toBe(1);
    await settle();
    expect(takeFilled()).toEqual(['alerts']);
    expect(await fillsOf()).toEqual({
      alerts: 5,
      backups: 2,
      changes: 3,
      drain: 4,
    });
    expect(catalogCalls()).toBe(calls);
    const built = await cache.current();
    expect(built.builtAt.toISO()).toBe('2026-11-28T12:00:05.000Z');
    expect((await cache.get('component:default/alpha'))?.generatedAt).toBe(
      '2026-11-28T12:00:05.000Z',
    );
  });

  it('after an index refresh that changed nothing, resolves the contacts again and rebuilds nothing', async () => {
    const { cache, index, takeFilled, catalogCalls, advance } = setup();
    await cache.current();
    takeFilled();
    const calls = catalogCalls();
    advance(30_000);
    await index.refresh();
    await cache.refresh();
    expect(takeFilled()).toEqual([]);
    expect(catalogCalls()).toBeGreaterThan(calls);
    expect((await cache.current()).indexedAt?.toISO()).toBe(
      '2026-11-28T12:00:30.000Z',
    );
  });

  it('rebuilds everything when a refresh changed an entity or a contact', async () => {
    const { cache, index, entities, takeFilled } = setup();
    await cache.current();
    takeFilled();
    entities[0].metadata.title = 'Alpha, renamed';
    await index.refresh();
    await cache.refresh();
    expect(takeFilled()).toEqual(['alerts', 'backups', 'changes', 'drain']);
    expect((await cache.get('component:default/alpha'))?.entity.title).toBe(
      'Alpha, renamed',
    );

    (entities[2].spec!.profile as { email: string }).email =
      'platform-team@example.com';
    await index.refresh();
    await cache.refresh();
    expect(takeFilled()).toEqual(['alerts', 'backups', 'changes', 'drain']);
    expect(
      (await cache.get('component:default/alpha'))?.scope.contacts[
        'group:default/platform-team'
      ]?.email,
    ).toBe('platform-team@example.com');
  });

  it('takes a poll of this replica at once, even one that ends during a check', async () => {
    const { cache, fillsOf, takeFilled, setVersion, holdChecks } = setup();
    await cache.current();
    takeFilled();
    let release = () => {};
    holdChecks(
      new Promise<void>(resolve => {
        release = resolve;
      }),
    );
    // A check is under way, its versions not read yet; the poll ends now.
    const during = cache.refresh();
    setVersion('drain', { key: 'v2' });
    const after = cache.refresh();
    release();
    await during;
    await after;
    expect(takeFilled()).toEqual(['drain']);
    expect((await fillsOf()).drain).toBe(5);
  });

  it('waits for a check after a write, so the writer reads it', async () => {
    const { cache, fillsOf, takeFilled, setVersion } = setup();
    await cache.current();
    takeFilled();
    setVersion('backups', { key: 'a drill was recorded' });
    cache.invalidate();
    expect((await fillsOf()).backups).toBe(5);
    expect(takeFilled()).toEqual(['backups']);
    // A write the summaries do not show (a calendar token) rebuilds nothing.
    cache.invalidate();
    expect((await fillsOf()).backups).toBe(5);
    expect(takeFilled()).toEqual([]);
  });

  it('is not served past the moment a fresh source turns stale: the read waits for that layer', async () => {
    const { cache, fillsOf, takeFilled, setVersion, advance, now } = setup();
    setVersion('alerts', {
      key: 'v1',
      expiresAt: now().plus({ seconds: 20 }).toMillis(),
    });
    await cache.current();
    takeFilled();
    // The heartbeat's snapshot is stale by now: the same key, nothing fresh.
    setVersion('alerts', { key: 'v1' });
    advance(15_000);
    await cache.current();
    await settle();
    expect(takeFilled()).toEqual([]);
    advance(5_000);
    expect((await fillsOf()).alerts).toBe(5);
    expect(takeFilled()).toEqual(['alerts']);
    advance(10_000);
    await cache.current();
    await settle();
    expect(takeFilled()).toEqual([]);
  });

  it('fills the layers that judge by the time again by age', async () => {
    const { cache, takeFilled, advance } = setup({ maxAgeMs: 60_000 });
    await cache.current();
    takeFilled();
    advance(55_000);
    await cache.current();
    await settle();
    expect(takeFilled()).toEqual([]);
    advance(5_000);
    await cache.current();
    await settle();
    // An RPO breached or a change over; alerts and drain readiness judge
    // only their sources' freshness.
    expect(takeFilled()).toEqual(['backups', 'changes']);
  });

  it('builds when asked, before any read', async () => {
    const { cache, takeFilled } = setup();
    await cache.refresh();
    expect(takeFilled()).toHaveLength(4);
    await cache.current();
    expect(takeFilled()).toEqual([]);
  });

  it('keeps the old copy when a check fails, and tries again later', async () => {
    const { cache, fillsOf, takeFilled, setVersion, advance, failNextCheck } =
      setup();
    await cache.current();
    takeFilled();
    setVersion('alerts', { key: 'v2' });
    failNextCheck();
    advance(5_000);
    expect((await fillsOf()).alerts).toBe(1);
    await settle();
    expect((await fillsOf()).alerts).toBe(1);
    // A write while the database is down: the read gets the old copy.
    failNextCheck();
    cache.invalidate();
    expect((await fillsOf()).alerts).toBe(1);
    expect((await fillsOf()).alerts).toBe(5);
    expect(takeFilled()).toEqual(['alerts']);
  });
});
