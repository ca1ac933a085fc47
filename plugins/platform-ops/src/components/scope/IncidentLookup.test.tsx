import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  LookupResponse,
  LookupResult,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { ingressNginxSummary } from '../../testing/ingressNginx';
import { ordersDatabaseSummary } from '../../testing/ordersDatabase';
import { IncidentLookup } from './IncidentLookup';

const lookup = jest.fn<
  ReturnType<PlatformOpsApi['lookup']>,
  Parameters<PlatformOpsApi['lookup']>
>();

const ingressResult: LookupResult = {
  entity: ingressNginxSummary.entity,
  match: { field: 'name', matched: 'ingress-nginx', score: 80 },
  scope: ingressNginxSummary.scope,
  alerts: { P1: 1, P2: 0, P3: 2 },
  alertsTrustworthy: false,
};

const ordersResult: LookupResult = {
  entity: ordersDatabaseSummary.entity,
  match: { field: 'alert-label', matched: 'namespace=orders', score: 90 },
  // As written in the annotation; the backend passes it on for the problem.
  scope: { ...ordersDatabaseSummary.scope, runbook: 'wiki/runbooks/orders-db' },
  alerts: { P1: 0, P2: 0, P3: 0 },
  alertsTrustworthy: true,
};

function answer(query: string, results: LookupResult[]): LookupResponse {
  return {
    query,
    results,
    indexedEntities: 17,
    indexedAt: '2026-11-22T09:00:00.000Z',
  };
}

function EntityPageMarker() {
  const { namespace, kind, name } = useParams();
  return <p>entity page of {`${kind}:${namespace}/${name}`}</p>;
}

async function renderLookup() {
  return renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { lookup }]]}>
      <Routes>
        <Route path="/" element={<IncidentLookup />} />
        <Route
          path="/catalog/:namespace/:kind/:name"
          element={<EntityPageMarker />}
        />
      </Routes>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function searchBox() {
  return screen.getByRole('textbox', {
    name: 'Component, namespace or alert label',
  });
}

describe('IncidentLookup', () => {
  beforeEach(() => {
    lookup.mockReset();
    lookup.mockImplementation(async query =>
      answer(
        query,
        query.includes('orders') ? [ordersResult] : [ingressResult],
      ),
    );
  });

  it('focuses the search box on load and says what can be searched', async () => {
    await renderLookup();
    expect(searchBox()).toHaveFocus();
    expect(
      screen.getByText(/Search by component name or title, tag, Kubernetes id/),
    ).toBeInTheDocument();
    expect(lookup).not.toHaveBeenCalled();
  });

  it('asks once after typing stops and shows owner, escalation and runbook of each result', async () => {
    await renderLookup();
    await userEvent.type(searchBox(), 'ingress');
    const result = await screen.findByRole('article', {
      name: 'Ingress NGINX',
    });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('ingress', {
      signal: expect.any(AbortSignal),
    });
    expect(result).toHaveTextContent('matched name ingress-nginx');
    expect(
      within(result).getByRole('link', { name: 'Ingress NGINX' }),
    ).toHaveAttribute('href', '/catalog/default/component/ingress-nginx');
    expect(result).toHaveTextContent(
      'Inside the platform scope: the platform team is accountable',
    );
    expect(result).toHaveTextContent(
      'Accountable: Platform team · platform-team@example.com',
    );
    const steps = within(
      within(result).getByRole('list', { name: 'Escalation path' }),
    ).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      expect.stringContaining(
        'Platform on-call · platform-oncall@example.commembers: Ahmed Haddad, Li Wei',
      ),
      expect.stringContaining('Jane Okafor · jane@example.com'),
    ]);
    expect(
      within(steps[1]).getByRole('link', { name: 'jane@example.com' }),
    ).toHaveAttribute('href', 'mailto:jane@example.com');
    expect(
      within(result).getByRole('link', { name: /runbooks\/ingress-nginx/ }),
    ).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/ingress-nginx',
    );
    expect(result).toHaveTextContent('these counts cannot be trusted');
    expect(
      screen.getByText(/^Index refreshed \d\d:\d\d, 17 annotated components$/),
    ).toBeInTheDocument();
  });

  it('says what matched for an alert label and never links an invalid runbook', async () => {
    await renderLookup();
    await userEvent.type(searchBox(), 'namespace=orders');
    const result = await screen.findByRole('article', { name: 'orders-db' });
    expect(result).toHaveTextContent('matched alert label namespace=orders');
    expect(result).toHaveTextContent(
      'Outside the platform scope: Application team',
    );
    expect(result).toHaveTextContent('Runbook: invalid, not an http(s) link');
    expect(within(result).queryByRole('link', { name: /wiki/ })).toBeNull();
  });

  it('opens the top result on Enter, even before the debounced answer', async () => {
    await renderLookup();
    await userEvent.type(searchBox(), 'namespace=ingress-nginx{Enter}');
    expect(
      await screen.findByText('entity page of component:default/ingress-nginx'),
    ).toBeInTheDocument();
    expect(lookup).toHaveBeenCalledWith('namespace=ingress-nginx');
  });

  it('opens the result of the query typed last, not of the one shown before', async () => {
    await renderLookup();
    await userEvent.type(searchBox(), 'ingress');
    await screen.findByRole('article', { name: 'Ingress NGINX' });
    await userEvent.clear(searchBox());
    await userEvent.type(searchBox(), 'orders{Enter}');
    expect(
      await screen.findByText('entity page of component:default/orders-db'),
    ).toBeInTheDocument();
  });

  it('aborts the older request and never shows its late answer', async () => {
    let answerIngress: (response: LookupResponse) => void = () => {};
    lookup.mockImplementation(query =>
      query === 'ingress'
        ? new Promise(resolve => {
            answerIngress = resolve;
          })
        : Promise.resolve(answer(query, [ordersResult])),
    );
    await renderLookup();
    await userEvent.type(searchBox(), 'ingress');
    await waitFor(() =>
      expect(lookup).toHaveBeenCalledWith('ingress', expect.anything()),
    );
    await userEvent.clear(searchBox());
    await userEvent.type(searchBox(), 'orders');
    await screen.findByRole('article', { name: 'orders-db' });

    expect(lookup.mock.calls[0][1]?.signal?.aborted).toBe(true);
    answerIngress(answer('ingress', [ingressResult]));
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('article', { name: 'Ingress NGINX' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'orders-db' }),
    ).toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    lookup.mockImplementation(async query => answer(query, []));
    await renderLookup();
    await userEvent.type(searchBox(), 'kafka');
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent("No component matches 'kafka'");
    expect(status).toHaveTextContent(
      'Only entities with platform-ops/ annotations can be found',
    );
  });

  it('shows the backend error, which names the bad field, in the panel title', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'Invalid query: q: must be at most 200 characters',
        },
        request: { method: 'GET', url: '/lookup' },
        response: { statusCode: 400 },
      }),
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/json' },
      },
    );
    lookup.mockRejectedValue(await ResponseError.fromResponse(response));
    await renderLookup();
    await userEvent.type(searchBox(), 'x');
    expect(
      await screen.findByText(
        /The lookup was rejected: Invalid query: q: must be at most 200 characters/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Lookup results' }),
    ).not.toBeInTheDocument();
  });
});
