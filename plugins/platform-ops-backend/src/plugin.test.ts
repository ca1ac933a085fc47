import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { platformOpsPlugin } from './plugin';

const ingress: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ingress-nginx',
    title: 'Ingress NGINX',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/escalation':
        'group:default/platform-oncall, user:default/jane',
      'platform-ops/alert-levels': 'production=P1, staging=P2',
      'platform-ops/alert-matchers':
        '{namespace="ingress-nginx", app="ingress-nginx"}',
      'platform-ops/backup-source': 'none',
      'platform-ops/runbook': 'https://wiki.example.com/runbooks/ingress',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
  },
};

const broken: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'fluentd',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/alert-levels': 'production=P0, staging=P3',
      // eslint-disable-next-line no-script-url -- rejected input under test
      'platform-ops/runbook': 'javascript:alert(1)',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
  },
};

const people: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform-oncall' },
    spec: {
      type: 'team',
      profile: { displayName: 'Platform on-call', email: 'oncall@example.com' },
      children: [],
    },
    relations: [{ type: 'hasMember', targetRef: 'user:default/ahmed' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane' },
    spec: {
      profile: { displayName: 'Jane Okafor', email: 'jane@example.com' },
      memberOf: ['platform-team'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ahmed' },
    spec: {
      profile: { displayName: 'Ahmed Haddad', email: 'ahmed@example.com' },
      memberOf: ['platform-oncall'],
    },
  },
];

const ordersDatabase: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-db',
    annotations: {
      'platform-ops/scope': 'application',
      'platform-ops/environments': 'production',
      'platform-ops/backup-source': 'push',
      'platform-ops/backup-policy': 'rpo=24h, retention=7d, rto=4h',
    },
  },
  spec: {
    type: 'database',
    owner: 'group:default/orders-team',
    lifecycle: 'production',
  },
};

/** A change every check but the permission accepts. */
const validChange = {
  title: 'Ingress NGINX 1.12',
  class: 'security-patch',
  entityRefs: ['component:default/ingress-nginx'],
  environments: ['production'],
  start: '2027-01-12T01:00:00Z',
  end: '2027-01-12T02:00:00Z',
  updates: ['platform-services'],
  description: 'Patch release',
  contingencyPlan: 'Roll the Helm release back',
  silenceAlerts: true,
};

async function startBackend(
  extra: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  return startTestBackend({
    features: [
      ...extra,
      platformOpsPlugin,
      catalogServiceMock.factory({
        entities: [ingress, broken, ordersDatabase, ...people],
      }),
      mockServices.rootConfig.factory({
        data: {
          platformOps: {
            environments: [{ name: 'staging' }, { name: 'production' }],
            backups: { defaultPolicy: { rpo: '12h' } },
          },
        },
      }),
    ],
  });
}

