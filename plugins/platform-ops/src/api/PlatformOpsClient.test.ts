import { ResponseError } from '@backstage/errors';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ingressNginxSummary } from '../testing/ingressNginx';
import {
  productionUpgradeChange,
  stagingUpgradeChange,
} from '../testing/maintenance';
import { overviewResponse, paymentsGatewayRow } from '../testing/overview';
import { PlatformOpsClient } from './PlatformOpsClient';

describe('PlatformOpsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const baseUrl = 'http://localhost:7007/api/platform-ops';
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const fetchApi = new MockFetchApi();
  const client = new PlatformOpsClient({ discoveryApi, fetchApi });

  it('requests the summary with each part of the ref encoded and parses it', async () => {
    const requested: string[] = [];
    server.use(
      http.get(`${baseUrl}/summary/:kind/:namespace/:name`, ({ request }) => {
        requested.push(new URL(request.url).pathname);
        return HttpResponse.json(ingressNginxSummary);
      }),
    );

    const summary = await client.getSummary({
      kind: 'Component',
      namespace: 'team a',
      name: 'ingress/nginx',
    });

    expect(requested).toEqual([
      '/api/platform-ops/summary/component/team%20a/ingress%2Fnginx',
    ]);
    expect(summary).toEqual(ingressNginxSummary);
    expect(summary.alerting.levels.production).toEqual({
      value: 'P1',
      source: 'annotation',
    });
  });

  it('throws a ResponseError carrying the status for an unknown entity', async () => {
    server.use(
      http.get(`${baseUrl}/summary/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            request: { method: 'GET', url: '/summary/component/default/nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const result = client.getSummary({
      kind: 'component',
      namespace: 'default',
      name: 'nope',
    });

    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No such entity' } },
    });
  });

  it('throws for a request without credentials', async () => {
    server.use(
      http.get(
        `${baseUrl}/summary/:kind/:namespace/:name`,
        () => new HttpResponse(null, { status: 401 }),
      ),
    );

    await expect(
      client.getSummary({ kind: 'component', namespace: 'default', name: 'x' }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 401 });
  });

  it('sends the lookup query encoded and returns the response', async () => {
    const queries: Array<string | null> = [];
    server.use(
      http.get(`${baseUrl}/lookup`, ({ request }) => {
        queries.push(new URL(request.url).searchParams.get('q'));
        return HttpResponse.json({
          query: 'namespace=orders & co',
          results: [],
          indexedEntities: 17,
        });
      }),
    );
    const response = await client.lookup('namespace=orders & co');
    expect(queries).toEqual(['namespace=orders & co']);
    expect(response.indexedEntities).toBe(17);
  });

  it('turns a 400 from the lookup into an error naming q', async () => {
    server.use(
      http.get(`${baseUrl}/lookup`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid query: q: must not be empty',
            },
            request: { method: 'GET', url: '/lookup?q=' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client.lookup(' ').catch(caught => caught);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe(
      'Invalid query: q: must not be empty',
    );
  });

  it('asks for the alert history of an entity over a number of days', async () => {
    const requested: string[] = [];
    server.use(
      http.get(
        `${baseUrl}/alerts/history/:kind/:namespace/:name`,
        ({ request }) => {
          const url = new URL(request.url);
          requested.push(`${url.pathname}${url.search}`);
          return HttpResponse.json({ since: '2026-10-24', days: [] });
        },
      ),
    );
    const history = await client.getAlertHistory(
      { kind: 'Component', namespace: 'default', name: 'ingress-nginx' },
      30,
    );
    expect(requested).toEqual([
      '/api/platform-ops/alerts/history/component/default/ingress-nginx?days=30',
    ]);
    expect(history).toEqual({ since: '2026-10-24', days: [] });
  });

  it('unwraps the source list', async () => {
    server.use(
      http.get(`${baseUrl}/sources`, () =>
        HttpResponse.json({
          sources: [
            {
              id: 'alertmanager:production',
              type: 'alertmanager',
              environment: 'production',
              items: 3,
            },
          ],
        }),
      ),
    );
    expect(await client.getSources()).toEqual([
      {
        id: 'alertmanager:production',
        type: 'alertmanager',
        environment: 'production',
        items: 3,
      },
    ]);
  });

  it('shares one summary request between the cards of a page, but not a failure', async () => {
    let requests = 0;
    let fail = true;
    server.use(
      http.get(`${baseUrl}/summary/:kind/:namespace/:name`, () => {
        requests += 1;
        return fail
          ? HttpResponse.json(
              { error: { name: 'Error', message: 'down' } },
              { status: 503 },
            )
          : HttpResponse.json(ingressNginxSummary);
      }),
    );
    const sharing = new PlatformOpsClient({ discoveryApi, fetchApi });
    const ref = {
      kind: 'Component',
      namespace: 'default',
      name: 'ingress-nginx',
    };
    await expect(sharing.getSummary(ref)).rejects.toThrow();
    fail = false;
    const [first, second] = await Promise.all([
      sharing.getSummary(ref),
      sharing.getSummary(ref),
    ]);
    const third = await sharing.getSummary(ref);
    expect(first).toEqual(ingressNginxSummary);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(requests).toBe(2);
  });

  describe('drills', () => {
    const drill = {
      id: 'b0c7f1de-2f7e-4a55-9c55-0c1c9d7f3a10',
      entityRefs: ['component:default/orders-db'],
      environment: 'staging',
      date: '2026-10-01',
      scenario: 'Restore the orders database from last night',
      ledBy: 'Jane Okafor',
      measuredRto: '3h',
      outcome: 'succeeded' as const,
      wentWell: 'The runbook was right',
      toImprove: 'Finding the backup took an hour',
      actionItems: ['Link the backup bucket from the runbook'],
    };

    it('asks for every drill, or one component’s with the ref encoded', async () => {
      const requested: string[] = [];
      server.use(
        http.get(`${baseUrl}/drills`, ({ request }) => {
          const url = new URL(request.url);
          requested.push(`${url.pathname}${url.search}`);
          return HttpResponse.json({ drills: [], components: [] });
        }),
      );
      expect(await client.getDrills()).toEqual({ drills: [], components: [] });
      await client.getDrills({ entityRef: 'component:default/orders-db' });
      expect(requested).toEqual([
        '/api/platform-ops/drills',
        '/api/platform-ops/drills?entity=component%3Adefault%2Forders-db',
      ]);
    });

    it('posts a drill as JSON and returns the stored one', async () => {
      const bodies: unknown[] = [];
      const types: Array<string | null> = [];
      server.use(
        http.post(`${baseUrl}/drills`, async ({ request }) => {
          bodies.push(await request.json());
          types.push(request.headers.get('content-type'));
          return HttpResponse.json(
            {
              drill: {
                ...drill,
                recordedBy: 'user:default/jane',
                recordedAt: '2026-10-02T08:00:00Z',
              },
            },
            { status: 201 },
          );
        }),
      );
      const stored = await client.recordDrill(drill);
      expect(bodies).toEqual([drill]);
      expect(types).toEqual(['application/json']);
      expect(stored.recordedBy).toBe('user:default/jane');
      expect(stored.id).toBe(drill.id);
    });

    it('picks an id the backend accepts when none is given', async () => {
      const ids: string[] = [];
      server.use(
        http.post(`${baseUrl}/drills`, async ({ request }) => {
          const body = (await request.json()) as { id: string };
          ids.push(body.id);
          return HttpResponse.json({ drill: body }, { status: 201 });
        }),
      );
      const withoutId = { ...drill, id: undefined };
      await client.recordDrill(withoutId);
      await client.recordDrill(withoutId);
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
      expect(ids[0]).not.toBe(ids[1]);
    });

    it('throws the backend’s 400 and 403 as ResponseErrors', async () => {
      server.use(
        http.post(`${baseUrl}/drills`, async ({ request }) => {
          const body = (await request.json()) as { environment: string };
          if (body.environment === 'moon') {
            return HttpResponse.json(
              {
                error: {
                  name: 'InputError',
                  message:
                    'Invalid body: environment: must be one of staging, production',
                },
                response: { statusCode: 400 },
              },
              { status: 400 },
            );
          }
          return HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: 'Missing permission platform-ops.drill.create',
              },
              response: { statusCode: 403 },
            },
            { status: 403 },
          );
        }),
      );
      const invalid = await client
        .recordDrill({ ...drill, environment: 'moon' })
        .catch(caught => caught);
      expect(invalid).toBeInstanceOf(ResponseError);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body.error.message).toBe(
        'Invalid body: environment: must be one of staging, production',
      );
      await expect(client.recordDrill(drill)).rejects.toMatchObject({
        statusCode: 403,
        body: { error: { name: 'NotAllowedError' } },
      });
    });
  });
  describe('changes, windows and the calendar subscription', () => {
    const invalid = (message: string, status = 400) =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message },
          response: { statusCode: status },
        },
        { status },
      );

    it('lists changes with only the parameters given, encoded', async () => {
      const requested: string[] = [];
      server.use(
        http.get(`${baseUrl}/changes`, ({ request }) => {
          const url = new URL(request.url);
          requested.push(`${url.pathname}${url.search}`);
          return HttpResponse.json({
            changes: [
              {
                ...productionUpgradeChange,
                via: 'component:default/ingress-nginx',
              },
            ],
          });
        }),
      );
      const changes = await client.getChanges({
        entityRef: 'component:default/checkout-service',
      });
      await client.getChanges({
        environment: 'production',
        from: '2025-11-22T00:00:00Z',
        to: '2026-12-01T00:00:00+01:00',
      });
      await client.getChanges();
      expect(requested).toEqual([
        '/api/platform-ops/changes?entity=component%3Adefault%2Fcheckout-service',
        '/api/platform-ops/changes?environment=production&from=2025-11-22T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00%2B01%3A00',
        '/api/platform-ops/changes',
      ]);
      expect(changes[0].via).toBe('component:default/ingress-nginx');
    });

    it('announces a change as JSON with an id, and returns it with the warnings', async () => {
      const bodies: Array<Record<string, unknown>> = [];
      server.use(
        http.post(`${baseUrl}/changes`, async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          bodies.push(body);
          return HttpResponse.json(
            {
              change: { ...stagingUpgradeChange, id: body.id },
              warnings: [
                'Short notice: a major change needs 30d, this one has 9d. It is recorded and flagged.',
              ],
            },
            { status: 201 },
          );
        }),
      );
      const input = {
        title: 'Ingress NGINX 1.12 in staging',
        class: 'major' as const,
        entityRefs: ['component:default/ingress-nginx'],
        environments: ['staging'],
        window: 'staging-monthly',
        windowStart: '2026-12-01T08:00:00.000Z',
        updates: ['platform-services' as const],
        description: '',
        contingencyPlan: 'Roll the Helm release back to 1.11',
        silenceAlerts: true,
      };
      const first = await client.announceChange(input);
      await client.announceChange({ ...input, id: 'chosen-by-the-form' });
      expect(bodies[0]).toEqual({ ...input, id: expect.any(String) });
      expect(bodies[0].id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
      expect(bodies[1].id).toBe('chosen-by-the-form');
      expect(first.change.id).toBe(bodies[0].id);
      expect(first.warnings).toEqual([
        'Short notice: a major change needs 30d, this one has 9d. It is recorded and flagged.',
      ]);
    });

    it('throws the 400 naming the field as a ResponseError', async () => {
      server.use(
        http.post(`${baseUrl}/changes`, () =>
          invalid(
            'Invalid body: windowStart: not an occurrence of prod-monthly; the next ones start 2026-12-08T01:00:00.000Z, 2027-01-12T01:00:00.000Z',
          ),
        ),
      );
      const error = await client
        .announceChange({
          title: 'x',
          class: 'minor',
          entityRefs: ['component:default/ingress-nginx'],
          environments: ['production'],
          window: 'prod-monthly',
          windowStart: '2026-12-09T01:00:00Z',
          updates: ['kubernetes'],
          description: '',
          contingencyPlan: 'y',
          silenceAlerts: false,
        })
        .catch(caught => caught);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.body.error.message).toMatch(/^Invalid body: windowStart: /);
    });

    it('patches a change by its encoded id and throws a 409 for a finished one', async () => {
      const calls: Array<{ path: string; body: unknown }> = [];
      server.use(
        http.patch(`${baseUrl}/changes/:id`, async ({ request, params }) => {
          const body = await request.json();
          calls.push({ path: new URL(request.url).pathname, body });
          if (params.id === 'done.one') {
            return HttpResponse.json(
              {
                error: {
                  name: 'ConflictError',
                  message:
                    'Change done.one is done; its status no longer changes',
                },
                response: { statusCode: 409 },
              },
              { status: 409 },
            );
          }
          return HttpResponse.json({
            change: { ...stagingUpgradeChange, status: 'in-progress' },
            warnings: [],
          });
        }),
      );
      const result = await client.updateChange('ingress nginx/1', {
        status: 'in-progress',
      });
      expect(result.change.status).toBe('in-progress');
      await expect(
        client.updateChange('done.one', { status: 'cancelled' }),
      ).rejects.toMatchObject({ statusCode: 409 });
      expect(calls).toEqual([
        {
          path: '/api/platform-ops/changes/ingress%20nginx%2F1',
          body: { status: 'in-progress' },
        },
        {
          path: '/api/platform-ops/changes/done.one',
          body: { status: 'cancelled' },
        },
      ]);
    });

    it('asks for the window occurrences of a range', async () => {
      const requested: string[] = [];
      server.use(
        http.get(`${baseUrl}/windows`, ({ request }) => {
          const url = new URL(request.url);
          requested.push(`${url.pathname}${url.search}`);
          return HttpResponse.json({
            occurrences: [
              {
                window: 'prod-monthly',
                start: '2026-12-08T01:00:00.000Z',
                end: '2026-12-08T05:00:00.000Z',
                timezone: 'Europe/Stockholm',
                environments: ['production'],
              },
            ],
            truncated: false,
          });
        }),
      );
      const response = await client.getWindows({
        from: '2026-12-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        environment: 'production',
      });
      expect(requested).toEqual([
        '/api/platform-ops/windows?from=2026-12-01T00%3A00%3A00.000Z&to=2027-01-01T00%3A00%3A00.000Z&environment=production',
      ]);
      expect(response.occurrences[0].environments).toEqual(['production']);
      expect(response.truncated).toBe(false);
    });

    it('creates and revokes the personal calendar URL', async () => {
      const calls: string[] = [];
      server.use(
        http.post(`${baseUrl}/calendar-token`, () => {
          calls.push('POST');
          return HttpResponse.json(
            {
              url: `${baseUrl}/calendar.ics?token=${'a'.repeat(43)}`,
            },
            { status: 201 },
          );
        }),
        http.delete(`${baseUrl}/calendar-token`, () => {
          calls.push('DELETE');
          return new HttpResponse(null, { status: 204 });
        }),
      );
      expect(await client.createCalendarToken()).toEqual({
        url: `${baseUrl}/calendar.ics?token=${'a'.repeat(43)}`,
      });
      await expect(client.revokeCalendarToken()).resolves.toBeUndefined();
      expect(calls).toEqual(['POST', 'DELETE']);
    });

    it('throws when revoking fails', async () => {
      server.use(
        http.delete(`${baseUrl}/calendar-token`, () =>
          invalid('no session', 401),
        ),
      );
      await expect(client.revokeCalendarToken()).rejects.toMatchObject({
        statusCode: 401,
      });
    });
  });

  describe('overview', () => {
    it('asks for a page with only the parameters given, status comma-separated', async () => {
      const searches: string[] = [];
      server.use(
        http.get(`${baseUrl}/overview`, ({ request }) => {
          searches.push(new URL(request.url).search);
          return HttpResponse.json(overviewResponse([paymentsGatewayRow]));
        }),
      );

      const response = await client.getOverview({
        offset: 50,
        limit: 200,
        owner: 'group:default/platform-team',
        q: 'orders & co',
        status: ['has-p1', 'backup-breached'],
      });
      await client.getOverview();

      expect(searches).toEqual([
        '?offset=50&limit=200&owner=group%3Adefault%2Fplatform-team&q=orders+%26+co&status=has-p1%2Cbackup-breached',
        '',
      ]);
      expect(response.rows).toEqual([paymentsGatewayRow]);
      expect(response.flagCounts).toEqual({
        'has-p1': 1,
        'eol-past': 1,
        'annotation-problems': 1,
      });
    });

    it('throws the 400 naming the parameter as a ResponseError', async () => {
      server.use(
        http.get(`${baseUrl}/overview`, () =>
          HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message: 'Invalid query: limit: must be at most 200',
              },
              request: { method: 'GET', url: '/overview?limit=500' },
              response: { statusCode: 400 },
            },
            { status: 400 },
          ),
        ),
      );
      const error = await client
        .getOverview({ limit: 500 })
        .catch(caught => caught);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.body.error.message).toBe(
        'Invalid query: limit: must be at most 200',
      );
    });

    it('passes the abort signal on', async () => {
      server.use(
        http.get(`${baseUrl}/overview`, async () => {
          await new Promise(resolve => setTimeout(resolve, 50));
          return HttpResponse.json(overviewResponse([]));
        }),
      );
      const controller = new AbortController();
      const result = client.getOverview({}, { signal: controller.signal });
      controller.abort();
      await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    });
  });
});
