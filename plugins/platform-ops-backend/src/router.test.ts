import { mockCredentials, mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { LookupResponse, OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';
import { SummaryService } from './services/SummaryService';

describe('createRouter', () => {
  const getSummary = jest.fn<ReturnType<SummaryService['getSummary']>, Parameters<SummaryService['getSummary']>>();
  const lookup = jest.fn<Promise<LookupResponse>, [string, unknown]>();
  let app: express.Express;

  beforeEach(async () => {
    getSummary.mockReset();
    lookup.mockReset();
    lookup.mockImplementation(async query => ({ query, results: [], indexedEntities: 0 }));
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      summaryService: { getSummary },
      lookupService: { lookup },
    });
    app = express().use(router).use(mockErrorHandler());
  });

  it('returns the summary of an entity for an authenticated caller', async () => {
    getSummary.mockResolvedValue({ entity: { ref: 'component:default/ingress-nginx' } } as OpsSummary);
    const response = await request(app).get('/summary/component/default/ingress-nginx');
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
    const response = await request(app).get(`/summary/component/default/${encodeURIComponent('bad name!')}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^Invalid path: name:/);
    expect(getSummary).not.toHaveBeenCalled();
  });

  it('rejects a caller without credentials', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth({ defaultCredentials: mockCredentials.none() }),
      summaryService: { getSummary },
      lookupService: { lookup },
    });
    const unauthenticated = express().use(router).use(mockErrorHandler());
    const response = await request(unauthenticated).get('/summary/component/default/ingress-nginx');
    expect(response.status).toBe(401);
    expect(getSummary).not.toHaveBeenCalled();
    const lookupResponse = await request(unauthenticated).get('/lookup?q=ingress');
    expect(lookupResponse.status).toBe(401);
    expect(lookup).not.toHaveBeenCalled();
  });

  describe('GET /lookup', () => {
    it('passes the trimmed query and the caller to the lookup', async () => {
      const response = await request(app).get('/lookup').query({ q: '  namespace=orders ' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ query: 'namespace=orders', results: [], indexedEntities: 0 });
      expect(lookup).toHaveBeenCalledWith('namespace=orders', { credentials: mockCredentials.user() });
    });

    it.each([
      ['missing', '', 'q: is required'],
      ['empty', '?q=', 'q: must not be empty'],
      ['blank', '?q=%20%20', 'q: must not be empty'],
      ['over 200 characters', `?q=${'a'.repeat(201)}`, 'q: must be at most 200 characters'],
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
});
