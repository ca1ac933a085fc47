import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  ComponentDrillStatus,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime, Settings } from 'luxon';
import { Route, Routes } from 'react-router-dom';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import {
  calendarApiMock,
  currentSearch,
  renderCalendar,
} from '../maintenance/calendar/__testUtils__/renderCalendar';
import { productionUpgradeChange } from '../../testing/maintenance';
import { argocdDrill, argocdSummary } from '../../testing/argocd';
import { ordersDatabaseSummary } from '../../testing/ordersDatabase';
import { overviewResponse, paymentsGatewayRow } from '../../testing/overview';
import {
  postgresqlOrdersDrill,
  postgresqlOrdersSummary,
} from '../../testing/postgresqlOrders';
import { testNow } from '../../testing/testConfig';
import { PlatformOpsPage } from './PlatformOpsPage';

type PageApi = Pick<PlatformOpsApi, 'lookup' | 'getSources' | 'getDrills'>;

async function renderPage(api: PageApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, api]]}>
      <PlatformOpsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The text of each cell of each body row of a table. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .filter(row => within(row).queryAllByRole('cell').length > 0)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('PlatformOpsPage', () => {
  it('opens on the incident lookup, ready to type into', async () => {
    const api: PageApi = {
      lookup: jest.fn(),
      getSources: jest.fn().mockResolvedValue([]),
      getDrills: jest.fn(),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[platformOpsApiRef, api]]}>
        <PlatformOpsPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen.getByRole('heading', { name: 'Platform Ops' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Ownership, alerting, backups and maintenance of the platform',
      ),
    ).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab');
    expect(tabs[0]).toHaveTextContent('Incident lookup');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(
      screen.getByRole('textbox', {
        name: 'Component, namespace or alert label',
      }),
    ).toHaveFocus();
  });

  describe('Drills tab', () => {
    beforeAll(() => {
      Settings.now = () => testNow.toMillis();
    });
    afterAll(() => {
      Settings.now = () => Date.now();
    });

    // In the order a backend might send them: the page puts overdue first.
    const components: ComponentDrillStatus[] = [
      {
        entity: argocdSummary.entity,
        state: 'ok',
        lastDrill: '2026-10-01',
        nextDue: '2027-03-30',
      },
      { entity: ordersDatabaseSummary.entity, state: 'missing' },
      {
        entity: postgresqlOrdersSummary.entity,
        state: 'overdue',
        lastDrill: '2026-04-20',
        nextDue: '2026-10-17',
      },
    ];

    it('lists overdue components first, then never drilled, each linked to its page', async () => {
      const api: PageApi = {
        lookup: jest.fn(),
        getSources: jest.fn().mockResolvedValue([]),
        getDrills: jest.fn().mockResolvedValue({
          drills: [postgresqlOrdersDrill, argocdDrill],
          components,
        }),
      };
      await renderPage(api);
      await userEvent.click(screen.getByRole('tab', { name: 'Drills' }));

      const status = (
        await screen.findByText('Drill status per component')
      ).closest('div[class*="MuiPaper"]') as HTMLElement;
      await within(status).findByText('PostgreSQL (orders)');
      expect(api.getDrills).toHaveBeenCalledWith(undefined);
      expect(rowsOf(status)).toEqual([
        [
          'PostgreSQL (orders)',
          'Drill overdue since 2026-10-17',
          '2026-04-20',
          '2026-10-17',
        ],
        ['orders-db', 'No drill recorded', 'never', 'due now'],
        ['Argo CD', 'Next drill due 2027-03-30', '2026-10-01', '2027-03-30'],
      ]);
      expect(
        within(status).getByRole('link', { name: 'PostgreSQL (orders)' }),
      ).toHaveAttribute('href', '/catalog/default/component/postgresql-orders');
      const overdue = within(status)
        .getByText('Drill overdue since 2026-10-17')
        .closest('[data-status]') as HTMLElement;
      expect(within(overdue).getByTestId('status-warning')).toBeInTheDocument();

      const recent = screen
        .getByText('Recent drills')
        .closest('div[class*="MuiPaper"]') as HTMLElement;
      const drills = rowsOf(recent);
      expect(drills.map(row => row[0])).toEqual(['2026-10-01', '2026-04-20']);
      expect(drills[0][1]).toContain('argocd');
      expect(
        within(recent)
          .getAllByRole('link')
          .map(link => link.getAttribute('href')),
      ).toEqual([
        '/catalog/default/component/argocd',
        '/catalog/default/component/postgresql-orders',
      ]);
    });
  });

  describe('Sources tab', () => {
    beforeAll(() => {
      Settings.now = () => testNow.toMillis();
    });
    afterAll(() => {
      Settings.now = () => Date.now();
    });

    const sources: SourceStatus[] = [
      {
        id: 'alertmanager:production',
        type: 'alertmanager',
        environment: 'production',
        state: 'ok',
        fetchedAt: testNow.minus({ seconds: 30 }).toISO()!,
        items: 3,
        heartbeat: 'ok',
      },
      {
        id: 'alertmanager:staging',
        type: 'alertmanager',
        environment: 'staging',
        state: 'stale',
        fetchedAt: testNow.minus({ hours: 3 }).toISO()!,
        items: 0,
        heartbeat: 'missing',
      },
      {
        id: 'velero:staging',
        type: 'velero',
        environment: 'staging',
        state: 'failing',
        fetchedAt: testNow.minus({ days: 2 }).toISO()!,
        lastError: 'the Kubernetes API did not answer within 10s',
        items: 12,
        warnings: [
          'Backup storage location default is Unavailable: every backup to it fails',
          'Schedule daily-platform is paused: it makes no backups',
        ],
      },
    ];

    it('shows each state in words with its icon, the age of the last good fetch, the error and the warnings', async () => {
      await renderPage({
        lookup: jest.fn(),
        getSources: jest.fn().mockResolvedValue(sources),
        getDrills: jest.fn(),
      });
      await userEvent.click(screen.getByRole('tab', { name: 'Sources' }));
      await screen.findByText('velero:staging');
      const row = (id: string) => screen.getByText(id).closest('tr')!;

      const ok = row('alertmanager:production');
      expect(
        within(ok).getByText('ok').closest('[data-status]'),
      ).toHaveAttribute('data-status', 'ok');
      expect(within(ok).getByTestId('status-ok')).toBeInTheDocument();
      expect(ok).toHaveTextContent('(0 min ago)');

      const stale = row('alertmanager:staging');
      expect(
        within(stale)
          .getByText('stale: no recent good fetch, its data may be out of date')
          .closest('[data-status]'),
      ).toHaveAttribute('data-status', 'warning');
      // The state and the missing heartbeat.
      expect(within(stale).getAllByTestId('status-warning')).toHaveLength(2);
      expect(stale).toHaveTextContent('(3 h ago)');
      expect(stale).toHaveTextContent('Heartbeat missing');

      const failing = row('velero:staging');
      expect(failing).toHaveTextContent(
        'failing: the last attempt failed, showing the last good data',
      );
      const dated = DateTime.fromISO(sources[2].fetchedAt!)
        .toLocal()
        .toFormat('yyyy-MM-dd HH:mm');
      expect(failing).toHaveTextContent(`as of ${dated} (2 d ago)`);
      expect(failing).toHaveTextContent(
        'Last error: the Kubernetes API did not answer within 10s',
      );
      for (const warning of sources[2].warnings!) {
        const line = within(failing).getByText(warning);
        expect(line.closest('[data-status]')).toHaveAttribute(
          'data-status',
          'warning',
        );
      }
      expect(within(failing).getAllByTestId('status-error')).toHaveLength(2);
    });
  });

  describe('Overview tab', () => {
    it('comes right after the incident lookup and asks for the filters in its URL', async () => {
      const getOverview = jest
        .fn()
        .mockResolvedValue(overviewResponse([paymentsGatewayRow]));
      await renderInTestApp(
        <TestApiProvider
          apis={[
            [
              platformOpsApiRef,
              {
                lookup: jest.fn(),
                getSources: jest.fn(),
                getDrills: jest.fn(),
                getOverview,
              },
            ],
          ]}
        >
          {/* Mounted under a splat as the app mounts it, so the tab shows selected. */}
          <Routes>
            <Route path="/*" element={<PlatformOpsPage />} />
          </Routes>
        </TestApiProvider>,
        {
          routeEntries: ['/overview?status=has-p1&environment=production'],
          mountedRoutes: {
            '/catalog/:namespace/:kind/:name': entityRouteRef,
          },
        },
      );
      expect(
        await screen.findByRole('link', { name: '=Payments, "gateway"' }),
      ).toHaveAttribute('href', '/catalog/default/component/payments-gateway');
      const tabs = screen.getAllByRole('tab');
      expect(tabs[1]).toHaveTextContent('Overview');
      expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
      expect(getOverview).toHaveBeenCalledWith(
        expect.objectContaining({
          offset: 0,
          environment: 'production',
          status: ['has-p1'],
        }),
        expect.anything(),
      );
    });
  });

  describe('Maintenance calendar tab', () => {
    beforeAll(() => {
      Settings.now = () => testNow.toMillis();
    });
    afterAll(() => {
      Settings.now = () => Date.now();
    });

    it('sits between Drills and Sources', async () => {
      await renderPage({
        lookup: jest.fn(),
        getSources: jest.fn().mockResolvedValue([]),
        getDrills: jest.fn(),
      });
      const titles = screen.getAllByRole('tab').map(tab => tab.textContent);
      expect(titles).toContain('Maintenance calendar');
      expect(titles.indexOf('Maintenance calendar')).toBe(
        titles.indexOf('Drills') + 1,
      );
      expect(titles.indexOf('Sources')).toBe(
        titles.indexOf('Maintenance calendar') + 1,
      );
    });

    it("opens on the link a change's notification carries", async () => {
      // The backend's ChangeNotifier links to <app>/platform-ops/maintenance?change=<id>.
      await renderCalendar(
        // Mounted under a splat as the app mounts it, so the tab shows selected.
        <Routes>
          <Route path="/*" element={<PlatformOpsPage />} />
        </Routes>,
        {
          api: calendarApiMock(),
          route: `/maintenance?change=${productionUpgradeChange.id}`,
        },
      );
      expect(
        screen.getByRole('tab', { name: 'Maintenance calendar' }),
      ).toHaveAttribute('aria-selected', 'true');
      await screen.findByRole('table', { name: 'Maintenance in January 2027' });
      expect(currentSearch().get('change')).toBe(productionUpgradeChange.id);
      expect(
        screen.getByRole('region', { name: 'Opened change' }),
      ).toHaveTextContent(productionUpgradeChange.title);
    });
  });
});
