/**
 * Platform Ops frontend plugin: entity cards showing scope, alerting,
 * backups and maintenance for catalog entities.
 *
 * @packageDocumentation
 */

export { platformOpsPlugin, EntityPlatformOpsCard } from './plugin';
export * from './annotations';
export { platformOpsApiRef, PlatformOpsClient } from './api';
export type { PlatformOpsApi } from './api';
