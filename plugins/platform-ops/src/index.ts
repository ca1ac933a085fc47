/**
 * Platform Ops frontend plugin: entity cards showing scope, alerting,
 * backups and maintenance for catalog entities, and the Platform Ops page
 * with the incident lookup.
 *
 * @packageDocumentation
 */

export {
  platformOpsPlugin,
  EntityPlatformOpsCard,
  EntityScopeCard,
  EntityAlertsCard,
  EntityBackupsCard,
  EntityMaintenanceCard,
  EntityPlatformOpsContent,
  PlatformOpsPage,
} from './plugin';
export * from './annotations';
export { platformOpsApiRef, PlatformOpsClient } from './api';
export type {
  AlertHistory,
  ChangeResult,
  ChangesQuery,
  PlatformOpsApi,
  WindowsResponse,
} from './api';
