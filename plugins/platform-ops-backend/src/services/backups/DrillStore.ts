import { Drill } from '@platform-ops/plugin-platform-ops-common';

/**
 * Where disaster-recovery drills are kept.
 */
export interface DrillStore {
  /**
   * Records a drill once: a second record with the same id changes nothing
   * and returns the drill stored first.
   */
  record(drill: Drill): Promise<{ drill: Drill; created: boolean }>;

  /** Drills, newest first; those of one entity when `entityRef` is given. */
  list(options?: { entityRef?: string; limit?: number }): Promise<Drill[]>;

  /** Changes whenever a drill is recorded, through any replica. */
  version(): Promise<string>;
}
