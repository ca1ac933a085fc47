import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime, Settings } from 'luxon';
import { ordersDatabaseChange } from '../../../testing/calendar';
import {
  productionUpgradeChange,
  securityPatchChange,
  stagingUpgradeChange,
} from '../../../testing/maintenance';
import { testNow } from '../../../testing/testConfig';
import {
  calendarApiMock,
  currentSearch,
  renderCalendar,
} from './__testUtils__/renderCalendar';
import { MaintenanceCalendar } from './MaintenanceCalendar';

const user = userEvent.setup({ delay: null });

/** The viewer's local day of an instant, as the grid's cells are dated. */
function localDay(iso: string): string {
  return DateTime.fromISO(iso).toLocal().toISODate()!;
}

/** A day's cell in the month grid. */
function dayCell(date: string): HTMLElement {
  const cell = document.querySelector<HTMLElement>(`td[data-date="${date}"]`);
  if (!cell) throw new Error(`no cell for ${date}`);
  return cell;
}

/** What each row of the list is: `window:<name>` or `change:<id>`. */
function listRows(): string[] {
  const table = screen.getByRole('table', {
    name: 'Maintenance windows and changes',
  });
  return [...table.querySelectorAll<HTMLElement>('tbody tr')].map(row =>
    row.dataset.entry === 'window'
      ? `window:${row.dataset.window}`
      : `change:${row.dataset.change}`,
  );
}

const STAGING_DECEMBER = '2026-12-01T08:00:00.000Z';
const PRODUCTION_DECEMBER = '2026-12-08T01:00:00.000Z';

