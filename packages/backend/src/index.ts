import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Guest sign-in for the demo; add a real provider for production.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@platform-ops/plugin-catalog-backend-module-platform-ops'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// The bell: maintenance changes notify the owners of the changed components
// and of everything that depends on them; signals push them to open pages.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// The event bus the two above publish on; with several replicas it carries
// a notification's signal to the replica the user's browser is connected to.
backend.add(import('@backstage/plugin-events-backend'));

// PLATFORM_OPS_DISABLED=1 leaves the suite's backend plugin out: `yarn bench`
// (scripts/bench.js) starts the backend so to measure what the suite adds
// to its memory. The catalog module above stays, as the catalog needs it.
if (process.env.PLATFORM_OPS_DISABLED !== '1') {
  backend.add(import('@platform-ops/plugin-platform-ops-backend'));
}

backend.start();
