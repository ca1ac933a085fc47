import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  backupReportSchema,
  Drill,
  drillInputSchema,
  entityRefInput,
  PlatformOpsConfig,
  platformOpsBackupReportCreatePermission,
  platformOpsDrillCreatePermission,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import Router from 'express-promise-router';
import { randomUUID } from 'crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { jsonBody, parseInput } from '../../validation';
import { filterVisible } from '../catalogVisibility';
import { EntityIndex } from '../EntityIndex';
import { BackupReportStore } from './BackupReportStore';
import { BackupService } from './BackupService';
import { DrillStore } from './DrillStore';

const drillsQuery = z.object({ entity: entityRefInput.optional() }).strict();

/** Who did it, as stored beside a drill or a report. */
function principalOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `${principal.type}:${principal.subject}`;
}

/**
 * The backups routes: the drills (read and record) and the backup reports
 * pushed by application-specific tools. Every write is authorized through
 * the permission framework; services (a CronJob with a static token) may
 * push reports.
 */
export async function createBackupsRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
  index: Pick<EntityIndex, 'ensureLoaded' | 'list' | 'get'>;
  backups: Pick<BackupService, 'drillOverview'>;
  drills: DrillStore;
  reports: BackupReportStore;
  config: PlatformOpsConfig;
  clock?: () => DateTime;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog, index, config } = options;
  const clock = options.clock ?? (() => DateTime.utc());
  const environments = config.environments.map(entry => entry.name);
  const router = Router();
  router.use(jsonBody());

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  }

  function requireEnvironment(environment: string) {
    if (!environments.includes(environment)) {
      throw new InputError(
        `Invalid body: environment: must be one of ${environments.join(', ')}`,
      );
    }
  }

  router.get('/drills', async (req, res) => {
    const { entity } = parseInput(drillsQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await index.ensureLoaded();
    const candidates = entity
      ? index.list().filter(entry => entry.ref === entity)
      : index.list();
    if (entity) {
      const [seen] = await filterVisible(catalog, [entity], ref => ref, {
        credentials,
      });
      if (!seen) throw new NotFoundError(`No entity ${entity} in the catalog`);
    }
    const visible = await filterVisible(
      catalog,
      candidates,
      entry => entry.ref,
      { credentials },
    );
    const overview = await options.backups.drillOverview(
      visible.map(entry => entry.summary),
      { entityRef: entity },
    );
    // A drill names only the entities this caller may read.
    const readable = new Set(visible.map(entry => entry.ref));
    if (entity) readable.add(entity);
    const drills = overview.drills
      .map(drill => ({
        ...drill,
        entityRefs: drill.entityRefs.filter(ref => readable.has(ref)),
      }))
      .filter(drill => drill.entityRefs.length > 0);
    res.json({ ...overview, drills });
  });

  router.post('/drills', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(credentials, platformOpsDrillCreatePermission);
    const input = parseInput(drillInputSchema, req.body, 'body');
    requireEnvironment(input.environment);
    const known = await filterVisible(catalog, input.entityRefs, ref => ref, {
      credentials,
    });
    const unknown = input.entityRefs.filter(ref => !known.includes(ref));
    if (unknown.length > 0) {
      throw new InputError(
        `Invalid body: entityRefs: no such entity in the catalog: ${unknown.join(
          ', ',
        )}`,
      );
    }
    const drill: Drill = {
      ...input,
      id: input.id ?? randomUUID(),
      recordedBy: principalOf(credentials),
      recordedAt: clock().toISO()!,
    };
    const stored = await options.drills.record(drill);
    res.status(stored.created ? 201 : 200).json({ drill: stored.drill });
  });

  router.post('/backup-reports', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      await authorize(credentials, platformOpsBackupReportCreatePermission);
    }
    const report = parseInput(backupReportSchema, req.body, 'body');
    requireEnvironment(report.environment);
    // The index, read with the plugin's own credentials, says how the
    // entity is backed up: a CronJob's token needs no catalog access.
    await index.ensureLoaded();
    const entry = index.get(report.entityRef);
    if (entry?.summary.backups.source?.type !== 'push') {
      const declared = entry?.summary.backups.source?.type;
      throw new InputError(
        `Invalid body: entityRef: ${report.entityRef} ${
          entry
            ? `has platform-ops/backup-source ${declared ?? 'unset'}`
            : 'is not an annotated entity in the catalog'
        }; pushed reports are read only for platform-ops/backup-source: push`,
      );
    }
    await options.reports.record({
      ...report,
      receivedAt: clock().toISO()!,
      receivedFrom: principalOf(credentials),
    });
    res.json({ id: report.id });
  });

  return router;
}
