import { ResponseError } from '@backstage/errors';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ingressNginxSummary } from '../testing/ingressNginx';
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
});
