import {
  AlertingSection,
  BackupsSection,
  ComponentChange,
  ComponentIndex,
  DrainReadiness,
  OpsSummary,
} from '@platform-ops/plugin-platform-ops-common';
import { AlertService } from './alerting/AlertService';
import { BackupService } from './backups/BackupService';
import { ChangeService } from './maintenance/ChangeService';
import { DrainService } from './maintenance/DrainService';

/** The live parts of a summary, each from its own stores. */
export const LIVE_LAYERS = ['alerts', 'backups', 'changes', 'drain'] as const;

/** One live part of a summary. */
export type LiveLayer = (typeof LIVE_LAYERS)[number];

/** What a layer adds to each of many summaries, in their order. */
export type LayerParts = {
  alerts: AlertingSection[];
  backups: BackupsSection[];
  changes: ComponentChange[][];
  drain: DrainReadiness[][];
};

/**
 * What a layer was filled from, besides the summaries and the time. While
 * the key stays the same and `expiresAt` has not come, filling the layer
 * again gives the same result, but for judgements by age that have their
 * own bound.
 */
export type LayerVersion = {
  /** Another key: some input changed, on this replica or another. */
  key: string;
  /** When a judgement by age (a fresh source turning stale) changes, epoch milliseconds. */
  expiresAt?: number;
};

/**
 * The live parts of summaries: alerts, backups and drills, changes, drain
 * readiness. One summary at a time for an entity outside the index, or
 * one layer of many summaries at once, reading its stores once. The layers
 * are independent: each reads only the summaries' config-aware parts and
 * fills its own, so one can be filled again without the others.
 */
export class LiveLayers {
  private constructor(
    private readonly alerts: Pick<
      AlertService,
      'withAlerts' | 'alertingOf' | 'version'
    >,
    private readonly backups: Pick<
      BackupService,
      'withBackups' | 'backupsOf' | 'version'
    >,
    private readonly changes: Pick<
      ChangeService,
      'withChanges' | 'changesOf' | 'version'
    >,
    private readonly drain: Pick<
      DrainService,
      'withDrainReadiness' | 'readinessOf' | 'version'
    >,
  ) {}

  static create(options: {
    alerts: Pick<AlertService, 'withAlerts' | 'alertingOf' | 'version'>;
    backups: Pick<BackupService, 'withBackups' | 'backupsOf' | 'version'>;
    changes: Pick<ChangeService, 'withChanges' | 'changesOf' | 'version'>;
    drain: Pick<DrainService, 'withDrainReadiness' | 'readinessOf' | 'version'>;
  }): LiveLayers {
    return new LiveLayers(
      options.alerts,
      options.backups,
      options.changes,
      options.drain,
    );
  }

  async fillOne(summary: OpsSummary): Promise<OpsSummary> {
    return this.drain.withDrainReadiness(
      await this.changes.withChanges(
        await this.backups.withBackups(await this.alerts.withAlerts(summary)),
      ),
    );
  }

  /** Every layer's version, read from its stores. */
  async versions(): Promise<Record<LiveLayer, LayerVersion>> {
    const [alerts, backups, changes, drain] = await Promise.all([
      this.alerts.version(),
      this.backups.version(),
      this.changes.version(),
      this.drain.version(),
    ]);
    return { alerts, backups, changes, drain };
  }

  /**
   * One layer of many summaries. `components` is their alert matchers,
   * indexed already, for the alerts layer.
   */
  async fill<L extends LiveLayer>(
    layer: L,
    summaries: OpsSummary[],
    options: { components?: ComponentIndex } = {},
  ): Promise<LayerParts[L]> {
    const parts: { [K in LiveLayer]: () => Promise<LayerParts[K]> } = {
      alerts: () => this.alerts.alertingOf(summaries, options),
      backups: () => this.backups.backupsOf(summaries),
      changes: () => this.changes.changesOf(summaries),
      drain: () => this.drain.readinessOf(summaries),
    };
    return parts[layer]();
  }
}

/** A summary with the live parts at `position` of each layer. */
export function withLayers(
  summary: OpsSummary,
  parts: LayerParts,
  position: number,
): OpsSummary {
  return {
    ...summary,
    alerting: parts.alerts[position],
    backups: parts.backups[position],
    maintenance: {
      ...summary.maintenance,
      changes: parts.changes[position],
      drainReadiness: parts.drain[position],
    },
  };
}
