import { LoggerService } from '@backstage/backend-plugin-api';
import { DateTime } from 'luxon';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';

/**
 * Anything polled into a snapshot: an alert source, a backup source.
 */
export type PolledSource<T> = {
  readonly id: string;
  readonly environment: string;
  fetch(options: { signal?: AbortSignal }): Promise<T>;
};

/** One source's data from a poll that worked. */
export type PollResult<T> = { sourceId: string; environment: string; data: T };

/**
 * One poll of every source of a kind: stores each source's snapshot, or its
 * error beside the last good data, so that every replica can serve the
 * data with its age. Sources are polled at once; one failing never stops
 * the others.
 */
export class SourcePoller<T> {
  private constructor(
    private readonly kind: StoredSnapshot<T>['kind'],
    private readonly sources: PolledSource<T>[],
    private readonly snapshots: SnapshotStore,
    private readonly logger: LoggerService,
    private readonly clock: () => DateTime,
  ) {}

  static create<T>(options: {
    kind: StoredSnapshot<T>['kind'];
    sources: PolledSource<T>[];
    snapshots: SnapshotStore;
    logger: LoggerService;
    clock?: () => DateTime;
  }): SourcePoller<T> {
    return new SourcePoller(
      options.kind,
      options.sources,
      options.snapshots,
      options.logger,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  get size(): number {
    return this.sources.length;
  }

  /** Polls every source; returns the data of those that answered. */
  async poll(options: { signal?: AbortSignal } = {}): Promise<PollResult<T>[]> {
    const at = this.clock().toISO()!;
    const results = await Promise.all(
      this.sources.map(source => this.pollOne(source, at, options.signal)),
    );
    return results.filter(
      (result): result is PollResult<T> => result !== undefined,
    );
  }

  private async pollOne(
    source: PolledSource<T>,
    at: string,
    signal?: AbortSignal,
  ): Promise<PollResult<T> | undefined> {
    const { id: sourceId, environment } = source;
    try {
      const data = await source.fetch({ signal });
      await this.snapshots.recordSuccess({
        sourceId,
        kind: this.kind,
        environment,
        at,
        data,
      });
      return { sourceId, environment, data };
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(`${this.kind} source ${sourceId} failed: ${message}`);
      await this.snapshots.recordFailure({
        sourceId,
        kind: this.kind,
        environment,
        at,
        error: message,
      });
      return undefined;
    }
  }
}
