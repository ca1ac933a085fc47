export { platformOpsApiRef } from './PlatformOpsApi';
export type {
  AlertHistory,
  ChangeResult,
  ChangesQuery,
  PlatformOpsApi,
  WindowsResponse,
} from './PlatformOpsApi';
export { PlatformOpsClient } from './PlatformOpsClient';
