import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PlatformOpsClient, platformOpsApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The Platform Ops frontend plugin.
 *
 * @public
 */
export const platformOpsPlugin = createPlugin({
  id: 'platform-ops',
  apis: [
    createApiFactory({
      api: platformOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformOpsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * Entity card with the four Platform Ops aspects at a glance: scope,
 * alerting, backups and maintenance.
 *
 * @public
 */
export const EntityPlatformOpsCard = platformOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformOpsCard',
    component: {
      lazy: () =>
        import('./components/EntityPlatformOpsCard').then(
          m => m.EntityPlatformOpsCard,
        ),
    },
  }),
);

/**
 * Which side of the fence the entity is on, who is accountable, the
 * escalation path, audits and runbook.
 *
 * @public
 */
export const EntityScopeCard = platformOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityScopeCard',
    component: {
      lazy: () => import('./components/scope').then(m => m.EntityScopeCard),
    },
  }),
);

/**
 * The entity's alert levels per environment, live alerts and heartbeat.
 *
 * @public
 */
export const EntityAlertsCard = platformOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityAlertsCard',
    component: {
      lazy: () => import('./components/alerting').then(m => m.EntityAlertsCard),
    },
  }),
);

/**
 * The entity's backups: the last good backup against the RPO per
 * environment, retention, failures, schedule and storage health, the last
 * proven restore, scope mismatches, drills against the RTO and the
 * protection checklist.
 *
 * @public
 */
export const EntityBackupsCard = platformOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityBackupsCard',
    component: {
      lazy: () => import('./components/backups').then(m => m.EntityBackupsCard),
    },
  }),
);

/**
 * The entity's maintenance: the next window per environment in the
 * window's own zone and the viewer's, with a countdown; skew warnings; the
 * release's end of life; and the changes coming up, own and through the
 * components it depends on, with their class and notice.
 *
 * @public
 */
export const EntityMaintenanceCard = platformOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityMaintenanceCard',
    component: {
      lazy: () =>
        import('./components/maintenance').then(m => m.EntityMaintenanceCard),
    },
  }),
);

/**
 * The entity's Platform Ops tab: every aspect in full, with the alert
 * history, the drill history and the form to record a drill, and the
 * change history with the form to announce a change.
 *
 * @public
 */
export const EntityPlatformOpsContent = platformOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityPlatformOpsContent',
    component: () =>
      import('./components/EntityPlatformOpsContent').then(
        m => m.EntityPlatformOpsContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The Platform Ops page: incident lookup, maintenance calendar, drills and
 * source health.
 *
 * @public
 */
export const PlatformOpsPage = platformOpsPlugin.provide(
  createRoutableExtension({
    name: 'PlatformOpsPage',
    component: () =>
      import('./components/PlatformOpsPage').then(m => m.PlatformOpsPage),
    mountPoint: rootRouteRef,
  }),
);
