import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { gitlabCiEntity, gitlabCiSummary } from '../../testing/gitlabCi';
import { ingressNginxEntity, ingressNginxSummary } from '../../testing/ingressNginx';
import { EntityScopeCard } from './EntityScopeCard';

const getSummary = jest.fn<ReturnType<PlatformOpsApi['getSummary']>, Parameters<PlatformOpsApi['getSummary']>>();

async function renderCard(entity: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
      <EntityProvider entity={entity}>
        <EntityScopeCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityScopeCard', () => {
  beforeEach(() => getSummary.mockReset());

  it('shows ingress-nginx inside the fence with its ordered escalation path', async () => {
    getSummary.mockResolvedValue(ingressNginxSummary);
    await renderCard(ingressNginxEntity);
    expect(await screen.findByText('Inside the platform scope: the platform team is accountable')).toBeInTheDocument();
    const path = screen.getByRole('list', { name: 'Escalation path' });
    const steps = within(path).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      expect.stringMatching(/^GroupPlatform on-call · platform-oncall@example.commembers: Ahmed Haddad, Li Wei$/),
      expect.stringMatching(/^UserJane Okafor · jane@example.com$/),
    ]);
    expect(within(steps[1]).getByRole('link', { name: 'jane@example.com' })).toHaveAttribute('href', 'mailto:jane@example.com');
    expect(screen.getByRole('link', { name: /runbooks\/ingress-nginx/ })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/ingress-nginx',
    );
  });

  it('shows gitlab-ci outside the fence with the IT systems team and its provider audit', async () => {
    getSummary.mockResolvedValue(gitlabCiSummary);
    await renderCard(gitlabCiEntity);
    expect(await screen.findByText('Outside the platform scope: IT systems team')).toBeInTheDocument();
    expect(screen.getByText(/^Accountable:/).parentElement).toHaveTextContent('IT systems team · it-systems@example.com');
    expect(screen.getByText('provider audit: last 2026-04-14, next due 2027-04-14')).toBeInTheDocument();
  });

  it('warns about an overdue audit and shows an owner that differs from the party', async () => {
    const summary: OpsSummary = {
      ...gitlabCiSummary,
      scope: {
        ...gitlabCiSummary.scope,
        owner: 'user:default/maria',
        ownerDiffers: true,
        audits: [{ kind: 'provider', last: '2025-09-15', interval: '365d', nextDue: '2026-09-15', state: 'overdue' }],
      },
    };
    getSummary.mockResolvedValue(summary);
    await renderCard(gitlabCiEntity);
    expect(await screen.findByText('provider audit: last 2025-09-15, overdue since 2026-09-15')).toBeInTheDocument();
    expect(screen.getByText(/^Owner in the catalog:/).parentElement).toHaveTextContent('Maria Santos');
  });

  it('never links an escalation step the catalog does not know, and lists the problem', async () => {
    const summary: OpsSummary = {
      ...ingressNginxSummary,
      scope: {
        ...ingressNginxSummary.scope,
        escalation: ['user:default/ghost'],
        contacts: { 'user:default/ghost': { ref: 'user:default/ghost', kind: 'user', found: false } },
      },
      problems: [
        {
          key: 'platform-ops/escalation',
          value: 'user:default/ghost',
          expected: 'a Group or User that exists in the catalog',
          message: 'platform-ops/escalation: "user:default/ghost" is not valid; expected a Group or User that exists in the catalog.',
        },
      ],
    };
    getSummary.mockResolvedValue(summary);
    await renderCard(ingressNginxEntity);
    const path = await screen.findByRole('list', { name: 'Escalation path' });
    expect(path).toHaveTextContent('user:default/ghost (not in the catalog)');
    expect(within(path).queryByRole('link')).toBeNull();
    expect(screen.getByText(/"user:default\/ghost" is not valid/)).toBeInTheDocument();
  });

  it('names the annotation to add for an entity without any', async () => {
    await renderCard({ ...ingressNginxEntity, metadata: { name: 'plain', annotations: {} } });
    expect((await screen.findAllByText(/platform-ops\/scope/)).length).toBeGreaterThan(0);
    expect(getSummary).not.toHaveBeenCalled();
  });
});
