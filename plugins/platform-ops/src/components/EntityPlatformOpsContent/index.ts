export { EntityPlatformOpsContent } from './EntityPlatformOpsContent';
