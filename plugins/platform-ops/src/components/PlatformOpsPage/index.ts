export { PlatformOpsPage } from './PlatformOpsPage';
