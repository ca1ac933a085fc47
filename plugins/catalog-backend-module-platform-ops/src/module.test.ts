import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorResult,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModulePlatformOps } from './module';

const location = { type: 'file', target: 'catalog-info.yaml' };

const badEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'redis-cache',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/backup-policy': 'rpo=one day, retention=7d, rto=4h',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
  },
};

/** Starts the module with a config, returning the processor it added. */
async function startWith(platformOps: {
  catalog?: { annotationValidation: string };
}) {
  const processors: CatalogProcessor[] = [];
  const logger = mockServices.logger.mock();
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addProcessor: (...added: CatalogProcessor[]) =>
            processors.push(...added),
        },
      ],
    ],
    features: [
      catalogModulePlatformOps,
      mockServices.rootConfig.factory({ data: { platformOps } }),
      logger.factory,
    ],
  });
  expect(processors).toHaveLength(1);
  const emitted: CatalogProcessorResult[] = [];
  await processors[0].postProcessEntity!(
    badEntity,
    location,
    result => emitted.push(result),
    undefined as never,
  );
  return { emitted, logger };
}

describe('catalogModulePlatformOps', () => {
  it('warns by default', async () => {
    const { emitted, logger } = await startWith({});
    expect(emitted).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('platform-ops/backup-policy'),
    );
  });

  it('emits processing errors when annotationValidation is error', async () => {
    const { emitted } = await startWith({
      catalog: { annotationValidation: 'error' },
    });
    expect(emitted).toEqual([
      expect.objectContaining({ type: 'error', location }),
    ]);
  });

  it('fails at startup with the config path and what is expected for a bad mode', async () => {
    await expect(
      startWith({ catalog: { annotationValidation: 'strict' } }),
    ).rejects.toThrow(
      /platformOps\.catalog\.annotationValidation: must be one of warn, error/,
    );
  });
});
