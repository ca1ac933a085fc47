import {
  BackupEnvironmentStatus,
  backupEnvironmentStatus,
  BackupInventory,
  backupOfReport,
  BackupsSection,
  ComponentDrillStatus,
  drillState,
  Drill,
  DrillsResponse,
  OpsSummary,
  parseDuration,
  PlatformOpsConfig,
  SourceStatus,
  withBackupStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime, Duration } from 'luxon';
import { LayerVersion } from '../liveLayers';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { freshUntil, staleAfter } from '../sources/freshness';
import { publicError } from '../sources/publicError';
import { yieldToRequests } from '../yieldToRequests';
import { isFresh, sourceStatusOf } from '../sources/sourceStatus';
import { BackupReportStore } from './BackupReportStore';
import { DrillStore } from './DrillStore';

/** Snapshots are re-read from the database at most this often. */
const CACHE_MS = 5_000;

type BackupSnapshot = StoredSnapshot<BackupInventory>;

const EMPTY: BackupInventory = {
  backups: [],
  schedules: [],
  storageLocations: [],
  restores: [],
};

/** Drills read at once for every summary: far more than a platform records. */
const ALL_DRILLS = 100_000;

/** Summaries filled between two chances for requests to be served. */
const CHUNK = 250;

/** Overdue and missing drills first. */
const DRILL_ORDER = ['overdue', 'missing', 'ok'];

/**
 * The read side of backups: a component's backups per environment from the
 * stored Velero snapshots or its pushed reports, judged against its policy,
 * with its drills.
 */
export class BackupService {
  private cache?: { at: number; snapshots: BackupSnapshot[] };

