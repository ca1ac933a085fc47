export { EntityPlatformOpsCard } from './EntityPlatformOpsCard';
