import {
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { AuthenticationError, InputError } from '@backstage/errors';
import {
  entityRefInput,
  environmentInput,
  MAX_OCCURRENCES,
  PlatformOpsConfig,
  WindowOccurrence,
  windowOccurrences,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import Router from 'express-promise-router';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseInput } from '../../validation';
import { EntityIndex } from '../EntityIndex';
import { buildCalendar } from './buildCalendar';
import { CalendarTokenStore } from './CalendarTokenStore';
import { ChangeService } from './ChangeService';

/** The feed covers this much past and future. */
const PAST = { days: 31 };
const FUTURE = { days: 400 };

const calendarQuery = z
  .object({
    environment: environmentInput.optional(),
    entity: entityRefInput.optional(),
    owner: z
      .string({ invalid_type_error: 'must be given once' })
      .regex(
        /^group:[^/\s]+\/[^\s]+$|^user:[^/\s]+\/[^\s]+$/i,
        'must be a group or user entity ref such as group:default/platform-team',
      )
      .optional(),
    token: z
      .string({ invalid_type_error: 'must be given once' })
      .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a calendar token')
      .optional(),
  })
  .strict();

/**
 * The iCalendar feed of windows and changes, and the per-user secret that
 * lets a calendar client fetch it without a Backstage session.
 */
export async function createCalendarRouter(options: {
  httpAuth: HttpAuthService;
  discovery: DiscoveryService;
  index: Pick<EntityIndex, 'ensureLoaded' | 'catalogGraph'>;
  changes: ChangeService;
  tokens: CalendarTokenStore;
  config: PlatformOpsConfig;
  changeUrl: (id: string) => string;
  clock?: () => DateTime;
}): Promise<express.Router> {
  const { httpAuth, index, changes, tokens, config } = options;
  const clock = options.clock ?? (() => DateTime.utc());
  const router = Router();

  router.get('/calendar.ics', async (req, res) => {
    const query = parseInput(calendarQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service', 'none'],
    });
    if (credentials.principal.type === 'none') {
      // A calendar client has no session: the token stands for its user.
      const user = query.token ? await tokens.resolve(query.token) : undefined;
      if (!user) {
        throw new AuthenticationError(
          'Sign in, or subscribe with the URL from the Maintenance calendar tab (its token may have been revoked)',
        );
      }
    }
    const known = config.environments.map(entry => entry.name);
    if (query.environment && !known.includes(query.environment)) {
      throw new InputError(
        `Invalid query: environment: must be one of ${known.join(', ')}`,
      );
    }
    const now = clock();
    const from = now.minus(PAST);
    const to = now.plus(FUTURE);
    const environments = query.environment ? [query.environment] : known;

    const occurrences: Array<WindowOccurrence & { environment: string }> = [];
    for (const environment of config.environments) {
      if (
        !environments.includes(environment.name) ||
        !environment.maintenanceWindow
      )
        continue;
      const window = config.maintenance.windows[environment.maintenanceWindow];
      if (!window) continue;
      for (const occurrence of windowOccurrences(
        environment.maintenanceWindow,
        window,
        { from, to },
      )) {
        occurrences.push({ ...occurrence, environment: environment.name });
      }
    }

    await index.ensureLoaded();
    const { owners } = index.catalogGraph;
    // Entity refs compare without regard to case, as the catalog does.
    const owner = query.owner?.toLocaleLowerCase('en-US');
    const listed = query.entity
      ? await changes.changesFor(query.entity)
      : await changes.list({ from: from.toISO()!, to: to.toISO()! });
    const selected = listed.filter(
      change =>
        change.environments.some(environment =>
          environments.includes(environment),
        ) &&
        (!owner ||
          change.entityRefs.some(
            ref => owners.get(ref)?.toLocaleLowerCase('en-US') === owner,
          )),
    );

    const name = [
      'Platform maintenance',
      query.environment,
      query.entity,
      query.owner,
    ]
      .filter(Boolean)
      .join(' · ');
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(
      buildCalendar({
        name,
        occurrences: occurrences.slice(0, MAX_OCCURRENCES),
        changes: selected,
        changeUrl: options.changeUrl,
        now,
      }),
    );
  });

  router.post('/calendar-token', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const token = await tokens.issue(credentials.principal.userEntityRef);
    const base = await options.discovery.getExternalBaseUrl('platform-ops');
    res.status(201).json({ url: `${base}/calendar.ics?token=${token}` });
  });

  router.delete('/calendar-token', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await tokens.revoke(credentials.principal.userEntityRef);
    res.status(204).end();
  });

  return router;
}
