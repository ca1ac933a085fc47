export { platformOpsApiRef } from './PlatformOpsApi';
export type { PlatformOpsApi } from './PlatformOpsApi';
export { PlatformOpsClient } from './PlatformOpsClient';
