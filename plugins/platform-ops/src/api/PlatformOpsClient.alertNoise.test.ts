import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { alertNoiseResponse } from '../testing/alertNoise';
import { PlatformOpsClient } from './PlatformOpsClient';

describe('PlatformOpsClient.getAlertNoise', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const baseUrl = 'http://localhost:7007/api/platform-ops';
  const client = new PlatformOpsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('asks for the review with only the parameters given', async () => {
    const searches: string[] = [];
    server.use(
      http.get(`${baseUrl}/alerts/noise`, ({ request }) => {
        searches.push(new URL(request.url).search);
        return HttpResponse.json(alertNoiseResponse({ days: 90 }));
      }),
    );
    const response = await client.getAlertNoise({
      days: 90,
      environment: 'production',
    });
    await client.getAlertNoise();
    expect(searches).toEqual(['?days=90&environment=production', '']);
    expect(response.frequentP1s[0].entityRef).toBe(
      'component:default/ingress-nginx',
    );
  });

  it('throws the 400 naming the field as a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/alerts/noise`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid query: days: must be 30 or 90',
            },
            request: { method: 'GET', url: '/alerts/noise?days=7' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(client.getAlertNoise({ days: 7 })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { message: 'Invalid query: days: must be 30 or 90' } },
    });
  });
});
