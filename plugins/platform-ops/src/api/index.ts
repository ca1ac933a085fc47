export { platformOpsApiRef } from './PlatformOpsApi';
export type {
  AlertHistory,
  AlertNoiseFilter,
  ChangeResult,
  ChangesQuery,
  PlatformOpsApi,
  WindowsResponse,
} from './PlatformOpsApi';
export { PlatformOpsClient } from './PlatformOpsClient';
