import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { AlertService } from './alerting/AlertService';
import { BackupService } from './backups/BackupService';
import { ChangeService } from './maintenance/ChangeService';
import { DrainService } from './maintenance/DrainService';

/**
 * The live parts of summaries, filled in order: alerts, backups and drills,
 * changes, drain readiness. One summary at a time for an entity outside
 * the index, or all at once, reading each store once.
 */
export class LiveLayers {
  private constructor(
    private readonly alerts: Pick<AlertService, 'withAlerts' | 'withAlertsAll'>,
    private readonly backups: Pick<
      BackupService,
      'withBackups' | 'withBackupsAll'
    >,
    private readonly changes: Pick<
      ChangeService,
      'withChanges' | 'withChangesAll'
    >,
    private readonly drain: Pick<
      DrainService,
      'withDrainReadiness' | 'withDrainReadinessAll'
    >,
  ) {}

  static create(options: {
    alerts: Pick<AlertService, 'withAlerts' | 'withAlertsAll'>;
    backups: Pick<BackupService, 'withBackups' | 'withBackupsAll'>;
    changes: Pick<ChangeService, 'withChanges' | 'withChangesAll'>;
    drain: Pick<DrainService, 'withDrainReadiness' | 'withDrainReadinessAll'>;
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

  async fill(summaries: OpsSummary[]): Promise<OpsSummary[]> {
    return this.drain.withDrainReadinessAll(
      await this.changes.withChangesAll(
        await this.backups.withBackupsAll(
          await this.alerts.withAlertsAll(summaries),
        ),
      ),
    );
  }
}