describe('MaintenanceCalendar', () => {
  beforeAll(() => {
    Settings.now = () => testNow.toMillis();
  });
  afterAll(() => {
    Settings.now = () => Date.now();
  });

  describe('month view', () => {
    it('asks for the weeks of the month and shows each occurrence and change on its day', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?month=2026-12',
      });
      const grid = await screen.findByRole('table', {
        name: 'Maintenance in December 2026',
      });
      expect(
        screen.getByRole('heading', { name: 'December 2026' }),
      ).toBeInTheDocument();

      // Monday 30 November to Monday 4 January, in the viewer's zone.
      const from = DateTime.local(2026, 11, 30).toUTC().toISO();
      const to = DateTime.local(2027, 1, 4).toUTC().toISO();
      expect(api.getWindows).toHaveBeenCalledWith({ from, to });
      expect(api.getChanges).toHaveBeenCalledWith({ from, to });
      expect(grid.querySelectorAll('tbody tr')).toHaveLength(5);
      expect(grid.querySelectorAll('th')[0]).toHaveTextContent('Mon');

      const staging = dayCell(localDay(STAGING_DECEMBER));
      const window = within(staging).getByText('staging-monthly');
      const line = window.closest('[data-entry="window"]') as HTMLElement;
      expect(line).toHaveTextContent(
        DateTime.fromISO(STAGING_DECEMBER).toLocal().toFormat('HH:mm'),
      );
      expect(within(line).getByText('staging')).toHaveAttribute(
        'data-environment',
        'staging',
      );
      // The window's own zone for the viewer elsewhere.
      expect(line.getAttribute('title')).toContain(
        'Tue 1 Dec, 09:00–13:00 Europe/Stockholm',
      );
      const change = staging.querySelector(
        `[data-change="${stagingUpgradeChange.id}"]`,
      ) as HTMLElement;
      expect(change).toHaveTextContent(stagingUpgradeChange.title);
      expect(change.querySelector('[data-class]')).toHaveAttribute(
        'data-class',
        'major',
      );

      const production = dayCell(localDay(PRODUCTION_DECEMBER));
      expect(within(production).getByText('prod-monthly')).toBeInTheDocument();
      expect(
        within(production).getByText(/PostgreSQL 16.4/),
      ).toBeInTheDocument();
      expect(within(production).queryByText('staging-monthly')).toBeNull();

      // A day with nothing on it.
      expect(
        dayCell('2026-12-16').querySelectorAll('[data-entry]'),
      ).toHaveLength(0);
    });

    it('opens on the current month with today marked, and moves a month at a time', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, { api });
      await screen.findByRole('table', {
        name: 'Maintenance in November 2026',
      });
      const today = testNow.toLocal().toISODate()!;
      expect(dayCell(today)).toHaveAttribute('aria-current', 'date');
      // The postponed security patch on the 25th.
      expect(dayCell(localDay(securityPatchChange.start))).toHaveTextContent(
        securityPatchChange.title,
      );

      await user.click(screen.getByRole('button', { name: 'Next month' }));
      await screen.findByRole('table', {
        name: 'Maintenance in December 2026',
      });
      expect(currentSearch().get('month')).toBe('2026-12');

      await user.click(screen.getByRole('button', { name: 'Previous month' }));
      await user.click(screen.getByRole('button', { name: 'Previous month' }));
      await screen.findByRole('table', { name: 'Maintenance in October 2026' });
      expect(currentSearch().get('month')).toBe('2026-10');

      await user.click(screen.getByRole('button', { name: 'Today' }));
      await screen.findByRole('table', {
        name: 'Maintenance in November 2026',
      });
      expect(currentSearch().has('month')).toBe(false);
    });
  });

  describe('list view', () => {
    it("lists a month's windows and changes in date order with both zones, status, notice and components", async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?view=list&month=2026-12',
      });
      await screen.findByRole('table', {
        name: 'Maintenance windows and changes',
      });
      expect(api.getWindows).toHaveBeenCalledWith({
        from: DateTime.local(2026, 12, 1).toUTC().toISO(),
        to: DateTime.local(2027, 1, 1).toUTC().toISO(),
      });
      expect(listRows()).toEqual([
        'window:staging-monthly',
        `change:${stagingUpgradeChange.id}`,
        'window:prod-monthly',
        `change:${ordersDatabaseChange.id}`,
      ]);

      const row = document.querySelector(
        `tr[data-change="${stagingUpgradeChange.id}"]`,
      ) as HTMLElement;
      const localStart = DateTime.fromISO(STAGING_DECEMBER).toLocal();
      expect(row).toHaveTextContent(
        `${localStart.setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm')}`,
      );
      expect(row).toHaveTextContent(
        'Tue 1 Dec 2026, 09:00–13:00 Europe/Stockholm',
      );
      expect(row).toHaveTextContent('Planned');
      expect(row).toHaveTextContent('short notice: 9d given, 30d expected');
      expect(row.querySelector('[data-class]')).toHaveAttribute(
        'data-class',
        'major',
      );
      expect(
        within(row).getByRole('link', { name: /ingress-nginx/ }),
      ).toHaveAttribute('href', '/catalog/default/component/ingress-nginx');
    });

    it('lists the next 90 days from today when no month is asked for', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?view=list',
      });
      await screen.findByRole('table', {
        name: 'Maintenance windows and changes',
      });
      expect(
        screen.getByRole('heading', { name: 'Next 90 days' }),
      ).toBeInTheDocument();
      const today = testNow.toLocal().startOf('day');
      expect(api.getChanges).toHaveBeenCalledWith({
        from: today.toUTC().toISO(),
        to: today.plus({ days: 90 }).toUTC().toISO(),
      });
      const rows = listRows();
      // The done and cancelled changes of early November are past.
      expect(rows[0]).toBe(`change:${securityPatchChange.id}`);
      expect(rows).toContain(`change:${productionUpgradeChange.id}`);
      expect(rows.indexOf(`change:${stagingUpgradeChange.id}`)).toBeLessThan(
        rows.indexOf(`change:${productionUpgradeChange.id}`),
      );
    });
  });

  describe('filters', () => {
    it('asks the backend for one environment and keeps it in the URL', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?month=2026-12',
      });
      await screen.findByRole('table', {
        name: 'Maintenance in December 2026',
      });
      expect(screen.getByText('staging-monthly')).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: /Environment/ }));
      await user.click(
        await screen.findByRole('option', { name: 'production' }),
      );
      await waitFor(() =>
        expect(screen.queryByText('staging-monthly')).toBeNull(),
      );
      expect(currentSearch().get('environment')).toBe('production');
      expect(currentSearch().get('month')).toBe('2026-12');
      expect(api.getWindows).toHaveBeenCalledWith(
        expect.objectContaining({ environment: 'production' }),
      );
      expect(api.getChanges).toHaveBeenCalledWith(
        expect.objectContaining({ environment: 'production' }),
      );
      expect(screen.getByText('prod-monthly')).toBeInTheDocument();
      expect(
        screen.queryByText(stagingUpgradeChange.title, { exact: false }),
      ).toBeNull();

      // The other environments stay choosable.
      await user.click(screen.getByRole('button', { name: /Environment/ }));
      expect(
        await screen.findByRole('option', { name: 'staging' }),
      ).toBeInTheDocument();
    });

    it("shows only changes to the owner's components, completing a bare group name, and keeps the windows", async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?month=2026-12',
      });
      await screen.findByRole('table', {
        name: 'Maintenance in December 2026',
      });
      expect(
        document.querySelector(`[data-change="${stagingUpgradeChange.id}"]`),
      ).not.toBeNull();

      await user.type(
        screen.getByRole('textbox', { name: 'Owner' }),
        'orders-team{Enter}',
      );
      await waitFor(() =>
        expect(currentSearch().get('owner')).toBe('group:default/orders-team'),
      );
      await waitFor(() =>
        expect(
          document.querySelector(`[data-change="${stagingUpgradeChange.id}"]`),
        ).toBeNull(),
      );
      expect(
        document.querySelector(`[data-change="${ordersDatabaseChange.id}"]`),
      ).not.toBeNull();
      expect(screen.getByText('staging-monthly')).toBeInTheDocument();
      // GET /changes takes no owner: it is filtered here.
      for (const [query] of api.getChanges.mock.calls) {
        expect(query).not.toHaveProperty('owner');
      }
    });

    it('reads the filters of a shared link', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route:
          '/?view=list&month=2026-12&environment=staging&owner=group:default/platform-team',
      });
      await screen.findByRole('table', {
        name: 'Maintenance windows and changes',
      });
      expect(listRows()).toEqual([
        'window:staging-monthly',
        `change:${stagingUpgradeChange.id}`,
      ]);
    });
  });

  describe('a linked change', () => {
    it('opens the change a notification links to, in its month, highlighted', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: `/?change=${productionUpgradeChange.id}`,
      });
      await screen.findByRole('table', { name: 'Maintenance in January 2027' });
      expect(currentSearch().get('month')).toBe('2027-01');
      const highlighted = document.querySelector(
        '[data-entry="change"][data-focused="true"]',
      ) as HTMLElement;
      expect(highlighted).toHaveAttribute(
        'data-change',
        productionUpgradeChange.id,
      );
      expect(dayCell(localDay(productionUpgradeChange.start))).toContainElement(
        highlighted,
      );
      const details = screen.getByRole('region', { name: 'Opened change' });
      expect(details).toHaveTextContent(productionUpgradeChange.title);
      expect(details).toHaveTextContent(
        `Contingency plan: ${productionUpgradeChange.contingencyPlan}`,
      );

      await user.click(
        screen.getByRole('button', { name: 'Close the change' }),
      );
      expect(currentSearch().has('change')).toBe(false);
      expect(
        screen.queryByRole('region', { name: 'Opened change' }),
      ).toBeNull();
    });

    it('opens a change clicked in the list and keeps it in the URL', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?view=list&month=2026-12',
      });
      await user.click(
        await screen.findByRole('button', { name: ordersDatabaseChange.title }),
      );
      expect(currentSearch().get('change')).toBe(ordersDatabaseChange.id);
      const row = document.querySelector(
        `tr[data-change="${ordersDatabaseChange.id}"]`,
      );
      expect(row).toHaveAttribute('data-focused', 'true');
      expect(
        screen.getByRole('region', { name: 'Opened change' }),
      ).toHaveTextContent(ordersDatabaseChange.contingencyPlan);

      // Today keeps the change open and stays on today's month.
      await user.click(screen.getByRole('button', { name: 'Today' }));
      expect(
        await screen.findByRole('heading', { name: 'November 2026' }),
      ).toBeInTheDocument();
      expect(currentSearch().get('month')).toBe('2026-11');
      expect(currentSearch().get('change')).toBe(ordersDatabaseChange.id);
      expect(
        screen.getByRole('region', { name: 'Opened change' }),
      ).toBeInTheDocument();
    });

    it('says so when the linked change is not found', async () => {
      const api = calendarApiMock();
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?change=no-such-change',
      });
      expect(
        await screen.findByText(
          /No change no-such-change in the past 400 days/,
        ),
      ).toBeInTheDocument();
      await screen.findByRole('table', {
        name: 'Maintenance in November 2026',
      });
    });
  });

  describe('empty and failing', () => {
    it('says where windows are configured when none falls in the month', async () => {
      const api = calendarApiMock();
      api.getWindows.mockResolvedValue({ occurrences: [], truncated: false });
      api.getChanges.mockResolvedValue([]);
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?month=2026-12',
      });
      expect(
        await screen.findByText(/platformOps\.maintenance\.windows/),
      ).toHaveTextContent('platform-ops/maintenance-window');
      expect(
        screen.getByText(/No change is announced in this period/),
      ).toBeInTheDocument();
    });

    it("shows the backend's error with what to fix", async () => {
      const api = calendarApiMock();
      api.getWindows.mockRejectedValue(
        await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: {
                name: 'InputError',
                message:
                  'Invalid query: environment: must be one of staging, production',
              },
            }),
            {
              status: 400,
              statusText: 'Bad Request',
              headers: { 'Content-Type': 'application/json' },
            },
          ),
        ),
      );
      await renderCalendar(<MaintenanceCalendar />, {
        api,
        route: '/?month=2026-12&environment=prod',
      });
      expect(
        await screen.findByText(/check the environment and owner filters/),
      ).toBeInTheDocument();
      expect(
        screen.getAllByText(/must be one of staging, production/).length,
      ).toBeGreaterThan(0);
      await user.click(
        screen.getByRole('button', { name: 'Clear the filters' }),
      );
      expect(currentSearch().has('environment')).toBe(false);
    });
  });
});
