import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import * as keys from '../annotations';
import {
  AlertingAnnotations,
  parseAlertLevelsAnnotation,
  parseEnvironmentsAnnotation,
} from '../alerting/annotations';
import { parseAlertMatchers } from '../alerting/matchers';
import {
  BackupsAnnotations,
  parseBackupPolicyAnnotation,
  parseBackupProtectionAnnotation,
  parseBackupScopeAnnotation,
  parseBackupSourceAnnotation,
} from '../backups/annotations';
import {
  MaintenanceAnnotations,
  parseMaintenanceWindowAnnotation,
  parseReleaseAnnotation,
} from '../maintenance/annotations';
import { Parsed, problem, Problem } from '../problems';
import {
  parseAuditsAnnotation,
  parseEscalationAnnotation,
  parseRunbookAnnotation,
  parseScopeAnnotation,
  ScopeAnnotations,
} from '../scope/annotations';

/**
 * Every Platform Ops annotation of one entity, parsed. A field is absent
 * when its annotation is absent or could not be understood; the reason is
 * then in `problems`.
 *
 * @public
 */
export type PlatformOpsAnnotations = ScopeAnnotations &
  AlertingAnnotations &
  BackupsAnnotations &
  MaintenanceAnnotations;

type Parsers = {
  [K in keyof PlatformOpsAnnotations]-?: [
    string,
    (
      text: string,
      now: DateTime,
    ) => Parsed<NonNullable<PlatformOpsAnnotations[K]>>,
  ];
};

const PARSERS: Parsers = {
  scope: [keys.ANNOTATION_SCOPE, parseScopeAnnotation],
  escalation: [keys.ANNOTATION_ESCALATION, parseEscalationAnnotation],
  audits: [keys.ANNOTATION_AUDITS, parseAuditsAnnotation],
  environments: [keys.ANNOTATION_ENVIRONMENTS, parseEnvironmentsAnnotation],
  alertMatchers: [
    keys.ANNOTATION_ALERT_MATCHERS,
    text => parseAlertMatchers(text),
  ],
  alertLevels: [keys.ANNOTATION_ALERT_LEVELS, parseAlertLevelsAnnotation],
  backupPolicy: [keys.ANNOTATION_BACKUP_POLICY, parseBackupPolicyAnnotation],
  backupSource: [keys.ANNOTATION_BACKUP_SOURCE, parseBackupSourceAnnotation],
  backupScope: [keys.ANNOTATION_BACKUP_SCOPE, parseBackupScopeAnnotation],
  backupProtection: [
    keys.ANNOTATION_BACKUP_PROTECTION,
    parseBackupProtectionAnnotation,
  ],
  maintenanceWindow: [
    keys.ANNOTATION_MAINTENANCE_WINDOW,
    parseMaintenanceWindowAnnotation,
  ],
  release: [keys.ANNOTATION_RELEASE, parseReleaseAnnotation],
  runbook: [keys.ANNOTATION_RUNBOOK, parseRunbookAnnotation],
};

/**
 * Every annotation key the suite reads.
 *
 * @public
 */
export const PLATFORM_OPS_ANNOTATIONS: readonly string[] = Object.values(
  PARSERS,
).map(([key]) => key);

/**
 * A value that is not a string, as the YAML wrote it: a map or list as JSON
 * rather than `[object Object]`.
 */
function asWritten(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return Array.isArray(value) ? 'a list' : 'a map';
    }
  }
  return String(value);
}

/**
 * Parses every `platform-ops/` annotation of an entity. Never throws: bad
 * values and unknown `platform-ops/` keys (usually typos) become problems.
 *
 * @public
 */
export function parseEntityAnnotations(
  entity: Entity,
  now: DateTime = DateTime.utc(),
): { annotations: PlatformOpsAnnotations; problems: Problem[] } {
  const raw = entity.metadata.annotations ?? {};
  const annotations: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [field, [key, parse]] of Object.entries(PARSERS)) {
    const text = raw[key];
    if (text === undefined) continue;
    if (typeof text !== 'string') {
      problems.push(problem(key, asWritten(text), 'a string'));
      continue;
    }
    const parsed = (parse as (text: string, now: DateTime) => Parsed<unknown>)(
      text,
      now,
    );
    problems.push(...parsed.problems);
    if (parsed.value !== undefined) annotations[field] = parsed.value;
  }
  for (const key of Object.keys(raw)) {
    if (
      key.startsWith(keys.ANNOTATION_PREFIX) &&
      !PLATFORM_OPS_ANNOTATIONS.includes(key)
    ) {
      problems.push(
        problem(
          key,
          asWritten(raw[key]),
          `a known annotation key: ${PLATFORM_OPS_ANNOTATIONS.join(', ')}`,
        ),
      );
    }
  }
  return { annotations: annotations as PlatformOpsAnnotations, problems };
}
