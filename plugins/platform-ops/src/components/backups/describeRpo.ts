import { BackupEnvironmentStatus } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { ageText, clockText, dayText, spanText } from '../shared/ageText';
import { Judgement } from '../shared/StatusLine';

/** Why the data of a stale source cannot be trusted, and how old it is. */
function staleText(status: BackupEnvironmentStatus, now: DateTime): string {
  const error = status.lastError ? ` (${status.lastError})` : '';
  if (!status.fetchedAt) {
    return `the source ${status.sourceId} has never answered${error}`;
  }
  return `the source ${
    status.sourceId
  } is stale, no fresh data since ${clockText(
    status.fetchedAt,
    now,
  )} (${ageText(status.fetchedAt, now)})${error}`;
}

/**
 * The last good backup against the RPO in one environment: "Last good
 * backup 5 h ago (RPO 24h)". A stale source says how old its data is and
 * never reads as fine.
 */
export function describeRpo(
  status: BackupEnvironmentStatus,
  rpo: string,
  now: DateTime = DateTime.now(),
): Judgement {
  const completedAt = status.lastSuccess?.completedAt;
  const age = completedAt ? ageText(completedAt, now) : undefined;
  const last = age && `last good backup ${age}`;
  switch (status.rpo) {
    case 'ok':
      return {
        status: 'ok',
        text: `Last good backup ${ageText(completedAt!, now)} (RPO ${rpo})`,
      };
    case 'at-risk':
      return {
        status: 'warning',
        text: `At risk: ${last} (RPO ${rpo}), past 80 % of the RPO`,
      };
    case 'breached': {
      const none =
        status.sourceId === 'push'
          ? 'no successful backup has been reported'
          : 'no successful backup';
      return {
        status: 'error',
        text: `RPO breached: ${last ?? none} (RPO ${rpo})`,
      };
    }
    default:
      return {
        status: 'warning',
        text: `RPO unknown: ${staleText(status, now)}; ${
          age ? `last known good backup ${age}` : 'no good backup known'
        } (RPO ${rpo})`,
      };
  }
}

/**
 * How far back one can restore against the retention: "Restorable back
 * 29 d (to 2026-10-23), retention 30d".
 */
export function describeRetention(
  status: BackupEnvironmentStatus,
  retention: string,
  now: DateTime = DateTime.now(),
): Judgement {
  const oldest = status.oldestRestorable?.completedAt;
  const reach = oldest
    ? `${spanText(
        now.diff(DateTime.fromISO(oldest)).as('milliseconds'),
      )} (to ${dayText(oldest)})`
    : undefined;
  switch (status.retention) {
    case 'ok':
      return {
        status: 'ok',
        text: `Restorable back ${reach}, retention ${retention}`,
      };
    case 'short':
      return {
        status: 'warning',
        text: reach
          ? `Retention short: restorable back only ${reach}, retention ${retention}`
          : `Retention short: no backup can be restored (retention ${retention})`,
      };
    default:
      return {
        status: 'warning',
        text: `Retention unknown while the source is stale (retention ${retention})`,
      };
  }
}
