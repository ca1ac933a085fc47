import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parsePlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { EntityIndex } from './EntityIndex';

const annotated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ingress-nginx',
    tags: ['networking'],
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/alert-matchers': '{namespace="ingress-nginx", app=~"ingress.*"}',
      'backstage.io/kubernetes-id': 'ingress',
    },
  },
  spec: { type: 'service', owner: 'group:default/platform-team', lifecycle: 'production' },
};
const plain: Entity = { ...annotated, metadata: { name: 'plain' } };

function createIndex(entities: () => Entity[], clock: () => DateTime) {
  const catalog = catalogServiceMock.mock({
    async *streamEntities() {
      yield entities();
    },
  });
  const { config } = parsePlatformOpsConfig({});
  return EntityIndex.create({
    catalog,
    auth: mockServices.auth(),
    config: config!,
    logger: mockServices.logger.mock(),
    clock,
  });
}

describe('EntityIndex', () => {
  it('keeps only annotated entities, with their lookup text', async () => {
    const index = createIndex(() => [annotated, plain], () => DateTime.utc());
    await index.ensureLoaded();
    expect(index.size).toBe(1);
    expect(index.get('component:default/ingress-nginx')?.candidate).toEqual({
      ref: 'component:default/ingress-nginx',
      name: 'ingress-nginx',
      title: undefined,
      tags: ['networking'],
      kubernetesId: 'ingress',
      alertLabels: [{ name: 'namespace', value: 'ingress-nginx' }],
    });
  });

  it('re-reads an empty index on demand once a few seconds have passed', async () => {
    let catalog: Entity[] = [];
    let now = DateTime.fromISO('2026-11-22T10:00:00Z');
    const index = createIndex(() => catalog, () => now);
    await index.ensureLoaded();
    expect(index.size).toBe(0);

    catalog = [annotated];
    await index.ensureLoaded();
    expect(index.size).toBe(0);

    now = now.plus({ seconds: 5 });
    await index.ensureLoaded();
    expect(index.size).toBe(1);
  });

  it('does not re-read a loaded index on demand', async () => {
    let catalog: Entity[] = [annotated];
    let now = DateTime.fromISO('2026-11-22T10:00:00Z');
    const index = createIndex(() => catalog, () => now);
    await index.ensureLoaded();
    catalog = [];
    now = now.plus({ minutes: 5 });
    await index.ensureLoaded();
    expect(index.size).toBe(1);
    await index.refresh();
    expect(index.size).toBe(0);
  });

  it('keeps its generation, entries and matchers index through a refresh that changed nothing', async () => {
    let catalog = [annotated, plain];
    const index = createIndex(
      () => catalog,
      () => DateTime.utc(),
    );
    expect(index.generation).toBe(0);
    await index.ensureLoaded();
    expect(index.generation).toBe(1);
    const components = index.componentIndex();
    expect(index.componentIndex()).toBe(components);
    expect(
      components.match(
        [
          {
            environment: 'production',
            alerts: [
              {
                fingerprint: 'a',
                labels: {
                  alertname: 'Down',
                  namespace: 'ingress-nginx',
                  app: 'ingress-controller',
                },
                annotations: {},
                startsAt: '2026-11-22T10:00:00Z',
                state: 'active',
                silencedBy: [],
                inhibitedBy: [],
              },
            ],
          },
        ],
        {},
      ),
    ).toEqual(
      new Map([
        [
          'component:default/ingress-nginx',
          [expect.objectContaining({ environment: 'production' })],
        ],
      ]),
    );
    const entry = index.get('component:default/ingress-nginx');
    await index.refresh();
    expect(index.refreshCount).toBe(2);
    expect(index.generation).toBe(1);
    expect(index.get('component:default/ingress-nginx')).toBe(entry);
    expect(index.componentIndex()).toBe(components);

    catalog = [
      annotated,
      { ...plain, metadata: { ...plain.metadata, annotations: annotated.metadata.annotations } },
    ];
    await index.refresh();
    expect(index.generation).toBe(2);
    expect(index.size).toBe(2);
    expect(index.get('component:default/ingress-nginx')).toBe(entry);
    expect(index.componentIndex()).not.toBe(components);
  });
});
