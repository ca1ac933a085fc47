export { platformOpsApiRef } from './PlatformOpsApi';
export type { AlertHistory, PlatformOpsApi } from './PlatformOpsApi';
export { PlatformOpsClient } from './PlatformOpsClient';
