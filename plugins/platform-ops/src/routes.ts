import { createRouteRef } from '@backstage/core-plugin-api';

// Registered now so apps can bind it before the Platform Ops page lands.
export const rootRouteRef = createRouteRef({
  id: 'platform-ops',
});
