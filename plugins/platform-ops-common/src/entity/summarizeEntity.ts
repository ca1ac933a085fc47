import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { alertingSection } from '../alerting/section';
import { hasPlatformOpsAnnotations } from '../hasPlatformOpsAnnotations';
import { OpsSummary, SummaryEntity } from '../api/types';
import { backupsSection } from '../backups/section';
import { PlatformOpsConfig } from '../config/readConfig';
import { maintenanceSection } from '../maintenance/section';
import { WindowOccurrenceCache } from '../maintenance/windows';
import { scopeSection } from '../scope/section';
import { SectionInput } from '../types';
import { resolveEnvironments } from './environments';
import {
  parseEntityAnnotations,
  PlatformOpsAnnotations,
} from './parseEntityAnnotations';

function summaryEntityOf(entity: Entity): SummaryEntity {
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: entity.metadata.title,
  };
}

/**
 * Combines an entity's annotations with the config defaults into the
 * config-aware part of its {@link OpsSummary}. Each aspect builds its own
 * section; this only parses once and composes them. Pure: the backend adds
 * live data from its sources on top. Summarizing many entities at one
 * `now`, pass one `windows` cache for all of them.
 *
 * @public
 */
export function summarizeEntity(
  entity: Entity,
  config: PlatformOpsConfig,
  now: DateTime = DateTime.utc(),
  options: { windows?: WindowOccurrenceCache } = {},
): OpsSummary {
  const parsed = parseEntityAnnotations(entity, now);
  const { environments, problems: environmentProblems } = resolveEnvironments(
    parsed.annotations.environments,
    config,
  );
  const input: SectionInput<PlatformOpsAnnotations> = {
    entity,
    annotations: parsed.annotations,
    environments,
    config,
    now,
    windows: options.windows,
  };
  const scope = scopeSection(input);
  const alerting = alertingSection(input);
  const backups = backupsSection(input);
  const maintenance = maintenanceSection(input);

  return {
    entity: summaryEntityOf(entity),
    annotated: hasPlatformOpsAnnotations(entity),
    scope: scope.section,
    alerting: alerting.section,
    backups: backups.section,
    maintenance: maintenance.section,
    problems: [
      ...parsed.problems,
      ...environmentProblems,
      ...scope.problems,
      ...alerting.problems,
      ...backups.problems,
      ...maintenance.problems,
    ],
    generatedAt: now.toISO()!,
  };
}
