import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  hasPlatformOpsAnnotations,
  PlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';

/**
 * What the processor does with an entity whose annotations have problems.
 * `warn` logs them and lets the entity through; `error` emits catalog
 * processing errors, which also stops the catalog from storing the new
 * version of the entity.
 *
 * @public
 */
export type AnnotationValidationMode = 'warn' | 'error';

/**
 * Checks every `platform-ops/` annotation against the annotation model and
 * config, and reports what is wrong.
 *
 * @public
 */
export class PlatformOpsAnnotationsProcessor implements CatalogProcessor {
  private constructor(
    private readonly config: PlatformOpsConfig,
    private readonly mode: AnnotationValidationMode,
    private readonly logger: LoggerService,
  ) {}

  static create(options: {
    config: PlatformOpsConfig;
    mode: AnnotationValidationMode;
    logger: LoggerService;
  }): PlatformOpsAnnotationsProcessor {
    return new PlatformOpsAnnotationsProcessor(
      options.config,
      options.mode,
      options.logger,
    );
  }

  getProcessorName(): string {
    return 'PlatformOpsAnnotationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!hasPlatformOpsAnnotations(entity)) return entity;
    const { problems } = summarizeEntity(entity, this.config);
    if (problems.length === 0) return entity;
    const ref = stringifyEntityRef(entity);
    for (const problem of problems) {
      if (this.mode === 'error') {
        emit(processingResult.inputError(location, `${ref}: ${problem.message}`));
      } else {
        this.logger.warn(`${ref}: ${problem.message}`);
      }
    }
    return entity;
  }
}
