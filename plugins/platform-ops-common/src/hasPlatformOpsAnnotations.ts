import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_PREFIX } from './annotations';

/**
 * Whether an entity carries at least one `platform-ops/` annotation.
 *
 * @public
 */
export function hasPlatformOpsAnnotations(entity: Entity): boolean {
  return Object.keys(entity.metadata.annotations ?? {}).some(key =>
    key.startsWith(ANNOTATION_PREFIX),
  );
}
