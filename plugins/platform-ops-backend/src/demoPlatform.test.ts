import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  hasPlatformOpsAnnotations,
  LookupResponse,
  OpsSummary,
} from '@platform-ops/plugin-platform-ops-common';
import request from 'supertest';
import { platformOpsPlugin } from './plugin';
import { loadDemoConfig, loadDemoEntities } from './__testUtils__/demoPlatform';

/** The demo platform from catalog-info.yaml and app-config.yaml, served for real. */
async function startDemo() {
  const { server } = await startTestBackend({
    features: [
      platformOpsPlugin,
      catalogServiceMock.factory({ entities: loadDemoEntities() }),
      mockServices.rootConfig.factory({ data: loadDemoConfig() }),
    ],
  });
  return {
    summary: async (ref: string): Promise<OpsSummary> => {
      const response = await request(server).get(`/api/platform-ops/summary/${ref}`);
      expect(response.status).toBe(200);
      return response.body;
    },
    lookup: async (q: string): Promise<LookupResponse> => {
      const response = await request(server).get('/api/platform-ops/lookup').query({ q });
      expect(response.status).toBe(200);
      return response.body;
    },
  };
}

describe('the demo platform', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  beforeAll(async () => {
    demo = await startDemo();
  });

  it('shows gitlab-ci outside the fence, with the IT systems team accountable', async () => {
    const { scope } = await demo.summary('component/default/gitlab-ci');
    expect(scope).toMatchObject({
      party: 'it-systems',
      partyTitle: 'IT systems team',
      insideFence: false,
      accountable: 'group:default/it-systems',
      accountableSource: 'party',
      ownerDiffers: false,
    });
    expect(scope.contacts['group:default/it-systems']).toMatchObject({ found: true, email: expect.stringContaining('@example.com') });
    expect(scope.audits).toEqual([expect.objectContaining({ kind: 'provider', state: 'ok' })]);
  });

  it('shows ingress-nginx inside the fence with the platform team and its escalation path', async () => {
    const { scope, problems } = await demo.summary('component/default/ingress-nginx');
    expect(problems).toEqual([]);
    expect(scope).toMatchObject({
      party: 'platform',
      insideFence: true,
      accountable: 'group:default/platform-team',
      escalation: ['group:default/platform-oncall', 'user:default/jane'],
    });
    const oncall = scope.contacts['group:default/platform-oncall'];
    expect(oncall.found).toBe(true);
    expect(oncall.members!.length).toBeGreaterThan(0);
    expect(oncall.members!.every(member => member.found && member.email)).toBe(true);
    expect(scope.contacts['user:default/jane']).toMatchObject({ found: true, kind: 'user' });
  });

  it('marks the overdue provider audit of openstack', async () => {
    const { scope } = await demo.summary('resource/default/openstack');
    expect(scope.insideFence).toBe(false);
    expect(scope.audits).toEqual([expect.objectContaining({ kind: 'provider', state: 'overdue' })]);
  });

  it('reports problems only where the demo has deliberately malformed annotations', async () => {
    const annotated = loadDemoEntities().filter(entity => hasPlatformOpsAnnotations(entity));
    expect(annotated.length).toBeGreaterThanOrEqual(16);
    const withProblems: Record<string, string[]> = {};
    for (const entity of annotated) {
      const summary = await demo.summary(
        `${entity.kind.toLocaleLowerCase('en-US')}/default/${entity.metadata.name}`,
      );
      if (summary.problems.length > 0) {
        withProblems[entity.metadata.name] = summary.problems.map(problem => problem.key);
      }
    }
    expect(withProblems).toEqual({
      fluentd: ['platform-ops/alert-levels'],
      'redis-cache': ['platform-ops/backup-policy'],
      rabbitmq: ['platform-ops/runbook'],
    });
  });

  it('finds ingress-nginx by name with its owner and escalation', async () => {
    const { results, indexedEntities, indexedAt } = await demo.lookup('ingress-nginx');
    expect(indexedEntities).toBeGreaterThanOrEqual(16);
    expect(indexedAt).toEqual(expect.any(String));
    expect(results[0]).toMatchObject({
      entity: { ref: 'component:default/ingress-nginx' },
      match: { field: 'name', matched: 'ingress-nginx' },
      scope: {
        accountable: 'group:default/platform-team',
        escalation: ['group:default/platform-oncall', 'user:default/jane'],
        runbook: expect.stringMatching(/^https:\/\//),
      },
    });
    expect(results[0].scope.contacts['user:default/jane'].email).toEqual(expect.stringContaining('@'));
  });

  it('finds ingress-nginx by its namespace alert label', async () => {
    const { results } = await demo.lookup('namespace=ingress-nginx');
    expect(results).toHaveLength(1);
    expect(results[0].entity.name).toBe('ingress-nginx');
    expect(results[0].match).toMatchObject({ field: 'alert-label', matched: 'namespace=ingress-nginx' });
  });

  it('ranks and caps a broad lookup at 20 results', async () => {
    const { results } = await demo.lookup('a');
    expect(results.length).toBeLessThanOrEqual(20);
    const scores = results.map(result => result.match.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
