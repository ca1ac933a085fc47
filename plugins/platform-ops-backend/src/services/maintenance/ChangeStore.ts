import { Change } from '@platform-ops/plugin-platform-ops-common';

/**
 * An Alertmanager silence created for a change.
 */
export type ChangeSilence = {
  environment: string;
  entityRef: string;
  silenceId: string;
};

/**
 * Which changes to list: those affecting any of `entityRefs`, in
 * `environment`, overlapping `[from, to)`.
 */
export type ChangeFilter = {
  entityRefs?: string[];
  environment?: string;
  from?: string;
  to?: string;
  limit?: number;
};

/**
 * Where announced maintenance changes are kept.
 */
export interface ChangeStore {
  /**
   * Records a change once: the same id again changes nothing and returns
   * the change stored first.
   */
  announce(change: Change): Promise<{ change: Change; created: boolean }>;

  get(id: string): Promise<Change | undefined>;

  /**
   * Replaces a change with `update(current)` in one transaction, so two
   * concurrent updates never lose one another. Undefined for an unknown id.
   */
  update(
    id: string,
    update: (current: Change) => Change,
  ): Promise<Change | undefined>;

  /** Changes by start, oldest first. */
  list(filter?: ChangeFilter): Promise<Change[]>;

  silences(changeId: string): Promise<ChangeSilence[]>;

  /** Replaces a change's silences. */
  setSilences(changeId: string, silences: ChangeSilence[]): Promise<void>;

  /**
   * Changes whenever a change is announced or updated, through any
   * replica; silences aside.
   */
  version(): Promise<string>;
}
