import { DateTime } from 'luxon';
import { ANNOTATION_AUDITS } from '../annotations';
import { PlatformOpsConfig } from '../config/readConfig';
import { problem, Problem } from '../problems';
import { formatDuration } from '../values/duration';
import { APPLICATION_PARTY, PLATFORM_PARTY } from './resolveScope';
import { AuditDates } from './annotations';

/**
 * Where one kind of audit stands for a component.
 *
 * @public
 */
export type AuditStatus = {
  kind: string;
  /** Last audit (YYYY-MM-DD), if recorded. */
  last?: string;
  /** Interval from config, such as 365d. */
  interval: string;
  /** When the next audit is due (YYYY-MM-DD). */
  nextDue?: string;
  /** `missing`: required but never recorded; `overdue`: past its due date. */
  state: 'ok' | 'overdue' | 'missing';
};

/**
 * The audit kinds a party must have: application teams get the application
 * audit, every other outside party the provider audit. Inside the fence
 * nothing is required.
 *
 * @public
 */
export function requiredAuditKinds(party: string | undefined): string[] {
  if (!party || party === PLATFORM_PARTY) return [];
  return party === APPLICATION_PARTY ? ['application'] : ['provider'];
}

/**
 * Computes the status of every required or recorded audit.
 *
 * @public
 */
export function evaluateAudits(options: {
  party: string | undefined;
  audits: AuditDates | undefined;
  config: PlatformOpsConfig;
  now: DateTime;
}): { audits: AuditStatus[]; problems: Problem[] } {
  const { config, now } = options;
  const recorded = options.audits ?? {};
  const problems: Problem[] = [];
  const kinds = [...requiredAuditKinds(options.party)];
  for (const kind of Object.keys(recorded)) {
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  const audits: AuditStatus[] = [];
  for (const kind of kinds) {
    // Own keys only: `constructor=2026-01-01` must not find Object's.
    const interval = Object.prototype.hasOwnProperty.call(config.audits, kind)
      ? config.audits[kind]
      : undefined;
    const last = recorded[kind];
    if (!interval) {
      problems.push(
        problem(
          ANNOTATION_AUDITS,
          `${kind}=${last?.toISODate() ?? ''}`,
          `an audit kind from config (${Object.keys(config.audits).join(
            ', ',
          )})`,
        ),
      );
      continue;
    }
    if (!last) {
      audits.push({
        kind,
        interval: formatDuration(interval),
        state: 'missing',
      });
      continue;
    }
    const nextDue = last.plus(interval);
    audits.push({
      kind,
      last: last.toISODate()!,
      interval: formatDuration(interval),
      nextDue: nextDue.toISODate()!,
      state: nextDue < now ? 'overdue' : 'ok',
    });
  }
  return { audits, problems };
}
