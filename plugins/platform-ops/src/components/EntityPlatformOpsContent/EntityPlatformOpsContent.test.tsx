import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { Settings } from 'luxon';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import {
  postgresqlOrdersDrill,
  postgresqlOrdersEntity,
  postgresqlOrdersSummary,
} from '../../testing/postgresqlOrders';
import { doneChange } from '../../testing/maintenance';
import { testNow } from '../../testing/testConfig';
import { EntityPlatformOpsContent } from './EntityPlatformOpsContent';

// The permission API's answer, typed without importing the permission
// common package this plugin does not depend on.
type Decision = Exclude<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize'],
  Function | undefined
>;

describe('EntityPlatformOpsContent', () => {
  beforeAll(() => {
    Settings.now = () => testNow.toMillis();
  });
  afterAll(() => {
    Settings.now = () => Date.now();
  });

  it('shows the backups and maintenance cards, the drill and change histories, but no Record drill, Announce change or status actions without the permission', async () => {
    const asked: string[] = [];
    const api: Pick<
      PlatformOpsApi,
      | 'getSummary'
      | 'getAlertHistory'
      | 'getDrills'
      | 'recordDrill'
      | 'getChanges'
      | 'getWindows'
    > = {
      getSummary: jest.fn().mockResolvedValue(postgresqlOrdersSummary),
      getAlertHistory: jest
        .fn()
        .mockResolvedValue({ since: '2026-10-23', days: [] }),
      getDrills: jest.fn().mockResolvedValue({
        drills: [postgresqlOrdersDrill],
        components: [],
      }),
      recordDrill: jest.fn(),
      getChanges: jest.fn().mockResolvedValue([doneChange]),
      getWindows: jest.fn(),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [platformOpsApiRef, api],
          [
            permissionApiRef,
            mockApis.permission({
              authorize: request => {
                asked.push(request.permission.name);
                return 'DENY' as Decision;
              },
            }),
          ],
        ]}
      >
        <EntityProvider entity={postgresqlOrdersEntity}>
          <EntityPlatformOpsContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const production = await screen.findByRole('region', {
      name: 'Backups in production',
    });
    expect(production).toHaveTextContent(
      'RPO breached: last good backup 3 h ago (RPO 1h)',
    );
    const row = (await screen.findByText('2026-04-20')).closest('tr')!;
    expect(row).toHaveTextContent(
      'Point-in-time recovery of the orders database',
    );
    expect(within(row).getByText('Partly succeeded')).toBeInTheDocument();
    expect(api.getDrills).toHaveBeenCalledWith({
      entityRef: 'component:default/postgresql-orders',
    });

    // The maintenance card and the change history, without the actions.
    expect(
      await screen.findByRole('region', { name: 'Upcoming changes' }),
    ).toBeInTheDocument();
    const change = (await screen.findByText('Ingress NGINX 1.11.3')).closest(
      'tr',
    )!;
    expect(change).toHaveTextContent(
      'Went well: No alert fired during the rollout',
    );

    await waitFor(() =>
      expect([...asked].sort()).toEqual([
        'platform-ops.change.create',
        'platform-ops.drill.create',
      ]),
    );
    expect(
      screen.queryByRole('button', { name: 'Record drill' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Announce change' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Cancel: / })).toBeNull();
  });
});
