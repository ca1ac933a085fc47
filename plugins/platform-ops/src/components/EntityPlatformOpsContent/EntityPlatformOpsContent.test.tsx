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

  it('shows the backups card and the drill history, but no Record drill without the permission', async () => {
    const asked: string[] = [];
    const api: Pick<
      PlatformOpsApi,
      'getSummary' | 'getAlertHistory' | 'getDrills' | 'recordDrill'
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

    await waitFor(() => expect(asked).toEqual(['platform-ops.drill.create']));
    expect(
      screen.queryByRole('button', { name: 'Record drill' }),
    ).not.toBeInTheDocument();
  });
});
