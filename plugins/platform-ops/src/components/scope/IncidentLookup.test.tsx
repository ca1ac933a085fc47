import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { LookupResponse } from '@platform-ops/plugin-platform-ops-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { ingressNginxSummary } from '../../testing/ingressNginx';
import { IncidentLookup } from './IncidentLookup';

const lookup = jest.fn<ReturnType<PlatformOpsApi['lookup']>, Parameters<PlatformOpsApi['lookup']>>();

const ingressResult: LookupResponse = {
  query: 'ingress',
  indexedEntities: 17,
  indexedAt: '2026-11-22T09:00:00.000Z',
  results: [
    {
      entity: ingressNginxSummary.entity,
      match: { field: 'name', matched: 'ingress-nginx', score: 80 },
      scope: ingressNginxSummary.scope,
      alerts: { P1: 1, P2: 0, P3: 2 },
      alertsTrustworthy: false,
    },
  ],
};

function EntityPageMarker() {
  const { namespace, kind, name } = useParams();
  return <p>entity page of {`${kind}:${namespace}/${name}`}</p>;
}

async function renderLookup() {
  return renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { lookup }]]}>
      <Routes>
        <Route path="/" element={<IncidentLookup />} />
        <Route path="/catalog/:namespace/:kind/:name" element={<EntityPageMarker />} />
      </Routes>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('IncidentLookup', () => {
  beforeEach(() => {
    lookup.mockReset();
    lookup.mockImplementation(async query => ({ ...ingressResult, query }));
  });

  it('focuses the search box on load', async () => {
    await renderLookup();
    expect(screen.getByRole('textbox', { name: 'Component, namespace or alert label' })).toHaveFocus();
  });

  it('asks once after typing stops and shows owner, escalation and runbook of each result', async () => {
    await renderLookup();
    await userEvent.type(screen.getByRole('textbox'), 'ingress');
    const result = await screen.findByRole('article', { name: 'Ingress NGINX' });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('ingress');
    expect(result).toHaveTextContent('matched name ingress-nginx');
    expect(within(result).getByRole('link', { name: 'Ingress NGINX' })).toHaveAttribute(
      'href',
      '/catalog/default/component/ingress-nginx',
    );
    expect(result).toHaveTextContent('Inside the platform scope: the platform team is accountable');
    expect(result).toHaveTextContent('Accountable: Platform team · platform-team@example.com');
    const steps = within(within(result).getByRole('list', { name: 'Escalation path' })).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      expect.stringContaining('Platform on-call'),
      expect.stringContaining('Jane Okafor · jane@example.com'),
    ]);
    expect(within(result).getByRole('link', { name: /runbooks\/ingress-nginx/ })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/ingress-nginx',
    );
    expect(result).toHaveTextContent('these counts cannot be trusted');
    expect(screen.getByText(/17 annotated components, index refreshed/)).toBeInTheDocument();
  });

  it('opens the top result on Enter', async () => {
    await renderLookup();
    await userEvent.type(screen.getByRole('textbox'), 'namespace=ingress-nginx{Enter}');
    expect(await screen.findByText('entity page of component:default/ingress-nginx')).toBeInTheDocument();
    expect(lookup).toHaveBeenCalledWith('namespace=ingress-nginx');
  });

  it('says when nothing matches', async () => {
    lookup.mockImplementation(async query => ({ query, results: [], indexedEntities: 17 }));
    await renderLookup();
    await userEvent.type(screen.getByRole('textbox'), 'kafka');
    expect(await screen.findByRole('status')).toHaveTextContent("No component matches 'kafka'");
  });

  it('shows the backend error, which names the bad field', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'InputError', message: 'Invalid query: q: must be at most 200 characters' },
        request: { method: 'GET', url: '/lookup' },
        response: { statusCode: 400 },
      }),
      { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    lookup.mockRejectedValue(error);
    await renderLookup();
    await userEvent.type(screen.getByRole('textbox'), 'x');
    await waitFor(() =>
      expect(screen.getByText(/Invalid query: q: must be at most 200 characters/)).toBeInTheDocument(),
    );
  });
});
