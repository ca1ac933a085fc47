import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  BackupInventory,
  ClusterInventory,
  platformOpsPermissions,
  readPlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  BackupSource,
  ClusterSource,
  platformOpsSourcesExtensionPoint,
} from '@platform-ops/plugin-platform-ops-node';
import { Duration } from 'luxon';
import { createRouter } from './router';
import { AlertHistoryStore } from './services/alerting/AlertHistoryStore';
import { AlertmanagerSource } from './services/alerting/AlertmanagerSource';
import { AlertPoller } from './services/alerting/AlertPoller';
import { AlertService } from './services/alerting/AlertService';
import { createAlertNoiseRouter } from './services/alerting/createAlertNoiseRouter';
import { BackupService } from './services/backups/BackupService';
import { createBackupsRouter } from './services/backups/createBackupsRouter';
import { DatabaseBackupReportStore } from './services/backups/DatabaseBackupReportStore';
import { DatabaseDrillStore } from './services/backups/DatabaseDrillStore';
import { EntityIndex } from './services/EntityIndex';
import { VeleroBackupSource } from './services/backups/VeleroBackupSource';
import { AlertmanagerSilencer } from './services/maintenance/AlertmanagerSilencer';
import { createCalendarRouter } from './services/maintenance/createCalendarRouter';
import { DatabaseCalendarTokenStore } from './services/maintenance/DatabaseCalendarTokenStore';
import { ChangeNotifier } from './services/maintenance/ChangeNotifier';
import { ChangeService } from './services/maintenance/ChangeService';
import { DrainService } from './services/maintenance/DrainService';
import { KubernetesClusterSource } from './services/maintenance/KubernetesClusterSource';
import { createMaintenanceRouter } from './services/maintenance/createMaintenanceRouter';
import { DatabaseChangeStore } from './services/maintenance/DatabaseChangeStore';
import { SnapshotStore } from './services/SnapshotStore';
import { SourcePoller } from './services/sources/SourcePoller';
import { leaseTickSeconds, PollLeases } from './services/sources/PollLeases';
import { ContactResolver } from './services/scope/ContactResolver';
import { LookupService } from './services/lookup/LookupService';
import { CatalogSummaryService } from './services/SummaryService';
import { invalidateOnWrite, SummaryCache } from './services/SummaryCache';
import { LiveLayers } from './services/liveLayers';
import { createOverviewRouter } from './services/overview/createOverviewRouter';
import { databaseUnavailableHandler } from './services/databaseUnavailable';

/** How often the entity index re-reads the catalog. */
const INDEX_REFRESH_SECONDS = 60;

/** How soon a failed refresh of the entity index is tried again, and how often. */
const INDEX_RETRY = { delayMs: 2_000, attempts: 20 };

/**
 * Refreshes the index, trying again shortly when the catalog does not
 * answer: at startup it may not listen yet, and a minute without summaries
 * would make the first visitors wait for them.
 */
