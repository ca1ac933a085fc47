import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readPlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import { PlatformOpsAnnotationsProcessor } from './processor/PlatformOpsAnnotationsProcessor';

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
        // The whole block goes through the common schema, so a bad
        // annotationValidation fails at startup like any other bad field.
        const platformOpsConfig = readPlatformOpsConfig(config);
        catalog.addProcessor(
          PlatformOpsAnnotationsProcessor.create({
            config: platformOpsConfig,
            mode: platformOpsConfig.catalog.annotationValidation,
            logger,
          }),
        );
      },
    });
  },
});
