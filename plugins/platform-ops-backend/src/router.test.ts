import { mockCredentials, mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';
import { SummaryService } from './services/SummaryService';

describe('createRouter', () => {
  const getSummary = jest.fn<ReturnType<SummaryService['getSummary']>, Parameters<SummaryService['getSummary']>>();
  let app: express.Express;

  beforeEach(async () => {
    getSummary.mockReset();
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      summaryService: { getSummary },
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
    });
    const unauthenticated = express().use(router).use(mockErrorHandler());
    const response = await request(unauthenticated).get('/summary/component/default/ingress-nginx');
    expect(response.status).toBe(401);
    expect(getSummary).not.toHaveBeenCalled();
  });
});
