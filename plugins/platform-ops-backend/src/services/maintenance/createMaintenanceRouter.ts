import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Change,
  changeInputSchema,
  changeUpdateSchema,
  entityRefInput,
  environmentInput,
  MAX_OCCURRENCES,
  PlatformOpsConfig,
  platformOpsChangeCreatePermission,
  timestampInput,
  WindowOccurrence,
  windowOccurrences,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { jsonBody, parseInput } from '../../validation';
import { filterVisible } from '../catalogVisibility';
import { ChangeService } from './ChangeService';

/** The longest range one windows request may cover. */
const MAX_RANGE_DAYS = 800;

const changesQuery = z
  .object({
    entity: entityRefInput.optional(),
    environment: environmentInput.optional(),
    from: timestampInput.optional(),
    to: timestampInput.optional(),
  })
  .strict()
  .superRefine((query, context) => {
    if (
      query.from &&
      query.to &&
      Date.parse(query.to) <= Date.parse(query.from)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be after from',
      });
    }
  });

const windowsQuery = z
  .object({
    from: timestampInput,
    to: timestampInput,
    environment: environmentInput.optional(),
  })
  .strict()
  .superRefine((query, context) => {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (to <= from) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be after from',
      });
    } else if (to - from > MAX_RANGE_DAYS * 86_400_000) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_RANGE_DAYS} days after from`,
      });
    }
  });

const changeId = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{8,64}$/, 'must be a change id'),
});

/** Who did it, as stored beside a change. */
function principalOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `${principal.type}:${principal.subject}`;
}

/**
 * The maintenance routes: announced changes (list, announce, update) and
 * the occurrences of the configured windows.
 */
export async function createMaintenanceRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
  changes: ChangeService;
  config: PlatformOpsConfig;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog, changes, config } = options;
  const router = Router();
  router.use(jsonBody());

  async function authorizeChange(credentials: BackstageCredentials) {
    const [decision] = await permissions.authorize(
      [{ permission: platformOpsChangeCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${platformOpsChangeCreatePermission.name}`,
      );
    }
  }

  /** Changes with only the entities the caller may read; none left, no change. */
  async function visible(list: Change[], credentials: BackstageCredentials) {
    const refs = [...new Set(list.flatMap(change => change.entityRefs))];
    const readable = new Set(
      await filterVisible(catalog, refs, ref => ref, { credentials }),
    );
    return list
      .map(change => ({
        ...change,
        entityRefs: change.entityRefs.filter(ref => readable.has(ref)),
      }))
      .filter(change => change.entityRefs.length > 0);
  }

  /** A 400 naming the query's environment when config does not have it. */
  function checkEnvironment(environment: string | undefined) {
    const known = config.environments.map(entry => entry.name);
    if (environment && !known.includes(environment)) {
      throw new InputError(
        `Invalid query: environment: must be one of ${known.join(', ')}`,
      );
    }
  }

  router.get('/changes', async (req, res) => {
    const query = parseInput(changesQuery, req.query, 'query');
    checkEnvironment(query.environment);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const list = query.entity
      ? (await changes.changesFor(query.entity)).filter(
          change =>
            (!query.environment ||
              change.environments.includes(query.environment)) &&
            (!query.to ||
              change.start < DateTime.fromISO(query.to).toUTC().toISO()!),
        )
      : await changes.list({
          environment: query.environment,
          from: query.from
            ? DateTime.fromISO(query.from).toUTC().toISO()!
            : undefined,
          to: query.to
            ? DateTime.fromISO(query.to).toUTC().toISO()!
            : undefined,
        });
    res.json({ changes: await visible(list, credentials) });
  });

  router.post('/changes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorizeChange(credentials);
    const input = parseInput(changeInputSchema, req.body, 'body');
    const readable = await filterVisible(
      catalog,
      input.entityRefs,
      ref => ref,
      { credentials },
    );
    const unknown = input.entityRefs.filter(ref => !readable.includes(ref));
    if (unknown.length > 0) {
      throw new InputError(
        `Invalid body: entityRefs: no such entity in the catalog: ${unknown.join(
          ', ',
        )}`,
      );
    }
    const result = await changes.announce(input, principalOf(credentials));
    res
      .status(result.created ? 201 : 200)
      .json({ change: result.change, warnings: result.warnings });
  });

  router.patch('/changes/:id', async (req, res) => {
    const { id } = parseInput(changeId, req.params, 'path');
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorizeChange(credentials);
    const update = parseInput(changeUpdateSchema, req.body, 'body');
    res.json(await changes.update(id, update));
  });

  router.get('/windows', async (req, res) => {
    const query = parseInput(windowsQuery, req.query, 'query');
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const from = DateTime.fromISO(query.from);
    const to = DateTime.fromISO(query.to);
    const environment = query.environment;
    checkEnvironment(environment);
    const occurrences: Array<WindowOccurrence & { environments: string[] }> =
      [];
    for (const [name, window] of Object.entries(config.maintenance.windows)) {
      const environments = config.environments
        .filter(entry => entry.maintenanceWindow === name)
        .map(entry => entry.name);
      if (environment && !environments.includes(environment)) continue;
      for (const occurrence of windowOccurrences(name, window, {
        from,
        to,
        limit: MAX_OCCURRENCES + 1,
      })) {
        occurrences.push({ ...occurrence, environments });
      }
    }
    occurrences.sort(
      (a, b) =>
        a.start.localeCompare(b.start) || a.window.localeCompare(b.window),
    );
    res.json({
      occurrences: occurrences.slice(0, MAX_OCCURRENCES),
      truncated: occurrences.length > MAX_OCCURRENCES,
    });
  });

  return router;
}
