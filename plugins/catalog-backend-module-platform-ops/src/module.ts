import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readPlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import {
  AnnotationValidationMode,
  PlatformOpsAnnotationsProcessor,
} from './processor/PlatformOpsAnnotationsProcessor';

/**
 * Catalog module that validates `platform-ops/` annotations while entities
 * are processed.
 *
 * @public
 */
export const catalogModulePlatformOps = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-ops',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, catalog }) {
        const mode = (config.getOptionalString('platformOps.catalog.annotationValidation') ??
          'warn') as AnnotationValidationMode;
        if (mode !== 'warn' && mode !== 'error') {
          throw new Error(
            `platformOps.catalog.annotationValidation must be "warn" or "error", not "${mode}"`,
          );
        }
        catalog.addProcessor(
          PlatformOpsAnnotationsProcessor.create({
            config: readPlatformOpsConfig(config),
            mode,
            logger,
          }),
        );
      },
    });
  },
});