async function refreshIndex(index: EntityIndex, signal: AbortSignal) {
  for (let attempt = 1; ; attempt++) {
    try {
      await index.refresh();
      return;
    } catch (error) {
      if (attempt >= INDEX_RETRY.attempts || signal.aborted) throw error;
    }
    await new Promise(resolve => setTimeout(resolve, INDEX_RETRY.delayMs));
  }
}

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
    const clusterSources: ClusterSource[] = [];
    env.registerExtensionPoint(platformOpsSourcesExtensionPoint, {
      addAlertSource(...sources) {
        alertSources.push(...sources);
      },
      addBackupSource(...sources) {
        backupSources.push(...sources);
      },
      addClusterSource(...sources) {
        clusterSources.push(...sources);
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
        discovery: coreServices.discovery,
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
        discovery,
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
        /**
         * A poll here stored new snapshots: the summaries take them at once;
         * other replicas see them at their next check. Set once the
         * summary cache exists: a poll may end before.
         */
        let summariesChanged = () => {};
        const snapshots = await SnapshotStore.create({ database });
        const leases = await PollLeases.create({ database });
        /**
         * Every replica ticks; the lease lets one of them poll per interval
         * and hands the poll over within two intervals if that one dies.
         */
        const schedulePoll = (poll: {
          id: string;
          interval: Duration;
          poll: (signal: AbortSignal) => Promise<void>;
        }) => {
          const intervalMs = poll.interval.as('milliseconds');
          return scheduler.scheduleTask({
            id: poll.id,
            scope: 'local',
            frequency: { seconds: leaseTickSeconds(intervalMs) },
            // Each source request has its own timeout; this bounds the rest.
            timeout: { minutes: 2 },
            fn: async abort => {
              await leases.runIfDue(poll.id, intervalMs, () =>
                poll.poll(abort as AbortSignal),
              );
            },
          });
        };
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
        // One replica polls and stores; every replica serves the snapshots.
        await schedulePoll({
          id: 'platform-ops-alerts-poll',
          interval: platformOpsConfig.alerting.pollInterval,
          poll: async signal => {
            await poller.poll({ signal });
            summariesChanged();
          },
        });
        const alertService = AlertService.create({
          snapshots,
          config: platformOpsConfig,
        });

        backupSources.push(
          ...platformOpsConfig.environments.flatMap(environment => {
            const source = VeleroBackupSource.fromConfig(environment, {
              onSkipped: skipped =>
                logger.warn(
                  `Velero source of ${
                    environment.name
                  } left out malformed objects: ${JSON.stringify(skipped)}`,
                ),
            });
            return source ? [source] : [];
          }),
        );
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
        await schedulePoll({
          id: 'platform-ops-backups-poll',
          interval: platformOpsConfig.backups.pollInterval,
          poll: async signal => {
            await backupPoller.poll({ signal });
            summariesChanged();
          },
        });
        const backupService = BackupService.create({
          snapshots,
          reports,
          drills,
          config: platformOpsConfig,
        });

        const appBaseUrl = config.getOptionalString('app.baseUrl') ?? '';
        const changeUrl = (id: string) =>
          `${appBaseUrl}/platform-ops/maintenance?change=${encodeURIComponent(
            id,
          )}`;
        clusterSources.push(
          ...platformOpsConfig.environments.flatMap(environment => {
            const source = KubernetesClusterSource.fromConfig(environment);
            return source ? [source] : [];
          }),
        );
        const clusterPoller = SourcePoller.create<ClusterInventory>({
          kind: 'clusters',
          sources: clusterSources.map(source => ({
            id: source.id,
            environment: source.environment,
            fetch: fetchOptions => source.fetchInventory(fetchOptions),
          })),
          snapshots,
          logger,
        });
        await schedulePoll({
          id: 'platform-ops-clusters-poll',
          interval: platformOpsConfig.maintenance.pollInterval,
          poll: async signal => {
            await clusterPoller.poll({ signal });
            summariesChanged();
          },
        });
        const drainService = DrainService.create({
          snapshots,
          config: platformOpsConfig,
        });
        const changeService = ChangeService.create({
          store: await DatabaseChangeStore.create({ database }),
          index,
          config: platformOpsConfig,
          silencer: AlertmanagerSilencer.fromConfig(platformOpsConfig, {
            changeUrl,
          }),
          notifier: ChangeNotifier.create({
            notifications,
            logger,
            linkOf: change => changeUrl(change.id),
          }),
        });

        const layers = LiveLayers.create({
          alerts: alertService,
          backups: backupService,
          changes: changeService,
          drain: drainService,
        });
        const summaryCache = SummaryCache.create({
          index,
          contacts,
          auth,
          layers,
          logger,
        });
        summariesChanged = () => {
          summaryCache
            .refresh()
            .catch(error =>
              logger.warn(`Rebuilding the summaries failed: ${error}`),
            );
        };
        // Each replica keeps its own in-memory index, so the task is local.
        // The summaries are built after each refresh, the first one at
        // startup, so that no request waits for them.
        await scheduler.scheduleTask({
          id: 'platform-ops-entity-index',
          scope: 'local',
          frequency: { seconds: INDEX_REFRESH_SECONDS },
          timeout: { seconds: INDEX_REFRESH_SECONDS },
          fn: async abort => {
            await refreshIndex(index, abort as AbortSignal);
            summariesChanged();
          },
        });
        const summaryService = CatalogSummaryService.create({
          catalog,
          permissions,
          contacts,
          cache: summaryCache,
          layers,
          config: platformOpsConfig,
        });
        // A write on this replica is in the next summary it serves.
        httpRouter.use(invalidateOnWrite(summaryCache));
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
            sources: [alertService, backupService, drainService],
            alertHistory,
          }),
        );
        httpRouter.use(
          await createOverviewRouter({
            httpAuth,
            permissions,
            catalog,
            cache: summaryCache,
            config: platformOpsConfig,
          }),
        );
        httpRouter.use(
          await createAlertNoiseRouter({
            httpAuth,
            catalog,
            history: alertHistory,
            alerts: alertService,
            config: platformOpsConfig,
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
        httpRouter.use(
          await createCalendarRouter({
            httpAuth,
            discovery,
            index,
            changes: changeService,
            tokens: await DatabaseCalendarTokenStore.create({ database }),
            config: platformOpsConfig,
            changeUrl,
          }),
        );
        // Last, so that it sees the errors of every route above.
        httpRouter.use(databaseUnavailableHandler());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // A calendar client has no session; the route checks its token.
        httpRouter.addAuthPolicy({
          path: '/calendar.ics',
          allow: 'unauthenticated',
        });
        logger.info(
          `Platform Ops serving ${platformOpsConfig.environments.length} environment(s) ` +
            `with ${alertSources.length} alert source(s) and ${backupSources.length} backup source(s)`,
        );
      },
    });
  },
});
