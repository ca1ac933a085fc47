import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { gitlabCiEntity, gitlabCiSummary } from '../../testing/gitlabCi';
import {
  ingressNginxEntity,
  ingressNginxSummary,
} from '../../testing/ingressNginx';
import { EntityScopeCard } from './EntityScopeCard';

const getSummary = jest.fn<
  ReturnType<PlatformOpsApi['getSummary']>,
  Parameters<PlatformOpsApi['getSummary']>
>();

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

/** The value next to a label on the card. */
function field(label: string): HTMLElement {
  return screen.getByText(`${label}:`).parentElement!;
}

describe('EntityScopeCard', () => {
  beforeEach(() => getSummary.mockReset());

  it('shows ingress-nginx inside the fence with its ordered escalation path', async () => {
    getSummary.mockResolvedValue(ingressNginxSummary);
    await renderCard(ingressNginxEntity);
    expect(
      await screen.findByText(
        'Inside the platform scope: the platform team is accountable',
      ),
    ).toBeInTheDocument();
    expect(
      within(field('Accountable')).getByRole('link', { name: 'Platform team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
    expect(
      within(field('Accountable')).getByRole('link', {
        name: 'platform-team@example.com',
      }),
    ).toHaveAttribute('href', 'mailto:platform-team@example.com');
    const path = screen.getByRole('list', { name: 'Escalation path' });
    const steps = within(path).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      'GroupPlatform on-call · platform-oncall@example.commembers: Ahmed Haddad, Li Wei',
      'UserJane Okafor · jane@example.com',
    ]);
    expect(
      within(steps[0]).getByRole('link', {
        name: 'platform-oncall@example.com',
      }),
    ).toHaveAttribute('href', 'mailto:platform-oncall@example.com');
    expect(
      within(steps[1]).getByRole('link', { name: 'jane@example.com' }),
    ).toHaveAttribute('href', 'mailto:jane@example.com');
    expect(
      screen.getByRole('link', { name: /runbooks\/ingress-nginx/ }),
    ).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/ingress-nginx',
    );
    expect(screen.queryByText(/Owner in the catalog/)).not.toBeInTheDocument();
  });

  it('shows gitlab-ci outside the fence with the IT systems team and its provider audit', async () => {
    getSummary.mockResolvedValue(gitlabCiSummary);
    await renderCard(gitlabCiEntity);
    expect(
      await screen.findByText('Outside the platform scope: IT systems team'),
    ).toBeInTheDocument();
    expect(field('Accountable')).toHaveTextContent(
      'IT systems team · it-systems@example.com',
    );
    const audit = screen.getByText(
      'provider audit: last 2026-04-14, next due 2027-04-14',
    );
    expect(within(audit).getByTestId('status-ok')).toBeInTheDocument();
    expect(within(audit).queryByTestId('status-warning')).toBeNull();
  });

  it('warns about an overdue audit and shows an owner that differs from the party', async () => {
    const summary: OpsSummary = {
      ...gitlabCiSummary,
      scope: {
        ...gitlabCiSummary.scope,
        owner: 'user:default/maria',
        ownerDiffers: true,
        audits: [
          {
            kind: 'provider',
            last: '2025-09-15',
            interval: '365d',
            nextDue: '2026-09-15',
            state: 'overdue',
          },
        ],
      },
    };
    getSummary.mockResolvedValue(summary);
    await renderCard(gitlabCiEntity);
    const audit = await screen.findByText(
      'provider audit: last 2025-09-15, overdue since 2026-09-15',
    );
    expect(within(audit).getByTestId('status-warning')).toBeInTheDocument();
    expect(field('Accountable')).toHaveTextContent('IT systems team');
    expect(
      within(field('Owner in the catalog')).getByRole('link', {
        name: 'Maria Santos',
      }),
    ).toHaveAttribute('href', '/catalog/default/user/maria');
  });

  it('warns about an audit never recorded and never links an invalid runbook', async () => {
    const summary: OpsSummary = {
      ...gitlabCiSummary,
      scope: {
        ...gitlabCiSummary.scope,
        audits: [{ kind: 'provider', interval: '365d', state: 'missing' }],
        runbook: 'wiki/runbooks/gitlab-ci',
      },
      problems: [
        {
          key: 'platform-ops/runbook',
          value: 'wiki/runbooks/gitlab-ci',
          expected: 'an absolute http:// or https:// URL',
          message:
            'platform-ops/runbook: "wiki/runbooks/gitlab-ci" is not valid; expected an absolute http:// or https:// URL.',
        },
        {
          key: 'platform-ops/backup-policy',
          value: 'rpo=soon',
          expected: 'a duration',
          message:
            'platform-ops/backup-policy: "rpo=soon" is not valid; expected a duration.',
        },
      ],
    };
    getSummary.mockResolvedValue(summary);
    await renderCard(gitlabCiEntity);
    const audit = await screen.findByText(
      'provider audit: never recorded (due every 365d)',
    );
    expect(within(audit).getByTestId('status-warning')).toBeInTheDocument();
    expect(field('Runbook')).toHaveTextContent(
      'invalid, see the problems above',
    );
    expect(within(field('Runbook')).queryByRole('link')).toBeNull();
    const problems = screen.getByRole('list', { name: 'Annotation problems' });
    expect(problems).toHaveTextContent(
      '"wiki/runbooks/gitlab-ci" is not valid',
    );
    // Only the scope's own keys: backups have their own card.
    expect(problems).not.toHaveTextContent('backup-policy');
  });

  it('never links an escalation step the catalog does not know, and lists the problem', async () => {
    const summary: OpsSummary = {
      ...ingressNginxSummary,
      scope: {
        ...ingressNginxSummary.scope,
        escalation: ['user:default/ghost'],
        contacts: {
          'user:default/ghost': {
            ref: 'user:default/ghost',
            kind: 'user',
            found: false,
          },
        },
      },
      problems: [
        {
          key: 'platform-ops/escalation',
          value: 'user:default/ghost',
          expected: 'a Group or User that exists in the catalog',
          message:
            'platform-ops/escalation: "user:default/ghost" is not valid; expected a Group or User that exists in the catalog.',
        },
      ],
    };
    getSummary.mockResolvedValue(summary);
    await renderCard(ingressNginxEntity);
    const path = await screen.findByRole('list', { name: 'Escalation path' });
    expect(path).toHaveTextContent('user:default/ghost (not in the catalog)');
    expect(within(path).queryByRole('link')).toBeNull();
    expect(
      screen.getByText(/"user:default\/ghost" is not valid/),
    ).toBeInTheDocument();
  });

  it('says how old the data is', async () => {
    const generatedAt = DateTime.local().set({ hour: 2, minute: 7 }).toISO()!;
    getSummary.mockResolvedValue({ ...ingressNginxSummary, generatedAt });
    await renderCard(ingressNginxEntity);
    expect(await screen.findByText(/as of/)).toHaveTextContent('as of 02:07');
  });

  it('names the annotation to add for an entity without any', async () => {
    await renderCard({
      ...ingressNginxEntity,
      metadata: { name: 'plain', annotations: {} },
    });
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(screen.getAllByText(/platform-ops\/scope/).length).toBeGreaterThan(
      0,
    );
    expect(getSummary).not.toHaveBeenCalled();
  });
});
