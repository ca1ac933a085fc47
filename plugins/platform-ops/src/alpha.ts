import { createElement } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isPlatformOpsAvailable } from './annotations';
import { PlatformOpsClient, platformOpsApiRef } from './api';

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
 * The Platform Ops plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'platform-ops',
  extensions: [platformOpsApi, entityPlatformOpsCard],
});
