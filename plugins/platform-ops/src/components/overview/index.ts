export { PlatformOpsOverview } from './PlatformOpsOverview';
