import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  OverviewResponse,
  OverviewRow,
  overviewQuerySchema,
  PlatformOpsConfig,
  selectOverview,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import Router from 'express-promise-router';
import { parseInput } from '../../validation';
import { SummaryCache } from '../SummaryCache';

/** Fields that prove an entity exists for the caller. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * `GET /overview`: every annotated component the caller may read, one row
 * each, filtered, worst first, a page at a time. The rows come from the
 * {@link SummaryCache}; the caller's catalog read permission decides which
 * of them count: all or none on a definite decision, and under a
 * conditional one (a policy such as "owners only") the refs the catalog
 * lists for the caller.
 */
export async function createOverviewRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: Pick<CatalogService, 'streamEntities'>;
  cache: Pick<SummaryCache, 'current'>;
  config: PlatformOpsConfig;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog, cache, config } = options;
  const router = Router();

  async function readable(
    rows: OverviewRow[],
    credentials: BackstageCredentials,
  ): Promise<OverviewRow[]> {
    const [decision] = await permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return rows;
    if (decision.result === AuthorizeResult.DENY) return [];
    const visible = new Set<string>();
    for await (const page of catalog.streamEntities(
      { fields: REF_FIELDS },
      { credentials },
    )) {
      for (const entity of page) {
        visible.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
      }
    }
    return rows.filter(row =>
      visible.has(row.entity.ref.toLocaleLowerCase('en-US')),
    );
  }

  router.get('/overview', async (req, res) => {
    const query = parseInput(overviewQuerySchema, req.query, 'query');
    const known = config.environments.map(environment => environment.name);
    if (query.environment && !known.includes(query.environment)) {
      throw new InputError(
        `Invalid query: environment: must be one of ${known.join(', ')}`,
      );
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const built = await cache.current();
    const response: OverviewResponse = {
      ...selectOverview(await readable(built.rows, credentials), query),
      generatedAt: built.builtAt.toISO()!,
      indexedAt: built.indexedAt?.toISO() ?? undefined,
    };
    res.json(response);
  });

  return router;
}