  private constructor(
    private readonly snapshots: SnapshotStore,
    private readonly reports: BackupReportStore,
    private readonly drills: DrillStore,
    private readonly config: PlatformOpsConfig,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    snapshots: SnapshotStore;
    reports: BackupReportStore;
    drills: DrillStore;
    config: PlatformOpsConfig;
    clock?: () => DateTime;
  }): BackupService {
    return new BackupService(
      options.snapshots,
      options.reports,
      options.drills,
      options.config,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /** The summary's backups section, filled with live data. */
  async withBackups(summary: OpsSummary): Promise<OpsSummary> {
    const drills =
      summary.backups.source && summary.backups.source.type !== 'none'
        ? await this.drills.list({ entityRef: summary.entity.ref })
        : [];
    return {
      ...summary,
      backups: await this.section(summary, drills, await this.current()),
    };
  }

  /**
   * Many summaries' backups sections, from the snapshots as stored now,
   * with every drill read once.
   */
  async backupsOf(summaries: OpsSummary[]): Promise<BackupsSection[]> {
    const snapshots = await this.reload();
    const byEntity = new Map<string, Drill[]>();
    for (const drill of await this.drills.list({ limit: ALL_DRILLS })) {
      for (const ref of drill.entityRefs) {
        const list = byEntity.get(ref) ?? [];
        list.push(drill);
        byEntity.set(ref, list);
      }
    }
    const sections: BackupsSection[] = [];
    for (let start = 0; start < summaries.length; start += CHUNK) {
      if (start > 0) await yieldToRequests();
      sections.push(
        ...(await Promise.all(
          summaries
            .slice(start, start + CHUNK)
            .map(summary =>
              this.section(
                summary,
                byEntity.get(summary.entity.ref) ?? [],
                snapshots,
              ),
            ),
        )),
      );
    }
    return sections;
  }

  /**
   * What the sections depend on besides the summaries and the time: the
   * snapshots' sources and times, the drills and the reports, and when a
   * fresh snapshot turns stale.
   */
  async version(): Promise<LayerVersion> {
    const [headers, drills, reports] = await Promise.all([
      this.snapshots.headers('backups'),
      this.drills.version(),
      this.reports.version(),
    ]);
    return {
      key: JSON.stringify({ headers, drills, reports }),
      expiresAt: freshUntil(headers, this.staleAfter, this.clock()),
    };
  }

  /** The section from the snapshots or reports, with the entity's drills. */
  private async section(
    summary: OpsSummary,
    drills: Drill[],
    snapshots: BackupSnapshot[],
  ): Promise<BackupsSection> {
    const section = summary.backups;
    if (!section.source) return section;
    const now = this.clock();
    const environments =
      section.source.type === 'none'
        ? []
        : await Promise.all(
            summary.alerting.environments.map(environment =>
              this.environmentStatus(summary, environment, snapshots, now),
            ),
          );
    return withBackupStatus(section, {
      environments,
      drills: section.source.type === 'none' ? [] : drills,
      drillInterval: this.config.backups.drillInterval,
      now,
    });
  }

  /**
   * Drills, newest first, and where each component that is backed up
   * stands with them; one component's when `entityRef` is given.
   */
  async drillOverview(
    summaries: OpsSummary[],
    options: { entityRef?: string } = {},
  ): Promise<DrillsResponse> {
    const now = this.clock();
    const drills = await this.drills.list({ entityRef: options.entityRef });
    const newest = new Map<string, string>();
    for (const drill of drills) {
      for (const ref of drill.entityRefs) {
        if ((newest.get(ref) ?? '') < drill.date) newest.set(ref, drill.date);
      }
    }
    const components: ComponentDrillStatus[] = summaries
      .filter(summary => isBackedUp(summary.backups))
      .map(summary => {
        const last = newest.get(summary.entity.ref);
        const { state, nextDue } = drillState({
          lastDrillOn: last ? DateTime.fromISO(last) : undefined,
          interval: this.config.backups.drillInterval,
          now,
        });
        return {
          entity: summary.entity,
          state,
          lastDrill: last,
          nextDue: nextDue?.toISODate() ?? undefined,
        };
      })
      .sort(
        (a, b) =>
          DRILL_ORDER.indexOf(a.state) - DRILL_ORDER.indexOf(b.state) ||
          (a.nextDue ?? '').localeCompare(b.nextDue ?? '') ||
          a.entity.ref.localeCompare(b.entity.ref),
      );
    return { drills, components };
  }

  /** Health of every backup source, with what else is wrong with it. */
  async sources(): Promise<SourceStatus[]> {
    const now = this.clock();
    return (await this.current()).map(snapshot =>
      // A source that never answered has no inventory to count.
      sourceStatusOf(snapshot, {
        items: snapshot.fetchedAt ? snapshot.data.backups.length : 0,
        staleAfter: this.staleAfter,
        now,
        warnings: snapshot.fetchedAt ? warningsOf(snapshot.data) : [],
      }),
    );
  }

  private async environmentStatus(
    summary: OpsSummary,
    environment: string,
    snapshots: BackupSnapshot[],
    now: DateTime,
  ): Promise<BackupEnvironmentStatus> {
    const { backups } = summary;
    const spec = backups.source!;
    const common = {
      environment,
      spec,
      declaredScope: backups.scope,
      rpo: durationOf(backups.policy.rpo.value),
      retention: durationOf(backups.policy.retention.value),
      now,
    };
    if (spec.type === 'push') {
      const reports = await this.reports.list({
        entityRef: summary.entity.ref,
        environment,
      });
      return backupEnvironmentStatus({
        ...common,
        sourceId: 'push',
        inventory: { ...EMPTY, backups: reports.map(backupOfReport) },
        // A pushed report is as fresh as it is; a tool that stops pushing
        // shows as an RPO breach.
        fresh: true,
        fetchedAt: reports
          .map(report => report.receivedAt)
          .sort()
          .pop(),
      });
    }
    const own = snapshots.filter(
      snapshot => snapshot.environment === environment,
    );
    if (own.length === 0) {
      return backupEnvironmentStatus({
        ...common,
        sourceId: `velero:${environment}`,
        fresh: false,
        lastError: `No Velero source for ${environment}: add kubernetes to its entry in platformOps.environments`,
      });
    }
    const failed = own.find(snapshot => snapshot.lastError);
    return backupEnvironmentStatus({
      ...common,
      sourceId: own.map(snapshot => snapshot.sourceId).join(', '),
      inventory: own.some(snapshot => snapshot.fetchedAt)
        ? merge(own.map(snapshot => snapshot.data))
        : undefined,
      fresh: own.every(snapshot => isFresh(snapshot, this.staleAfter, now)),
      fetchedAt: own
        .map(snapshot => snapshot.fetchedAt)
        .sort()
        .find(() => true),
      lastError: failed?.lastError && publicError(failed.lastError),
    });
  }

  private get staleAfter(): Duration {
    return staleAfter(this.config.backups.pollInterval);
  }

  private async current(): Promise<BackupSnapshot[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      return this.reload();
    }
    return this.cache.snapshots;
  }

  private async reload(): Promise<BackupSnapshot[]> {
    const at = Date.now();
    const snapshots = await this.snapshots.list<BackupInventory>('backups');
    this.cache = { at, snapshots };
    return snapshots;
  }
}

function isBackedUp(section: BackupsSection): boolean {
  return section.source !== undefined && section.source.type !== 'none';
}

function durationOf(text: string): Duration {
  return parseDuration('policy', text).value!;
}

function merge(inventories: BackupInventory[]): BackupInventory {
  return {
    backups: inventories.flatMap(inventory => inventory.backups),
    schedules: inventories.flatMap(inventory => inventory.schedules),
    storageLocations: inventories.flatMap(
      inventory => inventory.storageLocations,
    ),
    restores: inventories.flatMap(inventory => inventory.restores),
  };
}

/** What the Sources tab says beside a backup source's health. */
function warningsOf(inventory: BackupInventory): string[] {
  return [
    ...inventory.storageLocations
      .filter(location => location.phase !== 'Available')
      .map(
        location =>
          `Backup storage location ${location.name} is ${
            location.phase || 'not validated'
          }: every backup to it fails`,
      ),
    ...inventory.schedules
      .filter(schedule => schedule.paused)
      .map(
        schedule => `Schedule ${schedule.name} is paused: it makes no backups`,
      ),
  ];
}
