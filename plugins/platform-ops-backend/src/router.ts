import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { LookupService } from './services/scope/LookupService';
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

/**
 * Creates the Platform Ops HTTP API, mounted under /api/platform-ops.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  summaryService: SummaryService;
  lookupService: Pick<LookupService, 'lookup'>;
}): Promise<express.Router> {
  const { httpAuth, summaryService, lookupService } = options;
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

  return router;
}
