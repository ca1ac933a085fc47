import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  OverviewQuery,
  OverviewResponse,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { useLocation } from 'react-router-dom';
import { platformOpsApiRef } from '../../api';
import {
  overviewResponse,
  overviewRows,
  paymentsGatewayRow,
} from '../../testing/overview';
import { testNow } from '../../testing/testConfig';
import { PlatformOpsOverview } from './PlatformOpsOverview';

type GetOverview = jest.Mock<
  Promise<OverviewResponse>,
  [Partial<OverviewQuery>, { signal?: AbortSignal }?]
>;

/** Shows the URL's search, so a test can read what the page wrote there. */
function SearchProbe() {
  return <output aria-label="search">{useLocation().search}</output>;
}

function urlSearch(): string {
  return screen.getByRole('status', { name: 'search' }).textContent ?? '';
}

async function renderOverview(getOverview: GetOverview, search = '') {
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getOverview }]]}>
      <PlatformOpsOverview />
      <SearchProbe />
    </TestApiProvider>,
    {
      routeEntries: [`/${search}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('tr') as HTMLElement;
}

/** The queries the page asked for, without their abort signals. */
function queries(getOverview: GetOverview) {
  return getOverview.mock.calls.map(([query]) => query);
}

const firstThree = overviewRows.slice(0, 3);

async function backendError(message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        request: { method: 'GET', url: '/overview' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

describe('PlatformOpsOverview', () => {
  beforeEach(() => {
    Settings.now = () => testNow.toMillis();
    Settings.defaultZone = 'UTC';
  });
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  it('lists the rows in the order given, each linked, with its level, states, window and flags', async () => {
    const getOverview: GetOverview = jest
      .fn()
      .mockResolvedValue(overviewResponse(firstThree));
    await renderOverview(getOverview);
    await screen.findByText('=Payments, "gateway"');

    expect(
      screen
        .getAllByRole('link')
        .filter(link => link.closest('tr'))
        .map(link => link.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/payments-gateway',
      '/catalog/default/group/payments-team',
      '/catalog/default/component/postgresql-orders',
      '/catalog/default/group/platform-team',
      '/catalog/default/component/argocd',
      '/catalog/default/group/platform-team',
    ]);

    const payments = rowOf('=Payments, "gateway"');
    expect(payments).toHaveTextContent('Application team');
    expect(
      within(payments).getByText('P1').closest('[data-level]'),
    ).toHaveAttribute('title', expect.stringContaining('2 AM'));
    expect(
      within(payments).getByText('RPO met').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'ok');
    expect(payments).toHaveTextContent('Tue 2026-12-08 01:00 (production)');
    // In the end-of-life column and as a flag.
    expect(
      within(payments)
        .getAllByText('Past end of life')
        .map(text =>
          text.closest('[data-status]')?.getAttribute('data-status'),
        ),
    ).toEqual(['error', undefined]);
    expect(
      within(within(payments).getByRole('list', { name: 'Status flags' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['P1 firing', 'Past end of life', 'Annotation problems']);

    const postgresql = rowOf('PostgreSQL (orders)');
    expect(postgresql).toHaveTextContent('none firing');
    expect(
      within(postgresql).getByText('RPO breached').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'error');
    expect(within(postgresql).getByTestId('status-error')).toBeInTheDocument();
    expect(postgresql).toHaveTextContent('no release declared');

    expect(screen.getByText('3 matching, worst status first')).toBeVisible();
    expect(screen.getByText(/Rows computed/).closest('p')).toHaveTextContent(
      'Rows computed as of 00:03 (2 min ago); catalog read as of 2026-11-21 23:55 (10 min ago)',
    );
    // Counted over the rows before the status filter.
    expect(
      screen.getByRole('button', { name: 'Backup RPO breached (2)' }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  it('asks for the filters and page in the URL under the backend’s names', async () => {
    const getOverview: GetOverview = jest
      .fn()
      .mockResolvedValue(overviewResponse([paymentsGatewayRow]));
    await renderOverview(
      getOverview,
      '?status=has-p1&environment=production&owner=payments-team&offset=50',
    );
    await screen.findByText('=Payments, "gateway"');
    expect(queries(getOverview)).toEqual([
      {
        offset: 50,
        limit: 50,
        party: undefined,
        owner: 'group:default/payments-team',
        environment: 'production',
        q: undefined,
        status: ['has-p1'],
      },
    ]);
    expect(screen.getByRole('textbox', { name: 'Environment' })).toHaveValue(
      'production',
    );
    expect(
      screen.getByRole('button', { name: 'P1 firing (1)' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('writes a changed filter to the URL and asks again from the first page', async () => {
    const getOverview: GetOverview = jest
      .fn()
      .mockResolvedValue(overviewResponse(firstThree));
    await renderOverview(getOverview, '?offset=50');
    await screen.findByText('PostgreSQL (orders)');

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search' }),
      'orders',
    );
    await waitFor(() => expect(urlSearch()).toBe('?q=orders'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Backup RPO breached (2)' }),
    );
    await waitFor(() =>
      expect(urlSearch()).toBe('?q=orders&status=backup-breached'),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'P1 firing (1)' }),
    );
    await waitFor(() =>
      expect(urlSearch()).toBe('?q=orders&status=has-p1%2Cbackup-breached'),
    );
    await waitFor(() =>
      expect(getOverview).toHaveBeenLastCalledWith(
        expect.objectContaining({
          offset: 0,
          q: 'orders',
          status: ['has-p1', 'backup-breached'],
        }),
        expect.anything(),
      ),
    );
  });

  it('asks for the next offset when paging, with the total from the backend', async () => {
    const getOverview: GetOverview = jest.fn(async query =>
      overviewResponse(firstThree, { total: 120, offset: query.offset }),
    );
    await renderOverview(getOverview, '?party=platform');
    await screen.findByText('PostgreSQL (orders)');
    expect(screen.getAllByText('1-50 of 120')[0]).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() => expect(urlSearch()).toBe('?party=platform&offset=50'));
    await waitFor(() =>
      expect(getOverview).toHaveBeenLastCalledWith(
        expect.objectContaining({ offset: 50, limit: 50, party: 'platform' }),
        expect.anything(),
      ),
    );
    expect(
      (await screen.findAllByText('51-100 of 120'))[0],
    ).toBeInTheDocument();
  });

  describe('CSV export', () => {
    let saved: { name: string; blob: Blob } | undefined;
    beforeEach(() => {
      saved = undefined;
      let blob: Blob | undefined;
      URL.createObjectURL = jest.fn((value: Blob) => {
        blob = value;
        return 'blob:overview';
      });
      URL.revokeObjectURL = jest.fn();
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function click(this: HTMLAnchorElement) {
          saved = { name: this.download, blob: blob! };
        });
    });
    afterEach(() => jest.restoreAllMocks());

    it('downloads every page of the current filter as CSV', async () => {
      const postgresql = overviewRows.find(
        row => row.entity.name === 'postgresql-orders',
      )!;
      const getOverview: GetOverview = jest.fn(async query =>
        query.limit === 200
          ? overviewResponse(
              query.offset === 0 ? [paymentsGatewayRow] : [postgresql],
              { total: 2 },
            )
          : overviewResponse([paymentsGatewayRow], { total: 2 }),
      );
      await renderOverview(getOverview, '?environment=production&offset=1');
      await screen.findByText('=Payments, "gateway"');

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(saved).toBeDefined());

      expect(queries(getOverview).slice(1)).toEqual([
        expect.objectContaining({
          offset: 0,
          limit: 200,
          environment: 'production',
        }),
        expect.objectContaining({
          offset: 1,
          limit: 200,
          environment: 'production',
        }),
      ]);
      expect(saved!.name).toBe('platform-ops-overview-2026-11-22.csv');
      expect(saved!.blob.type).toBe('text/csv;charset=utf-8');
      const text = await new Response(saved!.blob).text();
      expect(text.split('\r\n')).toEqual([
        'ref,title,party,accountable,owner,worst level,backup,next window start,environment,end of life,problems,flags',
        'component:default/payments-gateway,"\'=Payments, ""gateway""",application,group:default/payments-team,group:default/payments-team,P1,ok,2026-12-08T01:00:00.000Z,production,eol,1,P1 firing; Past end of life; Annotation problems',
        'component:default/postgresql-orders,PostgreSQL (orders),platform,group:default/platform-team,group:default/platform-team,,breached,2026-12-01T08:00:00.000Z,staging,,0,Backup RPO breached; DR drill overdue or missing',
        '',
      ]);
    });

    it('says when the export failed', async () => {
      const getOverview: GetOverview = jest.fn(async query => {
        if (query.limit === 200) throw new Error('the backend is gone');
        return overviewResponse(firstThree);
      });
      await renderOverview(getOverview);
      await screen.findByText('PostgreSQL (orders)');
      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Export failed: the backend is gone',
      );
      expect(saved).toBeUndefined();
    });
  });

  it('says when filters leave nothing, and clears them', async () => {
    const getOverview: GetOverview = jest.fn(async query =>
      overviewResponse(query.environment ? [] : firstThree),
    );
    await renderOverview(getOverview, '?environment=qa&limit=100');
    expect(
      await screen.findByText('No components match these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

    const [clear] = screen.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.click(clear);
    await waitFor(() => expect(urlSearch()).toBe('?limit=100'));
    expect(await screen.findByText('PostgreSQL (orders)')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Environment' })).toHaveValue(
      '',
    );
  });

  it('says how to annotate components when there are none', async () => {
    const getOverview: GetOverview = jest
      .fn()
      .mockResolvedValue(overviewResponse([]));
    await renderOverview(getOverview);
    expect(
      await screen.findByText(/No annotated components yet/),
    ).toHaveTextContent(
      'No annotated components yet: add platform-ops/ annotations to catalog-info.yaml',
    );
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
  });

  it('names the parameter the backend rejected, and offers to clear the filters', async () => {
    const error = await backendError(
      'Invalid query: limit: must be at most 200',
    );
    const getOverview: GetOverview = jest.fn(async query => {
      if (query.limit === 500) throw error;
      return overviewResponse(firstThree);
    });
    await renderOverview(getOverview, '?limit=500&status=has-p1');
    expect(
      await screen.findByText(
        /The overview filters were rejected: Invalid query: limit: must be at most 200/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(getOverview).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText(/The overview filters were rejected/),
    ).toBeInTheDocument();
  });

  it('shows a failure to load with a way to try again', async () => {
    const getOverview: GetOverview = jest
      .fn()
      .mockRejectedValueOnce(new Error('Failed to fetch'))
      .mockResolvedValue(overviewResponse(firstThree));
    await renderOverview(getOverview);
    expect(
      await screen.findByText(/Could not load the overview/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('PostgreSQL (orders)')).toBeInTheDocument();
  });
});
