import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { AlertHistoryStore } from './services/alerting/AlertHistoryStore';
import { AlertService } from './services/alerting/AlertService';
import { LookupService } from './services/lookup/LookupService';
import { SummaryService } from './services/SummaryService';
import { parseInput } from './validation';

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
    .string({ required_error: 'is required', invalid_type_error: 'must be given once, as text' })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
});

const historyQuery = z.object({
  days: z.coerce
    .number({ invalid_type_error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(90, 'must be at most 90 (history is kept 90 days)')
    .default(30),
});

/**
 * Creates the Platform Ops HTTP API, mounted under /api/platform-ops.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  summaryService: SummaryService;
  lookupService: Pick<LookupService, 'lookup'>;
  alertService: Pick<AlertService, 'sources'>;
  alertHistory: Pick<AlertHistoryStore, 'dailyCounts'>;
  clock?: () => DateTime;
}): Promise<express.Router> {
  const { httpAuth, summaryService, lookupService, alertService, alertHistory } = options;
  const clock = options.clock ?? (() => DateTime.utc());
  const router = Router();
  router.use(express.json());

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
    res.json({ sources: await alertService.sources() });
  });

  router.get('/alerts/history/:kind/:namespace/:name', async (req, res) => {
    const ref = parseInput(summaryParams, req.params, 'path');
    const { days } = parseInput(historyQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    // Reading the summary checks that the caller may see the entity.
    const summary = await summaryService.getSummary(ref, { credentials });
    if (!summary) {
      throw new NotFoundError(`No entity ${ref.kind}:${ref.namespace}/${ref.name} in the catalog`);
    }
    const since = clock().minus({ days: days - 1 }).toISODate()!;
    res.json({
      since,
      days: await alertHistory.dailyCounts(summary.entity.ref, since),
    });
  });

  return router;
}
