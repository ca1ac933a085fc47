import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  BackupInventory,
  platformOpsPermissions,
  readPlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  BackupSource,
  platformOpsSourcesExtensionPoint,
} from '@platform-ops/plugin-platform-ops-node';
import { createRouter } from './router';
import { AlertHistoryStore } from './services/alerting/AlertHistoryStore';
import { AlertmanagerSource } from './services/alerting/AlertmanagerSource';
import { AlertPoller } from './services/alerting/AlertPoller';
import { AlertService } from './services/alerting/AlertService';
import { BackupService } from './services/backups/BackupService';
import { createBackupsRouter } from './services/backups/createBackupsRouter';
import { DatabaseBackupReportStore } from './services/backups/DatabaseBackupReportStore';
import { DatabaseDrillStore } from './services/backups/DatabaseDrillStore';
import { EntityIndex } from './services/EntityIndex';
import { ChangeNotifier } from './services/maintenance/ChangeNotifier';
import { ChangeService } from './services/maintenance/ChangeService';
import { createMaintenanceRouter } from './services/maintenance/createMaintenanceRouter';
import { DatabaseChangeStore } from './services/maintenance/DatabaseChangeStore';
import { SnapshotStore } from './services/SnapshotStore';
import { SourcePoller } from './services/sources/SourcePoller';
import { ContactResolver } from './services/scope/ContactResolver';
import { LookupService } from './services/lookup/LookupService';
import { CatalogSummaryService } from './services/SummaryService';

/** How often the entity index re-reads the catalog. */
const INDEX_REFRESH_SECONDS = 60;

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
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        auth,
        database,
        scheduler,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        catalog,
        notifications,
      }) {
        const platformOpsConfig = readPlatformOpsConfig(config);
        permissionsRegistry.addPermissions(platformOpsPermissions);
        const contacts = ContactResolver.create({ catalog });
        const index = EntityIndex.create({
          catalog,
          auth,
          config: platformOpsConfig,
          logger,
        });
        // Each replica keeps its own in-memory index, so the task is local.
        await scheduler.scheduleTask({
          id: 'platform-ops-entity-index',
          scope: 'local',
          frequency: { seconds: INDEX_REFRESH_SECONDS },
          timeout: { seconds: INDEX_REFRESH_SECONDS },
          fn: () => index.refresh(),
        });

        const snapshots = await SnapshotStore.create({ database });
        const alertHistory = await AlertHistoryStore.create({ database });
        alertSources.push(
          ...platformOpsConfig.environments.flatMap(environment => {
            const source = AlertmanagerSource.fromConfig(environment);
            return source ? [source] : [];
          }),
        );
        const poller = AlertPoller.create({
          sources: alertSources,
          snapshots,
          history: alertHistory,
          index,
          config: platformOpsConfig,
          logger,
        });
        // Global: one replica polls and stores; every replica serves the snapshots.
        await scheduler.scheduleTask({
          id: 'platform-ops-alerts-poll',
          scope: 'global',
          frequency: platformOpsConfig.alerting.pollInterval.toObject(),
          timeout: { minutes: 2 },
          fn: abort => poller.poll({ signal: abort as AbortSignal }),
        });
        const alertService = AlertService.create({
          snapshots,
          config: platformOpsConfig,
        });

        const drills = await DatabaseDrillStore.create({ database });
        const reports = await DatabaseBackupReportStore.create({ database });
        const backupPoller = SourcePoller.create<BackupInventory>({
          kind: 'backups',
          sources: backupSources.map(source => ({
            id: source.id,
            environment: source.environment,
            fetch: fetchOptions => source.fetchInventory(fetchOptions),
          })),
          snapshots,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'platform-ops-backups-poll',
          scope: 'global',
          frequency: platformOpsConfig.backups.pollInterval.toObject(),
          timeout: { minutes: 2 },
          fn: async abort => {
            await backupPoller.poll({ signal: abort as AbortSignal });
          },
        });
        const backupService = BackupService.create({
          snapshots,
          reports,
          drills,
          config: platformOpsConfig,
        });

        const changeService = ChangeService.create({
          store: await DatabaseChangeStore.create({ database }),
          index,
          config: platformOpsConfig,
          notifier: ChangeNotifier.create({
            notifications,
            logger,
            linkOf: change => `/platform-ops/maintenance?change=${change.id}`,
          }),
        });

        const summaryService = CatalogSummaryService.create({
          catalog,
          contacts,
          alerts: alertService,
          backups: backupService,
          maintenance: changeService,
          config: platformOpsConfig,
          logger,
        });
        const lookupService = LookupService.create({
          index,
          catalog,
          contacts,
          alerts: alertService,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            summaryService,
            lookupService,
            catalog,
            sources: [alertService, backupService],
            alertHistory,
          }),
        );
        httpRouter.use(
          await createBackupsRouter({
            httpAuth,
            permissions,
            catalog,
            index,
            backups: backupService,
            drills,
            reports,
            config: platformOpsConfig,
          }),
        );
        httpRouter.use(
          await createMaintenanceRouter({
            httpAuth,
            permissions,
            catalog,
            changes: changeService,
            config: platformOpsConfig,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Platform Ops serving ${platformOpsConfig.environments.length} environment(s) ` +
            `with ${alertSources.length} alert source(s) and ${backupSources.length} backup source(s)`,
        );
      },
    });
  },
});
