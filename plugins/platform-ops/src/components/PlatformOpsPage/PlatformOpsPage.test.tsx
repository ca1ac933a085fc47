import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PlatformOpsApi, platformOpsApiRef } from '../../api';
import { PlatformOpsPage } from './PlatformOpsPage';

describe('PlatformOpsPage', () => {
  it('opens on the incident lookup, ready to type into', async () => {
    const api: Pick<PlatformOpsApi, 'lookup' | 'getSources'> = {
      lookup: jest.fn(),
      getSources: jest.fn().mockResolvedValue([]),
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
});
