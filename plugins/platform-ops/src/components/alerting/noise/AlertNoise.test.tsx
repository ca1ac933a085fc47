import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { AlertNoiseResponse } from '@platform-ops/plugin-platform-ops-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { Route, Routes, useLocation } from 'react-router-dom';
import { AlertNoiseFilter, platformOpsApiRef } from '../../../api';
import { alertNoiseResponse } from '../../../testing/alertNoise';
import { testNow } from '../../../testing/testConfig';
import { PlatformOpsPage } from '../../PlatformOpsPage';
import { AlertNoise } from './AlertNoise';

type GetAlertNoise = jest.Mock<
  Promise<AlertNoiseResponse>,
  [AlertNoiseFilter, { signal?: AbortSignal }?]
>;

/** Shows the URL's search, so a test can read what the page wrote there. */
function SearchProbe() {
  return <output aria-label="search">{useLocation().search}</output>;
}

function urlSearch(): string {
  return screen.getByRole('status', { name: 'search' }).textContent ?? '';
}

function answering(): GetAlertNoise {
  return jest.fn(async (filter: AlertNoiseFilter) =>
    alertNoiseResponse({
      days: filter.days === 90 ? 90 : 30,
      environment: filter.environment,
    }),
  );
}

async function renderNoise(getAlertNoise: GetAlertNoise, search = '') {
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getAlertNoise }]]}>
      <AlertNoise />
      <SearchProbe />
    </TestApiProvider>,
    {
      routeEntries: [`/${search}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The table whose title is `title`, found by its heading. */
function table(title: string): HTMLElement {
  const heading = screen.getByRole('heading', { name: title });
  return heading.closest('.MuiPaper-root') as HTMLElement;
}

/** The component names of a table's body rows, in order. */
function componentsIn(title: string): string[] {
  return within(table(title))
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('link')[0]?.textContent ?? '');
}

async function selectOption(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('AlertNoise', () => {
  beforeEach(() => {
    Settings.now = () => testNow.toMillis();
    Settings.defaultZone = 'UTC';
  });
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  it('lists the P1 that fired most often first, flagged as firing every week', async () => {
    await renderNoise(answering());
    await screen.findByRole('heading', { name: 'P1s that fired most often' });
    expect(componentsIn('P1s that fired most often')).toEqual([
      'ingress-nginx',
      'orders-db',
    ]);
    const [ingress, orders] = within(table('P1s that fired most often'))
      .getAllByRole('row')
      .slice(1);
    expect(
      within(ingress).getByText(
        'Fires every week: not a P1, or a problem to fix',
      ),
    ).toBeInTheDocument();
    expect(
      within(orders).queryByText(/Fires every week/),
    ).not.toBeInTheDocument();
  });

  it('lists the components whose alerts were mostly silenced', async () => {
    await renderNoise(answering());
    await screen.findByRole('heading', { name: 'Mostly silenced' });
    expect(componentsIn('Mostly silenced')).toEqual(['argocd']);
    expect(
      within(table('Mostly silenced')).getByText('83% (5 of 6)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/more than 50% of at least 3 alerts silenced/),
    ).toBeInTheDocument();
  });

  it('lists every row P1 first, and sorts by a column on request', async () => {
    await renderNoise(answering());
    const title = 'All alerts by component and level';
    await screen.findByRole('heading', { name: title });
    expect(componentsIn(title)).toEqual([
      'ingress-nginx',
      'orders-db',
      'argocd',
      'ingress-nginx',
      'gitlab-ci',
    ]);
    await userEvent.click(within(table(title)).getByText('Fired'));
    await userEvent.click(within(table(title)).getByText('Fired'));
    expect(componentsIn(title)[0]).toBe('gitlab-ci');
  });

  it('links each component to the history chart on its Platform Ops tab', async () => {
    await renderNoise(answering());
    await screen.findByRole('heading', { name: 'P1s that fired most often' });
    const link = within(table('P1s that fired most often')).getByRole('link', {
      name: 'ingress-nginx',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/ingress-nginx/platform-ops',
    );
  });

  it('reads the period and environment from the URL, and writes changes back', async () => {
    const getAlertNoise = answering();
    await renderNoise(getAlertNoise, '?days=90&environment=production');
    await screen.findByRole('heading', { name: 'P1s that fired most often' });
    expect(getAlertNoise.mock.calls[0][0]).toEqual({
      days: 90,
      environment: 'production',
    });
    expect(componentsIn('All alerts by component and level')).toEqual([
      'ingress-nginx',
      'orders-db',
      'gitlab-ci',
    ]);

    await selectOption('Environment', 'staging');
    await waitFor(() =>
      expect(urlSearch()).toBe('?days=90&environment=staging'),
    );
    await selectOption('Period', 'Last 30 days');
    await waitFor(() => expect(urlSearch()).toBe('?environment=staging'));
    await waitFor(() =>
      expect(getAlertNoise.mock.calls.at(-1)?.[0]).toEqual({
        days: 30,
        environment: 'staging',
      }),
    );
  });

  it('shows when the history was last recorded', async () => {
    await renderNoise(answering());
    expect(await screen.findByText(/History last recorded/)).toHaveTextContent(
      'History last recorded as of 00:03 (2 min ago).',
    );
  });

  it('says no alert fired, and how the history is recorded, when it is empty', async () => {
    const getAlertNoise: GetAlertNoise = jest.fn(
      async (_filter: AlertNoiseFilter) => alertNoiseResponse({}, []),
    );
    await renderNoise(getAlertNoise);
    expect(
      await screen.findByText('No alert fired in the last 30 days.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The history is recorded at every Alertmanager poll/),
    ).toBeInTheDocument();
  });

  it('shows a rejected filter with the field it names, and a way out', async () => {
    const getAlertNoise: GetAlertNoise = jest.fn(
      async (_filter: AlertNoiseFilter) => {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: {
                name: 'InputError',
                message: 'Invalid query: days: must be 30 or 90',
              },
              request: { method: 'GET', url: '/alerts/noise?days=60' },
              response: { statusCode: 400 },
            }),
            { status: 400, headers: { 'Content-Type': 'application/json' } },
          ),
        );
      },
    );
    await renderNoise(getAlertNoise, '?days=60');
    expect(
      await screen.findByText(
        /The noise filters were rejected: Invalid query: days: must be 30 or 90/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    await waitFor(() => expect(urlSearch()).toBe(''));
  });

  it('is the Alert noise tab of the Platform Ops page, opened from a shared link', async () => {
    const getAlertNoise = answering();
    await renderInTestApp(
      <TestApiProvider apis={[[platformOpsApiRef, { getAlertNoise }]]}>
        <Routes>
          <Route path="/*" element={<PlatformOpsPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/noise?days=90&environment=production'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(screen.getByRole('tab', { name: 'Alert noise' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await screen.findByRole('heading', { name: 'P1s that fired most often' });
    expect(getAlertNoise.mock.calls[0][0]).toEqual({
      days: 90,
      environment: 'production',
    });
  });
});
