import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { SourceStatus } from '@platform-ops/plugin-platform-ops-common';
import { z } from 'zod';
import { AlertHistoryStore } from './services/alerting/AlertHistoryStore';
import { LookupService } from './services/lookup/LookupService';
import { SummaryService } from './services/SummaryService';
import { jsonBody, parseInput, requireDecodablePath } from './validation';

const entityPart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'must be letters, digits, dots, dashes or underscores',
  });

const summaryParams = z.object({
  kind: entityPart,
  namespace: entityPart,
  name: entityPart,
});

const lookupQuery = z.object({
  q: z
    .string({
      required_error: 'is required',
      invalid_type_error: 'must be given once, as text',
    })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
});

/** The longest history kept, in days. */
const HISTORY_DAYS = 90;

const historyQuery = z.object({
  // Digits only: a number that coercion would take (0x10, 1e1, +5, an
  // array) is a mistake better reported than guessed at.
  days: z
    .string({
      invalid_type_error: 'must be given once, as a whole number of days',
    })
    .regex(/^\d+$/, 'must be a whole number of days')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, 'must be at least 1')
        .max(
          HISTORY_DAYS,
          `must be at most ${HISTORY_DAYS} (history is kept ${HISTORY_DAYS} days)`,
        ),
    )
    .default('30'),
});

/** Path segments of the entity routes, in order. */
const ENTITY_FIELDS = ['kind', 'namespace', 'name'];

/** What the history route needs to know of an entity: that it exists for the caller, and its ref. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Creates the Platform Ops HTTP API, mounted under /api/platform-ops.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  summaryService: SummaryService;
  lookupService: Pick<LookupService, 'lookup'>;
  catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
  /** Every service whose sources `/sources` reports: alerts, backups. */
  sources: Array<{ sources(): Promise<SourceStatus[]> }>;
  alertHistory: Pick<AlertHistoryStore, 'dailyCounts'>;
  clock?: () => DateTime;
}): Promise<express.Router> {
  const {
    httpAuth,
    summaryService,
    lookupService,
    catalog,
    sources,
    alertHistory,
  } = options;
  const clock = options.clock ?? (() => DateTime.utc());
  const router = Router();
  router.use(jsonBody());
  router.use('/summary', requireDecodablePath(ENTITY_FIELDS));
  router.use('/alerts/history', requireDecodablePath(ENTITY_FIELDS));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/summary/:kind/:namespace/:name', async (req, res) => {
    const ref = parseInput(summaryParams, req.params, 'path');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const summary = await summaryService.getSummary(ref, { credentials });
    if (!summary) {
      throw new NotFoundError(
        `No entity ${ref.kind}:${ref.namespace}/${ref.name} in the catalog`,
      );
    }
    res.json(summary);
  });

  router.get('/lookup', async (req, res) => {
    const { q } = parseInput(lookupQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await lookupService.lookup(q, { credentials }));
  });

  router.get('/sources', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const lists = await Promise.all(sources.map(service => service.sources()));
    res.json({ sources: lists.flat() });
  });

  router.get('/alerts/history/:kind/:namespace/:name', async (req, res) => {
    const ref = parseInput(summaryParams, req.params, 'path');
    const { days } = parseInput(historyQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // One catalog read with the caller's credentials is the access check.
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: [stringifyEntityRef(ref)], fields: REF_FIELDS },
      { credentials },
    );
    const entity = items[0];
    if (!entity) {
      throw new NotFoundError(
        `No entity ${ref.kind}:${ref.namespace}/${ref.name} in the catalog`,
      );
    }
    const since = clock()
      .minus({ days: days - 1 })
      .toISODate()!;
    res.json({
      since,
      days: await alertHistory.dailyCounts(stringifyEntityRef(entity), since),
    });
  });

  return router;
}
