import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PlatformOpsClient, platformOpsApiRef } from './api';
import { rootRouteRef } from './routes';

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