describe('platformOpsPlugin', () => {
  it('serves the parsed annotations and the config defaults that apply', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/platform-ops/summary/component/default/ingress-nginx',
    );
    expect(response.status).toBe(200);
    expect(response.body.entity).toEqual({
      ref: 'component:default/ingress-nginx',
      kind: 'Component',
      namespace: 'default',
      name: 'ingress-nginx',
      title: 'Ingress NGINX',
    });
    expect(response.body.scope).toMatchObject({
      party: 'platform',
      insideFence: true,
      escalation: ['group:default/platform-oncall', 'user:default/jane'],
      runbook: 'https://wiki.example.com/runbooks/ingress',
    });
    expect(response.body.alerting.levels).toEqual({
      staging: { value: 'P2', source: 'annotation' },
      production: { value: 'P1', source: 'annotation' },
    });
    expect(response.body.alerting.matchers).toEqual([
      { name: 'namespace', operator: '=', value: 'ingress-nginx' },
      { name: 'app', operator: '=', value: 'ingress-nginx' },
    ]);
    expect(response.body.backups.policy).toEqual({
      rpo: { value: '12h', source: 'config' },
      retention: { value: '7d', source: 'config' },
      rto: { value: '4h', source: 'config' },
    });
    expect(response.body.problems).toEqual([]);
    expect(response.body.scope.contacts['user:default/jane']).toEqual({
      ref: 'user:default/jane',
      kind: 'user',
      found: true,
      title: 'Jane Okafor',
      email: 'jane@example.com',
    });
    expect(
      response.body.scope.contacts['group:default/platform-oncall'],
    ).toMatchObject({
      title: 'Platform on-call',
      email: 'oncall@example.com',
      members: [
        {
          ref: 'user:default/ahmed',
          found: true,
          title: 'Ahmed Haddad',
          email: 'ahmed@example.com',
        },
      ],
    });
  });

  it('reports bad annotations as problems instead of failing', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/platform-ops/summary/component/default/fluentd',
    );
    expect(response.status).toBe(200);
    const keys = response.body.problems.map((p: { key: string }) => p.key);
    expect(keys).toEqual(['platform-ops/alert-levels', 'platform-ops/runbook']);
    expect(response.body.scope.runbook).toBeUndefined();
    expect(response.body.alerting.levels.production).toEqual({
      value: 'P2',
      source: 'config',
    });
    expect(response.body.alerting.levels.staging).toEqual({
      value: 'P3',
      source: 'annotation',
    });
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const { server } = await startBackend();
    const response = await request(server).get(
      '/api/platform-ops/summary/component/default/unknown',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });

  it('answers 401 to a request without credentials', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/platform-ops/summary/component/default/ingress-nginx')
      .set('Authorization', 'Bearer not-a-token');
    expect(response.status).toBe(401);
  });

  it('serves an unauthenticated health check', async () => {
    const { server } = await startBackend();
    const response = await request(server).get('/api/platform-ops/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('judges a pushed backup report on the summary, and lists a recorded drill', async () => {
    const { server } = await startBackend();
    const completedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const pushed = await request(server)
      .post('/api/platform-ops/backup-reports')
      .set('Authorization', mockCredentials.service.header())
      .send({
        id: 'pg-dump-orders-1',
        entityRef: 'component:default/orders-db',
        environment: 'production',
        status: 'completed',
        startedAt: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
        completedAt,
      });
    expect(pushed.status).toBe(200);
    const summary = await request(server).get(
      '/api/platform-ops/summary/component/default/orders-db',
    );
    expect(summary.body.backups.environments).toEqual([
      expect.objectContaining({
        environment: 'production',
        sourceId: 'push',
        rpo: 'ok',
        lastSuccess: expect.objectContaining({
          name: 'pg-dump-orders-1',
          completedAt,
        }),
      }),
    ]);
    expect(summary.body.backups.drill).toMatchObject({ state: 'missing' });

    const drill = await request(server)
      .post('/api/platform-ops/drills')
      .send({
        entityRefs: ['component:default/orders-db'],
        environment: 'production',
        date: new Date().toISOString().slice(0, 10),
        scenario: 'Restore the newest dump into a scratch database',
        ledBy: 'user:default/jane',
        measuredRto: '2h',
        outcome: 'succeeded',
      });
    expect(drill.status).toBe(201);
    const drills = await request(server).get(
      '/api/platform-ops/drills?entity=component:default/orders-db',
    );
    expect(drills.body.components).toEqual([
      expect.objectContaining({ state: 'ok' }),
    ]);
    const after = await request(server).get(
      '/api/platform-ops/summary/component/default/orders-db',
    );
    expect(after.body.backups.rto).toEqual({ state: 'ok', measured: '2h' });
  });

  it('refuses every write with 403 under a denying policy', async () => {
    const { server } = await startBackend([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const drill = await request(server)
      .post('/api/platform-ops/drills')
      .send({});
    expect(drill.status).toBe(403);
    const report = await request(server)
      .post('/api/platform-ops/backup-reports')
      .send({});
    expect(report.status).toBe(403);
    // A valid change, so that only the permission can refuse it; its
    // silences and notifications never happen.
    const change = await request(server)
      .post('/api/platform-ops/changes')
      .send(validChange);
    expect(change.status).toBe(403);
    const update = await request(server)
      .patch('/api/platform-ops/changes/any-change')
      .send({ status: 'cancelled' });
    expect(update.status).toBe(403);
    const listed = await request(server).get('/api/platform-ops/changes');
    expect(listed.body.changes).toEqual([]);
  });

  it.each([
    ['post', '/drills'],
    ['post', '/backup-reports'],
    ['post', '/changes'],
    ['patch', '/changes/any-change'],
    ['post', '/calendar-token'],
    ['delete', '/calendar-token'],
  ] as const)(
    'answers 401 to %s %s without credentials',
    async (method, path) => {
      const { server } = await startBackend();
      const response = await request(server)
        [method](`/api/platform-ops${path}`)
        .set('Authorization', 'Bearer not-a-token')
        .send(path === '/changes' ? validChange : {});
      expect(response.status).toBe(401);
    },
  );

  it('serves the overview: one row per annotated component, worst first, filtered and paged', async () => {
    const { server } = await startBackend();
    const all = await request(server).get('/api/platform-ops/overview');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.rows.map((row: any) => row.entity.ref)).toEqual([
      // No backup reported yet: its RPO is breached.
      'component:default/orders-db',
      'component:default/fluentd',
      'component:default/ingress-nginx',
    ]);
    expect(all.body.rows[0].flags).toContain('backup-breached');
    expect(all.body.rows[1]).toMatchObject({
      problemCount: 2,
      flags: ['annotation-problems'],
    });
    expect(all.body.flagCounts).toMatchObject({ 'annotation-problems': 1 });

    const filtered = await request(server).get(
      '/api/platform-ops/overview?status=annotation-problems&limit=1',
    );
    expect(filtered.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(filtered.body.rows[0].entity.ref).toBe('component:default/fluentd');

    const party = await request(server).get(
      '/api/platform-ops/overview?party=application',
    );
    expect(party.body.rows.map((row: any) => row.entity.name)).toEqual([
      'orders-db',
    ]);
  });

  it.each([
    ['limit=500', /limit: must be at most 200/],
    ['offset=-1', /offset: must be a whole number/],
    ['status=on-fire', /status.0: must be one of has-p1/],
    ['environment=mars', /environment: must be one of staging, production/],
    ['colour=red', /Unrecognized key.*colour/],
    ['limit=1&limit=2', /limit: must be given once/],
  ])(
    'answers 400 naming the field for the overview query %s',
    async (query, message) => {
      const { server } = await startBackend();
      const response = await request(server).get(
        `/api/platform-ops/overview?${query}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    },
  );

  it('shows nothing to a caller who may not read the entities', async () => {
    const { server } = await startBackend([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const summary = await request(server).get(
      '/api/platform-ops/summary/component/default/ingress-nginx',
    );
    expect(summary.status).toBe(404);
    const overview = await request(server).get('/api/platform-ops/overview');
    expect(overview.body).toMatchObject({ total: 0, rows: [] });
  });
});
