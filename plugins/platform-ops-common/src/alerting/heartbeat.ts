import { DateTime, Duration } from 'luxon';
import { PlatformOpsConfig } from '../config/readConfig';

/**
 * Whether the alerting pipeline of an environment can be trusted:
 *
 * - `ok`: the heartbeat alert is firing and the data is fresh;
 * - `missing`: Alertmanager answers but the heartbeat alert is absent;
 * - `unreachable`: Alertmanager did not answer (or not recently enough);
 * - `unconfigured`: the environment has no Alertmanager in config.
 *
 * @public
 */
export type HeartbeatState = 'ok' | 'missing' | 'unreachable' | 'unconfigured';

/**
 * Decides the heartbeat state of one environment from its latest snapshot.
 *
 * @public
 */
export function heartbeatState(options: {
  configured: boolean;
  /** When data was last fetched successfully (ISO 8601). */
  fetchedAt?: string;
  /** Error of the last attempt, if it failed. */
  lastError?: string;
  alertnames: Iterable<string>;
  heartbeatAlertname: string;
  now: DateTime;
  /** Data older than this no longer proves anything. */
  staleAfter: Duration;
}): HeartbeatState {
  if (!options.configured) return 'unconfigured';
  if (options.lastError || !options.fetchedAt) return 'unreachable';
  const fetched = DateTime.fromISO(options.fetchedAt);
  if (!fetched.isValid || options.now.diff(fetched) > options.staleAfter) {
    return 'unreachable';
  }
  for (const name of options.alertnames) {
    if (name === options.heartbeatAlertname) return 'ok';
  }
  return 'missing';
}

/** The heartbeat of an environment whose Alertmanager config names none. */
const DEFAULT_HEARTBEAT = 'Watchdog';

/**
 * The heartbeat alertname of every configured environment, `Watchdog`
 * unless its Alertmanager config names another.
 *
 * @public
 */
export function heartbeatAlertnames(
  config: PlatformOpsConfig,
): Record<string, string> {
  return Object.fromEntries(
    config.environments.map(environment => [
      environment.name,
      environment.alertmanager?.heartbeat.alertname ?? DEFAULT_HEARTBEAT,
    ]),
  );
}
