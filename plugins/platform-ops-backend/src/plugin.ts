import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readPlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  BackupSource,
  platformOpsSourcesExtensionPoint,
} from '@platform-ops/plugin-platform-ops-node';
import { createRouter } from './router';
import { CatalogSummaryService } from './services/SummaryService';

/**
 * The Platform Ops backend plugin: entity summaries under
 * /api/platform-ops.
 *
 * @public
 */
export const platformOpsPlugin = createBackendPlugin({
  pluginId: 'platform-ops',
  register(env) {
    const alertSources: AlertSource[] = [];
    const backupSources: BackupSource[] = [];
    env.registerExtensionPoint(platformOpsSourcesExtensionPoint, {
      addAlertSource(...sources) {
        alertSources.push(...sources);
      },
      addBackupSource(...sources) {
        backupSources.push(...sources);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpAuth, httpRouter, catalog }) {
        const platformOpsConfig = readPlatformOpsConfig(config);
        const summaryService = CatalogSummaryService.create({
          catalog,
          config: platformOpsConfig,
          logger,
        });
        httpRouter.use(await createRouter({ httpAuth, summaryService }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Platform Ops serving ${platformOpsConfig.environments.length} environment(s); ` +
            `${alertSources.length} alert and ${backupSources.length} backup source(s) added by modules`,
        );
      },
    });
  },
});
