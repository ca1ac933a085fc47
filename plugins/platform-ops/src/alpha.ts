import { createElement } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isPlatformOpsAvailable } from './annotations';
import { PlatformOpsClient, platformOpsApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The Platform Ops API client, talking to the `platform-ops` backend.
 *
 * @alpha
 */
export const platformOpsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformOpsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * Entity card with scope, alerting, backups and maintenance at a glance,
 * shown on entities with a `platform-ops/` annotation.
 *
 * @alpha
 */
export const entityPlatformOpsCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isPlatformOpsAvailable,
    loader: () =>
      import('./components/EntityPlatformOpsCard').then(m =>
        createElement(m.EntityPlatformOpsCard),
      ),
  },
});

/**
 * Scope card: which side of the fence, who is accountable, the escalation
 * path, audits and runbook.
 *
 * @alpha
 */
export const entityScopeCard = EntityCardBlueprint.make({
  name: 'scope',
  params: {
    filter: isPlatformOpsAvailable,
    loader: () =>
      import('./components/scope').then(m => createElement(m.EntityScopeCard)),
  },
});

/**
 * Alerts card: levels per environment, live alerts and heartbeats.
 *
 * @alpha
 */
export const entityAlertsCard = EntityCardBlueprint.make({
  name: 'alerts',
  params: {
    filter: isPlatformOpsAvailable,
    loader: () =>
      import('./components/alerting').then(m =>
        createElement(m.EntityAlertsCard),
      ),
  },
});

/**
 * Backups card: the last good backup against the RPO per environment,
 * retention, failures, restores, scope mismatches, drills and protection.
 *
 * @alpha
 */
export const entityBackupsCard = EntityCardBlueprint.make({
  name: 'backups',
  params: {
    filter: isPlatformOpsAvailable,
    loader: () =>
      import('./components/backups').then(m =>
        createElement(m.EntityBackupsCard),
      ),
  },
});

/**
 * Maintenance card: the next window per environment with a countdown,
 * skew warnings, end of life and the upcoming changes.
 *
 * @alpha
 */
export const entityMaintenanceCard = EntityCardBlueprint.make({
  name: 'maintenance',
  params: {
    filter: isPlatformOpsAvailable,
    loader: () =>
      import('./components/maintenance').then(m =>
        createElement(m.EntityMaintenanceCard),
      ),
  },
});

/**
 * The entity's Platform Ops tab.
 *
 * @alpha
 */
export const entityPlatformOpsContent = EntityContentBlueprint.make({
  params: {
    path: 'platform-ops',
    title: 'Platform Ops',
    filter: isPlatformOpsAvailable,
    loader: () =>
      import('./components/EntityPlatformOpsContent').then(m =>
        createElement(m.EntityPlatformOpsContent),
      ),
  },
});

/**
 * The Platform Ops page, with the incident lookup, the maintenance
 * calendar, the drills and the sources, at `/platform-ops`.
 *
 * @alpha
 */
export const platformOpsPage = PageBlueprint.make({
  params: {
    path: '/platform-ops',
    title: 'Platform Ops',
    // A legacy route ref also carries the new system's fields, so it needs no conversion.
    routeRef: rootRouteRef,
    // The page renders its own header with the tabs.
    noHeader: true,
    loader: () =>
      import('./components/PlatformOpsPage').then(m =>
        createElement(m.PlatformOpsPage),
      ),
  },
});

/**
 * The Platform Ops plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-ops',
  routes: { root: rootRouteRef },
  extensions: [
    platformOpsApi,
    entityPlatformOpsCard,
    entityScopeCard,
    entityAlertsCard,
    entityBackupsCard,
    entityMaintenanceCard,
    entityPlatformOpsContent,
    platformOpsPage,
  ],
});
