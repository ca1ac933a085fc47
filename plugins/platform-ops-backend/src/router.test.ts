import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LookupResponse,
  OpsSummary,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import { DateTime } from 'luxon';
import request from 'supertest';
import { createRouter } from './router';
import { SummaryService } from './services/SummaryService';

describe('createRouter', () => {
  const getSummary = jest.fn<
    ReturnType<SummaryService['getSummary']>,
    Parameters<SummaryService['getSummary']>
  >();
  const lookup = jest.fn<Promise<LookupResponse>, [string, unknown]>();
  const sources = jest.fn(
    async (): Promise<SourceStatus[]> => [
      {
        id: 'alertmanager:production',
        type: 'alertmanager',
        environment: 'production',
        state: 'ok',
        items: 3,
      },
    ],
  );
  const dailyCounts = jest.fn(async (_ref: string, _since: string) => [
    {
      day: '2026-11-22',
      environment: 'production',
      level: 'P1' as const,
      count: 2,
    },
  ]);
  const getEntitiesByRefs = jest.fn<
    ReturnType<CatalogService['getEntitiesByRefs']>,
    Parameters<CatalogService['getEntitiesByRefs']>
  >();
  const ingress: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { namespace: 'default', name: 'ingress-nginx' },
  };
  const clock = () => DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });
  const services = () => ({
    summaryService: { getSummary },
    lookupService: { lookup },
    catalog: { getEntitiesByRefs },
    sources: [{ sources }],
    alertHistory: { dailyCounts },
    clock,
  });
  let app: express.Express;

  beforeEach(async () => {
    getSummary.mockReset();
    lookup.mockReset();
    dailyCounts.mockClear();
    getEntitiesByRefs.mockReset();
    lookup.mockImplementation(async query => ({
      query,
      results: [],
      indexedEntities: 0,
    }));
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      ...services(),
    });
    app = express().use(router).use(mockErrorHandler());
  });

  it('returns the summary of an entity for an authenticated caller', async () => {
    getSummary.mockResolvedValue({
      entity: { ref: 'component:default/ingress-nginx' },
    } as OpsSummary);
    const response = await request(app).get(
      '/summary/component/default/ingress-nginx',
    );
    expect(response.status).toBe(200);
    expect(response.body.entity.ref).toBe('component:default/ingress-nginx');
    expect(getSummary).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'ingress-nginx' },
      { credentials: mockCredentials.user() },
    );
  });

  it('answers 404 naming the entity when the catalog has no such entity', async () => {
    getSummary.mockResolvedValue(undefined);
    const response = await request(app).get('/summary/component/default/nope');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('component:default/nope');
  });

  it('answers 400 naming the field for a malformed path', async () => {
    const response = await request(app).get(
      `/summary/component/default/${encodeURIComponent('bad name!')}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^Invalid path: name:/);
    expect(getSummary).not.toHaveBeenCalled();
  });

  it('rejects a caller without credentials', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      ...services(),
    });
    const unauthenticated = express().use(router).use(mockErrorHandler());
    const response = await request(unauthenticated).get(
      '/summary/component/default/ingress-nginx',
    );
    expect(response.status).toBe(401);
    expect(getSummary).not.toHaveBeenCalled();
    const lookupResponse = await request(unauthenticated).get(
      '/lookup?q=ingress',
    );
    expect(lookupResponse.status).toBe(401);
    expect(lookup).not.toHaveBeenCalled();
  });

  describe('GET /lookup', () => {
    it('passes the trimmed query and the caller to the lookup', async () => {
      const response = await request(app)
        .get('/lookup')
        .query({ q: '  namespace=orders ' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        query: 'namespace=orders',
        results: [],
        indexedEntities: 0,
      });
      expect(lookup).toHaveBeenCalledWith('namespace=orders', {
        credentials: mockCredentials.user(),
      });
    });

    it.each([
      ['missing', '', 'q: is required'],
      ['empty', '?q=', 'q: must not be empty'],
      ['blank', '?q=%20%20', 'q: must not be empty'],
      [
        'over 200 characters',
        `?q=${'a'.repeat(201)}`,
        'q: must be at most 200 characters',
      ],
      ['given twice', '?q=a&q=b', 'q: must be given once, as text'],
    ])('answers 400 naming q when it is %s', async (_case, search, message) => {
      const response = await request(app).get(`/lookup${search}`);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toBe(`Invalid query: ${message}`);
      expect(lookup).not.toHaveBeenCalled();
    });

    it('accepts exactly 200 characters', async () => {
      const response = await request(app).get(`/lookup?q=${'a'.repeat(200)}`);
      expect(response.status).toBe(200);
    });
  });

  describe('GET /sources', () => {
    it('lists every source with its health', async () => {
      const response = await request(app).get('/sources');
      expect(response.status).toBe(200);
      expect(response.body.sources).toEqual([
        expect.objectContaining({ id: 'alertmanager:production', items: 3 }),
      ]);
    });
  });

  it.each([
    ['kind', '/summary/%E0%A4%A/default/ingress-nginx'],
    ['namespace', '/summary/component/%ZZ/ingress-nginx'],
    ['name', '/summary/component/default/%E0%A4%A'],
    ['name', '/alerts/history/component/default/%E0%A4%A'],
    ['kind', '/alerts/history/%/default/ingress-nginx'],
  ])(
    'answers 400 naming %s for malformed percent-encoding in %s',
    async (field, path) => {
      const response = await request(app).get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toBe(
        `Invalid path: ${field}: is not valid percent-encoding`,
      );
      expect(getSummary).not.toHaveBeenCalled();
      expect(getEntitiesByRefs).not.toHaveBeenCalled();
    },
  );

  it('still decodes well-formed percent-encoding in a path', async () => {
    getSummary.mockResolvedValue({
      entity: { ref: 'component:default/ingress-nginx' },
    } as OpsSummary);
    const response = await request(app).get(
      '/summary/component/default/ingress%2Dnginx',
    );
    expect(response.status).toBe(200);
    expect(getSummary).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'ingress-nginx' },
      expect.anything(),
    );
  });

  describe('GET /alerts/history', () => {
    beforeEach(() => {
      getEntitiesByRefs.mockResolvedValue({ items: [ingress] });
    });

    it('returns daily counts since the first of the requested days', async () => {
      const response = await request(app).get(
        '/alerts/history/component/default/ingress-nginx?days=7',
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        since: '2026-11-16',
        days: [
          {
            day: '2026-11-22',
            environment: 'production',
            level: 'P1',
            count: 2,
          },
        ],
      });
      expect(dailyCounts).toHaveBeenCalledWith(
        'component:default/ingress-nginx',
        '2026-11-16',
      );
    });

    it('checks access with one catalog read as the caller, without building a summary', async () => {
      const response = await request(app).get(
        '/alerts/history/Component/default/ingress-nginx',
      );
      expect(response.status).toBe(200);
      expect(getSummary).not.toHaveBeenCalled();
      expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
      expect(getEntitiesByRefs).toHaveBeenCalledWith(
        {
          entityRefs: ['component:default/ingress-nginx'],
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials: mockCredentials.user() },
      );
      // the history is keyed by the catalog's ref, whatever the case of the path
      expect(dailyCounts).toHaveBeenCalledWith(
        'component:default/ingress-nginx',
        '2026-10-24',
      );
    });

    it('defaults to 30 days', async () => {
      await request(app).get('/alerts/history/component/default/ingress-nginx');
      expect(dailyCounts).toHaveBeenCalledWith(
        'component:default/ingress-nginx',
        '2026-10-24',
      );
    });

    it.each([
      ['1', '2026-11-22'],
      ['90', '2026-08-25'],
      ['007', '2026-11-16'],
    ])('accepts days=%s', async (days, since) => {
      const response = await request(app).get(
        `/alerts/history/component/default/ingress-nginx?days=${days}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.since).toBe(since);
    });

    it.each([
      ['days=0', 'days: must be at least 1'],
      ['days=91', 'days: must be at most 90 (history is kept 90 days)'],
      [
        `days=${'9'.repeat(20)}`,
        'days: must be at most 90 (history is kept 90 days)',
      ],
      ['days=1.5', 'days: must be a whole number of days'],
      ['days=week', 'days: must be a whole number of days'],
      ['days=', 'days: must be a whole number of days'],
      ['days=0x10', 'days: must be a whole number of days'],
      ['days=1e1', 'days: must be a whole number of days'],
      ['days=%2B5', 'days: must be a whole number of days'],
      ['days=-5', 'days: must be a whole number of days'],
      ['days=%205', 'days: must be a whole number of days'],
      ['days[]=5', 'days: must be given once, as a whole number of days'],
      ['days=5&days=6', 'days: must be given once, as a whole number of days'],
      ['days[x]=5', 'days: must be given once, as a whole number of days'],
    ])('answers 400 naming days for %s', async (search, message) => {
      const response = await request(app).get(
        `/alerts/history/component/default/ingress-nginx?${search}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toBe(`Invalid query: ${message}`);
      expect(dailyCounts).not.toHaveBeenCalled();
    });

    it('answers 404 for an entity the catalog does not have or the caller may not see', async () => {
      getEntitiesByRefs.mockResolvedValue({ items: [undefined] });
      const response = await request(app).get(
        '/alerts/history/component/default/nope',
      );
      expect(response.status).toBe(404);
      expect(response.body.error.message).toContain('component:default/nope');
      expect(dailyCounts).not.toHaveBeenCalled();
    });
  });
});
