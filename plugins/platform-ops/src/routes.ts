import { createRouteRef } from '@backstage/core-plugin-api';

/** The Platform Ops page. */
export const rootRouteRef = createRouteRef({
  id: 'platform-ops',
});

/** The Platform Ops tab of an entity page. */
export const entityContentRouteRef = createRouteRef({
  id: 'platform-ops:entity-content',
});
