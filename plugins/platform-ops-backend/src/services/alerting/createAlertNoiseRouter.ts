import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  alertNoiseQuerySchema,
  AlertNoiseResponse,
  alertNoiseWindow,
  buildAlertNoiseReview,
  PlatformOpsConfig,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { parseInput } from '../../validation';
import { filterVisible } from '../catalogVisibility';
import { AlertHistoryStore } from './AlertHistoryStore';

/** The newest successful fetch among `sources`, ISO 8601. */
function latestFetch(sources: SourceStatus[]): string | undefined {
  return sources
    .map(source => source.fetchedAt)
    .filter((fetchedAt): fetchedAt is string => Boolean(fetchedAt))
    .sort()
    .at(-1);
}

/**
 * `GET /alerts/noise?days=30|90&environment=`: the alert-noise review of
 * the last 30 or 90 days, over the components the caller may read. The
 * counts come from one grouped query on the alert history; the catalog
 * then drops the components the caller cannot see, 200 refs per call.
 */
export async function createAlertNoiseRouter(options: {
  httpAuth: HttpAuthService;
  catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
  history: Pick<AlertHistoryStore, 'noiseCounts' | 'oldestDay'>;
  /** The alert sources, whose last poll says how current the history is. */
  alerts: { sources(): Promise<SourceStatus[]> };
  config: PlatformOpsConfig;
  clock?: () => DateTime;
}): Promise<express.Router> {
  const { httpAuth, catalog, history, alerts, config } = options;
  const clock = options.clock ?? (() => DateTime.utc());
  const environments = config.environments.map(
    environment => environment.name,
  );
  const schema = alertNoiseQuerySchema(environments);
  const router = Router();

  router.get('/alerts/noise', async (req, res) => {
    const { days, environment } = parseInput(schema, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const window = alertNoiseWindow(clock().toUTC().toISODate()!, days);
    const [counts, historySince, sources] = await Promise.all([
      history.noiseCounts({
        since: window.since,
        weekStarts: window.weekStarts,
        environment,
      }),
      history.oldestDay(),
      alerts.sources(),
    ]);
    const refs = [...new Set(counts.map(count => count.entityRef))];
    const visible = new Set(
      await filterVisible(catalog, refs, ref => ref, { credentials }),
    );
    const review = buildAlertNoiseReview(
      counts.filter(count => visible.has(count.entityRef)),
      window,
      { environment },
    );
    const recordedAt = latestFetch(
      sources.filter(
        source => !environment || source.environment === environment,
      ),
    );
    const response: AlertNoiseResponse = {
      ...review,
      ...(recordedAt ? { recordedAt } : {}),
      ...(historySince ? { historySince } : {}),
      environments,
    };
    res.json(response);
  });

  return router;
}
