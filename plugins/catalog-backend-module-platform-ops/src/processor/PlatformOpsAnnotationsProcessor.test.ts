import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { readPlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import {
  AnnotationValidationMode,
  PlatformOpsAnnotationsProcessor,
} from './PlatformOpsAnnotationsProcessor';

const location = { type: 'file', target: 'catalog-info.yaml' };
const config = readPlatformOpsConfig(new ConfigReader({}));

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'redis-cache', annotations },
    spec: { type: 'service', owner: 'group:default/platform-team', lifecycle: 'production' },
  };
}

async function process(entity: Entity, mode: AnnotationValidationMode) {
  const logger = mockServices.logger.mock();
  const processor = PlatformOpsAnnotationsProcessor.create({ config, mode, logger });
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(entity, location, r => emitted.push(r));
  return { result, emitted, logger };
}

describe('PlatformOpsAnnotationsProcessor', () => {
  const bad = component({
    'platform-ops/scope': 'platform',
    'platform-ops/backup-policy': 'rpo=one day, retention=7d, rto=4h',
  });

  it('emits a processing error naming the entity and key in error mode', async () => {
    const { result, emitted } = await process(bad, 'error');
    expect(result).toBe(bad);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'error', location });
    const error = (emitted[0] as { error: Error }).error;
    expect(error.name).toBe('InputError');
    expect(error.message).toContain('component:default/redis-cache');
    expect(error.message).toContain('platform-ops/backup-policy');
    expect(error.message).toContain('"one day"');
  });

  it('only logs a warning in warn mode, letting the entity through', async () => {
    const { emitted, logger } = await process(bad, 'warn');
    expect(emitted).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('platform-ops/backup-policy'));
  });

  it('is silent for valid and for unannotated entities', async () => {
    const valid = await process(component({ 'platform-ops/scope': 'platform' }), 'error');
    const plain = await process(component({ 'backstage.io/techdocs-ref': 'dir:.' }), 'error');
    expect(valid.emitted).toEqual([]);
    expect(plain.emitted).toEqual([]);
  });

  it('reports a party that config does not know', async () => {
    const { emitted } = await process(component({ 'platform-ops/scope': 'vendor-x' }), 'error');
    expect((emitted[0] as { error: Error }).error.message).toContain('a party from config');
  });
});
