import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime, Settings } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import {
  ingressNginxEntity,
  ingressNginxSummary,
} from '../../testing/ingressNginx';
import { gitlabCiEntity, gitlabCiSummary } from '../../testing/gitlabCi';
import {
  ordersDatabaseEntity,
  ordersDatabaseSummary,
} from '../../testing/ordersDatabase';
import { argocdEntity, argocdSummary } from '../../testing/argocd';
import {
  postgresqlOrdersEntity,
  postgresqlOrdersSummary,
} from '../../testing/postgresqlOrders';
import { testNow } from '../../testing/testConfig';
import { EntityPlatformOpsCard } from './EntityPlatformOpsCard';

const getSummary = jest.fn<
  ReturnType<PlatformOpsApi['getSummary']>,
  Parameters<PlatformOpsApi['getSummary']>
>();

function renderCard(entity: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
      <EntityProvider entity={entity}>
        <EntityPlatformOpsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The value next to a label, inside one aspect's section. */
function fieldOf(section: string, label: string): HTMLElement {
  const region = screen.getByRole('region', { name: section });
  return within(region).getByText(`${label}:`).parentElement!;
}

describe('EntityPlatformOpsCard', () => {
  beforeEach(() => getSummary.mockReset());

  it('explains the missing annotation and does not call the backend', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'plain', annotations: { 'backstage.io/x': 'y' } },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    };

    await renderCard(entity);

    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(screen.getAllByText(/platform-ops\/scope/).length).toBeGreaterThan(
      0,
    );
    expect(getSummary).not.toHaveBeenCalled();
  });

  it('shows scope, levels, escalation and runbook from the summary', async () => {
    getSummary.mockResolvedValue(ingressNginxSummary);

    await renderCard(ingressNginxEntity);

    expect(
      await screen.findByText(
        'Inside the platform scope: the platform team is accountable',
      ),
    ).toBeInTheDocument();
    expect(getSummary).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'ingress-nginx',
    });
    expect(
      within(fieldOf('Alerting', 'production')).getByText('P1'),
    ).toBeInTheDocument();
    expect(
      within(fieldOf('Alerting', 'staging')).getByText('P2'),
    ).toBeInTheDocument();

    const escalation = within(fieldOf('Scope', 'Escalation'))
      .getAllByRole('link')
      .map(link => link.getAttribute('href'));
    expect(escalation).toEqual([
      '/catalog/default/group/platform-oncall',
      'mailto:platform-oncall@example.com',
      '/catalog/default/user/jane',
      'mailto:jane@example.com',
    ]);

    const runbook = within(fieldOf('Scope', 'Runbook')).getByRole('link');
    expect(runbook).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/ingress-nginx',
    );
    expect(fieldOf('Backups', 'Source')).toHaveTextContent(
      'nothing is backed up',
    );
    expect(fieldOf('Alerting', 'Live')).toHaveTextContent('no alerts firing');
    expect(fieldOf('Maintenance', 'Release')).toHaveTextContent(
      'ingress-nginx@1.11',
    );
    expect(screen.queryByText(/annotation problem/)).not.toBeInTheDocument();
  });

  it('names the outside party, marks defaults and lists the problems', async () => {
    getSummary.mockResolvedValue(ordersDatabaseSummary);

    await renderCard(ordersDatabaseEntity);

    expect(
      await screen.findByText('Outside the platform scope: Application team'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Warning: 2 annotation problems'),
    ).toBeInTheDocument();
    const problems = screen.getByRole('list', { name: 'Annotation problems' });
    for (const problem of ordersDatabaseSummary.problems) {
      expect(within(problems).getByText(problem.message)).toBeInTheDocument();
    }
    expect(fieldOf('Alerting', 'production')).toHaveTextContent('P2 (default)');
    expect(fieldOf('Backups', 'Policy')).toHaveTextContent(
      'RPO 1h, retention 30d, RTO 4h (default)',
    );
    expect(fieldOf('Backups', 'Protection gaps')).toHaveTextContent(
      'off-cloud, encrypted',
    );
    expect(fieldOf('Scope', 'Runbook')).toHaveTextContent(
      'invalid, see the problems above',
    );
  });

  it('shows both the accountable party and a differing owner, and the audits in one line', async () => {
    getSummary.mockResolvedValue({
      ...gitlabCiSummary,
      scope: {
        ...gitlabCiSummary.scope,
        owner: 'user:default/maria',
        ownerDiffers: true,
        audits: [
          {
            kind: 'application',
            last: '2026-01-10',
            interval: '365d',
            nextDue: '2027-01-10',
            state: 'ok',
          },
          {
            kind: 'provider',
            last: '2025-09-15',
            interval: '365d',
            nextDue: '2026-09-15',
            state: 'overdue',
          },
        ],
      },
    });
    await renderCard(gitlabCiEntity);
    expect(
      await screen.findByText('Outside the platform scope: IT systems team'),
    ).toBeInTheDocument();
    expect(
      within(fieldOf('Scope', 'Accountable')).getByRole('link', {
        name: 'it-systems@example.com',
      }),
    ).toHaveAttribute('href', 'mailto:it-systems@example.com');
    expect(fieldOf('Scope', 'Owner in the catalog')).toHaveTextContent(
      'Maria Santos · maria@example.com',
    );
    const audits = fieldOf('Scope', 'Audits');
    expect(audits).toHaveTextContent(
      'application: next due 2027-01-10; provider: overdue since 2026-09-15',
    );
    expect(within(audits).getByTestId('status-warning')).toBeInTheDocument();
  });

  it('counts live alerts and says when the count cannot be trusted', async () => {
    getSummary.mockResolvedValue({
      ...ingressNginxSummary,
      alerting: {
        ...ingressNginxSummary.alerting,
        counts: { P1: 1, P2: 2, P3: 0 },
        trustworthy: false,
      },
    });
    await renderCard(ingressNginxEntity);
    await screen.findByText(
      'Inside the platform scope: the platform team is accountable',
    );
    expect(fieldOf('Alerting', 'Live')).toHaveTextContent(
      '1 P1, 2 P2 (not trustworthy: a heartbeat is not ok)',
    );
  });

  it('never links a runbook that is not http(s)', async () => {
    // eslint-disable-next-line no-script-url -- the hostile value under test
    const hostile = 'javascript:alert(1)';
    const summary: OpsSummary = {
      ...ingressNginxSummary,
      scope: { ...ingressNginxSummary.scope, runbook: hostile },
    };
    getSummary.mockResolvedValue(summary);

    const { container } = await renderCard(ingressNginxEntity);

    expect(await screen.findByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(within(fieldOf('Scope', 'Runbook')).queryByRole('link')).toBeNull();
  });

  it('says how old the data is', async () => {
    const generatedAt = DateTime.local().set({ hour: 0, minute: 5 }).toISO()!;
    getSummary.mockResolvedValue({ ...ingressNginxSummary, generatedAt });

    await renderCard(ingressNginxEntity);

    expect(await screen.findByText('00:05')).toBeInTheDocument();
    expect(screen.getByText(/as of/)).toHaveTextContent('as of 00:05');
  });

  it('shows a progress bar while loading', async () => {
    getSummary.mockReturnValue(new Promise(() => {}));

    await renderCard(ingressNginxEntity);

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(
      screen.queryByText(
        'Inside the platform scope: the platform team is accountable',
      ),
    ).not.toBeInTheDocument();
  });

  it('shows the error and loads again on retry', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'Summary service unavailable' },
        request: {
          method: 'GET',
          url: '/summary/component/default/ingress-nginx',
        },
        response: { statusCode: 503 },
      }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    getSummary
      .mockRejectedValueOnce(await ResponseError.fromResponse(response))
      .mockResolvedValueOnce(ingressNginxSummary);

    await renderCard(ingressNginxEntity);

    expect(
      (await screen.findAllByText(/Summary service unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByText(
        'Inside the platform scope: the platform team is accountable',
      ),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    await waitFor(() =>
      expect(
        screen.getByText(
          'Inside the platform scope: the platform team is accountable',
        ),
      ).toBeInTheDocument(),
    );
    expect(getSummary).toHaveBeenCalledTimes(2);
  });

  describe('backups section', () => {
    beforeAll(() => {
      Settings.now = () => testNow.toMillis();
    });
    afterAll(() => {
      Settings.now = () => Date.now();
    });

    it('shows the worst environment with its last good backup, the drills and the RTO', async () => {
      getSummary.mockResolvedValue(postgresqlOrdersSummary);
      await renderCard(postgresqlOrdersEntity);
      await screen.findByRole('region', { name: 'Backups' });
      const backups = fieldOf('Backups', 'Backups');
      expect(backups).toHaveTextContent(
        'production: RPO breached: last good backup 3 h ago (RPO 1h)',
      );
      expect(within(backups).getByTestId('status-error')).toBeInTheDocument();
      const drills = fieldOf('Backups', 'Drills');
      expect(drills).toHaveTextContent('Drill overdue since 2026-10-17');
      expect(drills).toHaveTextContent(
        'RTO exceeded: last drill 2026-04-20 measured 3h, objective 2h',
      );
      expect(within(drills).getByTestId('status-warning')).toBeInTheDocument();
      expect(within(drills).getByTestId('status-error')).toBeInTheDocument();
      expect(
        within(screen.getByRole('region', { name: 'Backups' })).queryByText(
          'Protection gaps:',
        ),
      ).toBeNull();
    });

    it('picks a breach over a healthy environment, and lists the protection gaps', async () => {
      getSummary.mockResolvedValue(argocdSummary);
      await renderCard(argocdEntity);
      await screen.findByRole('region', { name: 'Backups' });
      expect(fieldOf('Backups', 'Backups')).toHaveTextContent(
        'staging: RPO breached: last good backup 3 d ago (RPO 24h)',
      );
      expect(fieldOf('Backups', 'Drills')).toHaveTextContent(
        'Next drill due 2027-03-30',
      );
      expect(fieldOf('Backups', 'Protection gaps')).toHaveTextContent(
        'off-cloud',
      );
    });

    it('shows a stale source as unknown rather than as its last known state', async () => {
      getSummary.mockResolvedValue(ordersDatabaseSummary);
      await renderCard(ordersDatabaseEntity);
      await screen.findByRole('region', { name: 'Backups' });
      const backups = fieldOf('Backups', 'Backups');
      expect(backups).toHaveTextContent(
        /^Backups: staging: RPO unknown: the source velero:staging is stale/,
      );
      expect(within(backups).queryByTestId('status-ok')).toBeNull();
    });
  });
});
