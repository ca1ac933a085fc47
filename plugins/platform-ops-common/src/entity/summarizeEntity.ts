import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import * as keys from '../annotations';
import { OpsSummary, Sourced } from '../api/types';
import { BACKUP_POLICY_KEYS, BACKUP_PROTECTIONS } from '../backups/annotations';
import { PlatformOpsConfig } from '../config/readConfig';
import { problem, Problem } from '../problems';
import { formatDuration } from '../values/duration';
import { AlertLevel } from '../values/level';
import { evaluateAudits } from '../scope/audits';
import { resolveScope } from '../scope/resolveScope';
import {
  hasPlatformOpsAnnotations,
  parseEntityAnnotations,
} from './parseEntityAnnotations';

function sourced<T>(annotation: T | undefined, fallback: T): Sourced<T> {
  return annotation !== undefined
    ? { value: annotation, source: 'annotation' }
    : { value: fallback, source: 'config' };
}

function checkEnvironmentKeys(
  key: string,
  map: Record<string, unknown> | undefined,
  environments: string[],
  problems: Problem[],
) {
  for (const [environment, value] of Object.entries(map ?? {})) {
    if (!environments.includes(environment)) {
      problems.push(
        problem(key, `${environment}=${value}`, `one of this component's environments (${environments.join(', ')})`),
      );
    }
  }
}

/**
 * Combines an entity's annotations with the config defaults into the
 * config-aware part of its {@link OpsSummary}. Pure: the backend adds live
 * data from its sources on top.
 *
 * @public
 */
export function summarizeEntity(
  entity: Entity,
  config: PlatformOpsConfig,
  now: DateTime = DateTime.utc(),
): OpsSummary {
  const { annotations, problems } = parseEntityAnnotations(entity, now);
  const configured = config.environments.map(environment => environment.name);

  for (const environment of annotations.environments ?? []) {
    if (!configured.includes(environment)) {
      problems.push(problem(keys.ANNOTATION_ENVIRONMENTS, environment, `an environment from config (${configured.join(', ')})`));
    }
  }
  const environments = (annotations.environments ?? configured).filter(name =>
    configured.includes(name),
  );

  const hasAnnotations = hasPlatformOpsAnnotations(entity);
  const namespace = entity.metadata.namespace ?? 'default';
  const scope = resolveScope({
    party: annotations.scope,
    reportMissing: hasAnnotations && !(keys.ANNOTATION_SCOPE in (entity.metadata.annotations ?? {})),
    owner: entity.spec?.owner,
    namespace,
    config,
  });
  problems.push(...scope.problems);
  const audits = evaluateAudits({
    party: scope.insideFence === false ? scope.party : undefined,
    audits: annotations.audits,
    config,
    now,
  });
  problems.push(...audits.problems);

  checkEnvironmentKeys(keys.ANNOTATION_ALERT_LEVELS, annotations.alertLevels, environments, problems);
  const levels: Record<string, Sourced<AlertLevel>> = {};
  for (const environment of environments) {
    const fallback = config.alerting.defaultLevels[environment] as AlertLevel | undefined;
    const annotated = annotations.alertLevels?.[environment];
    if (annotated ?? fallback) levels[environment] = sourced(annotated, fallback as AlertLevel);
  }

  checkEnvironmentKeys(keys.ANNOTATION_MAINTENANCE_WINDOW, annotations.maintenanceWindow, environments, problems);
  const windows: Record<string, Sourced<string>> = {};
  for (const environment of environments) {
    const annotated = annotations.maintenanceWindow?.[environment];
    const fallback = config.environments.find(e => e.name === environment)?.maintenanceWindow;
    if (annotated && !config.maintenance.windows[annotated]) {
      problems.push(
        problem(keys.ANNOTATION_MAINTENANCE_WINDOW, `${environment}=${annotated}`, `a window from config (${Object.keys(config.maintenance.windows).join(', ') || 'none configured'})`),
      );
      // The environment's configured window still applies.
      if (fallback) windows[environment] = sourced(undefined, fallback);
      continue;
    }
    if (annotated ?? fallback) windows[environment] = sourced(annotated, fallback as string);
  }

  const defaults = config.backups.defaultPolicy;
  const [rpo, retention, rto] = BACKUP_POLICY_KEYS.map(name => {
    const annotated = annotations.backupPolicy?.[name];
    return sourced(annotated && formatDuration(annotated), formatDuration(defaults[name]));
  });
  const protection = annotations.backupProtection ?? [];

  return {
    entity: {
      ref: stringifyEntityRef(entity),
      kind: entity.kind,
      namespace,
      name: entity.metadata.name,
      title: entity.metadata.title,
    },
    annotated: hasAnnotations,
    scope: {
      party: scope.party,
      partyTitle: scope.partyTitle,
      insideFence: scope.insideFence,
      accountable: scope.accountable,
      accountableSource: scope.accountableSource,
      owner: scope.owner,
      ownerDiffers: scope.ownerDiffers,
      escalation: annotations.escalation ?? [],
      contacts: {},
      audits: audits.audits,
      runbook: annotations.runbook,
    },
    alerting: {
      environments,
      levels,
      matchers: annotations.alertMatchers ?? [],
      // Live data is added by the backend's alert sources.
      alerts: [],
      counts: { P1: 0, P2: 0, P3: 0 },
      status: [],
      trustworthy: false,
    },
    backups: {
      policy: { rpo, retention, rto },
      source: annotations.backupSource,
      scope: annotations.backupScope ?? [],
      protection,
      // Gaps only mean something once a component says it is backed up, or
      // says how its backups are protected.
      protectionGaps:
        annotations.backupSource?.type === 'none' ||
        (!annotations.backupSource && !annotations.backupProtection)
          ? []
          : BACKUP_PROTECTIONS.filter(item => !protection.includes(item)),
    },
    maintenance: { windows, release: annotations.release },
    problems,
    generatedAt: now.toISO()!,
  };
}
