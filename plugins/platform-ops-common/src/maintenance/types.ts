import { Sourced } from '../values/sourced';
import { Release } from './annotations';

/**
 * Maintenance section of a summary: windows per environment and release.
 *
 * @public
 */
export type MaintenanceSection = {
  windows: Record<string, Sourced<string>>;
  release?: Release;
};
