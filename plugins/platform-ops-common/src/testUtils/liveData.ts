import fc from 'fast-check';
import { DateTime } from 'luxon';
import { matchAlerts, withLiveAlerts } from '../alerting/liveAlerts';
import { HeartbeatState } from '../alerting/heartbeat';
import { RawAlert } from '../alerting/types';
import { OpsSummary } from '../api/types';
import { Drill } from '../backups/drills';
import { backupEnvironmentStatus, withBackupStatus } from '../backups/status';
import { BackupInventory } from '../backups/types';
import { PlatformOpsConfig } from '../config/readConfig';
import { ClusterInventory } from '../maintenance/clusterTypes';
import { drainReadiness } from '../maintenance/drainReadiness';
import { parseDuration } from '../values/duration';
import {
  backupInventory,
  clusterInventory,
  drill,
  rawAlert,
  word,
} from './arbitraries';

/** The environments live data is generated for; `dev` is in no config. */
const ENVIRONMENTS = ['production', 'staging', 'dev'] as const;

/** What one source last told the backend about one environment. */
type Reading<T> = {
  /** Undefined when the source never answered. */
  data?: T;
  fresh: boolean;
  fetchedAt?: string;
  lastError?: string;
};

/** Everything the backend's sources and stores might hold. */
export type LiveData = {
  alerts: Record<
    string,
    { alerts: RawAlert[]; heartbeat: HeartbeatState } & Omit<
      Reading<unknown>,
      'data' | 'fresh'
    >
  >;
  backups: Record<string, Reading<BackupInventory>>;
  clusters: Record<string, Reading<ClusterInventory>>;
  drills: Drill[];
};

function reading<T>(data: fc.Arbitrary<T>): fc.Arbitrary<Reading<T>> {
  return fc.record(
    {
      data,
      fresh: fc.boolean(),
      fetchedAt: fc.constantFrom(
        '2026-11-22T11:59:30.000Z',
        '2026-11-01T00:00:00.000Z',
        'garbage',
      ),
      lastError: fc.oneof(
        fc.constant('Alertmanager did not answer within 10 s'),
        word,
      ),
    },
    { requiredKeys: ['fresh'] },
  );
}

function perEnvironment<T>(
  arbitrary: fc.Arbitrary<T>,
): fc.Arbitrary<Record<string, T>> {
  return fc.record(
    Object.fromEntries(ENVIRONMENTS.map(name => [name, arbitrary])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, T>>;
}

/** Generated live data for every environment, any of it missing. */
export const liveData: fc.Arbitrary<LiveData> = fc.record({
  alerts: perEnvironment(
    fc.record(
      {
        alerts: fc.array(rawAlert, { maxLength: 6 }),
        heartbeat: fc.constantFrom<HeartbeatState>(
          'ok',
          'missing',
          'unreachable',
          'unconfigured',
        ),
        fetchedAt: fc.constantFrom('2026-11-22T11:59:30.000Z', 'garbage'),
        lastError: word,
      },
      { requiredKeys: ['alerts', 'heartbeat'] },
    ),
  ),
  backups: perEnvironment(reading(backupInventory)),
  clusters: perEnvironment(reading(clusterInventory)),
  drills: fc.array(drill, { maxLength: 3 }),
});

/**
 * Summaries with the live parts the backend adds, built the way its
 * services build them from their snapshots (see AlertService,
 * BackupService and DrainService): alerts matched once over all, then each
 * component's backups judged and its drain readiness checked.
 */
export function withLiveData(
  summaries: OpsSummary[],
  live: LiveData,
  config: PlatformOpsConfig,
  now: DateTime,
): OpsSummary[] {
  const matched = matchAlerts({
    batches: Object.entries(live.alerts).map(([environment, entry]) => ({
      environment,
      alerts: entry.alerts,
    })),
    components: summaries.map(summary => ({
      id: summary.entity.ref,
      matchers: summary.alerting.matchers,
      environments: summary.alerting.environments,
    })),
    heartbeatAlertnames: { production: 'Watchdog', staging: 'Watchdog' },
  });
  return summaries.map(summary => {
    const alerting = withLiveAlerts(summary.alerting, {
      matched: matched.get(summary.entity.ref) ?? [],
      status: summary.alerting.environments.map(environment => ({
        environment,
        heartbeat: live.alerts[environment]?.heartbeat ?? 'unconfigured',
        heartbeatAlertname: 'Watchdog',
        fetchedAt: live.alerts[environment]?.fetchedAt,
        lastError: live.alerts[environment]?.lastError,
      })),
      severityLevels: config.alerting.severityLevels,
    });
    const section = summary.backups;
    const backups = section.source
      ? withBackupStatus(section, {
          environments:
            section.source.type === 'none'
              ? []
              : summary.alerting.environments.map(environment => {
                  const entry = live.backups[environment];
                  return backupEnvironmentStatus({
                    environment,
                    sourceId: `velero:${environment}`,
                    inventory: entry?.data,
                    fetchedAt: entry?.fetchedAt,
                    lastError: entry?.lastError,
                    fresh: entry?.fresh ?? false,
                    spec: section.source!,
                    declaredScope: section.scope,
                    rpo: parseDuration('rpo', section.policy.rpo.value).value!,
                    retention: parseDuration(
                      'retention',
                      section.policy.retention.value,
                    ).value!,
                    now,
                  });
                }),
          drills: live.drills,
          drillInterval: config.backups.drillInterval,
          now,
        })
      : section;
    const readiness = summary.alerting.environments.map(environment => {
      const entry = live.clusters[environment];
      return drainReadiness({
        environment,
        sourceId: `kubernetes:${environment}`,
        inventory: entry?.data,
        fresh: entry?.fresh ?? false,
        fetchedAt: entry?.fetchedAt,
        lastError: entry?.lastError,
        selection: summary.maintenance.workloadSelection,
        maxGraceSeconds: config.maintenance.maxGracePeriod.as('seconds'),
      });
    });
    return {
      ...summary,
      alerting,
      backups,
      maintenance: { ...summary.maintenance, drainReadiness: readiness },
    };
  });
}
