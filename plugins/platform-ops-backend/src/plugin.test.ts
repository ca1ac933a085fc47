import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
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
      'platform-ops/escalation': 'group:default/platform-oncall, user:default/jane',
      'platform-ops/alert-levels': 'production=P1, staging=P2',
      'platform-ops/alert-matchers': '{namespace="ingress-nginx", app="ingress-nginx"}',
      'platform-ops/backup-source': 'none',
      'platform-ops/runbook': 'https://wiki.example.com/runbooks/ingress',
    },
  },
  spec: { type: 'service', owner: 'group:default/platform-team', lifecycle: 'production' },
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
  spec: { type: 'service', owner: 'group:default/platform-team', lifecycle: 'production' },
};

const people: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform-oncall' },
    spec: { type: 'team', profile: { displayName: 'Platform on-call', email: 'oncall@example.com' }, children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/ahmed' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane' },
    spec: { profile: { displayName: 'Jane Okafor', email: 'jane@example.com' }, memberOf: ['platform-team'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ahmed' },
    spec: { profile: { displayName: 'Ahmed Haddad', email: 'ahmed@example.com' }, memberOf: ['platform-oncall'] },
  },
];

async function startBackend() {
  return startTestBackend({
    features: [
      platformOpsPlugin,
      catalogServiceMock.factory({ entities: [ingress, broken, ...people] }),
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
    const response = await request(server).get('/api/platform-ops/summary/component/default/ingress-nginx');
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
    expect(response.body.scope.contacts['group:default/platform-oncall']).toMatchObject({
      title: 'Platform on-call',
      email: 'oncall@example.com',
      members: [{ ref: 'user:default/ahmed', found: true, title: 'Ahmed Haddad', email: 'ahmed@example.com' }],
    });
  });

  it('reports bad annotations as problems instead of failing', async () => {
    const { server } = await startBackend();
    const response = await request(server).get('/api/platform-ops/summary/component/default/fluentd');
    expect(response.status).toBe(200);
    const keys = response.body.problems.map((p: { key: string }) => p.key);
    expect(keys).toEqual(['platform-ops/alert-levels', 'platform-ops/runbook']);
    expect(response.body.scope.runbook).toBeUndefined();
    expect(response.body.alerting.levels.production).toEqual({ value: 'P2', source: 'config' });
    expect(response.body.alerting.levels.staging).toEqual({ value: 'P3', source: 'annotation' });
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const { server } = await startBackend();
    const response = await request(server).get('/api/platform-ops/summary/component/default/unknown');
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
});
